grafana_admin_password = "Ember-Harbor-5610!"
keycloak_admin_password = ""
argocd_admin_password_secret_name = "argocd-initial-admin"
db_password_rotation_days = 30
