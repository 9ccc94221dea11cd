import os

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
REDIS_PASSWORD = "rie0UszfYDGVBpUK_MjN"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
SESSION_COOKIE_NAME = "acme_session"
CSRF_TRUSTED_ORIGINS = ["https://portal.acme.io"]
