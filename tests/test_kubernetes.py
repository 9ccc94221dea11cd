"""Kubernetes-aware rules and the safe forms that must never be flagged."""

from __future__ import annotations

import base64
import json

import pytest
from conftest import found


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def secret(body: str, *, type_: str = "Opaque", labels: str = "") -> str:
    return (
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\n  namespace: prod\n"
        f"{labels}type: {type_}\n{body}"
    )


def test_credential_keys_reported_however_weak_others_not(scan):
    body = (
        'stringData:\n  username: admin\n  host: db.prod.svc\n  port: "5432"\n  region: eu-west-1\n'
        '  url: https://db.example.com/app\n  enabled: "true"\n  password: hunter2\n  admin-pass: admin\n'
    )
    result = scan("s.yaml", secret(body))
    assert found(result) == {(2, "k8s-secret"), (14, "k8s-secret-value"), (15, "k8s-secret-value")}
    obj = next(f for f in result.findings if f.rule_id == "k8s-secret")
    assert (obj.k8s.kind, obj.k8s.namespace, obj.k8s.name) == ("Secret", "prod", "app")
    value = next(f for f in result.findings if f.line == 14)
    assert value.k8s.key == "password"
    assert "ExternalSecret" in value.suggestion and "prod/app" in value.suggestion


def test_high_entropy_value_under_any_key(scan):
    result = scan("s.yaml", secret(f"data:\n  webhook-seed: {b64('Zx8Qw2Lm9Pv4Rt7Yb3Nc6Kd1')}\n"))
    assert (8, "k8s-secret-value") in found(result)


def test_non_credential_only_secret_is_still_committed_object(scan):
    assert found(scan("s.yaml", secret("stringData:\n  username: admin\n"))) == {(2, "k8s-secret")}


def test_placeholders_and_references_are_not_values(scan):
    body = (
        "stringData:\n  password: changeme\n  token: <your-token>\n  key: REPLACE_ME\n  secret: xxxxxxxx\n"
        '  api-key: "${API_KEY}"\n  db-pass: $(DB_PASS)\n  avp: <path:secret/data/app#password>\n'
        '  tpl: "{{ .Values.pw }}"\n  empty: ""\n'
        f"data:\n  enc: {b64('changeme')}\n"
    )
    assert found(scan("s.yaml", secret(body))) == set()


def test_dockerconfigjson_reports_each_registry_at_the_encoded_line(scan):
    config = {
        "auths": {
            "registry.example.com": {"auth": b64("robot:Rg7-pull-Secret")},
            "ghcr.io": {"username": "ci", "password": "Ghcr-Pw-2"},
        }
    }
    body = f"data:\n  .dockerconfigjson: {b64(json.dumps(config))}\n"
    result = scan("s.yaml", secret(body, type_="kubernetes.io/dockerconfigjson"))
    registry = [f for f in result.findings if f.rule_id == "k8s-registry-credential"]
    assert {f.line for f in registry} == {8}
    assert {f.secret for f in registry} == {"Rg7-pull-Secret", "Ghcr-Pw-2"}


def test_tls_key_is_a_leak_tls_crt_is_not(scan):
    cert = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQm9vZ3VzQ2VydGlmaWNhdGVGb3JUZXN0czAKBggqhkjO\n-----END CERTIFICATE-----\n"
    key = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIGf3kQ9vN2pL7xR4sT1uW8yZ0aB3cD5eF6gH7iJ8kL9moAoGCCqGSM49\n-----END EC PRIVATE KEY-----\n"
    body = f"data:\n  tls.crt: {b64(cert)}\n  ca.crt: {b64(cert)}\n  tls.key: {b64(key)}\n"
    assert found(scan("s.yaml", secret(body, type_="kubernetes.io/tls"))) == {
        (2, "k8s-secret"),
        (10, "private-key"),
    }


def test_kubeconfig(scan):
    text = (
        "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n"
        "    certificate-authority-data: TFMwdExTMUNSVWRKVGlCRFJWSlVTVVpKUTBGVVJTMHRMUzB0\n"
        "    server: https://k8s.example.com\nusers:\n- name: admin\n  user:\n"
        "    client-certificate-data: TFMwdExTMUNSVWRKVGlCRFJWSlVTVVpKUTBGVVJTMHRMUzB0\n"
        "    client-key-data: TFMwdExTMUNSVWRKVGlCUVVrbFdRVlJGSUV0RldTMHRMUzB0\n"
        "- name: basic\n  user:\n    username: ops\n    password: Kube-Basic-1\n"
        "- name: oidc\n  user:\n    auth-provider:\n      name: oidc\n      config:\n"
        "        client-id: kube\n        client-secret: Oidc-Client-Secret-9\n        idp-issuer-url: https://id.example.com\n"
    )
    assert found(scan("kubeconfig", text)) == {
        (12, "kubeconfig-credential"),
        (16, "kubeconfig-credential"),
        (23, "kubeconfig-credential"),
    }


def test_argocd_repository_and_cluster_secrets(scan):
    repo = secret(
        "stringData:\n  url: https://git.example.com/a.git\n  username: bot\n  password: Argo-Repo-Pw\n",
        labels="  labels:\n    argocd.argoproj.io/secret-type: repository\n",
    )
    assert found(scan("r.yaml", repo)) == {(2, "k8s-secret"), (12, "argocd-credential")}
    cluster = secret(
        "stringData:\n  name: prod\n  server: https://10.1.2.3\n  config: |\n    {\n"
        '      "bearerToken": "Cluster-Bearer-Token-01",\n'
        '      "tlsClientConfig": {"caData": "TFMwdExTMUNSVWRK", "insecure": false}\n    }\n',
        labels="  labels:\n    argocd.argoproj.io/secret-type: cluster\n",
    )
    assert found(scan("c.yaml", cluster)) == {(2, "k8s-secret"), (14, "argocd-credential")}


@pytest.mark.parametrize("kind", ["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod"])
def test_pod_template_env_literals(scan, kind):
    container = (
        "- name: app\n  image: app:1\n  env:\n"
        "  - name: LOG_LEVEL\n    value: debug\n"
        "  - name: DB_PASSWORD\n    value: Env-Literal-5\n"
        "  - name: API_TOKEN\n    valueFrom:\n      secretKeyRef: {name: api, key: token}\n"
        "  - name: SIGNING_KEY\n    value: $(KEY_FROM_FILE)\n"
    )
    indent = {"Pod": 4, "CronJob": 12}.get(kind, 8)
    lead = {
        "Pod": "spec:\n  containers:\n",
        "CronJob": "spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n",
    }.get(kind, "spec:\n  template:\n    spec:\n      containers:\n")
    body = "".join(" " * (indent - 2) + line + "\n" for line in container.splitlines())
    text = f"apiVersion: v1\nkind: {kind}\nmetadata: {{name: w}}\n{lead}{body}"
    result = scan("w.yaml", text)
    assert [(f.rule_id, f.secret) for f in result.findings] == [("k8s-env-credential", "Env-Literal-5")]


def test_secret_in_last_applied_annotation(scan):
    inner = json.dumps(
        {
            "apiVersion": "v1",
            "kind": "Secret",
            "metadata": {"name": "old"},
            "stringData": {"password": "Applied-Pass-3"},
        }
    )
    text = (
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  annotations:\n"
        f"    kubectl.kubernetes.io/last-applied-configuration: '{inner}'\ndata:\n  a: b\n"
    )
    assert found(scan("cm.yaml", text)) == {(6, "k8s-secret"), (6, "k8s-secret-value")}


SAFE = {
    "externalsecret.yaml": """apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata: {name: db, namespace: prod}
spec:
  secretStoreRef: {kind: ClusterSecretStore, name: vault}
  target:
    name: db
    template:
      data:
        password: "{{ .password }}"
  data:
    - secretKey: password
      remoteRef: {key: prod/db, property: password}
""",
    "store.yaml": """apiVersion: external-secrets.io/v1
kind: ClusterSecretStore
metadata: {name: vault}
spec:
  provider:
    vault:
      server: https://vault.example.com
      path: secret
      auth:
        tokenSecretRef: {name: vault-token, key: token, namespace: eso}
""",
    "sealed.yaml": """apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata: {name: db}
spec:
  encryptedData:
    password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEqAgBy3i4OJSWK+PiTySYZZA9rO43cGDEq
  template:
    metadata: {name: db}
""",
    "sops.yaml": """apiVersion: v1
kind: Secret
metadata: {name: db}
stringData:
    password: ENC[AES256_GCM,data:3q2+7w==,iv:Zm9vYmFyYmF6cXV4cXV1eA==,tag:dGFnLXRhZy10YWctdGFnLQ==,type:str]
sops:
    age:
        - recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p
          enc: |
            -----BEGIN AGE ENCRYPTED FILE-----
            YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBsb3JlbWlwc3VtZG9sb3Jz
            -----END AGE ENCRYPTED FILE-----
    lastmodified: "2026-01-01T00:00:00Z"
    mac: ENC[AES256_GCM,data:bWFjbWFjbWFj,iv:aXZpdml2aXZpdml2,tag:dGFndGFn,type:str]
    version: 3.9.0
""",
    "deploy.yaml": """apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  annotations:
    checksum/secret: 3292e58cdd9a04cd494d57e08c69933e5272f431bca29e47012053258d3ecbdf
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/api@sha256:9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e1f3a5b7c
          env:
            - name: DB_PASSWORD
              valueFrom: {secretKeyRef: {name: db, key: password}}
      volumes:
        - name: tls
          secret: {secretName: api-tls}
""",
    "values.yaml": """auth:
  existingSecret: pg-auth
  secretKeys: {adminPasswordKey: postgres-password}
  password: ""
affinity:
  podAntiAffinity:
    topologyKey: kubernetes.io/hostname
""",
}


@pytest.mark.parametrize("name", sorted(SAFE))
def test_safe_forms_are_never_flagged(scan, name):
    assert scan(name, SAFE[name]).findings == []


def test_plaintext_left_in_a_sops_file_is_still_a_leak(scan):
    text = SAFE["sops.yaml"].replace("stringData:\n", "stringData:\n    api_token: Plain-Left-Over-1\n")
    assert found(scan("sops.yaml", text)) == {(2, "k8s-secret"), (5, "k8s-secret-value")}


def test_sops_with_crlf_is_safe(scan):
    assert scan("sops.yaml", SAFE["sops.yaml"].replace("\n", "\r\n")).findings == []


def test_a_secret_next_to_safe_documents_is_still_reported(scan):
    text = (
        SAFE["externalsecret.yaml"]
        + "---\n# comment-only document follows\n---\n"
        + (
            "apiVersion: v1\nkind: Secret\nmetadata: {name: leftover}\nstringData:\n  password: Left-0ver-Pw\n"
        )
    )
    result = scan("mixed.yaml", text)
    assert {f.rule_id for f in result.findings} == {"k8s-secret", "k8s-secret-value"}
    assert scan("only-safe.yaml", SAFE["externalsecret.yaml"] + "---\n" + SAFE["sealed.yaml"]).findings == []


FALSE_ALARMS = {
    "ingress.yaml": 'metadata:\n  annotations:\n    nginx.ingress.kubernetes.io/auth-realm: "Authentication Required"\n    nginx.ingress.kubernetes.io/auth-type: basic\n',
    "mongod.yaml": "security:\n  authorization: enabled\n  keyFile: /etc/mongo/keyfile\n",
    "cassandra.yaml": "server_encryption_options:\n  key_alias: testing:1\n  keyAlias: prod\n",
    "grafana.yaml": "auth.generic_oauth:\n  client_secret: $__file{/etc/secrets/oauth/client_secret}\n",
    "orders.env.example": "STRIPE_SECRET_KEY=sk_test_REPLACE_ME\nDB_PASSWORD=changeme\n",
    "issuer.yaml": "solvers:\n  - dns01:\n      route53:\n        region: eu-west-1\n        accessKeyID: AKIAIOSFODNN7EXAMPLE\n",
}


@pytest.mark.parametrize("name", sorted(FALSE_ALARMS))
def test_common_settings_are_not_credentials(scan, name):
    assert scan(name, FALSE_ALARMS[name]).findings == []
