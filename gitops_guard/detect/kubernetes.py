"""Kubernetes-aware detection on parsed YAML/JSON documents.

Secrets (data and stringData, registry credentials, Argo CD credential
Secrets), kubeconfigs, pod-template env literals, Secrets serialised in the
last-applied annotation; safe kinds are recognised and left alone.
"""

from __future__ import annotations

import json
import re

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from gitops_guard.detect import generic
from gitops_guard.detect.emitter import Emitter
from gitops_guard.detect.triggers import wants_structure
from gitops_guard.parsing.text import Lines
from gitops_guard.detect.values import (
    bytes_to_text,
    decode_base64,
    is_credential_key,
    is_literal_secret_value,
    is_public_value,
    looks_random,
)
from gitops_guard.findings import K8sObject
from gitops_guard.parsing import yamlnodes as yn

SAFE_API_GROUPS = ("external-secrets.io", "generators.external-secrets.io", "bitnami.com")
SAFE_KINDS = frozenset(
    {
        "ExternalSecret", "ClusterExternalSecret", "SecretStore", "ClusterSecretStore",
        "PushSecret", "ClusterPushSecret", "SealedSecret",
    }
)
WORKLOAD_KINDS = frozenset(
    {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod",
     "ReplicationController", "PodTemplate", "DeploymentConfig", "Rollout"}
)
LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"
ARGOCD_SECRET_TYPE = "argocd.argoproj.io/secret-type"
ARGOCD_CREDENTIAL_KEYS = frozenset(
    {"password", "sshPrivateKey", "githubAppPrivateKey", "tlsClientCertKey",
     "bearerToken", "gcpServiceAccountKey", "token"}
)
REGISTRY_KEYS = {".dockerconfigjson": "auths", ".dockercfg": None}


def is_safe_document(doc: Node) -> bool:
    api = yn.text_of(yn.get(doc, "apiVersion")) or ""
    kind = yn.text_of(yn.get(doc, "kind")) or ""
    return kind in SAFE_KINDS or api.split("/", 1)[0] in SAFE_API_GROUPS


def object_of(doc: Node, kind: str, key: str | None = None) -> K8sObject:
    meta = yn.get(doc, "metadata")
    return K8sObject(kind, yn.text_of(yn.get(meta, "namespace")), yn.text_of(yn.get(meta, "name")), key)


def analyze_document(doc: Node, em: Emitter, *, sops: bool = False) -> None:
    """Every detector that applies to one top-level YAML/JSON document."""
    if not isinstance(doc, MappingNode):
        if isinstance(doc, SequenceNode):
            generic.analyze(doc, em)
        return
    kind = yn.text_of(yn.get(doc, "kind")) or ""
    if is_safe_document(doc):
        return
    if kind == "List" or kind.endswith("List") and isinstance(yn.get(doc, "items"), SequenceNode):
        items = yn.get(doc, "items")
        for item in items.value if isinstance(items, SequenceNode) else []:
            analyze_document(item, em, sops=sops)
        return
    _last_applied(doc, em)
    if kind == "Secret":
        analyze_secret(doc, em)
        return
    if kind == "Config" and yn.get(doc, "users") is not None:
        analyze_kubeconfig(doc, em)
        return
    if kind in WORKLOAD_KINDS:
        analyze_pod_env(doc, em, kind)
    generic.analyze(doc, em, skip=("sops",) if sops else (), nested=analyze_nested, embedded=analyze_embedded)


def analyze_embedded(node: Node, em: Emitter) -> bool:
    """A whole object inside another document (Helm extraObjects, List-like
    values): analysed as a document of its own."""
    if not isinstance(node, MappingNode) or yn.get(node, "kind") is None or yn.get(node, "apiVersion") is None:
        return False
    analyze_document(node, em)
    return True


_STRUCTURED = re.compile(r"^[ \t]*(?:[\w\"'.\-/]+[ \t]*:(?:[ \t]|$)|[\[{])", re.MULTILINE)
MAX_NESTING = 3


def analyze_nested(node: ScalarNode, em: Emitter) -> bool:
    """A YAML or JSON document written inside a value (a config file in a
    ConfigMap, Helm values in an Argo CD Application, a manifest in
    extraObjects): parsed and scanned, findings at the lines of the file."""
    text = str(node.value)
    if em.depth >= MAX_NESTING or not _STRUCTURED.search(text):
        return False
    hits = em.content.locate(text.encode("utf-8", "surrogatepass"))
    if hits is None or not wants_structure(Lines(text), hits.triggers):
        return False
    parsed = yn.parse(text)
    docs = [d for d in parsed.documents if isinstance(d, (MappingNode, SequenceNode))]
    if not docs:
        return False
    first, column = yn.value_position(node, em.lines)
    child = em.child(text, first, column, pinned=node.style != "|")
    for doc in docs:
        analyze_document(doc, child)
    return True


# --- Secret -----------------------------------------------------------------


def _secret_entries(doc: Node):
    """(key, value node, decoded text or None for binary) for data and stringData."""
    for section in ("data", "stringData"):
        for key, _knode, vnode in yn.pairs(yn.get(doc, section)):
            raw = yn.text_of(vnode)
            if raw is None:
                continue
            if section == "stringData":
                yield key, vnode, raw, False
                continue
            decoded = decode_base64(raw)
            if decoded is None:
                # Not base64 at all (a template, or a mistake): judge the raw text.
                yield key, vnode, raw, False
            else:
                yield key, vnode, bytes_to_text(decoded), True


def analyze_secret(doc: Node, em: Emitter) -> None:
    kind_node = yn.get(doc, "kind")
    secret_type = yn.text_of(yn.get(doc, "type")) or "Opaque"
    labels = yn.get(yn.get(doc, "metadata"), "labels")
    argocd_type = yn.text_of(yn.get(labels, ARGOCD_SECRET_TYPE))
    held: list[str] = []
    for key, vnode, value, decoded in _secret_entries(doc):
        obj = object_of(doc, "Secret", key)
        if value is None:
            # Binary content: a value all the same, judged by its key.
            held.append(key)
            if is_credential_key(key, in_secret=True):
                em.emit_at_node("k8s-secret-value", vnode, yn.text_of(vnode) or "", k8s=obj,
                                message=f"binary credential under key '{key}'")
            continue
        if not is_literal_secret_value(value):
            continue
        held.append(key)
        if key in REGISTRY_KEYS and _registry(value, key, vnode, obj, em, decoded):
            continue
        if argocd_type and _argocd(key, value, vnode, obj, em, decoded):
            continue
        _secret_value(key, value, vnode, obj, em, decoded)
    if held and isinstance(kind_node, ScalarNode):
        obj = object_of(doc, "Secret")
        line, column = kind_node.start_mark.line + 1, kind_node.start_mark.column + 1
        kinds = f"{secret_type} Secret" if secret_type != "Opaque" else "Secret"
        em.emit(
            "k8s-secret", line, column, f"Secret {obj.namespace}/{obj.name}",
            k8s=obj, object_level=True,
            message=f"{kinds} {obj.describe().split(' ', 1)[1]} is committed with "
            f"{len(held)} value(s): {', '.join(sorted(held))}",
        )


def _secret_value(key: str, value: str, vnode: Node, obj: K8sObject, em: Emitter, decoded: bool) -> None:
    if decoded and em.content_in_value(value, vnode, k8s=obj, decoded=True):
        return
    if is_public_value(value):
        return
    before = len(em.findings)
    if _document_in_value(value, vnode, em, decoded) and len(em.findings) > before:
        return  # a config file in the Secret: its credentials were reported where written
    if is_credential_key(key, in_secret=True) or looks_random(value):
        em.emit_at_node("k8s-secret-value", vnode, value, k8s=obj,
                        message=f"value of '{key}' in {obj.describe()}")


def _document_in_value(value: str, vnode: Node, em: Emitter, decoded: bool) -> bool:
    """Analyse a YAML or JSON document held in a value; False when it holds none."""
    text = value.strip()
    if em.depth >= MAX_NESTING or not (("\n" in text and ":" in text) or text[:1] in ("{", "[")):
        return False
    docs = [d for d in yn.parse(value).documents if isinstance(d, (MappingNode, SequenceNode))]
    if not docs:
        return False
    first, column = yn.value_position(vnode, em.lines)
    literal = isinstance(vnode, ScalarNode) and vnode.style == "|" and not decoded
    child = em.child(value, first, column, pinned=not literal)
    for doc in docs:
        analyze_document(doc, child)
    return True


def _position_in_value(vnode: Node, em: Emitter, needle: str, decoded: bool) -> tuple[int, int]:
    """Where ``needle`` is written inside a value (the value's start when decoded)."""
    if decoded:
        return yn.value_position(vnode, em.lines)
    line = yn.line_of_substring(vnode, em.lines, needle)
    return line, max(em.lines.get(line).find(needle), 0) + 1


def _registry(value: str, key: str, vnode: Node, obj: K8sObject, em: Emitter, decoded: bool) -> bool:
    try:
        config = json.loads(value)
    except ValueError:
        return False
    if not isinstance(config, dict):
        return False
    registries = config.get("auths", config) if REGISTRY_KEYS[key] else config
    if not isinstance(registries, dict):
        return False
    found = False
    for registry, entry in registries.items():
        if not isinstance(entry, dict):
            continue
        for field in ("auth", "password", "identitytoken", "registrytoken"):
            written = entry.get(field)
            if not isinstance(written, str) or not written:
                continue
            secret = written
            if field == "auth":
                raw = decode_base64(written)
                text = bytes_to_text(raw) if raw else None
                secret = text.split(":", 1)[1] if text and ":" in text else written
            if not is_literal_secret_value(secret):
                continue
            found = True
            line, column = _position_in_value(vnode, em, written, decoded)
            em.emit("k8s-registry-credential", line, column, secret, k8s=obj,
                    message=f"registry {field} for {registry} in {obj.describe()}")
    return found


_ARGOCD_CLUSTER_FIELDS = (("password",), ("bearerToken",), ("tlsClientConfig", "keyData"))


def _argocd(key: str, value: str, vnode: Node, obj: K8sObject, em: Emitter, decoded: bool) -> bool:
    if key in ARGOCD_CREDENTIAL_KEYS:
        em.emit_at_node("argocd-credential", vnode, value, k8s=obj,
                        message=f"Argo CD credential '{key}' in {obj.describe()}")
        return True
    if key != "config":
        return False
    try:
        config = json.loads(value)
    except ValueError:
        return False
    if not isinstance(config, dict):
        return False
    for path in _ARGOCD_CLUSTER_FIELDS:
        node: object = config
        for part in path:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, str) and is_literal_secret_value(node):
            line, column = _position_in_value(vnode, em, node, decoded)
            em.emit("argocd-credential", line, column, node, k8s=obj,
                    message=f"Argo CD cluster credential '{'.'.join(path)}' in {obj.describe()}")
    return True


# --- kubeconfig ---------------------------------------------------------------

_KUBECONFIG_USER_FIELDS = ("client-key-data", "token", "password")
_AUTH_PROVIDER_FIELDS = ("client-secret", "refresh-token", "id-token", "access-token")


def analyze_kubeconfig(doc: Node, em: Emitter) -> None:
    users = yn.get(doc, "users")
    for entry in users.value if isinstance(users, SequenceNode) else []:
        name = yn.text_of(yn.get(entry, "name"))
        user = yn.get(entry, "user")
        obj = K8sObject("Config", None, name)
        for field in _KUBECONFIG_USER_FIELDS:
            node = yn.get(user, field)
            value = yn.text_of(node)
            if node is not None and value and is_literal_secret_value(value):
                em.emit_at_node("kubeconfig-credential", node, value,
                                k8s=K8sObject("Config", None, name, field),
                                message=f"kubeconfig user '{name}' {field}")
        provider_config = yn.get(yn.get(user, "auth-provider"), "config")
        for key, _k, node in yn.pairs(provider_config):
            value = yn.text_of(node)
            if key in _AUTH_PROVIDER_FIELDS and value and is_literal_secret_value(value):
                em.emit_at_node("kubeconfig-credential", node, value, k8s=obj,
                                message=f"kubeconfig user '{name}' auth-provider {key}")


# --- pod templates ------------------------------------------------------------


def _containers(doc: Node, kind: str):
    spec = yn.get(doc, "spec")
    if kind == "CronJob":
        spec = yn.get(yn.get(yn.get(spec, "jobTemplate"), "spec"), "template")
        spec = yn.get(spec, "spec")
    elif kind != "Pod":
        spec = yn.get(yn.get(spec, "template"), "spec")
    for section in ("containers", "initContainers", "ephemeralContainers"):
        seq = yn.get(spec, section)
        if isinstance(seq, SequenceNode):
            yield from seq.value


def analyze_pod_env(doc: Node, em: Emitter, kind: str) -> None:
    for container in _containers(doc, kind):
        env = yn.get(container, "env")
        for item in env.value if isinstance(env, SequenceNode) else []:
            name = yn.text_of(yn.get(item, "name")) or ""
            vnode = yn.get(item, "value")
            value = yn.text_of(vnode)
            if vnode is None or not value or not is_credential_key(name):
                continue
            if is_literal_secret_value(value):
                obj = object_of(doc, kind, name)
                em.emit_at_node("k8s-env-credential", vnode, value, k8s=obj,
                                message=f"literal value of env {name} in {obj.describe()}")


# --- last-applied annotation ---------------------------------------------------


def _last_applied(doc: Node, em: Emitter) -> None:
    annotations = yn.get(yn.get(doc, "metadata"), "annotations")
    node = yn.get(annotations, LAST_APPLIED)
    text = yn.text_of(node)
    if not text or node is None:
        return
    from gitops_guard.parsing.yamlnodes import parse

    inner = parse(text)
    if not inner.documents:
        return
    line, _ = yn.value_position(node, em.lines)
    previous, em.pinned_line = em.pinned_line, line
    try:
        for inner_doc in inner.documents:
            analyze_document(inner_doc, em)
    finally:
        em.pinned_line = previous
