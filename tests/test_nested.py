"""Decoding beyond Secrets and documents inside documents, reported at the
lines of the outer file; Helm values wherever they live."""

from __future__ import annotations

import base64
import json

from conftest import found

KEY = (
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIEowIBAAKCAQEAzQ8f3kQ9vN2pL7xR4sT1uW8yZ0aB3cD5eF6gH7iJ8kL9mN0o\n"
    "Pq1Rs2Tu3Vw4Xy5Za6Bc7De8Fg9Hi0Jk1Lm2No3Pq4Rs5Tu6Vw7Xy8Za9Bc0De1F\n"
    "-----END RSA PRIVATE KEY-----\n"
)


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def test_base64_kubeconfig_in_a_helm_value(scan):
    kubeconfig = (
        "apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n"
        "    token: kube-ci-T0ken-4f8a9c2e\n"
        f"    client-key-data: {b64(KEY)}\n"
    )
    text = f"deployer:\n  enabled: true\n  kubeconfigBase64: {b64(kubeconfig)}\n"
    result = scan("values.yaml", text)
    assert {(f.line, f.rule_id) for f in result.findings} >= {(3, "kubeconfig-credential")}
    secrets = {f.secret for f in result.findings}
    assert "kube-ci-T0ken-4f8a9c2e" in secrets
    assert all(f.line == 3 for f in result.findings)


def test_base64_service_account_json_in_a_configmap(scan):
    sa = json.dumps({"type": "service_account", "project_id": "shop-prod", "private_key": KEY})
    text = f"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: gcp}}\ndata:\n  sa.json.b64: {b64(sa)}\n"
    assert found(scan("cm.yaml", text)) == {(5, "private-key")}


def test_base64_nesting_is_bounded(scan):
    value = "token: " + b64("x") + "\n"
    for _ in range(5):
        value = b64(value + "padding " * 20)
    assert scan("values.yaml", f"blob: {value}\n").error is None


def test_config_file_in_a_configmap_points_at_the_inner_line(scan):
    text = (
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata:\n  application.yaml: |\n"
        "    server:\n      port: 8080\n    datasource:\n      url: jdbc:postgresql://db/app\n"
        "      password: Inner-Config-Pass-1\n"
    )
    assert found(scan("cm.yaml", text)) == {(10, "generic-credential")}


def test_json_document_in_an_annotation(scan):
    inner = json.dumps({"apiKey": "Ann0tated-Api-Key-77", "endpoint": "https://x.example.com"})
    text = f"apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  annotations:\n    example.com/config: '{inner}'\n"
    assert found(scan("svc.yaml", text)) == {(6, "generic-credential")}


def test_argocd_application_helm_values_parameters_and_values_object(scan):
    text = (
        "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: shop}\nspec:\n  source:\n"
        "    helm:\n      parameters:\n        - name: redis.auth.password\n          value: Param-Pass-11\n"
        "        - name: image.tag\n          value: 1.2.3\n"
        "      values: |\n        postgresql:\n          auth:\n            postgresPassword: Values-Pass-12\n"
        "      valuesObject:\n        rabbitmq:\n          auth: {password: Object-Pass-13}\n"
        "    targetRevision: 4f2c9a8e1b7d3c5a9e0f1a2b3c4d5e6f7a8b9c0d\n"
    )
    assert found(scan("app.yaml", text)) == {
        (9, "generic-credential"),
        (15, "generic-credential"),
        (18, "generic-credential"),
    }


def test_flux_helmrelease_values_and_postbuild_substitute(scan):
    text = (
        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: pg}\nspec:\n"
        '  values:\n    auth:\n      rootPassword: Flux-Root-14\n      existingSecret: ""\n'
        "---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: apps}\n"
        "spec:\n  postBuild:\n    substitute:\n      cluster_name: prod\n      DB_PASSWORD: Subst-Pass-15\n"
        "    substituteFrom:\n      - kind: Secret\n        name: cluster-secrets\n"
    )
    assert found(scan("flux.yaml", text)) == {(7, "generic-credential"), (17, "generic-credential")}


def test_manifest_in_extra_objects_is_analysed_as_an_object(scan):
    text = (
        "extraObjects:\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: extra}\n"
        "    stringData:\n      password: Extra-Obj-16\n"
        "extraManifests:\n  - |\n    apiVersion: v1\n    kind: Secret\n    metadata:\n      name: tpl\n"
        "    stringData:\n      token: Extra-Str-17\n"
    )
    assert found(scan("values.yaml", text)) == {
        (3, "k8s-secret"),
        (6, "k8s-secret-value"),
        (10, "k8s-secret"),
        (14, "k8s-secret-value"),
    }


def test_kustomize_secret_generator_literals(scan):
    text = (
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nsecretGenerator:\n"
        "  - name: app\n    literals:\n      - username=app\n      - password=Gen-Lit-18\n"
        '      - "API_TOKEN=Gen-Tok-19"\n    envs: [app.env]\n'
    )
    result = scan("kustomization.yaml", text)
    # the generator is a Secret committed to Git, reported as a whole at its name
    assert found(result) == {(4, "k8s-secret"), (7, "generic-credential"), (8, "generic-credential")}
    values = {f.secret for f in result.findings if f.rule_id == "generic-credential"}
    assert values == {"Gen-Lit-18", "Gen-Tok-19"}


def test_env_files_report_at_their_lines(scan):
    text = "# app settings\nDB_HOST=db\nexport DB_PASSWORD='Env-File-20'\nTOKEN_TTL=3600\nAPI_KEY=\n"
    assert found(scan("app.env", text)) == {(3, "generic-credential")}


def test_tfvars_literals_reported_terraform_references_not(scan):
    text = 'db_password = var.db_password\nlocal_token = local.token\napi_token = "Tf-L1teral-Tok3n"\n'
    assert found(scan("prod.tfvars", text)) == {(3, "generic-credential")}


def test_secret_generator_envs_and_files_reported_in_the_referenced_files(tmp_path):
    from gitops_guard.commands.scan import scan_paths

    overlay = tmp_path / "overlays" / "prod"
    overlay.mkdir(parents=True)
    (overlay / "kustomization.yaml").write_text(
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\n"
        "secretGenerator:\n  - name: db\n    envs: [db.settings]\n"
        "    files:\n      - db-password.txt\n      - api-token=../../shared/token.dat\n      - missing.txt\n"
        "      - admin=admin.txt\n      - ca.crt\n"
    )
    (overlay / "db.settings").write_text(
        "# generated into Secret db\nDB_USER=shop\nDB_PASSWORD=Gen-Env-Pass-21\n"
    )
    (overlay / "db-password.txt").write_text("\nGen-File-Pass-22\n")
    (overlay / "admin.txt").write_text("SameD1rFilePw8Hq2\n")
    (overlay / "ca.crt").write_text(
        "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n"
    )
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "token.dat").write_text("Zx8Qw2Lm9Pv4Rt7Yb3Nc6Kd1Hs5Jf0\n")
    report = scan_paths([str(tmp_path)])
    got = {(f.path, f.line, f.rule_id) for f in report.findings}
    assert got == {
        ("overlays/prod/db.settings", 3, "generic-credential"),
        ("overlays/prod/db-password.txt", 2, "k8s-secret-value"),
        ("shared/token.dat", 1, "k8s-secret-value"),
        ("overlays/prod/admin.txt", 1, "k8s-secret-value"),  # a one-word file is the value
    }
    token = next(f for f in report.findings if f.path == "shared/token.dat")
    assert (token.k8s.name, token.k8s.namespace, token.k8s.key) == ("db", "shop", "api-token")
    assert any("missing.txt" in w.path and "does not exist" in w.message for w in report.warnings)
    assert not report.errors


def test_docker_config_json_logins(scan):
    login = b64("deploy-bot:Dkr-Login-Pass-23")
    text = f'{{\n  "auths": {{\n    "registry.example.com": {{\n      "auth": "{login}"\n    }}\n  }}\n}}\n'
    result = scan("config.json", text)
    assert found(result) == {(4, "generic-credential")}
    assert result.findings[0].secret == "Dkr-Login-Pass-23"


def test_encrypted_sections_are_ciphertext(scan):
    text = '{"encrypted": {"password": "wcFMA0xDdHCJBTolAQ+KZCFQrLCLoBBgM4akMg1ZyHFHN3ZyOZI4GcPZHGCZu3RZ"}}\n'
    assert scan("renovate.json", text).findings == []


def test_key_names_hold_material_only_when_the_value_looks_random(scan):
    text = (
        "rabbitmq:\n  routingKey: orders.created\n  erlangCookie: UVBRBJKQWZTXMPLAHGFDSNCYERTUOPIQ\n"
        "mongodb:\n  replicaSetKey: 55nJq2WvLm8Tz4Rk7Pd9Xs3Ya6Hb1Nc0\n"
        "affinity:\n  topologyKey: kubernetes.io/hostname\n"
        "alertmanager:\n  routing_key: b152f4e9c07a4d2e8b6f1a3c5d7e9f02\n"
    )
    assert found(scan("values.yaml", text)) == {
        (3, "generic-credential"),
        (5, "generic-credential"),
        (9, "generic-credential"),
    }


def test_settings_named_after_credentials_are_not_credentials(scan):
    text = (
        'env:\n  - name: KC_SPI_PASSWORD_HASHING_PBKDF2_SHA512_ITERATIONS\n    value: "27500"\n'
        "  - name: TOKENIZER\n    value: cl100k_base\n"
        "realm:\n  accessTokenLifespan: 300\n"
        "notifications:\n  - name: Authorization\n    value: token $github-token\n"
    )
    assert scan("values.yaml", text).findings == []
    tfvars = 'db_password_ssm = "/prod/orders/db_password"\nkms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1a2b"\n'
    assert scan("rds.tfvars", tfvars).findings == []


def test_assignment_syntaxes_beyond_yaml(scan):
    tf = 'variable "aws_secret_key" {\n  type    = string\n  default = "Tf-Default-Secret-24"\n}\nresource "x" "y" {\n  password = random_password.db.result\n}\n'
    assert found(scan("variables.tf", tf)) == {(3, "generic-credential")}
    make = "IMAGE ?= shop\nDB_PASS := Mk-Pass-25\n"
    assert found(scan("Makefile", make)) == {(2, "generic-credential")}
    unit = '[Service]\nEnvironment="MINIO_ROOT_PASSWORD=Unit-Pass-26"\nEnvironment=LOG_LEVEL=info\n'
    assert found(scan("minio.service", unit)) == {(2, "generic-credential")}
    inventory = "[db]\npg1 ansible_host=10.0.0.5 ansible_ssh_pass=Inv-Pass-27 ansible_user=ops\n"
    assert found(scan("hosts.ini", inventory)) == {(2, "generic-credential")}
    jenkins = "environment {\n  SONAR_TOKEN = credentials('sonarqube-token')\n}\n"
    assert scan("Jenkinsfile", jenkins).findings == []


def test_references_and_ciphertext_of_other_tools_are_not_values(scan):
    text = (
        "params:\n  secret_access_key: ((aws.secret_access_key))\n"
        "db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6231383933356434613866\n"
        "tls:\n  privateKey: /etc/istio/ingressgateway-certs/tls.key\n"
    )
    assert scan("pipeline.yml", text).findings == []


def test_hostnames_in_secrets_are_not_random(scan):
    text = (
        "apiVersion: v1\nkind: Secret\nmetadata: {name: smtp}\nstringData:\n"
        "  SMTP_HOST: email-smtp.eu-west-1.amazonaws.com\n  SMTP_PASSWORD: Smtp-Pass-28\n"
    )
    assert found(scan("s.yaml", text)) == {(2, "k8s-secret"), (6, "k8s-secret-value")}


def test_multi_line_secret_values_are_reported_at_their_own_lines(scan):
    text = (
        "apiVersion: v1\nkind: Secret\nmetadata: {name: aws}\nstringData:\n  creds: |\n    [default]\n"
        "    aws_access_key_id = AKIAFVPXODL5766Q4XAI\n    aws_secret_access_key = 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\n"
    )
    assert found(scan("s.yaml", text)) == {
        (2, "k8s-secret"),
        (7, "aws-access-key-id"),
        (8, "aws-secret-access-key"),
    }


def test_parameter_defaults_are_named_by_their_param(scan):
    text = (
        "spec:\n  params:\n    - name: cache-password\n      type: string\n      default: Tkn-Default-Pw9\n"
        "    - name: image\n      default: registry.example.com/app:1.2\n"
    )
    assert found(scan("pipeline.yaml", text)) == {(5, "generic-credential")}


def test_a_generator_file_over_the_size_cap_makes_the_scan_incomplete(tmp_path):
    from gitops_guard.commands.scan import scan_paths

    (tmp_path / "repo").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitops-guard.yaml").write_text("max_file_size: 200\n")
    (tmp_path / "outside.txt").write_text("x" * 500)
    (tmp_path / "repo" / "kustomization.yaml").write_text(
        "secretGenerator:\n  - name: db\n    files: [big=../outside.txt]\n"
    )
    report = scan_paths([str(tmp_path / "repo")])
    assert [(e.path, "size cap" in e.message) for e in report.errors] == [("../outside.txt", True)]
