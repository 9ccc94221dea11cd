"""Kustomize secretGenerator: literals are judged in place; the env files and
files a generator reads are handed back as references, to be read in turn
as Secret content and reported at their own lines."""

from __future__ import annotations

import os
import posixpath

from yaml.nodes import Node, SequenceNode

from gitops_guard.detect.emitter import Emitter
from gitops_guard.detect.values import is_literal_secret_value
from gitops_guard.findings import K8sObject
from gitops_guard.parsing import yamlnodes as yn
from gitops_guard.sources import Reference


def analyze_generators(doc: Node, em: Emitter) -> None:
    """Every secretGenerator of a kustomization: reported as a whole when it
    holds literal values (it is a Secret committed to Git, written differently),
    and its envs and files queued to be read as Secret content."""
    generators = yn.get(doc, "secretGenerator")
    if not isinstance(generators, SequenceNode):
        return
    for generator in generators.value:
        name = yn.text_of(yn.get(generator, "name"))
        namespace = yn.text_of(yn.get(generator, "namespace")) or yn.text_of(yn.get(doc, "namespace"))
        _report_literals(generator, name, namespace, em)
        if em.origin:
            _queue_files(generator, name, namespace, em)


def _report_literals(generator: Node, name: str | None, namespace: str | None, em: Emitter) -> None:
    held = [
        key
        for key, sep, value in (t.partition("=") for t in _texts(yn.get(generator, "literals")))
        if sep and is_literal_secret_value(value)
    ]
    name_node = yn.get(generator, "name")
    if not held or name_node is None:
        return
    obj = K8sObject("Secret", namespace, name)
    line, column = yn.value_position(name_node, em.lines)
    em.emit(
        "k8s-secret",
        line,
        column,
        f"Secret {namespace}/{name}",
        k8s=obj,
        object_level=True,
        message=f"secretGenerator '{name}' makes a Secret of literal value(s): {', '.join(sorted(held))}",
    )


def _queue_files(generator: Node, name: str | None, namespace: str | None, em: Emitter) -> None:
    for entry in _texts(yn.get(generator, "envs")) + _texts(yn.get(generator, "env")):
        em.references.append(_reference(em, entry, "env", "", name, namespace))
    for entry in _texts(yn.get(generator, "files")):
        key, sep, path = entry.partition("=")
        if not sep:
            key, path = posixpath.basename(entry), entry
        em.references.append(_reference(em, path.strip(), "file", key.strip(), name, namespace))


def _texts(node: Node | None) -> list[str]:
    if isinstance(node, SequenceNode):
        return [t for t in (yn.text_of(item) for item in node.value) if t]
    text = yn.text_of(node)
    return [text] if text else []


def _reference(em: Emitter, rel: str, kind: str, key: str, name: str | None, ns: str | None) -> Reference:
    display = posixpath.normpath(posixpath.join(posixpath.dirname(em.path), rel))
    origin = os.path.normpath(os.path.join(os.path.dirname(em.origin), rel))
    return Reference(display, origin, kind, key, name, ns)
