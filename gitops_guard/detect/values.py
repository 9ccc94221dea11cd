"""What a key or a value says about itself: credential names, placeholders,
references, entropy and base64.

These judgements are shared by every detector, so that a Secret, a Helm value
and a dotenv line agree on what a password is.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from collections import Counter
from functools import lru_cache

# Words that make a key name a credential. Matched against the words of a key
# ("dbPassword" -> ["db", "password"], "tls.key" -> ["tls", "key"]).
_CREDENTIAL_WORDS = frozenset(
    {
        "password",
        "passwd",
        "pwd",
        "pass",
        "passphrase",
        "passcode",
        "secret",
        "secrets",
        "token",
        "tokens",
        "key",
        "apikey",
        "credential",
        "credentials",
        "creds",
        "auth",
        "authorization",
        "privatekey",
        "secretkey",
        "accesskey",
        "clientsecret",
        "bearertoken",
        "keydata",
        "sshprivatekey",
        "dsn",
        "connectionstring",
        "cookie",
    }
)

# A last word that turns a credential-ish key into a reference or a setting:
# "secretName", "passwordFile", "tokenPath", "keyId", "authEnabled".
_NON_SECRET_LAST_WORDS = frozenset(
    {
        "name",
        "names",
        "ref",
        "refs",
        "file",
        "files",
        "path",
        "paths",
        "dir",
        "id",
        "ids",
        "type",
        "types",
        "length",
        "size",
        "len",
        "policy",
        "version",
        "enabled",
        "enable",
        "disabled",
        "required",
        "field",
        "fields",
        "header",
        "mode",
        "method",
        "methods",
        "url",
        "uri",
        "endpoint",
        "endpoints",
        "server",
        "host",
        "provider",
        "providers",
        "store",
        "stores",
        "namespace",
        "selector",
        "format",
        "algorithm",
        "usage",
        "usages",
        "expiry",
        "expiration",
        "ttl",
        "duration",
        "period",
        "interval",
        "rotation",
        "label",
        "labels",
        "annotation",
        "annotations",
        "template",
        "templates",
        "mount",
        "volume",
        "env",
        "source",
        "kind",
        "count",
        "generator",
        "manager",
        "role",
        "roles",
        "user",
        "username",
        "issuer",
        "audience",
        "audiences",
        "scope",
        "scopes",
        "hint",
        "prefix",
        "suffix",
        "regex",
        "pattern",
        "strategy",
        "backend",
        "engine",
        "config",
        "configs",
        "check",
        "keys",
        "property",
        "mtime",
        "time",
        "timestamp",
        "date",
        "created",
        "updated",
        "expires",
        "at",
        "ms",
        "seconds",
        "secs",
        "minutes",
        "hours",
        "days",
        "validity",
        "iterations",
        "query",
        "use",
        "rounds",
        "lifespan",
        "lifetime",
        "ssm",
        "arn",
        "parameter",
        "realm",
        "alias",
        "aliases",
        "timeout",
        "retries",
        "attempts",
        "threshold",
        "limit",
        "max",
        "min",
        "cache",
        "bits",
        "properties",
        "hash",
        "sha",
        "sha256",
        "checksum",
        "location",
        "map",
        "item",
        "items",
        "lookup",
        "class",
        "group",
        "ttlseconds",
        "vault",
        "cert",
        "certificate",
        "ca",
        "crt",
        "pem",
        "pub",
        "public",
        "publickey",
        "fingerprint",
    }
)

# A first word that marks a reference to a secret rather than the secret.
_REFERENCE_FIRST_WORDS = frozenset(
    {
        "update",
        "existing",
        "use",
        "enable",
        "enabled",
        "disable",
        "create",
        "generate",
        "require",
        "required",
        "skip",
        "allow",
        "external",
        "public",
        "pub",
        "is",
        "has",
        "with",
        "without",
        "no",
        "num",
        "max",
        "min",
        "show",
        "hide",
        "checksum",
        "sha",
        "sha1",
        "sha256",
        "digest",
        "hash",
    }
)

# Whole keys (lower-cased, non-alphanumerics removed) that are never a value of
# their own even though they contain a credential word.
_NON_SECRET_KEYS = frozenset(
    {
        "key",
        "secretkeyref",
        "secretref",
        "secretname",
        "secretstoreref",
        "tokenreviewer",
        "keyref",
        "apikeyref",
        "passwordsecretref",
        "passwordsecret",
        "tokensecretref",
        "authsecretref",
        "credentialssecret",
        "credentialsecret",
        "serviceaccounttoken",
        "automountserviceaccounttoken",
        "tlssecret",
        "pullsecret",
        "imagepullsecrets",
        "authtype",
        "tokentype",
        "keytype",
        "passwordauthentication",
        "passwordpolicy",
        "tokenurl",
        "authurl",
        "secretstore",
        "clustersecretstore",
        "secrettemplate",
        "secrets",
        "tokens",
        "keys",
        "auth",
        "credentials",
        "creds",
    }
)

_WORD_SPLIT = re.compile(r"[^A-Za-z0-9]+")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")


def key_words(key: str) -> list[str]:
    """Split a key into lower-case words: "db_Password.tlsKey2" -> db, password, tls, key."""
    words: list[str] = []
    for part in _WORD_SPLIT.split(key):
        if part:
            words.extend(w.lower() for w in _CAMEL.findall(part) if not w.isdigit())
    return words


def _compact(key: str) -> str:
    return _WORD_SPLIT.sub("", key).lower()


_FILE_EXTENSIONS = frozenset(
    {"json", "yaml", "yml", "txt", "conf", "cfg", "ini", "properties", "env", "toml", "xml"}
)
# "<word>Key" is key material only after these words (apiKey, privateKey);
# otherwise it names a key (topologyKey, passwordKey, routingKey).
_KEY_QUALIFIERS = frozenset(
    {
        "api",
        "access",
        "secret",
        "private",
        "master",
        "encryption",
        "decryption",
        "signing",
        "sign",
        "license",
        "licence",
        "ssh",
        "client",
        "app",
        "server",
        "service",
        "account",
        "storage",
        "shared",
        "session",
        "cookie",
        "jwt",
        "hmac",
        "aes",
        "crypt",
        "crypto",
        "root",
        "admin",
        "webhook",
        "tls",
        "gpg",
        "pgp",
        "rsa",
        "subscription",
        "consumer",
        "ingest",
        "write",
        "read",
        "deploy",
        "db",
        "database",
        "redis",
        "x",
        "auth",
        "validation",
        "verification",
        "recaptcha",
        "stripe",
        "sentry",
        "datadog",
        "dd",
        "newrelic",
        "mailgun",
        "sendgrid",
        "maps",
        "google",
        "aws",
        "azure",
        "gcp",
        "minio",
        "s3",
        "cipher",
        "vault",
        "unseal",
        "backup",
        "machine",
        "host",
        "node",
        "agent",
        "bot",
        "integration",
        "partner",
        "merchant",
        "customer",
        "system",
        "instance",
        "cluster",
        "project",
        "org",
        "organization",
        "team",
        "personal",
        "registration",
        "join",
        "bootstrap",
        "enrollment",
        "sas",
        "primary",
        "secondary",
    }
)
_SECRET_DATA_KEYS = frozenset({"key", "auth", "secrets", "tokens", "credentials", "creds"})


@lru_cache(maxsize=8192)
def is_credential_key(key: str, *, in_secret: bool = False) -> bool:
    """True when a key names a secret value: password, apiKey, AUTH_TOKEN.

    A key that names a reference to a secret (secretName, passwordFile,
    existingSecret, secretKeyRef) or a setting (authEnabled, tokenTTL) is not
    a credential key. Bare ``key`` and ``auth`` are credentials only inside a
    Secret's data (``key``, ``tls.key``); elsewhere they are usually names
    (``secretKeyRef.key``, ``remoteRef.key``).
    """
    if not key:
        return False
    if key.startswith("_auth"):
        return True  # npm's _auth and _authToken
    if in_secret:
        segments = [s for s in key.split(".") if s and s.lower() not in _FILE_EXTENSIONS]
        words = key_words(segments[-1]) if segments else []
        compact = "".join(words)
        if compact in _SECRET_DATA_KEYS:
            return True
    else:
        segment = key.rsplit(".", 1)[-1] or key
        words = key_words(segment)
        compact = "".join(words)
        if compact in _NON_SECRET_KEYS:
            return False
    if not words:
        return False
    if words[0] in _REFERENCE_FIRST_WORDS and len(words) > 1:
        return False
    if len(words) > 1 and ("from" in words or "ref" in words or "existing" in words):
        return False  # "configFromSecret", "secretRefName": where a secret comes from
    if words[-1] in _NON_SECRET_LAST_WORDS:
        return False
    if len(words) > 1 and words[-1] == "key" and not in_secret and words[-2] not in _KEY_QUALIFIERS:
        return False  # "topologyKey", "passwordKey": names of keys, not key material
    if any(w in _CREDENTIAL_WORDS for w in words):
        return True
    return bool(_RUN_TOGETHER.search(compact))


# A credential word run together with others ("dbpassword", "apitoken"), but not
# the start of another word ("tokenizer", "secretary", "passwordless").
_RUN_TOGETHER = re.compile(r"(?:password|passwd|secret|token|apikey)(?!izer|ization|ary|less|ized)")


@lru_cache(maxsize=4096)
def names_key_material(key: str) -> bool:
    """A ``...Key`` name that is not plainly a credential ("routingKey",
    "replicaSetKey"): key material only when its value looks random."""
    words = key_words(key.rsplit(".", 1)[-1] or key)
    return len(words) > 1 and words[-1] == "key"


# Values that stand for "fill this in" rather than a real secret.
_PLACEHOLDER = re.compile(
    r"""^(?:
        changeme|change[-_ ]?me|change[-_ ]?it|replace[-_ ]?me|replaceme|
        to[-_ ]?be[-_ ]?replaced|todo|tbd|fixme|placeholder|redacted|
        none|null|nil|undefined|n/?a|empty|default|
        your[-_ ]?\w+(?:[-_ ]?here)?|insert[-_ ]?\w+|enter[-_ ]?\w+|
        example|sample|(?:example|sample)[-_]\w+|(?:my|your)[-_]\w*(?:pass|secret|token|key|phrase)\w*|
        read|write|read[-_]?only|read[-_]?write|
        x{3,}|\*{3,}|\.{3,}|-+|_+|0{4,}|
        <[^<>]*>|\[[^\[\]]*\]|%[a-z_]+%
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# Indirections: the value names where the secret lives, it is not the secret.
_REFERENCE = re.compile(
    r"""(?:
        \{\{.*?\}\}|                 # Helm / Go / ApplicationSet templates
        \$\{[^}]*\}|\$\([^)]*\)|     # ${VAR} and $(VAR)
        <path:[^>]+>|                # Argo CD Vault Plugin
        ^\$[A-Za-z_][\w.-]*(?::[\w.-]+)?$|  # argocd-cm $key and $secret:key
        ^ENC\[[A-Z0-9_]+,data:|      # SOPS ciphertext
        ^vault:[\w/.-]+|             # vault: paths used by several injectors
        ^(?:ref\+|secretref\+)\w+://|  # vals / helm-secrets references
        ^(?:var|local|module|data)\.[A-Za-z_][\w.\-\[\]"]*$|  # Terraform references
        ^\$__(?:file|env|vault)\{|  # Grafana provisioning references
        ^(?:token|bearer|basic)\ \$[A-Za-z_][\w.\-]*$|  # Argo CD notifications: "token $github-token"
        ^\(\([\w.\-/:]+\)\)$|  # Concourse ((var))
        ^\$ANSIBLE_VAULT;|  # Ansible Vault ciphertext
        ^[A-Za-z_][\w.]*\(\s*['"]?[\w.\-/:]*['"]?\s*\)$  # a call: credentials('sonar-token'), env("X")
    )""",
    re.VERBOSE,
)

_SOPS_VALUE = re.compile(r"^ENC\[AES256_GCM,data:[^,]*,iv:[^,]*,tag:[^,]*,type:\w+\]$")


def is_sops_ciphertext(value: str) -> bool:
    return bool(_SOPS_VALUE.match(value.strip()))


_MASKED = re.compile(r"x{8,}|X{8,}|\*{3,}|•{3,}|(?i:replace[-_]?me|change[-_]?me(?![a-z0-9]))")


def is_placeholder(value: str) -> bool:
    """Fill-in text: changeme, <your-token>, REPLACE_ME, or a masked value (ghp_xxxxxxxx, sk_live_****)."""
    v = value.strip().strip("'\"")
    if not v:
        return True
    return bool(_PLACEHOLDER.match(v) or _MASKED.search(v))


def is_reference(value: str) -> bool:
    return bool(_REFERENCE.search(value.strip()))


_CREDENTIAL_WORD_VALUES = frozenset(
    {"password", "passwd", "pass", "pwd", "secret", "token", "apikey", "api_key", "key", "credentials"}
)


def is_word_placeholder(key: str, value: str) -> bool:
    """A value that only repeats a credential word or its own key ("pass: password",
    "token: token"): a sample in values files, though deployed as-is in a Secret."""
    v = value.strip().lower()
    return v in _CREDENTIAL_WORD_VALUES or v == key.strip().lower()


# Public by design: certificates, public keys, publishable API keys, age recipients.
_PUBLIC = re.compile(
    r"""^(?:-----BEGIN\ (?:CERTIFICATE|PUBLIC\ KEY|RSA\ PUBLIC\ KEY|PGP\ PUBLIC\ KEY\ BLOCK)-----
        |ssh-(?:rsa|ed25519|dss)\ |ecdsa-sha2-|sk-ssh-|pk_(?:live|test)_|age1[02-9ac-hj-np-z]{58}$)""",
    re.VERBOSE,
)
# A Kubernetes object name that names a secret ("db-password", "runner-token").
_SECRET_NAME = re.compile(
    r"^[a-z0-9]+(?:[-.][a-z0-9]+)*[-.](?:secret|secrets|token|tokens|password|passwords|auth|"
    r"credentials|creds|key|keys|users|tls|cert|certs)(?:[-.][a-z0-9]+)*$"
)


def is_public_value(value: str) -> bool:
    return bool(_PUBLIC.match(value.lstrip()))


def names_a_secret(value: str) -> bool:
    """A value that is the name of a Secret or key, not its content: ``db-password``."""
    return bool(_SECRET_NAME.match(value.strip()))


# Values that switch something rather than hold a secret ("authorization: enabled").
_SETTING_WORDS = frozenset(
    {
        "true",
        "false",
        "yes",
        "no",
        "on",
        "off",
        "enabled",
        "disabled",
        "required",
        "optional",
        "none",
        "auto",
        "internal",
        "external",
        "basic",
        "bearer",
        "digest",
        "oauth",
        "oauth2",
        "oidc",
        "ldap",
        "saml",
        "jwt",
        "hmac",
        "tls",
        "mtls",
        "plain",
        "md5",
        "scram-sha-256",
        "trust",
    }
)


def is_literal_secret_value(value: str) -> bool:
    """A value that could be a real secret: not empty, not a placeholder, not a reference."""
    v = value.strip()
    if not v or is_placeholder(v) or is_reference(v) or v.startswith("<<"):
        return False
    return v.lower() not in _SETTING_WORDS


def shannon_entropy(value: str) -> float:
    if not value:
        return 0.0
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


_HEX = re.compile(r"^[0-9a-fA-F]+$")
_B64ISH = re.compile(r"^[A-Za-z0-9+/=_\-.~]+$")
_HOSTNAME = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def looks_random(value: str) -> bool:
    """A long token-like string whose characters look randomly drawn.

    Hex needs 32 or more characters and 3.0 bits of entropy per character,
    other token alphabets 20 or more and 3.5 bits (English words and names
    stay far below these). UUIDs are identifiers, not secrets.
    """
    v = value.strip()
    if len(v) < 20 or " " in v or not _B64ISH.match(v) or _UUID.match(v) or _HOSTNAME.match(v):
        return False
    if _HEX.match(v):
        return len(v) >= 32 and shannon_entropy(v) >= 3.0
    has_digit = any(c.isdigit() for c in v)
    has_alpha = any(c.isalpha() for c in v)
    return has_digit and has_alpha and shannon_entropy(v) >= 3.5


def decode_base64(value: str) -> bytes | None:
    """Decode standard or URL-safe base64, tolerating line breaks; None if it is not base64."""
    compact = "".join(value.split())
    if not compact or len(compact) % 4 == 1:
        return None
    padded = compact + "=" * (-len(compact) % 4)
    try:
        if "-" in compact or "_" in compact:
            return base64.urlsafe_b64decode(padded)
        return base64.b64decode(padded, validate=True)
    except (binascii.Error, ValueError):
        return None


def bytes_to_text(raw: bytes) -> str | None:
    """UTF-8 text of decoded bytes, or None when they are binary."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if any(ord(c) < 9 or 13 < ord(c) < 32 for c in text):
        return None
    return text
