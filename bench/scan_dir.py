#!/usr/bin/env python3
"""Time gitops-guard against gitleaks on a whole directory tree.

Generates (deterministically, into a temporary directory) a tree of Kubernetes
manifests that looks like a real GitOps repository: Deployments, Services,
ConfigMaps with embedded config files, Ingresses, RBAC, Kustomizations, Helm
charts (values files and ``{{ }}`` templates), Argo CD Applications,
ExternalSecrets, SealedSecrets, a few percent ``kind: Secret`` and some
plaintext passwords and tokens. Then, in one run, it times alternately and
repeatedly

    gitops-guard scan TREE --format json --output TMP
    gitleaks dir TREE --no-banner --report-format json --report-path TMP --exit-code 0

and reports the median wall time of each, their ratio (goal: <= 0.5), the
time of a one-file scan ``gitops-guard scan ONE.yaml`` (median of 10, goal:
<= 0.25 s) and Python's own bare start-up for context.

Usage:
    python bench/scan_dir.py [--files N] [--repeat K] [--seed S]
                             [--real DIR] [--keep DIR]
                             [--prefilter python|ahocorasick|hyperscan]

--real DIR   also run the comparison on an existing directory (e.g. a
             checkout of prometheus-community/helm-charts).
--keep DIR   write the generated tree to DIR (created; must not exist or be
             empty) and leave it there, e.g. for profiling.
--prefilter  sets GITOPS_GUARD_PREFILTER for the gitops-guard runs.

Stdlib only, Python 3.10+. This is a benchmark: it is not part of the tests
or CI.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RATIO_GOAL = 0.5
ONE_FILE_GOAL = 0.25
MIN_SIZE = 500
MAX_SIZE = 6000

# --------------------------------------------------------------------------
# Tree generator
# --------------------------------------------------------------------------

APP_WORDS = (
    "cart checkout payments orders catalog search users auth gateway billing "
    "inventory shipping notifications reviews recommendations ledger invoices "
    "reporting analytics frontend backend admin worker scheduler mailer media "
    "uploads thumbnails audit metrics events stream ingest export import sync"
).split()
TEAMS = ["platform", "commerce", "data", "identity", "growth", "core", "infra"]
ENVS = ["dev", "staging", "prod"]
REGISTRIES = ["ghcr.io/acme", "registry.example.com/team", "123456789012.dkr.ecr.eu-west-1.amazonaws.com"]
ALNUM = string.ascii_letters + string.digits


class Gen:
    """All randomness comes from one seeded Random: the tree is reproducible."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)

    # small helpers ---------------------------------------------------------
    def pick(self, seq):
        return self.r.choice(seq)

    def hexs(self, n: int) -> str:
        return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

    def alnum(self, n: int, alphabet: str = ALNUM) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def b64(self, raw: str) -> str:
        return base64.b64encode(raw.encode()).decode()

    def password(self) -> str:
        return self.alnum(self.r.randint(14, 24), ALNUM + "!#%+-_")

    def token(self) -> str:
        kind = self.r.randrange(5)
        if kind == 0:
            return "ghp_" + self.alnum(36)
        if kind == 1:
            return "AKIA" + self.alnum(16, string.ascii_uppercase + string.digits)
        if kind == 2:
            return "xoxb-" + "-".join(self.alnum(12, string.digits) for _ in range(2)) + "-" + self.alnum(24)
        if kind == 3:
            return "sk_live_" + self.alnum(24)
        return self.alnum(40)

    def image(self, app: str) -> str:
        reg = self.pick(REGISTRIES)
        if self.r.random() < 0.6:
            return f"{reg}/{app}@sha256:{self.hexs(64)}"
        return f"{reg}/{app}:v{self.r.randint(1, 4)}.{self.r.randint(0, 30)}.{self.r.randint(0, 9)}"

    def labels(self, app: str, indent: int, env: str | None = None) -> list[str]:
        pad = " " * indent
        out = [
            f"{pad}app.kubernetes.io/name: {app}",
            f"{pad}app.kubernetes.io/part-of: {self.pick(TEAMS)}",
            f"{pad}app.kubernetes.io/managed-by: kustomize",
        ]
        if env:
            out.append(f"{pad}environment: {env}")
        return out

    def pad_to(self, lines: list[str], target: int, filler) -> list[str]:
        """Append filler blocks until the document reaches the target size."""
        size = sum(len(ln) + 1 for ln in lines)
        guard = 0
        while size < target and guard < 400:
            block = filler()
            if size + sum(len(ln) + 1 for ln in block) > MAX_SIZE - 200:
                break
            lines.extend(block)
            size += sum(len(ln) + 1 for ln in block)
            guard += 1
        return lines

    def target(self) -> int:
        # Most manifests are 1-2.5 KB, a tail up to 6 KB.
        return max(MIN_SIZE + 50, min(MAX_SIZE - 300, int(self.r.lognormvariate(7.4, 0.55))))

    def header(self, app: str, env: str, need: int) -> str:
        """Leading comment lines (as tools and people leave them) of >= need bytes."""
        pool = [
            f"# Source: {app}/templates/{self.pick(['deployment', 'service', 'secret', 'configmap'])}.yaml",
            f"# Owner: team-{self.pick(TEAMS)} (#{self.pick(TEAMS)}-oncall)",
            f"# Runbook: https://wiki.example.com/runbooks/{app}",
            f"# Environment: {env}; reviewed {self.r.randint(2021, 2025)}-{self.r.randint(1, 12):02d}-{self.r.randint(1, 28):02d}",
            "# Do not edit by hand: changes are synced by Argo CD from the main branch.",
            f"# Change-Id: I{self.hexs(40)}",
            "# yaml-language-server: $schema=https://kubernetesjsonschema.dev/v1.18.0-standalone-strict/all.json",
            f"# See docs/{app}.md for the rollout procedure and the list of dependent services.",
        ]
        out = []
        size = 0
        while size < need:
            line = pool[len(out) % len(pool)] if len(out) >= len(pool) else self.pick(pool)
            out.append(line)
            size += len(line) + 1
        return "\n".join(out) + "\n"

    # documents -------------------------------------------------------------
    def env_var(self, app: str, leak: bool) -> list[str]:
        k = self.r.randrange(6)
        name = f"{self.pick(['APP', 'SVC', 'FEATURE', 'CACHE', 'HTTP', 'GRPC'])}_{self.alnum(6, string.ascii_uppercase)}"
        if leak and self.r.random() < 0.5:
            return [
                f"            - name: {self.pick(['API_TOKEN', 'GITHUB_TOKEN', 'DB_PASSWORD', 'STRIPE_KEY'])}",
                f'              value: "{self.token()}"',
            ]
        if k == 0:
            return [
                f"            - name: {name}",
                "              valueFrom:",
                "                secretKeyRef:",
                f"                  name: {app}-secrets",
                f"                  key: {self.pick(['password', 'api-key', 'token', 'dsn'])}",
            ]
        if k == 1:
            return [
                f"            - name: {name}",
                "              valueFrom:",
                "                configMapKeyRef:",
                f"                  name: {app}-config",
                f"                  key: {name.lower()}",
            ]
        if k == 2:
            return [
                f"            - name: {name}",
                "              valueFrom:",
                "                fieldRef:",
                "                  fieldPath: metadata.namespace",
            ]
        if k == 3:
            return [
                f"            - name: {name}_URL",
                f"              value: http://{self.pick(APP_WORDS)}.{self.pick(TEAMS)}.svc.cluster.local:{self.r.choice([80, 8080, 9090])}",
            ]
        if k == 4:
            return [
                f"            - name: {name}_PASSWORD_FILE",
                f"              value: /var/run/secrets/{app}/password",
            ]
        return [
            f"            - name: {name}",
            f'              value: "{self.r.choice(["true", "false", str(self.r.randint(1, 5000)), "info", "json"])}"',
        ]

    def deployment(self, app: str, ns: str, env: str, leak: bool) -> list[str]:
        lines = [
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata:",
            f"  name: {app}",
            f"  namespace: {ns}",
            "  labels:",
            *self.labels(app, 4, env),
            "  annotations:",
            f"    checksum/config: {self.hexs(64)}",
            f"    checksum/secret: {self.hexs(64)}",
            "spec:",
            f"  replicas: {self.r.randint(1, 6)}",
            "  selector:",
            "    matchLabels:",
            f"      app.kubernetes.io/name: {app}",
            "  template:",
            "    metadata:",
            "      labels:",
            f"        app.kubernetes.io/name: {app}",
            "      annotations:",
            '        prometheus.io/scrape: "true"',
            f'        prometheus.io/port: "{self.r.choice([9090, 8080, 9102])}"',
            "    spec:",
            f"      serviceAccountName: {app}",
            "      securityContext:",
            "        runAsNonRoot: true",
            "        runAsUser: 10001",
            "      containers:",
            f"        - name: {app}",
            f"          image: {self.image(app)}",
            "          imagePullPolicy: IfNotPresent",
            "          ports:",
            "            - name: http",
            f"              containerPort: {self.r.choice([8080, 3000, 8000, 9000])}",
            "          resources:",
            f"            requests: {{cpu: {self.r.choice(['50m', '100m', '250m'])}, memory: {self.r.choice(['64Mi', '128Mi', '256Mi'])}}}",
            f"            limits: {{memory: {self.r.choice(['256Mi', '512Mi', '1Gi'])}}}",
            "          readinessProbe:",
            "            httpGet: {path: /healthz, port: http}",
            "          envFrom:",
            f"            - configMapRef: {{name: {app}-config}}",
            "          env:",
        ]
        leaked = [False]

        def filler():
            do_leak = leak and not leaked[0]
            leaked[0] = leaked[0] or do_leak
            return self.env_var(app, do_leak)

        lines = self.pad_to(lines, self.target(), filler)
        if leak and not leaked[0]:
            lines += self.env_var(app, True)
        return lines

    def service(self, app: str, ns: str, env: str, leak: bool) -> list[str]:
        lines = [
            "apiVersion: v1",
            "kind: Service",
            "metadata:",
            f"  name: {app}",
            f"  namespace: {ns}",
            "  labels:",
            *self.labels(app, 4, env),
            "  annotations:",
            f'    service.beta.kubernetes.io/aws-load-balancer-internal: "{self.r.choice(["true", "false"])}"',
            "spec:",
            f"  type: {self.r.choice(['ClusterIP', 'ClusterIP', 'NodePort', 'LoadBalancer'])}",
            "  selector:",
            f"    app.kubernetes.io/name: {app}",
            "  ports:",
        ]
        n = [0]

        def filler():
            n[0] += 1
            return [
                f"    - name: port-{n[0]}",
                f"      port: {8000 + n[0]}",
                f"      targetPort: {self.r.choice(['http', 'metrics', 'grpc', str(9000 + n[0])])}",
                "      protocol: TCP",
            ]

        return self.pad_to(lines, min(self.target(), 1800), filler)

    def embedded_config(self, app: str, leak: bool) -> list[str]:
        kind = self.r.randrange(4)
        if kind == 0:
            out = [
                "  nginx.conf: |",
                "    worker_processes auto;",
                "    events { worker_connections 1024; }",
                "    http {",
            ]
            for i in range(self.r.randint(2, 8)):
                out += [
                    f"      upstream backend{i} {{ server {self.pick(APP_WORDS)}:{8080 + i}; }}",
                    "      server {",
                    f"        listen {8000 + i};",
                    f"        location /{self.pick(APP_WORDS)}/ {{ proxy_pass http://backend{i}; proxy_set_header Host $host; }}",
                    "      }",
                ]
            return out + ["    }"]
        if kind == 1:
            out = [
                "  application.properties: |",
                f"    spring.application.name={app}",
                f"    spring.datasource.url=jdbc:postgresql://{app}-db:5432/{app}",
                f"    spring.datasource.username={app}",
            ]
            if leak:
                out.append(f"    spring.datasource.password={self.password()}")
            else:
                out.append("    spring.datasource.password=${DB_PASSWORD}")
            for _ in range(self.r.randint(3, 15)):
                out.append(
                    f"    {self.pick(['server', 'management', 'logging', 'cache'])}.{self.alnum(6, string.ascii_lowercase)}={self.r.randint(1, 999)}"
                )
            return out
        if kind == 2:
            out = ["  prometheus.yml: |", "    global:", "      scrape_interval: 30s", "    scrape_configs:"]
            for _ in range(self.r.randint(2, 8)):
                job = self.pick(APP_WORDS)
                out += [
                    f"      - job_name: {job}",
                    "        kubernetes_sd_configs:",
                    "          - role: pod",
                    "        relabel_configs:",
                    "          - source_labels: [__meta_kubernetes_pod_label_app]",
                    f"            regex: {job}",
                    "            action: keep",
                ]
            return out
        out = ["  config.json: |", "    {", f'      "service": "{app}",']
        if leak:
            out.append(f'      "apiToken": "{self.token()}",')
        for _ in range(self.r.randint(3, 12)):
            out.append(f'      "{self.alnum(8, string.ascii_lowercase)}": {self.r.randint(0, 10000)},')
        return out + ['      "debug": false', "    }"]

    def configmap(self, app: str, ns: str, env: str, leak: bool) -> list[str]:
        lines = [
            "apiVersion: v1",
            "kind: ConfigMap",
            "metadata:",
            f"  name: {app}-config",
            f"  namespace: {ns}",
            "  labels:",
            *self.labels(app, 4, env),
            "data:",
            f"  LOG_LEVEL: {self.r.choice(['info', 'debug', 'warn'])}",
            f"  ENVIRONMENT: {env}",
        ]
        if leak and self.r.random() < 0.5:
            lines.append(f"  DATABASE_URL: postgres://{app}:{self.password()}@{app}-db.{ns}.svc:5432/{app}")
            leak = False
        if self.r.random() < 0.5:
            lines += self.embedded_config(app, leak)

        def filler():
            key = f"{self.pick(['FEATURE', 'TIMEOUT', 'MAX', 'CACHE', 'URL'])}_{self.alnum(6, string.ascii_uppercase)}"
            return [
                f'  {key}: "{self.r.choice([str(self.r.randint(1, 9999)), "true", "false", "https://" + self.pick(APP_WORDS) + ".example.com"])}"'
            ]

        return self.pad_to(lines, self.target(), filler)

    def ingress(self, app: str, ns: str, env: str, leak: bool) -> list[str]:
        host = f"{app}.{env}.example.com"
        lines = [
            "apiVersion: networking.k8s.io/v1",
            "kind: Ingress",
            "metadata:",
            f"  name: {app}",
            f"  namespace: {ns}",
            "  annotations:",
            "    cert-manager.io/cluster-issuer: letsencrypt-prod",
            "    nginx.ingress.kubernetes.io/proxy-body-size: 16m",
            "spec:",
            "  ingressClassName: nginx",
            "  tls:",
            f"    - hosts: [{host}]",
            f"      secretName: {app}-tls",
            "  rules:",
            f"    - host: {host}",
            "      http:",
            "        paths:",
        ]

        def filler():
            return [
                f"          - path: /{self.pick(APP_WORDS)}",
                "            pathType: Prefix",
                "            backend:",
                f"              service: {{name: {self.pick(APP_WORDS)}, port: {{number: 80}}}}",
            ]

        return self.pad_to(lines, min(self.target(), 2500), filler)

    def rbac(self, app: str, ns: str, env: str, leak: bool) -> list[str]:
        kind = self.r.choice(["Role", "ClusterRole"])
        lines = [
            "apiVersion: rbac.authorization.k8s.io/v1",
            f"kind: {kind}",
            "metadata:",
            f"  name: {app}-{self.pick(['reader', 'writer', 'operator'])}",
        ]
        if kind == "Role":
            lines.append(f"  namespace: {ns}")
        lines.append("rules:")

        def filler():
            return [
                '  - apiGroups: ["' + self.pick(["", "apps", "batch", "networking.k8s.io"]) + '"]',
                "    resources: ["
                + ", ".join(
                    self.r.sample(
                        ["pods", "secrets", "configmaps", "services", "deployments", "jobs", "events"], 3
                    )
                )
                + "]",
                "    verbs: ["
                + ", ".join(self.r.sample(["get", "list", "watch", "create", "update", "patch", "delete"], 3))
                + "]",
            ]

        return self.pad_to(lines, min(self.target(), 2000), filler)

    def rolebinding(self, app: str, ns: str, env: str, leak: bool) -> list[str]:
        lines = [
            "apiVersion: v1",
            "kind: ServiceAccount",
            "metadata:",
            f"  name: {app}",
            f"  namespace: {ns}",
            "  annotations:",
            f"    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/{app}-{env}",
            "---",
            "apiVersion: rbac.authorization.k8s.io/v1",
            "kind: RoleBinding",
            "metadata:",
            f"  name: {app}",
            f"  namespace: {ns}",
            "roleRef:",
            "  apiGroup: rbac.authorization.k8s.io",
            "  kind: Role",
            f"  name: {app}-reader",
            "subjects:",
        ]

        def filler():
            return [
                "  - kind: ServiceAccount",
                f"    name: {self.pick(APP_WORDS)}",
                f"    namespace: {self.pick(TEAMS)}",
            ]

        return self.pad_to(lines, min(self.target(), 1500), filler)

    def kustomization(self, app: str, ns: str, env: str, leak: bool) -> list[str]:
        lines = [
            "apiVersion: kustomize.config.k8s.io/v1beta1",
            "kind: Kustomization",
            f"namespace: {ns}",
            "resources:",
            "  - ../../base",
            f"  - ingress-{env}.yaml",
            "images:",
            f"  - name: {app}",
            f"    newName: {self.pick(REGISTRIES)}/{app}",
            f"    digest: sha256:{self.hexs(64)}",
            "commonLabels:",
            f"  environment: {env}",
            "configMapGenerator:",
            f"  - name: {app}-config",
            "    behavior: merge",
            "    literals:",
        ]
        if leak:
            lines.append(f"      - ADMIN_PASSWORD={self.password()}")
        lines += [
            "secretGenerator:",
            f"  - name: {app}-secrets",
            "    files: [secrets/password.txt]",
            "patches:",
        ]

        def filler():
            return [
                f"  - path: patches/{self.pick(['replicas', 'resources', 'env', 'affinity'])}-{self.alnum(4, string.ascii_lowercase)}.yaml",
                "    target:",
                f"      kind: {self.pick(['Deployment', 'StatefulSet', 'CronJob'])}",
                f"      name: {app}",
            ]

        return self.pad_to(lines, min(self.target(), 2200), filler)

    def values(self, app: str, ns: str, env: str, leak: bool) -> list[str]:
        lines = [
            f"# Default values for {app}.",
            "replicaCount: 2",
            "image:",
            f"  repository: {self.pick(REGISTRIES)}/{app}",
            f'  tag: "{self.r.randint(1, 3)}.{self.r.randint(0, 20)}.{self.r.randint(0, 9)}"',
            "  pullPolicy: IfNotPresent",
            "serviceAccount:",
            "  create: true",
            "  annotations: {}",
            "service:",
            "  type: ClusterIP",
            "  port: 80",
            "ingress:",
            "  enabled: false",
            "  className: nginx",
            f"  hosts: [{app}.example.com]",
            "postgresql:",
            "  auth:",
            f"    username: {app}",
            f"    database: {app}",
            '    existingSecret: ""',
        ]
        if leak:
            lines.append(f'    password: "{self.password()}"')
        else:
            lines.append('    password: ""  # set via --set or existingSecret')
        if leak and self.r.random() < 0.4:
            lines += ["slack:", f"  token: {self.token()}"]
        lines += ["resources:", "  limits: {memory: 512Mi}", "extraEnv:"]

        def filler():
            section = self.r.randrange(3)
            if section == 0:
                return [
                    f"  - name: {self.alnum(8, string.ascii_uppercase)}",
                    f'    value: "{self.r.randint(0, 500)}"',
                ]
            if section == 1:
                return [
                    f"# -- {self.pick(['Enable', 'Configure', 'Override'])} the {self.pick(APP_WORDS)} {self.pick(['sidecar', 'probe', 'cache', 'limits'])}.",
                    "# @default -- see values.yaml",
                ]
            return [
                f"  - name: {self.alnum(6, string.ascii_uppercase)}_SECRET_REF",
                "    valueFrom:",
                f"      secretKeyRef: {{name: {app}, key: {self.alnum(5, string.ascii_lowercase)}}}",
            ]

        return self.pad_to(lines, self.target(), filler)

    def template(self, app: str, ns: str, env: str, leak: bool) -> list[str]:
        kind = self.r.choice(["Deployment", "Service", "ConfigMap", "Secret"])
        lines = [
            f"{{{{- if .Values.{self.pick(['enabled', 'server.enabled', 'worker.enabled'])} }}}}",
            "apiVersion: " + ("apps/v1" if kind == "Deployment" else "v1"),
            f"kind: {kind}",
            "metadata:",
            f'  name: {{{{ include "{app}.fullname" . }}}}',
            "  namespace: {{ .Release.Namespace }}",
            "  labels:",
            f'    {{{{- include "{app}.labels" . | nindent 4 }}}}',
        ]
        if kind == "Secret":
            lines += [
                "type: Opaque",
                "data:",
                "  password: {{ .Values.auth.password | b64enc | quote }}",
                "  {{- if .Values.auth.existingSecret }}",
                "  token: {{ randAlphaNum 32 | b64enc | quote }}",
                "  {{- end }}",
            ]
        elif kind == "ConfigMap":
            lines += [
                "data:",
                "  {{- range $key, $value := .Values.config }}",
                "  {{ $key }}: {{ $value | quote }}",
                "  {{- end }}",
            ]
        elif kind == "Service":
            lines += [
                "spec:",
                "  type: {{ .Values.service.type }}",
                "  ports:",
                "    - port: {{ .Values.service.port }}",
                "      targetPort: http",
                "  selector:",
                f'    {{{{- include "{app}.selectorLabels" . | nindent 4 }}}}',
            ]
        else:
            lines += [
                "spec:",
                "  replicas: {{ .Values.replicaCount }}",
                "  template:",
                "    metadata:",
                "      annotations:",
                '        checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}',
                "    spec:",
                "      containers:",
                "        - name: {{ .Chart.Name }}",
                '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"',
                "          env:",
                "            {{- with .Values.extraEnv }}",
                "            {{- toYaml . | nindent 12 }}",
                "            {{- end }}",
            ]

        def filler():
            v = self.alnum(6, string.ascii_lowercase)
            return [
                f"          {{{{- if .Values.{v}.enabled }}}}",
                f"            - name: {v.upper()}",
                "              valueFrom:",
                "                secretKeyRef:",
                f'                  name: {{{{ .Values.{v}.existingSecret | default (include "{app}.fullname" .) }}}}',
                f'                  key: {{{{ .Values.{v}.secretKey | default "{v}" }}}}',
                "          {{- end }}",
            ]

        if kind == "Deployment":
            lines = self.pad_to(lines, self.target(), filler)
        return lines + ["{{- end }}"]

    def argo_app(self, app: str, ns: str, env: str, leak: bool) -> list[str]:
        lines = [
            "apiVersion: argoproj.io/v1alpha1",
            "kind: Application",
            "metadata:",
            f"  name: {app}-{env}",
            "  namespace: argocd",
            "  finalizers: [resources-finalizer.argocd.argoproj.io]",
            "spec:",
            f"  project: {self.pick(TEAMS)}",
            "  source:",
            "    repoURL: https://github.com/acme/gitops.git",
            f"    targetRevision: {self.r.choice(['main', 'HEAD', self.hexs(40)])}",
            f"    path: apps/{app}/overlays/{env}",
            "  destination:",
            "    server: https://kubernetes.default.svc",
            f"    namespace: {ns}",
            "  syncPolicy:",
            "    automated: {prune: true, selfHeal: true}",
            "    syncOptions: [CreateNamespace=true, ServerSideApply=true]",
            "  ignoreDifferences:",
        ]

        def filler():
            return [
                f"    - group: {self.pick(['apps', '', 'autoscaling'])}",
                f"      kind: {self.pick(['Deployment', 'Secret', 'HorizontalPodAutoscaler'])}",
                "      jsonPointers: [/spec/replicas]",
            ]

        return self.pad_to(lines, min(self.target(), 2000), filler)

    def external_secret(self, app: str, ns: str, env: str, leak: bool) -> list[str]:
        lines = [
            "apiVersion: external-secrets.io/v1beta1",
            "kind: ExternalSecret",
            "metadata:",
            f"  name: {app}-secrets",
            f"  namespace: {ns}",
            "spec:",
            "  refreshInterval: 1h",
            "  secretStoreRef:",
            "    kind: ClusterSecretStore",
            f"    name: {self.pick(['vault', 'aws-secrets-manager', 'gcp-sm'])}",
            "  target:",
            f"    name: {app}-secrets",
            "    creationPolicy: Owner",
            "  data:",
        ]

        def filler():
            key = self.pick(["password", "api-key", "token", "dsn", "client-secret"])
            return [
                f"    - secretKey: {key}",
                "      remoteRef:",
                f"        key: {env}/{ns}/{app}",
                f"        property: {key}",
            ]

        return self.pad_to(lines, min(self.target(), 2500), filler)

    def sealed_secret(self, app: str, ns: str, env: str, leak: bool) -> list[str]:
        lines = [
            "apiVersion: bitnami.com/v1alpha1",
            "kind: SealedSecret",
            "metadata:",
            f"  name: {app}-sealed",
            f"  namespace: {ns}",
            "spec:",
            "  encryptedData:",
        ]
        for key in self.r.sample(
            ["password", "username", "api-key", "token", "tls.key"], self.r.randint(1, 4)
        ):
            blob = base64.b64encode(self.r.randbytes(self.r.randint(300, 700))).decode()
            lines.append(f"    {key}: {blob}")
        lines += ["  template:", "    metadata:", f"      name: {app}-sealed", f"      namespace: {ns}"]
        return lines

    def secret(self, app: str, ns: str, env: str, leak: bool) -> list[str]:
        lines = [
            "apiVersion: v1",
            "kind: Secret",
            "metadata:",
            f"  name: {app}-credentials",
            f"  namespace: {ns}",
            "type: Opaque",
        ]
        if self.r.random() < 0.7:
            lines.append("data:")
            lines += [f"  username: {self.b64(app)}", f"  password: {self.b64(self.password())}"]
            if self.r.random() < 0.5:
                lines.append(f"  api-token: {self.b64(self.token())}")
        else:
            lines += [
                "stringData:",
                f"  username: {app}",
                f'  password: "{self.password()}"',
                f"  url: https://{app}.example.com",
            ]
        return lines

    def misc(self, app: str, ns: str, env: str, leak: bool) -> list[str]:
        kind = self.r.randrange(3)
        if kind == 0:
            return [
                "apiVersion: autoscaling/v2",
                "kind: HorizontalPodAutoscaler",
                "metadata:",
                f"  name: {app}",
                f"  namespace: {ns}",
                "spec:",
                "  scaleTargetRef:",
                "    apiVersion: apps/v1",
                "    kind: Deployment",
                f"    name: {app}",
                f"  minReplicas: {self.r.randint(1, 3)}",
                f"  maxReplicas: {self.r.randint(4, 20)}",
                "  metrics:",
                "    - type: Resource",
                "      resource:",
                "        name: cpu",
                "        target: {type: Utilization, averageUtilization: 70}",
            ]
        if kind == 1:
            return [
                "apiVersion: networking.k8s.io/v1",
                "kind: NetworkPolicy",
                "metadata:",
                f"  name: {app}-allow",
                f"  namespace: {ns}",
                "spec:",
                "  podSelector:",
                "    matchLabels:",
                f"      app.kubernetes.io/name: {app}",
                "  policyTypes: [Ingress, Egress]",
                "  ingress:",
                "    - from:",
                "        - namespaceSelector:",
                "            matchLabels:",
                f"              kubernetes.io/metadata.name: {self.pick(TEAMS)}",
                "      ports: [{port: 8080, protocol: TCP}]",
            ]
        return [
            "apiVersion: batch/v1",
            "kind: CronJob",
            "metadata:",
            f"  name: {app}-cleanup",
            f"  namespace: {ns}",
            "spec:",
            f'  schedule: "{self.r.randint(0, 59)} {self.r.randint(0, 23)} * * *"',
            "  jobTemplate:",
            "    spec:",
            "      template:",
            "        spec:",
            "          restartPolicy: OnFailure",
            "          containers:",
            "            - name: cleanup",
            f"              image: {self.image(app)}",
            '              args: ["--older-than=720h"]',
            "              env:",
            "                - name: DB_PASSWORD",
            "                  valueFrom:",
            f"                    secretKeyRef: {{name: {app}-secrets, key: password}}",
        ]


# (kind, weight, generator method name, directory template)
KINDS = [
    ("deployment", 13, "deployment", "apps/{app}/base"),
    ("service", 9, "service", "apps/{app}/base"),
    ("configmap", 10, "configmap", "apps/{app}/overlays/{env}"),
    ("ingress", 5, "ingress", "apps/{app}/overlays/{env}"),
    ("role", 4, "rbac", "apps/{app}/base/rbac"),
    ("serviceaccount", 4, "rolebinding", "apps/{app}/base/rbac"),
    ("kustomization", 9, "kustomization", "apps/{app}/overlays/{env}"),
    ("values", 8, "values", "charts/{app}"),
    ("template", 14, "template", "charts/{app}/templates"),
    ("application", 6, "argo_app", "argocd/applications/{env}"),
    ("externalsecret", 5, "external_secret", "apps/{app}/overlays/{env}"),
    ("sealedsecret", 3, "sealed_secret", "apps/{app}/overlays/{env}"),
    ("secret", 3, "secret", "apps/{app}/overlays/{env}"),
    ("misc", 7, "misc", "apps/{app}/base"),
]
LEAKY = {"deployment", "configmap", "kustomization", "values"}
LEAK_RATE = 0.03  # of the leak-capable files: a plaintext password or token


def generate_tree(root: Path, n_files: int, seed: int) -> tuple[int, int]:
    """Write n_files manifests under root; return (files, bytes)."""
    g = Gen(seed)
    apps = [f"{w}-{t}" if g.r.random() < 0.3 else w for w in APP_WORDS for t in [g.pick(TEAMS)]]
    apps += [
        f"{g.pick(APP_WORDS)}-{g.pick(['api', 'svc', 'job', 'ui'])}{i}"
        for i in range(max(0, n_files // 25 - len(apps)))
    ]
    names = [k[0] for k in KINDS]
    weights = [k[1] for k in KINDS]
    meta = {k[0]: k for k in KINDS}
    used: set[Path] = set()
    total = 0
    for i in range(n_files):
        app = g.pick(apps)
        env = g.pick(ENVS)
        ns = f"{g.pick(TEAMS)}-{env}"
        if i % 50 == 7:  # a handful of multi-document bundles
            gen_names = [
                "deployment",
                "service",
                "configmap",
                "secret" if g.r.random() < 0.2 else "externalsecret",
            ]
            docs = [getattr(g, meta[k][2])(app, ns, env, False) for k in gen_names]
            # keep bundles within the size budget
            text = ""
            for doc in docs:
                part = "\n".join(doc) + "\n"
                if text and len(text) + len(part) + 4 > MAX_SIZE:
                    break
                text += ("---\n" if text else "") + part
            kind = "bundle"
            directory = f"apps/{app}/overlays/{env}"
        else:
            kind = g.r.choices(names, weights)[0]
            _, _, method, directory = meta[kind]
            directory = directory.format(app=app, env=env)
            leak = kind in LEAKY and g.r.random() < LEAK_RATE
            text = "\n".join(getattr(g, method)(app, ns, env, leak)) + "\n"
            if kind == "values":
                kind = g.r.choice(["values", "values", f"values-{env}"])
        if len(text) < MIN_SIZE:
            text = g.header(app, env, MIN_SIZE - len(text)) + text
        path = root / directory / f"{kind}.yaml"
        n = 1
        while path in used:
            n += 1
            path = root / directory / f"{kind}-{n}.yaml"
        used.add(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode()
        path.write_bytes(data)
        total += len(data)
    return n_files, total


# --------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------


def find_exe(name: str) -> str | None:
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    return shutil.which(name)


def timed(
    cmd: list[str], env: dict[str, str] | None = None, cwd: str | None = None, ok: tuple[int, ...] = (0,)
) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    elapsed = time.perf_counter() - start
    if proc.returncode not in ok:
        err = proc.stderr.decode(errors="replace").strip().splitlines()[-5:]
        print(f"  ! {Path(cmd[0]).name} exited {proc.returncode}: {' | '.join(err)}", file=sys.stderr)
    return elapsed, proc.returncode


def tree_stats(root: Path) -> tuple[int, int]:
    files = size = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != ".git"]
        for f in filenames:
            p = os.path.join(dirpath, f)
            if os.path.isfile(p) and not os.path.islink(p):
                files += 1
                size += os.path.getsize(p)
    return files, size


def gg_findings(report: Path) -> str:
    try:
        data = json.loads(report.read_text())
    except (OSError, ValueError):
        return "?"
    n = len(data.get("findings", []))
    return f"{n}" + ("" if data.get("complete", True) else " (incomplete)")


def gl_findings(report: Path) -> str:
    try:
        return str(len(json.loads(report.read_text()) or []))
    except (OSError, ValueError):
        return "?"


def compare(
    label: str, root: Path, repeat: int, gg: str, gl: str | None, gg_env: dict[str, str], work: Path
) -> dict:
    files, size = tree_stats(root)
    gg_report = work / "gg.json"
    gl_report = work / "gl.json"
    gg_cmd = [gg, "scan", str(root), "--format", "json", "--output", str(gg_report)]
    gl_cmd = None
    if gl:
        gl_cmd = [
            gl,
            "dir",
            str(root),
            "--no-banner",
            "--report-format",
            "json",
            "--report-path",
            str(gl_report),
            "--exit-code",
            "0",
            "--log-level",
            "error",
        ]
    # cwd=work: gitleaks must not pick up a .gitleaksignore from the caller's cwd.
    runs = {"gitops-guard": [], "gitleaks": []}
    rcs = set()
    # One untimed warm-up of each (page cache, .pyc files).
    rcs.add(timed(gg_cmd, gg_env, str(work), ok=(0, 1))[1])
    if gl_cmd:
        timed(gl_cmd, None, str(work))
    for i in range(repeat):
        order = [("gitops-guard", gg_cmd, gg_env, (0, 1)), ("gitleaks", gl_cmd, None, (0,))]
        if i % 2:
            order.reverse()
        for name, cmd, env, ok in order:
            if cmd is None:
                continue
            t, rc = timed(cmd, env, str(work), ok)
            runs[name].append(t)
            if name == "gitops-guard":
                rcs.add(rc)
        print(
            f"  [{label}] rep {i + 1}/{repeat}: "
            + ", ".join(f"{k} {v[-1]:.3f}s" for k, v in runs.items() if v),
            file=sys.stderr,
        )
    return {
        "label": label,
        "files": files,
        "bytes": size,
        "gg_findings": gg_findings(gg_report),
        "gl_findings": gl_findings(gl_report) if gl_cmd else "n/a",
        "gg": statistics.median(runs["gitops-guard"]),
        "gg_min": min(runs["gitops-guard"]),
        "gl": statistics.median(runs["gitleaks"]) if runs["gitleaks"] else None,
        "gl_min": min(runs["gitleaks"]) if runs["gitleaks"] else None,
        "gg_rc": sorted(rcs),
    }


def median_of(cmd: list[str], n: int, env: dict[str, str] | None, cwd: str, ok=(0, 1)) -> float:
    timed(cmd, env, cwd, ok)  # warm-up
    return statistics.median(timed(cmd, env, cwd, ok)[0] for _ in range(n))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--files", type=int, default=2400, help="generated manifests (default 2400)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per tool (default 5)")
    ap.add_argument("--seed", type=int, default=20240601, help="generator seed")
    ap.add_argument(
        "--real",
        action="append",
        default=[],
        metavar="DIR",
        help="also compare on this existing directory (repeatable)",
    )
    ap.add_argument("--keep", metavar="DIR", help="generate the tree into DIR and keep it")
    ap.add_argument(
        "--prefilter",
        choices=["python", "ahocorasick", "hyperscan"],
        help="set GITOPS_GUARD_PREFILTER for the gitops-guard runs",
    )
    args = ap.parse_args(argv)

    gg = find_exe("gitops-guard")
    if not gg:
        print("gitops-guard not found (activate the venv it is installed in)", file=sys.stderr)
        return 2
    gl = find_exe("gitleaks")
    if not gl:
        print("gitleaks not found: timing gitops-guard only", file=sys.stderr)
    for d in args.real:
        if not Path(d).is_dir():
            print(f"--real {d}: not a directory", file=sys.stderr)
            return 2

    gg_env = dict(os.environ)
    if args.prefilter:
        gg_env["GITOPS_GUARD_PREFILTER"] = args.prefilter
    gg_python = Path(gg).parent / "python"
    gg_python = str(gg_python) if gg_python.exists() else sys.executable

    with tempfile.TemporaryDirectory(prefix="gg-bench-") as tmp:
        work = Path(tmp)
        if args.keep:
            tree = Path(args.keep).resolve()
            if tree.exists() and any(tree.iterdir()):
                print(f"--keep {tree}: exists and is not empty", file=sys.stderr)
                return 2
            tree.mkdir(parents=True, exist_ok=True)
        else:
            tree = work / "tree"
            tree.mkdir()
        t0 = time.perf_counter()
        n, size = generate_tree(tree, args.files, args.seed)
        print(
            f"generated {n} files, {size / 1e6:.2f} MB in {time.perf_counter() - t0:.1f}s -> {tree}",
            file=sys.stderr,
        )

        backend = (
            subprocess.run(
                [
                    gg_python,
                    "-c",
                    "from gitops_guard.detect.prefilter import build_prefilter; "
                    "print(build_prefilter(['a']).name)",
                ],
                capture_output=True,
                text=True,
                env=gg_env,
            ).stdout.strip()
            or "?"
        )
        versions = {
            "gitops-guard": subprocess.run([gg, "--version"], capture_output=True, text=True).stdout.strip(),
            "gitleaks": subprocess.run([gl, "version"], capture_output=True, text=True).stdout.strip()
            if gl
            else "-",
        }

        results = [compare("generated", tree, args.repeat, gg, gl, gg_env, work)]
        for d in args.real:
            results.append(compare(Path(d).name or d, Path(d).resolve(), args.repeat, gg, gl, gg_env, work))

        small = min((p for p in tree.rglob("service*.yaml")), key=lambda p: p.stat().st_size)
        small_size = small.stat().st_size
        one_file = median_of([gg, "scan", str(small)], 10, gg_env, str(work))
        bare = statistics.median(timed([sys.executable, "-c", "pass"])[0] for _ in range(10))
        gg_bare = statistics.median(timed([gg_python, "-c", "pass"])[0] for _ in range(10))
        import_only = median_of([gg_python, "-c", "import gitops_guard.cli"], 10, gg_env, str(work), ok=(0,))

    print()
    print(
        f"{versions['gitops-guard']}  |  gitleaks {versions['gitleaks']}  |  "
        f"python {sys.version.split()[0]}  |  prefilter backend: {backend}"
        + (f" (forced: GITOPS_GUARD_PREFILTER={args.prefilter})" if args.prefilter else "")
    )
    print(f"median of {args.repeat} alternating runs each (after one warm-up), wall-clock seconds")
    print()
    head = f"{'tree':<16}{'files':>7}{'bytes':>12}{'gg finds':>10}{'gl finds':>10}{'gg s':>9}{'gl s':>9}{'gg/gl':>8}  goal"
    print(head)
    print("-" * len(head))
    worst = 0.0
    for r in results:
        ratio = r["gg"] / r["gl"] if r["gl"] else None
        if ratio is not None:
            worst = max(worst, ratio)
        verdict = "" if ratio is None else ("<= 0.5 ok" if ratio <= RATIO_GOAL else "<= 0.5 MISSED")
        print(
            f"{r['label'][:15]:<16}{r['files']:>7}{r['bytes']:>12,}{r['gg_findings']:>10}{r['gl_findings']:>10}"
            f"{r['gg']:>9.3f}{(r['gl'] or 0):>9.3f}{(f'{ratio:.2f}' if ratio is not None else '-'):>8}  {verdict}"
        )
    print()
    for r in results:
        extra = f", gitleaks {r['gl_min']:.3f}s" if r["gl_min"] is not None else ""
        print(
            f"  {r['label']}: best runs gitops-guard {r['gg_min']:.3f}s{extra}; gitops-guard exit codes {r['gg_rc']}"
        )
    print()
    print(f"one-file scan (median of 10; a {small_size} B Service manifest):")
    print(
        f"  gitops-guard scan FILE      {one_file:.3f}s  (goal <= {ONE_FILE_GOAL}: "
        f"{'ok' if one_file <= ONE_FILE_GOAL else 'MISSED'})"
    )
    print(f"  python -c 'import gitops_guard.cli'  {import_only:.3f}s")
    print(f"  python -c pass              {bare:.3f}s  ({sys.executable})")
    if gg_python != sys.executable:
        print(f"  python -c pass (tool venv)  {gg_bare:.3f}s  ({gg_python})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
