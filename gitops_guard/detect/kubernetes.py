"""Kubernetes-aware detection on parsed YAML/JSON documents: the dispatch.

Each document goes to the detectors for its kind (``secrets``, ``workloads``)
and to the generic credential walk; safe kinds are recognised and left alone;
objects and documents found inside values (Helm extraObjects, config files,
the last-applied annotation) are analysed in turn.
"""

from __future__ import annotations

import re

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from gitops_guard.detect import generic
from gitops_guard.detect.emitter import Emitter
from gitops_guard.detect.kustomize import analyze_generators
from gitops_guard.detect.secrets import analyze_secret
from gitops_guard.detect.triggers import text_wants_structure
from gitops_guard.detect.workloads import (
    WORKLOAD_KINDS,
    analyze_kubeconfig,
    analyze_pod_env,
)
from gitops_guard.parsing import yamlnodes as yn

SAFE_API_GROUPS = ("external-secrets.io", "generators.external-secrets.io", "bitnami.com")
SAFE_KINDS = frozenset(
    {
        "ExternalSecret",
        "ClusterExternalSecret",
        "SecretStore",
        "ClusterSecretStore",
        "PushSecret",
        "ClusterPushSecret",
        "SealedSecret",
    }
)
LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"


def is_safe_document(doc: Node) -> bool:
    api = yn.text_of(yn.get(doc, "apiVersion")) or ""
    kind = yn.text_of(yn.get(doc, "kind")) or ""
    return kind in SAFE_KINDS or api.split("/", 1)[0] in SAFE_API_GROUPS


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
    if yn.get(doc, "secretGenerator") is not None:
        analyze_generators(doc, em)
    if kind == "Secret":
        analyze_secret(doc, em, analyze_document)
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
    if (
        not isinstance(node, MappingNode)
        or yn.get(node, "kind") is None
        or yn.get(node, "apiVersion") is None
    ):
        return False
    analyze_document(node, em)
    return True


_STRUCTURED = re.compile(r"^[ \t]*(?:[\w\"'.\-/]+[ \t]*:(?:[ \t]|$)|[\[{])", re.MULTILINE)


def analyze_nested(node: ScalarNode, em: Emitter) -> bool:
    """A YAML or JSON document written inside a value (a config file in a
    ConfigMap, Helm values in an Argo CD Application, a manifest in
    extraObjects): parsed and scanned, findings at the lines of the file."""
    text = str(node.value)
    if not _STRUCTURED.search(text) or not text_wants_structure(text, em.content):
        return False
    first, column = yn.value_position(node, em.lines)
    return em.analyze_documents(text, first, column, pinned=node.style != "|", analyze=analyze_document)


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
