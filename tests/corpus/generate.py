#!/usr/bin/env python3
"""Regenerate the labelled accuracy corpus (cases/ and labels.yaml).

    python tests/corpus/generate.py

Every secret-looking value here is produced by a seeded PRNG or typed by hand
for this corpus: none is a real credential.  Lines of a template that carry a
label end with a marker that is stripped when the file is written:

    «L»          labelled leak, kind = the folder's kind
    «N»          labelled tricky negative, kind = the folder's kind
    «L:kind»     / «N:kind»  with an explicit kind

Line numbers in labels.yaml are computed from the written files, never by eye.
"""

from __future__ import annotations

import base64
import json
import random
import re
import shutil
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CASES = ROOT / "cases"
R = random.Random(0x6A1705)

UP = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LO = "abcdefghijklmnopqrstuvwxyz"
DG = "0123456789"
AN = UP + LO + DG
B64 = AN + "+/"
B64U = AN + "-_"
BCRYPT = "./" + AN
KINDS = [
    "private-key",
    "cloud-token",
    "saas-token",
    "url-credentials",
    "k8s-secret",
    "generic-assignment",
    "password-hash",
    "cli-credential",
]


# ---------------------------------------------------------------- values
def rs(n: int, alpha: str = AN) -> str:
    return "".join(R.choice(alpha) for _ in range(n))


def hx(n: int) -> str:
    return rs(n, "0123456789abcdef")


def dg(n: int) -> str:
    return R.choice("123456789") + rs(n - 1, DG)


def rbytes(n: int) -> bytes:
    return bytes(R.getrandbits(8) for _ in range(n))


def b64b(n: int) -> str:
    return base64.b64encode(rbytes(n)).decode()


def b64e(s: str) -> str:
    return base64.b64encode(s.encode()).decode()


def b64u(s: str | bytes) -> str:
    if isinstance(s, str):
        s = s.encode()
    return base64.urlsafe_b64encode(s).decode().rstrip("=")


def uid() -> str:
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


def pw(n: int = 16) -> str:
    """A strong-looking password with mixed classes."""
    core = list(rs(n - 3) + R.choice(UP) + R.choice(DG) + R.choice("!#%+-_.@"))
    R.shuffle(core)
    s = "".join(core)
    return ("q" + s[1:]) if s[0] in "!#%+-_.@" else s


def upw(n: int = 16) -> str:
    """A password that may appear unencoded in a URL's userinfo."""
    core = list(rs(n - 3) + R.choice(UP) + R.choice(DG) + R.choice("-_.~!"))
    R.shuffle(core)
    return "".join(core)


def akia() -> str:
    return "AKIA" + rs(16, UP + "234567")


def asia() -> str:
    return "ASIA" + rs(16, UP + "234567")


def aws_secret() -> str:
    return rs(40, B64)


def ghp(prefix: str = "ghp_") -> str:
    return prefix + rs(36)


def github_pat() -> str:
    return "github_pat_11" + rs(20, UP + DG) + "_" + rs(59)


def glpat() -> str:
    return "glpat-" + rs(20, AN + "-_")


def xoxb() -> str:
    return f"xoxb-{dg(12)}-{dg(13)}-{rs(24)}"


def xoxp() -> str:
    return f"xoxp-{dg(12)}-{dg(12)}-{dg(13)}-{hx(32)}"


def slack_hook() -> str:
    return f"https://hooks.slack.com/services/T{rs(8, UP + DG)}/B{rs(10, UP + DG)}/{rs(24)}"


def sendgrid() -> str:
    return f"SG.{rs(22, B64U)}.{rs(43, B64U)}"


def jwt(payload: dict, alg: str = "HS256") -> str:
    h = b64u(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")))
    p = b64u(json.dumps(payload, separators=(",", ":")))
    sig = b64u(rbytes(256 if alg.startswith("RS") else 32))
    return f"{h}.{p}.{sig}"


def hvs() -> str:
    return "hvs.CAESI" + rs(20, AN + "-_") + "Gh4KHGh2cy5" + rs(56, AN + "-_")


def age_secret() -> str:
    return "AGE-SECRET-KEY-1" + rs(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L")


def age_public() -> str:
    return "age1" + rs(58, "qpzry9x8gf2tvdw0s3jn54khce6mua7l")


def azure_key() -> str:
    return b64b(64)


def azure_client_secret() -> str:
    return rs(3) + R.choice(DG) + "Q~" + rs(34, AN + "-_.~")


def gcp_api_key() -> str:
    return "AIza" + rs(35, B64U)


def bcrypt(cost: str = "10", v: str = "2a") -> str:
    return f"${v}${cost}${rs(53, BCRYPT)}"


def apr1() -> str:
    return f"$apr1${rs(8, BCRYPT)}${rs(22, BCRYPT)}"


def sha512crypt() -> str:
    return f"$6$rounds=4096${rs(16, BCRYPT)}${rs(86, BCRYPT)}"


def sha256hex() -> str:
    return hx(64)


def sealed() -> str:
    return "AgB" + rs(R.randint(600, 720), B64) + "=="


def sops_enc(n: int = 24) -> str:
    return f"ENC[AES256_GCM,data:{b64b(n)},iv:{b64b(32)},tag:{b64b(16)},type:str]"


def ssh_ed25519_pub(comment: str = "") -> str:
    s = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + rs(43, B64)
    return s + (" " + comment if comment else "")


def ssh_rsa_pub(comment: str = "") -> str:
    s = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ" + rs(540, B64)
    return s + (" " + comment if comment else "")


def ecdsa_pub() -> str:
    return "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB" + rs(86, B64) + "="


PEM = {
    # kind: (BEGIN label, body prefix, body length, line width)
    "rsa": ("RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA", 1580, 64),
    "ec": ("EC PRIVATE KEY", "MHcCAQEEI", 218, 64),
    "pkcs8": ("PRIVATE KEY", "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQ", 1590, 64),
    "pkcs8ec": ("PRIVATE KEY", "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg", 180, 64),
    "openssh": (
        "OPENSSH PRIVATE KEY",
        "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
        380,
        70,
    ),
    "encrypted": ("ENCRYPTED PRIVATE KEY", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI", 1740, 64),
    "dsa": ("DSA PRIVATE KEY", "MIIBuwIBAAKBgQ", 590, 64),
    "cert": ("CERTIFICATE", "MIIDazCCAlOgAwIBAgIU", 1180, 64),
    "csr": ("CERTIFICATE REQUEST", "MIICijCCAXICAQAwRTELMAkGA1UEBhMC", 900, 64),
    "pubkey": ("PUBLIC KEY", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", 350, 64),
}


def pem_text(kind: str) -> str:
    label, prefix, n, width = PEM[kind]
    body = prefix + rs(n - len(prefix), B64)
    body += "=" * ((4 - len(body) % 4) % 4)
    lines = [body[i : i + width] for i in range(0, len(body), width)]
    return "\n".join([f"-----BEGIN {label}-----", *lines, f"-----END {label}-----"]) + "\n"


def pgp_block(private: bool = True) -> str:
    label = "PGP PRIVATE KEY BLOCK" if private else "PGP PUBLIC KEY BLOCK"
    body = ("lQVYBG" if private else "mQINBG") + rs(2200 if private else 1100, B64)
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return (
        "\n".join([f"-----BEGIN {label}-----", "", *lines, "=" + rs(4, B64), f"-----END {label}-----"]) + "\n"
    )


def pgp_message() -> str:
    body = "hQIMA" + rs(700, B64)
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return (
        "\n".join(["-----BEGIN PGP MESSAGE-----", "", *lines, "=" + rs(4, B64), "-----END PGP MESSAGE-----"])
        + "\n"
    )


def block(text: str, indent: str = "", mark: str = "") -> str:
    """Indent a multi-line text; put `mark` at the end of its first line."""
    lines = text.rstrip("\n").split("\n")
    out = [indent + ln if ln else ln for ln in lines]
    out[0] += mark
    return "\n".join(out)


def pem(kind: str, indent: str = "", mark: str = "«L»") -> str:
    return block(pem_text(kind), indent, mark)


def gcp_sa(project: str) -> dict:
    return {
        "type": "service_account",
        "project_id": project,
        "private_key_id": hx(40),
        "private_key": pem_text("pkcs8"),
        "client_email": f"deployer@{project}.iam.gserviceaccount.com",
        "client_id": dg(21),
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token",
        "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
        "client_x509_cert_url": f"https://www.googleapis.com/robot/v1/metadata/x509/deployer%40{project}.iam.gserviceaccount.com",
        "universe_domain": "googleapis.com",
    }


def sa_json_lines(sa: dict, indent: str = "", key_mark: str = "«L»", id_mark: str = "«N»") -> str:
    text = json.dumps(sa, indent=2)
    out = []
    for ln in text.split("\n"):
        if '"private_key":' in ln:
            ln += key_mark
        elif '"private_key_id":' in ln:
            ln += id_mark
        out.append(indent + ln)
    return "\n".join(out)


def jm(text: str, marks: dict[str, str]) -> str:
    """Append a marker to the (single) line of `text` containing each key."""
    lines = text.split("\n")
    for key, mark in marks.items():
        hits = [i for i, ln in enumerate(lines) if key in ln]
        assert len(hits) == 1, (key, hits)
        lines[hits[0]] += mark
    return "\n".join(lines)


# ---------------------------------------------------------------- files
FILES: dict[str, str] = {}


def F(path: str, text: str) -> None:
    assert path not in FILES, path
    FILES[path] = text.lstrip("\n")


# ======================================================= private-key
d = "private-key/"
F(d + "deploy-key.pem", pem("rsa"))
F(
    d + "tls-secret.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: shop-frontend-tls
  namespace: shop
type: kubernetes.io/tls
stringData:
  tls.crt: |
{pem("cert", "    ", "«N»")}
  tls.key: |
{pem("ec", "    ")}
""",
)
F(
    d + "tls-secret-b64.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: api-gateway-tls
  namespace: edge
type: kubernetes.io/tls
data:
  tls.crt: {b64e(pem_text("cert"))}«N»
  tls.key: {b64e(pem_text("pkcs8"))}«L»
""",
)
F(
    d + "argocd-repo-ssh.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: repo-platform-manifests
  namespace: argocd
  labels:
    argocd.argoproj.io/secret-type: repository
stringData:
  type: git
  url: git@gitlab.example.com:platform/manifests.git
  sshPrivateKey: |
{pem("openssh", "    ")}
""",
)
F(
    d + "flux-git-auth.yaml",
    f"""
---
apiVersion: v1
kind: Secret
metadata:
  name: flux-system
  namespace: flux-system
stringData:
  identity: |
{pem("openssh", "    ")}
  identity.pub: {ssh_ed25519_pub("flux@cluster-eu1")}«N»
  known_hosts: github.com {ssh_ed25519_pub()}«N»
""",
)
F(
    d + "values-ingress.yaml",
    f"""
ingress:
  enabled: true
  hosts:
    - host: grafana.example.org
      paths: ["/"]
  tls:
    enabled: true
    cert: |
{pem("cert", "      ", "«N»")}
    key: |
{pem("pkcs8", "      ")}
""",
)
F(d + "release-signing.asc", pgp_block(True).replace("-----\n", "-----«L»\n", 1))
F(d + "release-signing.pub.asc", pgp_block(False).replace("-----\n", "-----«N»\n", 1))
F(
    d + "install-deploy-key.sh",
    f"""
#!/usr/bin/env bash
set -euo pipefail
mkdir -p ~/.ssh && chmod 700 ~/.ssh
cat > ~/.ssh/id_ed25519 <<'EOF'
{pem("openssh")}
EOF
chmod 600 ~/.ssh/id_ed25519
ssh-keyscan gitlab.example.com >> ~/.ssh/known_hosts
""",
)
F(
    d + "webhook-config.json",
    jm(
        json.dumps(
            {
                "name": "release-notifier",
                "signing": {"algorithm": "RS256", "privateKey": pem_text("rsa"), "keyId": "notifier-2024-05"},
                "endpoint": "https://hooks.example.net/release",
            },
            indent=2,
        ),
        {'"privateKey"': "«L»"},
    ),
)
F(
    d + "bastion.tfvars",
    f"""
bastion_name    = "ops-bastion-01"
instance_type   = "t3.small"
ssh_private_key = <<EOT
{pem("ec")}
EOT
allowed_cidrs = ["10.20.0.0/16"]
""",
)
F(
    d + ".gitlab-ci.yml",
    f"""
stages: [deploy]

variables:
  KUBE_NAMESPACE: payments
  DEPLOY_KEY: |
{pem("rsa", "    ")}

deploy:
  stage: deploy
  image: alpine/git:2.45.2
  script:
    - eval $(ssh-agent -s)
    - echo "$DEPLOY_KEY" | ssh-add -
    - git push git@gitlab.example.com:payments/env.git HEAD:main
""",
)
F(d + "legacy-key.pem", pem("encrypted"))
F(d + "old-dsa.key", pem("dsa"))
F(
    d + "cloud-init.yaml",
    f"""
#cloud-config
hostname: worker-03
ssh_authorized_keys:
  - {ssh_rsa_pub("ops@laptop")}«N»
  - {ssh_ed25519_pub("ci@runner")}«N»
ssh_keys:
  rsa_private: |
{pem("rsa", "    ")}
  rsa_public: {ssh_rsa_pub("root@worker-03")}«N»
""",
)
F(
    d + "oidc-signing.yaml",
    f"""
apiVersion: v1
kind: ConfigMap
metadata:
  name: issuer-public-keys
data:
  public.pem: |
{pem("pubkey", "    ", "«N»")}
  jwks.json: |
    {{"keys":[{{"kty":"RSA","kid":"sig-2024","use":"sig","alg":"RS256","n":"{b64u(rbytes(256))}","e":"AQAB"}}]}}«N»
---
apiVersion: v1
kind: Secret
metadata:
  name: issuer-signing-key
stringData:
  private.pem: |
{pem("pkcs8", "    ")}
""",
)
F(
    d + "placeholders.yaml",
    """
apiVersion: v1
kind: Secret
metadata:
  name: example-tls
type: kubernetes.io/tls
data:
  tls.crt: <base64-encoded-certificate>«N»
  tls.key: <base64-encoded-private-key>«N»
---
tls:
  privateKey: ""«N»
  privateKeyFromTemplate: "{{ .Values.tls.key | b64enc }}"«N»
  privateKeyRef: "<path:secret/data/tls#key>"«N»
""",
)
F(
    d + "ssh-auth-secret.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: git-ssh
  namespace: tekton-pipelines
  annotations:
    tekton.dev/git-0: github.com
type: kubernetes.io/ssh-auth
data:
  ssh-privatekey: {b64e(pem_text("openssh"))}«L»
  known_hosts: {b64e("github.com " + ssh_ed25519_pub())}«N»
""",
)
F(
    d + "jwt.env",
    f"""
APP_ENV=production
JWT_ISSUER=https://auth.example.com
JWT_PRIVATE_KEY="{pem_text("pkcs8ec").replace(chr(10), chr(92) + "n")}"«L»
JWT_PUBLIC_KEY_URL=https://auth.example.com/.well-known/jwks.json«N»
""",
)
F(
    d + "saml.properties",
    f"""
saml.sp.entity-id=https://sso.example.com/saml/metadata
saml.sp.certificate={PEM["cert"][1] + rs(1100, B64)}«N»
saml.sp.private-key={PEM["pkcs8"][1] + rs(1500, B64)}«L»
saml.idp.metadata-url=https://idp.example.com/metadata.xml«N»
""",
)
F(
    d + "arc-github-app.yaml",
    f"""
githubConfigUrl: https://github.com/example-org
githubConfigSecret:
  github_app_id: "412233"«N»
  github_app_installation_id: "51234871"«N»
  github_app_private_key: |
{pem("rsa", "    ")}
""",
)
F(
    d + "README.md",
    """
# Deploy keys

Generate a key pair with `ssh-keygen -t ed25519 -f deploy_key -N ""` and upload
`deploy_key.pub` to the repository. The private key looks like this:«N»

```
-----BEGIN OPENSSH PRIVATE KEY-----«N»
...
-----END OPENSSH PRIVATE KEY-----
```

Never commit it; store it in Vault at `secret/data/ci/deploy-key`.«N»
""",
)
F(
    d + "ca-bundle.yaml",
    f"""
apiVersion: v1
kind: ConfigMap
metadata:
  name: corporate-ca-bundle
  namespace: kube-system
data:
  ca-bundle.crt: |
{pem("cert", "    ", "«N»")}
{pem("cert", "    ", "«N»")}
""",
)
F(
    d + "csr.yaml",
    f"""
apiVersion: certificates.k8s.io/v1
kind: CertificateSigningRequest
metadata:
  name: jane-dev
spec:
  request: {b64e(pem_text("csr"))}«N»
  signerName: kubernetes.io/kube-apiserver-client
  usages: ["client auth"]
""",
)
F(
    d + "sops-tls.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: billing-tls
type: kubernetes.io/tls
stringData:
  tls.crt: {sops_enc(900)}«N»
  tls.key: {sops_enc(1200)}«N»
sops:
  kms: []
  lastmodified: "2024-05-14T09:12:44Z"
  mac: {sops_enc(32)}«N»
  pgp:
    - created_at: "2024-05-14T09:12:44Z"
      enc: |
{block(pgp_message(), "        ", "«N»")}
      fp: {hx(40).upper()}«N»
  encrypted_regex: ^(data|stringData)$
  version: 3.8.1
""",
)
F(
    d + "cert-manager-issuer.yaml",
    """
apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata:
  name: letsencrypt-prod
spec:
  acme:
    server: https://acme-v02.api.letsencrypt.org/directory«N»
    email: platform@example.com
    privateKeySecretRef:
      name: letsencrypt-prod-account-key«N»
    solvers:
      - http01:
          ingress:
            ingressClassName: nginx
""",
)
F(
    d + "known_hosts",
    "\n".join(
        [
            f"github.com {ssh_ed25519_pub()}«N»",
            f"gitlab.example.com {ecdsa_pub()}«N»",
            f"bitbucket.org {ssh_rsa_pub()}«N»",
        ]
    )
    + "\n",
)

F(
    d + "argocd-repo-creds-app.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: github-app-creds
  namespace: argocd
  labels:
    argocd.argoproj.io/secret-type: repo-creds
stringData:
  url: https://github.com/example-org
  githubAppID: "219887"«N»
  githubAppInstallationID: "40122871"«N»
  githubAppPrivateKey: |
{pem("rsa", "    ")}
""",
)
F(
    d + "deployer.env",
    f"""
DEPLOY_HOST=deploy.example.com
DEPLOY_USER=release
SSH_PRIVATE_KEY="{pem("openssh")}
"
""",
)

# ======================================================= cloud-token
d = "cloud-token/"
F(
    d + "aws/credentials",
    f"""
[default]
aws_access_key_id = {akia()}«L»
aws_secret_access_key = {aws_secret()}«L»
region = eu-west-1

[prod-deployer]
aws_access_key_id = {akia()}«L»
aws_secret_access_key = {aws_secret()}«L»
role_arn = arn:aws:iam::493817262540:role/deployer«N»
""",
)
F(
    d + "aws-secret.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: velero-aws
  namespace: velero
stringData:
  AWS_ACCESS_KEY_ID: {akia()}«L»
  AWS_SECRET_ACCESS_KEY: {aws_secret()}«L»
  AWS_DEFAULT_REGION: eu-central-1
""",
)
F(
    d + "backup.env",
    f"""
S3_BUCKET=nightly-backups-eu
AWS_REGION=eu-west-1
AWS_ACCESS_KEY_ID={akia()}«L»
AWS_SECRET_ACCESS_KEY="{aws_secret()}"«L»
""",
)
F(
    d + "aws.tfvars",
    f"""
region     = "us-east-1"
access_key = "{akia()}"«L»
secret_key = "{aws_secret()}"«L»
kms_key_id = "{uid()}"«N»
""",
)
F(
    d + "external-dns-values.yaml",
    f"""
provider: aws
aws:
  region: eu-west-1
  zoneType: public
  credentials:
    accessKey: "{akia()}"«L»
    secretKey: "{aws_secret()}"«L»
    mountPath: /.aws
domainFilters: [example.com]
""",
)
F(
    d + "sts-session.sh",
    f"""
#!/bin/sh
# temporary credentials pasted from the console
export AWS_ACCESS_KEY_ID={asia()}«L»
export AWS_SECRET_ACCESS_KEY={aws_secret()}«L»
export AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjE{rs(380, B64)}«L»
aws eks update-kubeconfig --name prod-eu1
""",
)
F(
    d + "irsa-serviceaccount.yaml",
    f"""
apiVersion: v1
kind: ServiceAccount
metadata:
  name: external-dns
  namespace: kube-system
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::493817262540:role/external-dns-{hx(12)}«N»
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: cnpg-backup
  annotations:
    iam.gke.io/gcp-service-account: cnpg-backup@acme-prod-4471.iam.gserviceaccount.com«N»
    azure.workload.identity/client-id: {uid()}«N»
""",
)
F(
    d + "aws-placeholders.env",
    """
AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX«N»
AWS_SECRET_ACCESS_KEY=<your-secret-access-key>«N»
AWS_SESSION_TOKEN=${AWS_SESSION_TOKEN}«N»
AWS_PROFILE=default
""",
)
F(
    d + "chart/templates/aws-secret.yaml",
    """
apiVersion: v1
kind: Secret
metadata:
  name: {{ include "app.fullname" . }}-aws
stringData:
  AWS_ACCESS_KEY_ID: {{ .Values.aws.accessKeyId | quote }}«N»
  AWS_SECRET_ACCESS_KEY: {{ .Values.aws.secretAccessKey | quote }}«N»
""",
)
sa = gcp_sa("acme-prod-4471")
F(d + "gcp-sa.json", sa_json_lines(sa) + "\n")
sa2 = gcp_sa("acme-data-9981")
F(
    d + "gcp-sa-secret.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: gcs-credentials
  namespace: loki
stringData:
  credentials.json: |
{sa_json_lines(sa2, "    ")}
""",
)
F(
    d + "gcp-sa-b64.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: thanos-gcs
type: Opaque
data:
  key.json: {b64e(json.dumps(gcp_sa("acme-metrics-2231")))}«L»
""",
)
F(
    d + "maps-values.yaml",
    f"""
frontend:
  env:
    GOOGLE_MAPS_API_KEY: "{gcp_api_key()}"«L»
    GOOGLE_ANALYTICS_ID: "G-{rs(10, UP + DG)}"«N»
""",
)
F(
    d + "gcp-wif.json",
    jm(
        json.dumps(
            {
                "type": "external_account",
                "audience": "//iam.googleapis.com/projects/734100223/locations/global/workloadIdentityPools/gh-pool/providers/github",
                "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",
                "token_url": "https://sts.googleapis.com/v1/token",
                "service_account_impersonation_url": "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/ci@acme-prod-4471.iam.gserviceaccount.com:generateAccessToken",
                "credential_source": {
                    "file": "/var/run/secrets/tokens/gcp-ksa/token",
                    "format": {"type": "text"},
                },
            },
            indent=2,
        ),
        {'"audience"': "«N»", '"token_url"': "«N»"},
    )
    + "\n",
)
F(
    d + "azure-storage.env",
    f"""
AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=acmelogs01;AccountKey={azure_key()};EndpointSuffix=core.windows.net«L»
AZURE_STORAGE_CONTAINER=audit
AZURE_LOCAL_CONNECTION_STRING=UseDevelopmentStorage=true«N»
""",
)
F(
    d + "appsettings.json",
    jm(
        json.dumps(
            {
                "Logging": {"LogLevel": {"Default": "Information"}},
                "ConnectionStrings": {
                    "Blob": f"DefaultEndpointsProtocol=https;AccountName=acmeorders;AccountKey={azure_key()};EndpointSuffix=core.windows.net",
                    "ServiceBus": f"Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={b64b(32)}",
                    "BlobTemplate": "DefaultEndpointsProtocol=https;AccountName=acmeorders;AccountKey=${STORAGE_ACCOUNT_KEY};EndpointSuffix=core.windows.net",
                },
                "AzureAd": {
                    "Instance": "https://login.microsoftonline.com/",
                    "TenantId": uid(),
                    "ClientId": uid(),
                },
            },
            indent=2,
        ),
        {'"Blob": "': "«L»", '"ServiceBus"': "«L»", '"BlobTemplate"': "«N»", '"TenantId"': "«N»"},
    )
    + "\n",
)
F(
    d + "azure-sp-secret.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: azure-sp
  namespace: cert-manager
stringData:
  AZURE_TENANT_ID: "{uid()}"«N»
  AZURE_CLIENT_ID: "{uid()}"«N»
  AZURE_CLIENT_SECRET: "{azure_client_secret()}"«L»
  AZURE_SUBSCRIPTION_ID: "{uid()}"«N»
""",
)
F(
    d + "azure.tfvars",
    f"""
subscription_id = "{uid()}"«N»
tenant_id       = "{uid()}"«N»
client_id       = "{uid()}"«N»
client_secret   = "{azure_client_secret()}"«L»
resource_group  = "rg-platform-weu"
""",
)
F(
    d + "blob-sas.yaml",
    f"""
loki:
  storage:
    type: azure
    azure:
      accountName: acmelokistore
      sasUrl: "https://acmelokistore.blob.core.windows.net/chunks?sv=2022-11-02&ss=b&srt=sco&sp=rwdlac&se=2026-01-31T00:00:00Z&st=2024-02-01T00:00:00Z&spr=https&sig={b64b(32).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")}"«L»
      endpointSuffix: blob.core.windows.net
      useManagedIdentity: false
      userAssignedId: "{uid()}"«N»
""",
)
F(
    d + "cluster-autoscaler-azure.yaml",
    f"""
azureClientID: "{uid()}"«N»
azureClientSecret: "{azure_client_secret()}"«L»
azureResourceGroup: rg-aks-prod
azureTenantID: "{uid()}"«N»
azureUseWorkloadIdentityExtension: false
""",
)

# ======================================================= saas-token
d = "saas-token/"
F(
    d + "github.env",
    f"""
# CI bot tokens
GITHUB_OWNER=example-org
GITHUB_TOKEN={ghp()}«L»
GH_FINE_GRAINED_TOKEN={github_pat()}«L»
GITHUB_API_URL=https://api.github.com«N»
""",
)
F(
    d + "renovate-config.json",
    jm(
        json.dumps(
            {
                "platform": "github",
                "token": ghp(),
                "hostRules": [
                    {"matchHost": "npm.pkg.github.com", "token": "{{ secrets.NPM_READ_TOKEN }}"},
                    {"matchHost": "ghcr.io", "username": "renovate-bot", "password": ghp("gho_")},
                ],
                "extends": ["config:recommended"],
            },
            indent=2,
        ),
        {'"token": "ghp_': "«L»", '"token": "{{': "«N»", '"password": "gho_': "«L»"},
    )
    + "\n",
)
F(
    d + "gitlab.properties",
    f"""
gitlab.url=https://gitlab.example.com
gitlab.api.token={glpat()}«L»
gitlab.project.id=4821
""",
)
F(
    d + "gitlab-runner-values.yaml",
    f"""
gitlabUrl: https://gitlab.example.com/
runnerToken: "glrt-{rs(20, AN + "-_")}"«L»
rbac:
  create: true
runners:
  secret: gitlab-runner-token«N»
""",
)
F(
    d + "alertmanager.yaml",
    f"""
global:
  resolve_timeout: 5m
  slack_api_url: {slack_hook()}«L»
route:
  receiver: team-platform
receivers:
  - name: team-platform
    slack_configs:
      - channel: "#alerts-platform"
        api_url_file: /etc/alertmanager/secrets/slack-webhook/url«N»
  - name: team-payments
    slack_configs:
      - channel: "#alerts-payments"
        api_url: {slack_hook()}«L»
""",
)
F(
    d + "slack-bot.env",
    f"""
SLACK_BOT_TOKEN={xoxb()}«L»
SLACK_USER_TOKEN={xoxp()}«L»
SLACK_SIGNING_SECRET={hx(32)}«L»
SLACK_CHANNEL_ID=C{rs(10, UP + DG)}«N»
""",
)
F(
    d + "stripe-secret.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: checkout-stripe
stringData:
  STRIPE_SECRET_KEY: sk_live_{rs(99)}«L»
  STRIPE_RESTRICTED_KEY: rk_live_{rs(24)}«L»
  STRIPE_PUBLISHABLE_KEY: pk_live_{rs(99)}«N»
  STRIPE_WEBHOOK_SECRET: whsec_{rs(32)}«L»
""",
)
F(
    d + "mailer-values.yaml",
    f"""
mailer:
  smtp:
    host: smtp.sendgrid.net
    port: 587
    username: apikey
    password: {sendgrid()}«L»
  from: noreply@example.com
""",
)
F(
    d + "twilio.env",
    f"""
TWILIO_ACCOUNT_SID=AC{hx(32)}«N»
TWILIO_API_KEY=SK{hx(32)}«L»
TWILIO_API_SECRET={rs(32)}«L»
TWILIO_AUTH_TOKEN={hx(32)}«L»
""",
)
F(
    d + ".npmrc",
    f"""
registry=https://registry.npmjs.org/
//registry.npmjs.org/:_authToken=npm_{rs(36)}«L»
@example:registry=https://npm.pkg.github.com
//npm.pkg.github.com/:_authToken=${{NODE_AUTH_TOKEN}}«N»
""",
)
F(
    d + "grafana-datasource.yaml",
    f"""
apiVersion: 1
datasources:
  - name: Tempo
    type: tempo
    url: https://tempo.example.com
    jsonData:
      httpHeaderName1: Authorization
    secureJsonData:
      httpHeaderValue1: "Bearer {jwt({"sub": "grafana", "iss": "tempo-gw", "iat": 1714000000, "exp": 1893456000})}"«L»
""",
)
F(
    d + "supabase.env",
    f"""
SUPABASE_URL=https://{rs(20, LO)}.supabase.co
SUPABASE_ANON_KEY={jwt({"iss": "supabase", "ref": rs(20, LO), "role": "anon", "iat": 1700000000, "exp": 2015576000})}«L»
SUPABASE_SERVICE_ROLE_KEY={jwt({"iss": "supabase", "ref": rs(20, LO), "role": "service_role", "iat": 1700000000, "exp": 2015576000})}«L»
""",
)
F(
    d + "vault-agent.yaml",
    f"""
apiVersion: apps/v1
kind: Deployment
metadata:
  name: report-worker
spec:
  template:
    spec:
      containers:
        - name: worker
          image: ghcr.io/example-org/report-worker@sha256:{sha256hex()}«N»
          env:
            - name: VAULT_ADDR
              value: https://vault.example.com:8200«N»
            - name: VAULT_TOKEN
              value: {hvs()}«L»
            - name: VAULT_ROLE
              value: report-worker
""",
)
F(
    d + "openbao.sh",
    f"""
#!/usr/bin/env bash
export BAO_ADDR=https://bao.internal.example.com:8200
export BAO_TOKEN={hvs()}«L»
export VAULT_TOKEN_LEGACY=s.{rs(24)}«L»
bao kv get -mount=secret platform/ci
export VAULT_TOKEN="${{VAULT_TOKEN:?set VAULT_TOKEN}}"«N»
""",
)
F(
    d + "age-keys.txt",
    f"""
# created: 2024-03-02T10:11:12+01:00
# public key: {age_public()}«N»
{age_secret()}«L»
""",
)
F(
    d + ".sops.yaml",
    f"""
creation_rules:
  - path_regex: clusters/prod/.*\\.yaml
    encrypted_regex: ^(data|stringData)$
    age: {age_public()}«N»
  - path_regex: clusters/dev/.*\\.yaml
    age: >-
      {age_public()},«N»
      {age_public()}«N»
""",
)
F(
    d + "datadog-values.yaml",
    f"""
datadog:
  site: datadoghq.eu
  apiKey: {hx(32)}«L»
  appKey: {hx(40)}«L»
  apiKeyExistingSecret: ""«N»
  clusterName: prod-eu1
""",
)
F(
    d + "ci-release.sh",
    f"""
#!/usr/bin/env bash
set -eu
GH_TOKEN={ghp("ghs_")} gh release create "v$VERSION" dist/*«L»
curl -sf -H "PRIVATE-TOKEN: {glpat()}" https://gitlab.example.com/api/v4/projects/12/releases«L»
""",
)
F(
    d + "workflow.yaml",
    f"""
name: release
on:
  push:
    tags: ["v*"]
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@{hx(40)}«N»
      - uses: docker/login-action@{hx(40)}«N»
        with:
          registry: ghcr.io
          username: ${{{{ github.actor }}}}
          password: ${{{{ secrets.GITHUB_TOKEN }}}}«N»
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: ${{{{ secrets.NPM_TOKEN }}}}«N»
""",
)
F(
    d + "placeholders.env",
    """
GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx«N»
GITLAB_TOKEN=glpat-XXXXXXXXXXXXXXXXXXXX«N»
SLACK_WEBHOOK_URL=https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX«N»
STRIPE_SECRET_KEY=sk_live_****«N»
NPM_TOKEN=<your-npm-token>«N»
SENDGRID_API_KEY=REPLACE_ME«N»
""",
)
F(
    d + "Chart.lock",
    f"""
dependencies:
- name: postgresql
  repository: oci://registry-1.docker.io/bitnamicharts
  version: 15.5.20
- name: redis
  repository: oci://registry-1.docker.io/bitnamicharts
  version: 19.6.4
digest: sha256:{sha256hex()}«N»
generated: "2024-08-01T12:03:44.118205+02:00"
""",
)
F(
    d + "kustomization.yaml",
    f"""
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - github.com/example-org/platform-base//apps/api?ref={hx(40)}«N»
images:
  - name: api
    newName: registry.example.com/api
    digest: sha256:{sha256hex()}«N»
""",
)

# ======================================================= url-credentials
d = "url-credentials/"
F(
    d + "db-config.yaml",
    f"""
apiVersion: v1
kind: ConfigMap
metadata:
  name: orders-config
data:
  DATABASE_URL: postgres://orders:{upw(18)}@orders-db.prod.svc:5432/orders?sslmode=require«L»
  REDIS_URL: redis://:{upw(20)}@redis-master.cache.svc:6379/0«L»
  READ_REPLICA_URL: postgres://orders@orders-db-ro.prod.svc:5432/orders«N»
  ANALYTICS_DSN: postgresql://analytics-db.internal:5432/warehouse?sslmode=verify-full«N»
""",
)
F(
    d + "app.env",
    f"""
MONGODB_URI=mongodb+srv://svc-catalog:{upw(16)}@cluster0.{rs(5, LO + DG)}.mongodb.net/catalog?retryWrites=true&w=majority«L»
AMQP_URL=amqp://orders-svc:{upw(14)}@rabbitmq.messaging.svc:5672/orders«L»
CACHE_URL=redis://redis-master:6379«N»
EVENTS_URL=amqp://rabbitmq:5672«N»
""",
)
F(
    d + "application.properties",
    f"""
spring.datasource.url=jdbc:mysql://mysql.prod.svc:3306/inventory?useSSL=true«N»
spring.rabbitmq.addresses=amqps://inventory:{upw(16)}@mq.example.net:5671/prod«L»
spring.data.mongodb.uri=mongodb://inventory:{upw(16)}@mongo-0.mongo:27017,mongo-1.mongo:27017/inventory?replicaSet=rs0«L»
spring.kafka.bootstrap-servers=kafka-0.kafka:9092
""",
)
F(
    d + "wordpress-values.yaml",
    f"""
wordpressUsername: editor
externalDatabase:
  url: mysql://root:{upw(12)}@mysql.wordpress.svc:3306/wordpress«L»
  existingSecret: ""«N»
""",
)
F(
    d + "argocd-app.yaml",
    f"""
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: billing
  namespace: argocd
spec:
  project: default
  source:
    repoURL: https://deploy-bot:{glpat()}@gitlab.example.com/billing/deploy.git«L»
    targetRevision: {hx(40)}«N»
    path: overlays/prod
  destination:
    server: https://kubernetes.default.svc«N»
    namespace: billing
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: billing-docs
spec:
  source:
    repoURL: git@github.com:example-org/billing-docs.git«N»
    targetRevision: {hx(40)}«N»
  destination:
    server: https://kubernetes.default.svc
""",
)
F(
    d + "install-deps.sh",
    f"""
#!/usr/bin/env bash
set -euo pipefail
pip install --index-url https://ci-reader:{upw(16)}@nexus.example.com/repository/pypi/simple -r requirements.txt«L»
git remote set-url origin https://release-bot:{ghp()}@github.com/example-org/api.git«L»
curl -fsS -H "Authorization: Basic {b64e("metrics:" + upw(14))}" https://pushgateway.example.com/metrics/job/deploy«L»
git clone "https://gitlab-ci-token:${{CI_JOB_TOKEN}}@gitlab.example.com/platform/charts.git"«N»
curl -fsS -H "Authorization: Basic $(printf '%s:%s' "$PG_USER" "$PG_PASS" | base64)" https://pushgateway.example.com/«N»
""",
)
F(
    d + "ingress-auth.yaml",
    f"""
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: legacy-api
  annotations:
    nginx.ingress.kubernetes.io/configuration-snippet: |
      proxy_set_header Authorization "Basic {b64e("legacy:" + upw(12))}";«L»
spec:
  ingressClassName: nginx
  tls:
    - hosts: [legacy.example.com]
      secretName: legacy-api-tls«N»
  rules:
    - host: legacy.example.com
""",
)
F(
    d + "grafana-datasources.yaml",
    f"""
apiVersion: 1
datasources:
  - name: Elasticsearch
    type: elasticsearch
    url: https://es.example.com:9200
    jsonData:
      httpHeaderName1: Authorization
    secureJsonData:
      httpHeaderValue1: Basic {b64e("grafana_ro:" + upw(16))}«L»
  - name: Prometheus
    type: prometheus
    url: http://prometheus-operated.monitoring.svc:9090«N»
  - name: Loki
    type: loki
    url: https://loki:{upw(14)}@loki.example.com«L»
""",
)
F(
    d + "docker-compose.yaml",
    f"""
services:
  api:
    image: registry.example.com/api:1.14.2
    environment:
      DATABASE_URL: postgresql://api:{upw(16)}@postgres:5432/api«L»
      CELERY_BROKER_URL: redis://:{upw(16)}@redis:6379/1«L»
      SENTRY_DSN: https://{hx(32)}@o{dg(6)}.ingest.sentry.io/{dg(7)}«N»
  worker:
    image: registry.example.com/api:1.14.2
    environment:
      DATABASE_URL: postgresql://${{DB_USER}}:${{DB_PASSWORD}}@postgres:5432/api«N»
""",
)
F(
    d + ".gitlab-ci.yml",
    f"""
publish:
  stage: deploy
  script:
    - git clone https://gitlab-ci-token:${{CI_JOB_TOKEN}}@gitlab.example.com/platform/env.git«N»
    - git push https://oauth2:$(cat /run/secrets/gitlab_token)@gitlab.example.com/platform/env.git«N»
    - lftp -e "mirror -R dist /www" sftp://deploy:{upw(14)}@files.example.com«L»
    - curl -u "ci:{upw(14)}" -T report.tgz https://artifacts.example.com/upload/«L»
""",
)
F(
    d + "README.md",
    """
# Connecting to the database

Use a URL of the form `postgres://<user>:<password>@<host>:5432/<db>`.«N»
For local development the default is `postgres://user:password@localhost:5432/app`.«N»
The OIDC issuer is https://accounts.google.com and the ACME directory is
https://acme-v02.api.letsencrypt.org/directory.«N»
""",
)
F(
    d + "mailer.yaml",
    """
mail:
  url: smtp://apikey:${SENDGRID_API_KEY}@smtp.sendgrid.net:587«N»
  archive: s3://mail-archive-eu/outbound/«N»
  tracking: https://click.example.com/t?u=abc&v=2«N»
""",
)
F(
    d + "kafka-connect.json",
    jm(
        json.dumps(
            {
                "name": "orders-sink",
                "config": {
                    "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",
                    "connection.url": f"jdbc:postgresql://warehouse.internal:5432/dw?user=connect&password={upw(16)}",
                    "topics": "orders",
                    "errors.deadletterqueue.topic.name": "orders-dlq",
                },
            },
            indent=2,
        ),
        {'"connection.url"': "«L»"},
    )
    + "\n",
)
F(
    d + "prometheus-remote-write.yaml",
    f"""
prometheus:
  prometheusSpec:
    remoteWrite:
      - url: https://metrics:{upw(20)}@mimir.example.com/api/v1/push«L»
      - url: https://mimir.example.com/api/v1/push«N»
        basicAuth:
          username:
            name: mimir-remote-write«N»
            key: username
          password:
            name: mimir-remote-write«N»
            key: password
""",
)
F(
    d + "ftp.properties",
    f"""
backup.target=ftp://backup:{upw(12)}@ftp.example.org/backups«L»
backup.fallback=ftp://ftp.example.org/pub«N»
""",
)

# ======================================================= k8s-secret
d = "k8s-secret/"
F(
    d + "db-secret.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: orders-db
  namespace: prod
type: Opaque
data:
  username: {b64e("orders")}«N»
  password: {b64e(pw(20))}«L»
  host: {b64e("orders-db.prod.svc.cluster.local")}«N»
  port: {b64e("5432")}«N»
""",
)
F(
    d + "api-secret.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: search-api
stringData:
  api-key: {rs(40)}«L»
  config.yaml: |
    upstream: https://search.example.com
    token: {rs(48, B64U)}«L»
    timeout: 30s
""",
)
docker_cfg = json.dumps(
    {
        "auths": {
            "registry.example.com": {
                "username": "robot$ci",
                "password": rs(32),
                "auth": b64e("robot$ci:" + rs(32)),
            }
        }
    }
)
F(
    d + "regcred.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: regcred
type: kubernetes.io/dockerconfigjson
data:
  .dockerconfigjson: {b64e(docker_cfg)}«L»
""",
)
F(
    d + "regcred-stringdata.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: ghcr-pull
type: kubernetes.io/dockerconfigjson
stringData:
  .dockerconfigjson: |
    {{
      "auths": {{
        "ghcr.io": {{
          "username": "example-bot",
          "password": "{ghp()}",«L»
          "auth": "{b64e("example-bot:" + ghp())}"«L»
        }}
      }}
    }}
""",
)
F(
    d + "kubeconfig.yaml",
    f"""
apiVersion: v1
kind: Config
clusters:
  - name: prod-eu1
    cluster:
      certificate-authority-data: {b64e(pem_text("cert"))}«N»
      server: https://10.42.0.1:6443«N»
users:
  - name: admin@prod-eu1
    user:
      client-certificate-data: {b64e(pem_text("cert"))}«N»
      client-key-data: {b64e(pem_text("rsa"))}«L»
  - name: ci@prod-eu1
    user:
      token: {rs(6, LO + DG)}.{rs(16, LO + DG)}«L»
contexts:
  - name: prod-eu1
    context: {{cluster: prod-eu1, user: admin@prod-eu1}}
current-context: prod-eu1
""",
)
F(
    d + "kubeconfig-sa.yaml",
    f"""
apiVersion: v1
kind: Config
clusters:
  - name: staging
    cluster:
      server: https://staging-api.example.com
      insecure-skip-tls-verify: false
users:
  - name: argocd-manager
    user:
      token: {jwt({"iss": "kubernetes/serviceaccount", "kubernetes.io/serviceaccount/namespace": "kube-system", "sub": "system:serviceaccount:kube-system:argocd-manager"}, "RS256")}«L»
  - name: eks-admin
    user:
      exec:
        apiVersion: client.authentication.k8s.io/v1beta1
        command: aws«N»
        args: ["eks", "get-token", "--cluster-name", "staging"]«N»
""",
)
F(
    d + "argocd-repo.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: private-charts
  namespace: argocd
  labels:
    argocd.argoproj.io/secret-type: repository
stringData:
  type: helm
  name: private-charts
  url: https://charts.example.com«N»
  username: argocd«N»
  password: {pw(24)}«L»
---
apiVersion: v1
kind: Secret
metadata:
  name: github-creds
  namespace: argocd
  labels:
    argocd.argoproj.io/secret-type: repo-creds
stringData:
  url: https://github.com/example-org
  password: {ghp()}«L»
  username: not-used
""",
)
F(
    d + "argocd-cluster.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: cluster-prod-us1
  namespace: argocd
  labels:
    argocd.argoproj.io/secret-type: cluster
type: Opaque
stringData:
  name: prod-us1
  server: https://prod-us1.k8s.example.com
  config: |
    {{
      "bearerToken": "{jwt({"iss": "kubernetes/serviceaccount", "sub": "system:serviceaccount:kube-system:argocd-manager"}, "RS256")}",«L»
      "tlsClientConfig": {{
        "insecure": false,
        "caData": "{b64e(pem_text("cert"))}"«N»
      }}
    }}
""",
)
F(
    d + "sa-token-secret.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: ci-deployer-token
  namespace: ci
  annotations:
    kubernetes.io/service-account.name: ci-deployer
type: kubernetes.io/service-account-token
data:
  ca.crt: {b64e(pem_text("cert"))}«N»
  namespace: {b64e("ci")}«N»
  token: {b64e(jwt({"iss": "kubernetes/serviceaccount", "sub": "system:serviceaccount:ci:ci-deployer"}, "RS256"))}«L»
""",
)
F(
    d + "basic-auth-secret.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: registry-basic
type: kubernetes.io/basic-auth
stringData:
  username: ci-pusher«N»
  password: "{pw(14)}"«L»
""",
)
F(
    d + "multi-doc.yaml",
    f"""
apiVersion: apps/v1
kind: Deployment
metadata:
  name: notifier
spec:
  template:
    metadata:
      annotations:
        checksum/secret: {sha256hex()}«N»
    spec:
      containers:
        - name: notifier
          envFrom:
            - secretRef:
                name: notifier-env«N»
---
apiVersion: v1
kind: Secret
metadata:
  name: notifier-env
data:
  SMTP_PASSWORD: {b64e(pw(16))}«L»
  WEBHOOK_SECRET: {b64e(hx(40))}«L»
  SMTP_HOST: {b64e("smtp.example.com")}«N»
""",
)
F(
    d + "sealed-secret.yaml",
    f"""
apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: orders-db
  namespace: prod
spec:
  encryptedData:
    username: {sealed()}«N»
    password: {sealed()}«N»
    api-key: {sealed()}«N»
  template:
    metadata:
      name: orders-db
    type: Opaque
""",
)
F(
    d + "sops-secret.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: payments-api
type: Opaque
stringData:
  DB_PASSWORD: {sops_enc(24)}«N»
  STRIPE_KEY: {sops_enc(107)}«N»
sops:
  kms: []
  gcp_kms: []
  azure_kv: []
  hc_vault: []
  age:
    - recipient: {age_public()}«N»
      enc: |
        -----BEGIN AGE ENCRYPTED FILE-----«N»
        YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSB{rs(40, B64)}
        {rs(64, B64)}
        {rs(40, B64)}
        -----END AGE ENCRYPTED FILE-----
  lastmodified: "2024-06-03T07:41:09Z"
  mac: {sops_enc(32)}«N»
  pgp: []
  encrypted_regex: ^(data|stringData)$
  version: 3.9.0
""",
)
F(
    d + "external-secret.yaml",
    """
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata:
  name: orders-db
spec:
  refreshInterval: 1h
  secretStoreRef:
    name: vault-backend
    kind: ClusterSecretStore
  target:
    name: orders-db
  data:
    - secretKey: password«N»
      remoteRef:
        key: secret/data/prod/orders-db«N»
        property: password«N»
    - secretKey: api-token«N»
      remoteRef:
        key: prod/orders/api-token«N»
""",
)
F(
    d + "chart/templates/secret.yaml",
    """
apiVersion: v1
kind: Secret
metadata:
  name: {{ include "chart.fullname" . }}
type: Opaque
data:
  password: {{ .Values.auth.password | b64enc | quote }}«N»
  generated: {{ randAlphaNum 24 | b64enc | quote }}«N»
  empty: ""«N»
stringData:
  token: "${APP_TOKEN}"«N»
  placeholder: changeme«N»
""",
)
F(
    d + "deployment-refs.yaml",
    """
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
spec:
  template:
    spec:
      serviceAccountName: orders-token-reader«N»
      automountServiceAccountToken: false
      containers:
        - name: orders
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: orders-db«N»
                  key: password«N»
      volumes:
        - name: tls
          secret:
            secretName: orders-tls«N»
""",
)
F(
    d + "rbac.yaml",
    """
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: secret-reader«N»
rules:
  - apiGroups: [""]
    resources: ["secrets", "serviceaccounts/token"]«N»
    verbs: ["get", "list", "create"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: token-reviewer-binding«N»
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:auth-delegator
subjects:
  - kind: ServiceAccount
    name: vault-token-reviewer«N»
    namespace: vault
""",
)
F(
    d + "secret-provider-class.yaml",
    f"""
apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata:
  name: orders-kv
spec:
  provider: azure
  parameters:
    keyvaultName: kv-orders-prod
    tenantId: "{uid()}"«N»
    objects: |
      array:
        - |
          objectName: orders-db-password«N»
          objectType: secret
""",
)
F(
    d + "sealed-secrets-cert.yaml",
    f"""
apiVersion: v1
kind: ConfigMap
metadata:
  name: sealed-secrets-public-cert
data:
  cert.pem: {b64e(pem_text("cert"))}«N»
""",
)
F(
    d + "kustomization.yaml",
    """
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
secretGenerator:
  - name: app-env
    envs:
      - secrets.env«N»
  - name: app-literal
    literals:
      - password=${PASSWORD}«N»
generatorOptions:
  disableNameSuffixHash: true
""",
)
F(
    d + "placeholder-secret.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: demo
data:
  password: {b64e("changeme")}«N»
  token: {b64e("REPLACE_ME")}«N»
""",
)

F(
    d + "secret.json",
    jm(
        json.dumps(
            {
                "apiVersion": "v1",
                "kind": "Secret",
                "metadata": {"name": "legacy-json", "namespace": "default"},
                "type": "Opaque",
                "data": {"password": b64e(pw(18)), "user": b64e("legacy")},
            },
            indent=2,
        ),
        {'"password"': "«L»", '"user"': "«N»"},
    )
    + "\n",
)
F(
    d + "grafana-admin.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: grafana-admin
  namespace: monitoring
type: Opaque
stringData:
  admin-user: admin«N»
  admin-password: {pw(16)}«L»
---
apiVersion: v1
kind: Secret
metadata:
  name: bootstrap-token-{rs(6, LO + DG)}
  namespace: kube-system
type: bootstrap.kubernetes.io/token
stringData:
  token-id: {rs(6, LO + DG)}«N»
  token-secret: {rs(16, LO + DG)}«L»
  usage-bootstrap-authentication: "true"
---
apiVersion: v1
kind: Secret
metadata:
  name: uploader-config
data:
  config.json: {b64e(json.dumps({"endpoint": "https://upload.example.com", "apiToken": rs(40)}))}«L»
""",
)

# ======================================================= generic-assignment
d = "generic-assignment/"
F(
    d + "postgresql-values.yaml",
    f"""
global:
  postgresql:
    auth:
      postgresPassword: "{pw(18)}"«L»
      username: orders
      password: "hunter2"«L»
      database: orders
      existingSecret: ""«N»
architecture: replication
auth:
  replicationPassword: {pw(14)}«L»
primary:
  persistence:
    size: 50Gi
""",
)
F(
    d + "mariadb-values.yaml",
    f"""
auth:
  rootPassword: "S3cure!pass"«L»
  database: wiki
  username: wiki
  password: "{pw(12)}"«L»
  existingSecret: mariadb-credentials«N»
""",
)
F(
    d + "redis-values.yaml",
    """
auth:
  enabled: true
  password: "r3dis-pa55"«L»
  existingSecretPasswordKey: redis-password«N»
sentinel:
  enabled: false
""",
)
F(
    d + "service-config.json",
    jm(
        json.dumps(
            {
                "service": "ledger",
                "api_key": rs(32),
                "oauth": {"client_id": uid(), "client_secret": rs(40, B64U)},
                "db": {"user": "ledger", "password": "", "passwordFile": "/run/secrets/db"},
                "token": None,
                "secret": "REPLACE_ME",
            },
            indent=2,
        ),
        {
            '"api_key"': "«L»",
            '"client_secret"': "«L»",
            '"client_id"': "«N»",
            '"password": ""': "«N»",
            '"token": null': "«N»",
            '"secret": "REPLACE_ME"': "«N»",
            '"passwordFile"': "«N»",
        },
    )
    + "\n",
)
F(
    d + "django.env",
    f"""
DJANGO_SETTINGS_MODULE=shop.settings.prod
SECRET_KEY={rs(50, AN + "!@#%^&*(-_=+)")}«L»
DB_PASSWORD={pw(12)}«L»
JWT_SECRET={rs(32)}«L»
API_TOKEN=changeme«N»
EMAIL_PASSWORD=«N»
DB_PASSWORD_FILE=/run/secrets/db_password«N»
""",
)
F(
    d + "terraform.tfvars",
    f"""
environment    = "prod"
db_username    = "app"
db_password    = "{pw(16)}"«L»
admin_password = "Winter2024!"«L»
vm_size        = "Standard_D4s_v5"
state_bucket   = "tfstate-{hx(32)}"«N»
""",
)
F(
    d + "main.tf",
    """
resource "random_password" "db" {
  length  = 24
  special = true
}

resource "aws_db_instance" "app" {
  identifier = "app-prod"
  username   = var.db_username
  password   = var.db_password«N»
}

resource "kubernetes_secret" "app" {
  metadata { name = "app-db" }
  data = {
    password = random_password.db.result«N»
    token    = data.vault_generic_secret.app.data["token"]«N»
  }
}
""",
)
F(
    d + "application.properties",
    f"""
spring.datasource.username=inventory
spring.datasource.password={pw(14)}«L»
spring.security.oauth2.client.registration.github.client-id=Iv1.{hx(16)}«N»
spring.security.oauth2.client.registration.github.client-secret={hx(40)}«L»
jwt.secret={rs(44, B64)}«L»
management.password=${{MGMT_PASSWORD}}«N»
""",
)
F(
    d + "kafka-client.properties",
    f"""
security.protocol=SASL_SSL
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="orders" password="{pw(16)}";«L»
ssl.truststore.password=${{TRUSTSTORE_PASSWORD}}«N»
""",
)
F(
    d + "grafana-values.yaml",
    f"""
adminUser: admin
adminPassword: "Gr4fana!2024"«L»
admin:
  existingSecret: grafana-admin«N»
  userKey: admin-user
  passwordKey: admin-password«N»
grafana.ini:
  auth.generic_oauth:
    client_secret: {rs(40)}«L»
""",
)
F(
    d + "keycloak-values.yaml",
    f"""
auth:
  adminUser: admin
  adminPassword: {pw(16)}«L»
externalDatabase:
  host: keycloak-db
  passwordSecretRef:
    name: keycloak-db«N»
    key: password
""",
)
F(
    d + "mongodb-values.yaml",
    f"""
auth:
  rootUser: root
  rootPassword: "{pw(20)}"«L»
  usernames: ["catalog", "reports"]
  passwords: ["{pw(12)}", "{pw(12)}"]«L»
  databases: ["catalog", "reports"]
""",
)
F(
    d + "settings.yaml",
    """
app:
  secret: ${APP_SECRET}«N»
  token: "{{ .Values.app.token }}"«N»
  dbPassword: "<path:secret/data/app/db#password>"«N»
  apiPassword: "***"«N»
  smtpPassword: xxxxxxxx«N»
  ldapPassword: "********"«N»
  webhookSecret: $(WEBHOOK_SECRET)«N»
  token_url: https://auth.example.com/oauth/token«N»
  password_min_length: 12«N»
  secretKey: db-password«N»
  tokenTTL: 24h«N»
  passwordPolicy: strong«N»
  secret_name: app-secret«N»
""",
)
F(
    d + "identifiers.yaml",
    f"""
workload:
  name: ingest-7f9c8d6b5-x2kqz«N»
  clientId: {uid()}«N»
  requestId: {uid()}«N»
  buildId: {hx(40)}«N»
  cacheKey: node-modules-{sha256hex()}«N»
  trace: 00-{hx(32)}-{hx(16)}-01«N»
  resource: projects/acme-prod/locations/europe-west1/keyRings/sops/cryptoKeys/{rs(24, LO + DG)}«N»
""",
)
F(
    d + "settings.xml",
    f"""
<settings>
  <servers>
    <server>
      <id>nexus-releases</id>
      <username>deployer</username>
      <password>{pw(16)}</password>«L»
    </server>
    <server>
      <id>nexus-snapshots</id>
      <username>${{env.NEXUS_USER}}</username>
      <password>${{env.NEXUS_PASSWORD}}</password>«N»
    </server>
  </servers>
</settings>
""",
)
F(
    d + "appsettings.Production.json",
    jm(
        json.dumps(
            {
                "Jwt": {"Issuer": "https://id.example.com", "SigningKey": rs(64, B64)},
                "Smtp": {"Host": "smtp.example.com", "Password": "Spring2024#"},
                "Oidc": {"ClientId": "web", "ClientSecret": rs(32)},
            },
            indent=2,
        ),
        {'"SigningKey"': "«L»", '"Password"': "«L»", '"ClientSecret"': "«L»"},
    )
    + "\n",
)
F(
    d + "ldap.yaml",
    f"""
ldap:
  url: ldaps://ldap.example.com:636«N»
  bindDN: cn=svc-gitlab,ou=services,dc=example,dc=com
  bind_password: '{pw(14)}'«L»
  passwd: letmein42«L»
""",
)
F(
    d + "docs-values.yaml",
    """
# Set the password in Vault (secret/data/docs/admin), never here.«N»
docs:
  adminPassword: ""«N»
  apiKey: <your-api-key>«N»
  token: REPLACE_ME«N»
""",
)

# ======================================================= password-hash
d = "password-hash/"
F(
    d + "htpasswd",
    f"""
admin:{apr1()}«L»
ci:{bcrypt("05", "2y")}«L»
ops:{{SHA}}{b64b(20)}«L»
""",
)
F(
    d + "ingress-basic-auth.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: kibana-basic-auth
  namespace: logging
type: Opaque
stringData:
  auth: |
    kibana:{apr1()}«L»
    oncall:{bcrypt("10", "2y")}«L»
---
apiVersion: v1
kind: Secret
metadata:
  name: prometheus-basic-auth
data:
  auth: {b64e("prom:" + apr1())}«L»
""",
)
F(
    d + "argocd-secret.yaml",
    f"""
apiVersion: v1
kind: Secret
metadata:
  name: argocd-secret
  namespace: argocd
  labels:
    app.kubernetes.io/part-of: argocd
stringData:
  admin.password: {bcrypt()}«L»
  admin.passwordMtime: "2024-04-22T08:15:31Z"«N»
  server.secretkey: {rs(44, B64)}«L:generic-assignment»
""",
)
F(
    d + "argocd-values.yaml",
    f"""
configs:
  secret:
    argocdServerAdminPassword: "{bcrypt()}"«L»
    argocdServerAdminPasswordMtime: "2024-04-22T08:15:31Z"«N»
  params:
    server.insecure: false
""",
)
F(
    d + "cloud-init-users.yaml",
    f"""
#cloud-config
users:
  - name: ops
    passwd: {sha512crypt()}«L»
    lock_passwd: false
chpasswd:
  expire: false
  list: |
    root:{sha512crypt()}«L»
""",
)
F(
    d + "traefik-basicauth.yaml",
    f"""
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: dashboard-auth
spec:
  basicAuth:
    secret: dashboard-auth-users«N»
---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: legacy-auth
spec:
  basicAuth:
    users:
      - "admin:{apr1()}"«L»
      - "viewer:{bcrypt("10", "2y")}"«L»
""",
)
F(
    d + "web-config.yaml",
    f"""
# Prometheus exporter web config
tls_server_config:
  cert_file: /etc/exporter/tls.crt
  key_file: /etc/exporter/tls.key«N»
basic_auth_users:
  prometheus: {bcrypt("10", "2y")}«L»
""",
)
F(
    d + "mosquitto.passwd",
    f"""
sensor-gw:$7$101${b64b(12)}${b64b(64)}«L»
""",
)
F(
    d + "pgbouncer-userlist.txt",
    f"""
"app" "md5{hx(32)}"«L»
"reports" "SCRAM-SHA-256$4096:{b64b(16)}${b64b(32)}:{b64b(32)}"«L»
""",
)
F(
    d + "postgres-init.sql",
    f"""
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD 'SCRAM-SHA-256$4096:{b64b(16)}${b64b(32)}:{b64b(32)}';«L»
CREATE ROLE readonly NOLOGIN;
""",
)
F(
    d + "README.md",
    """
# Basic auth

Create the entry with `htpasswd -nbB admin <password>` and paste the output,
which looks like `admin:$2y$10$<53 characters>`, into the sealed secret.«N»
Argo CD expects `admin.password` as a bcrypt hash (`$2a$10$...`).«N»
""",
)
F(
    d + "checksums.yaml",
    f"""
artifacts:
  - name: app.tar.gz
    sha256: {sha256hex()}«N»
    md5: {hx(32)}«N»
  - name: chart-1.4.2.tgz
    digest: sha256:{sha256hex()}«N»
passwordHashAlgorithm: bcrypt«N»
bcryptCost: 10«N»
""",
)
F(
    d + "package-lock.json",
    jm(
        json.dumps(
            {
                "name": "dashboard",
                "lockfileVersion": 3,
                "packages": {
                    "node_modules/left-pad": {
                        "version": "1.3.0",
                        "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
                        "integrity": "sha512-" + b64b(64),
                    }
                },
            },
            indent=2,
        ),
        {'"integrity"': "«N»"},
    )
    + "\n",
)
F(
    d + "deployment-annotations.yaml",
    f"""
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    argocd.argoproj.io/tracking-id: web:apps/Deployment:web/web«N»
spec:
  template:
    metadata:
      annotations:
        checksum/config: {sha256hex()}«N»
        checksum/secret: {sha256hex()}«N»
    spec:
      containers:
        - name: web
          image: registry.example.com/web@sha256:{sha256hex()}«N»
""",
)

F(
    d + "shadow-fragment.txt",
    f"""
deploy:$y$j9T${rs(22, BCRYPT)}${rs(43, BCRYPT)}:19700:0:99999:7:::«L»
nobody:*:19700:0:99999:7:::«N»
backup:!:19700:0:99999:7:::«N»
""",
)
F(
    d + "jenkins-casc.yaml",
    f"""
jenkins:
  securityRealm:
    local:
      allowsSignup: false
      users:
        - id: admin
          password: "#jbcrypt:{bcrypt()}"«L»
        - id: reader
          password: "${{READER_PASSWORD}}"«N»
""",
)
F(
    d + "users-fixture.json",
    jm(
        json.dumps(
            [
                {
                    "model": "auth.user",
                    "pk": 1,
                    "fields": {
                        "username": "admin",
                        "password": f"pbkdf2_sha256$600000${rs(22)}${b64b(32)}",
                        "is_superuser": True,
                    },
                },
            ],
            indent=2,
        ),
        {'"password"': "«L»"},
    )
    + "\n",
)
F(
    d + "app-auth.yaml",
    f"""
auth:
  users:
    - name: ops
      passwordHash: "$argon2id$v=19$m=65536,t=3,p=4${b64b(16).rstrip("=")}${b64b(32).rstrip("=")}"«L»
  nginx:
    auth_basic_user_file: /etc/nginx/htpasswd«N»
""",
)

# ======================================================= cli-credential
d = "cli-credential/"
F(
    d + "bootstrap.sh",
    f"""
#!/usr/bin/env bash
set -euo pipefail
kubectl create namespace orders --dry-run=client -o yaml | kubectl apply -f -
kubectl -n orders create secret generic orders-db --from-literal=username=orders --from-literal=password='{pw(16)}'«L»
kubectl -n orders create secret docker-registry regcred --docker-server=registry.example.com --docker-username=ci --docker-password={pw(20)}«L»
helm upgrade --install pg bitnami/postgresql -n orders --set auth.postgresPassword={pw(16)} --set auth.database=orders«L»
mysql -u root -pS3cret inventory < dump.sql«L»
argocd login argocd.example.com --username admin --password '{pw(14)}' --grpc-web«L»
docker login registry.example.com -u ci -p {pw(18)}«L»
az login --service-principal -u {uid()} -p {azure_client_secret()} --tenant {uid()}«L»
""",
)
F(
    d + "bootstrap-safe.sh",
    """
#!/usr/bin/env bash
set -euo pipefail
read -rsp "Database password: " DB_PASSWORD«N»
kubectl -n orders create secret generic orders-db --from-literal=password="$DB_PASSWORD"«N»
kubectl -n orders create secret generic orders-tls --from-file=password=./secrets/pw.txt«N»
helm upgrade --install pg bitnami/postgresql --set auth.existingSecret=orders-db«N»
helm upgrade --install redis bitnami/redis --set auth.password=${REDIS_PASSWORD}«N»
mysql -u root -p inventory < dump.sql«N»
docker login registry.example.com -u ci --password-stdin < /run/secrets/registry-token«N»
argocd admin initial-password -n argocd«N»
oauth2-proxy --client-secret="$(cat /run/secrets/client-secret)"«N»
""",
)
F(
    d + "docker-compose.yaml",
    f"""
services:
  postgres:
    image: postgres:16.3
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: {pw(14)}«L»
  mysql:
    image: mysql:8.4
    environment:
      MYSQL_ROOT_PASSWORD: "rootpass123"«L»
      MYSQL_PASSWORD: ${{MYSQL_PASSWORD}}«N»
  rabbitmq:
    image: rabbitmq:3.13-management
    environment:
      - RABBITMQ_DEFAULT_USER=orders
      - RABBITMQ_DEFAULT_PASS={pw(12)}«L»
  db-secure:
    image: postgres:16.3
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/pg_password«N»
    secrets: [pg_password]
secrets:
  pg_password:
    file: ./secrets/pg_password.txt«N»
""",
)
F(
    d + ".gitlab-ci.yml",
    f"""
deploy:
  stage: deploy
  image: alpine/helm:3.15.2
  script:
    - helm upgrade --install api ./chart --set image.tag=$CI_COMMIT_SHA --set db.password={pw(14)}«L»
    - helm upgrade --install api ./chart --set-string db.password=$DB_PASSWORD«N»
    - export PGPASSWORD={pw(12)}«L»
    - psql -h db.example.com -U migrator -c 'select 1'
""",
)
F(
    d + "oauth2-proxy.yaml",
    f"""
apiVersion: apps/v1
kind: Deployment
metadata:
  name: oauth2-proxy
spec:
  template:
    spec:
      containers:
        - name: oauth2-proxy
          image: quay.io/oauth2-proxy/oauth2-proxy:v7.6.0
          args:
            - --provider=oidc
            - --oidc-issuer-url=https://login.example.com/realms/platform«N»
            - --client-id=grafana
            - --client-secret={rs(32)}«L»
            - --cookie-secret={b64u(rbytes(32))}«L»
            - --client-secret-file=/etc/oauth2-proxy/client-secret«N»
""",
)
F(
    d + "README.md",
    """
# Staging environment

The staging cluster is reachable at https://staging.example.com.
The admin password is `Tr0ub4dor&3` until we rotate it.«L»
Log in with admin / n0tS0Secret! and change it on first use.«L»

Set the password in Vault under `secret/data/staging/admin`.«N»
Password: see the 1Password vault "Platform".«N»
To read the generated one run `kubectl -n argocd get secret argocd-initial-admin-secret -o jsonpath='{.data.password}' | base64 -d`.«N»
""",
)
F(
    d + "deployment-comments.yaml",
    """
apiVersion: apps/v1
kind: Deployment
metadata:
  name: legacy-erp
spec:
  template:
    spec:
      containers:
        - name: erp
          image: registry.example.com/erp:4.2.0
          # temporary root password: Winter2024!  (remove after migration)«L»
          # the password is stored in Vault at secret/data/erp/root«N»
          env:
            - name: ERP_DB_HOST
              value: erp-db
""",
)
F(
    d + "ops.sh",
    f"""
#!/usr/bin/env bash
sshpass -p '{pw(12)}' ssh ops@10.0.4.12 'systemctl restart erp'«L»
openssl pkcs12 -export -in tls.crt -inkey tls.key -out bundle.p12 -passout pass:{pw(12)}«L»
redis-cli -h redis.prod -a {pw(16)} FLUSHDB«L»
curl -u "admin:{pw(12)}" https://jenkins.example.com/api/json«L»
vault login -method=userpass username=ops password={pw(14)}«L»
openssl pkcs12 -export -in tls.crt -inkey tls.key -out bundle.p12 -passout env:P12_PASSWORD«N»
redis-cli -h redis.prod -a "$REDIS_PASSWORD" PING«N»
""",
)
F(
    d + "Makefile",
    f"""
DB_URL ?= postgres://localhost:5432/app

migrate:
\tflyway -url=jdbc:postgresql://db:5432/app -user=flyway -password={pw(14)} migrate«L»

seed:
\tPGPASSWORD=$(PGPASSWORD) psql -h db -U app -f seed.sql«N»
""",
)
F(
    d + "terraform-apply.sh",
    f"""
#!/bin/sh
terraform apply -auto-approve -var "db_password={pw(16)}" -var-file=prod.tfvars«L»
terraform apply -auto-approve -var "db_password=$TF_VAR_db_password"«N»
""",
)


# ---------------------------------------------------------------- write
MARK = re.compile(r"«([LN])(?::([a-z-]+))?»")


def _secret_object_labels(rel: str, lines: list[str], labels: list[dict]) -> list[dict]:
    """A committed kind: Secret that holds a labelled leak is itself a leak
    (kind k8s-secret), labelled at its `kind:` line."""
    if not rel.endswith((".yaml", ".yml", ".json")):
        return []
    path = f"cases/{rel}"
    leak_lines = {lab["line"] for lab in labels if lab["path"] == path and lab["leak"]}
    marked = {lab["line"] for lab in labels if lab["path"] == path}
    out, start = [], 1
    bounds = [i for i, line in enumerate(lines, 1) if line.startswith("---")] + [len(lines) + 1]
    for end in bounds:
        doc = range(start, end)
        kind = [i for i in doc if lines[i - 1].strip().rstrip(",") in ("kind: Secret", '"kind": "Secret"')]
        if kind and kind[0] not in marked and any(i in leak_lines for i in doc):
            out.append({"path": path, "line": kind[0], "kind": "k8s-secret", "leak": True})
        start = end + 1
    return out


def main() -> None:
    if CASES.exists():
        shutil.rmtree(CASES)
    labels = []
    for rel, text in sorted(FILES.items()):
        folder_kind = rel.split("/", 1)[0]
        assert folder_kind in KINDS, rel
        out_lines = []
        for i, line in enumerate(text.split("\n"), start=1):
            marks = MARK.findall(line)
            assert len(marks) <= 1, (rel, i, line)
            if marks:
                lk, kind = marks[0]
                kind = kind or folder_kind
                assert kind in KINDS, (rel, kind)
                labels.append({"path": f"cases/{rel}", "line": i, "kind": kind, "leak": lk == "L"})
                line = MARK.sub("", line)
            assert "«" not in line and "»" not in line, (rel, i)
            out_lines.append(line)
        labels.extend(_secret_object_labels(rel, out_lines, labels))
        body = "\n".join(out_lines)
        if not body.endswith("\n"):
            body += "\n"
        p = CASES / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(body, encoding="utf-8")
    labels.sort(key=lambda x: (x["path"], x["line"]))
    out = [
        "# Labels for the gitops-guard accuracy corpus; generated by generate.py.",
        "# One entry per labelled line; paths are relative to tests/corpus.",
        "# line: 1-based; for a multi-line PEM block the BEGIN line.",
    ]
    for lab in labels:
        out += [
            f"- path: {lab['path']}",
            f"  line: {lab['line']}",
            f"  kind: {lab['kind']}",
            f"  leak: {'true' if lab['leak'] else 'false'}",
        ]
    (ROOT / "labels.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")
    from collections import Counter

    c = Counter((lab["kind"], lab["leak"]) for lab in labels)
    for k in KINDS:
        print(f"{k:20} leaks={c[(k, True)]:3} negatives={c[(k, False)]:3}")
    print(
        f"{'total':20} leaks={sum(v for (_k, leak), v in c.items() if leak):3} "
        f"negatives={sum(v for (_k, leak), v in c.items() if not leak):3} files={len(FILES)}"
    )


if __name__ == "__main__":
    main()
