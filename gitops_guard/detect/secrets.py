"""Secrets: data (decoded) and stringData values, registry credentials,
Argo CD credential Secrets, and documents held in Secret values."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from yaml.nodes import Node, ScalarNode

from gitops_guard.detect.emitter import DocumentHook, Emitter
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

ARGOCD_SECRET_TYPE = "argocd.argoproj.io/secret-type"
ARGOCD_CREDENTIAL_KEYS = frozenset(
    {
        "password",
        "sshPrivateKey",
        "githubAppPrivateKey",
        "tlsClientCertKey",
        "bearerToken",
        "gcpServiceAccountKey",
        "token",
    }
)
REGISTRY_KEYS = {".dockerconfigjson": "auths", ".dockercfg": None}


def object_of(doc: Node, kind: str, key: str | None = None) -> K8sObject:
    meta = yn.get(doc, "metadata")
    return K8sObject(kind, yn.text_of(yn.get(meta, "namespace")), yn.text_of(yn.get(meta, "name")), key)


def _secret_entries(doc: Node) -> Iterator[tuple[str, Node, str | None, bool]]:
    """(key, value node, decoded text or None for binary) for data and stringData."""
    for section in ("data", "stringData"):
        for key, _knode, vnode in yn.merged_pairs(yn.get(doc, section)):
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


def analyze_secret(doc: Node, em: Emitter, analyze: DocumentHook) -> None:
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
                em.emit_at_node(
                    "k8s-secret-value",
                    vnode,
                    yn.text_of(vnode) or "",
                    k8s=obj,
                    message=f"binary credential under key '{key}'",
                )
            continue
        if not is_literal_secret_value(value):
            continue
        held.append(key)
        if key in REGISTRY_KEYS and _registry(value, key, vnode, obj, em, decoded):
            continue
        if argocd_type and _argocd(key, value, vnode, obj, em, decoded):
            continue
        _secret_value(key, value, vnode, obj, em, decoded, analyze)
    if held and isinstance(kind_node, ScalarNode):
        obj = object_of(doc, "Secret")
        line, column = kind_node.start_mark.line + 1, kind_node.start_mark.column + 1
        kinds = f"{secret_type} Secret" if secret_type != "Opaque" else "Secret"
        em.emit(
            "k8s-secret",
            line,
            column,
            f"Secret {obj.namespace}/{obj.name}",
            k8s=obj,
            object_level=True,
            message=f"{kinds} {obj.describe().split(' ', 1)[1]} is committed with "
            f"{len(held)} value(s): {', '.join(sorted(held))}",
        )


def _secret_value(
    key: str, value: str, vnode: Node, obj: K8sObject, em: Emitter, decoded: bool, analyze: DocumentHook
) -> None:
    if decoded and em.content_in_value(value, vnode, k8s=obj, decoded=True):
        return
    if is_public_value(value):
        return
    before = len(em.findings)
    first, column = yn.value_position(vnode, em.lines)
    literal = isinstance(vnode, ScalarNode) and vnode.style == "|" and not decoded
    text = value.strip()
    looks_structured = ("\n" in text and ":" in text) or text[:1] in ("{", "[")
    if (
        looks_structured
        and em.analyze_documents(value, first, column, pinned=not literal, analyze=analyze)
        and len(em.findings) > before
    ):
        return  # a config file in the Secret: its credentials were reported where written
    if not decoded and "\n" in value.strip() and em.content.scan(value):
        return  # a multi-line value whose credentials the content rules report at their own lines
    if is_credential_key(key, in_secret=True) or looks_random(value):
        em.emit_at_node(
            "k8s-secret-value", vnode, value, k8s=obj, message=f"value of '{key}' in {obj.describe()}"
        )


def _position_in_value(vnode: Node, em: Emitter, needle: str, decoded: bool) -> tuple[int, int]:
    """Where ``needle`` is written inside a value (the value's start when decoded)."""
    if decoded:
        return yn.value_position(vnode, em.lines)
    line = yn.line_of_substring(vnode, em.lines, needle)
    return line, max(em.lines.get(line).find(needle), 0) + 1


def _json_object(value: str) -> dict[str, Any] | None:
    try:
        data = json.loads(value)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _registry(value: str, key: str, vnode: Node, obj: K8sObject, em: Emitter, decoded: bool) -> bool:
    config = _json_object(value)
    if config is None:
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
            em.emit(
                "k8s-registry-credential",
                line,
                column,
                secret,
                k8s=obj,
                message=f"registry {field} for {registry} in {obj.describe()}",
            )
    return found


_ARGOCD_CLUSTER_FIELDS = (("password",), ("bearerToken",), ("tlsClientConfig", "keyData"))


def _argocd(key: str, value: str, vnode: Node, obj: K8sObject, em: Emitter, decoded: bool) -> bool:
    if key in ARGOCD_CREDENTIAL_KEYS:
        em.emit_at_node(
            "argocd-credential",
            vnode,
            value,
            k8s=obj,
            message=f"Argo CD credential '{key}' in {obj.describe()}",
        )
        return True
    config = _json_object(value) if key == "config" else None
    if config is None:
        return False
    for path in _ARGOCD_CLUSTER_FIELDS:
        node: object = config
        for part in path:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, str) and is_literal_secret_value(node):
            line, column = _position_in_value(vnode, em, node, decoded)
            em.emit(
                "argocd-credential",
                line,
                column,
                node,
                k8s=obj,
                message=f"Argo CD cluster credential '{'.'.join(path)}' in {obj.describe()}",
            )
    return True
