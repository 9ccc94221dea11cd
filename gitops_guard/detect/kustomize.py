"""Kustomize secretGenerator: literals are judged in place; the env files and
files a generator reads are handed back as references, to be read in turn
as Secret content and reported at their own lines."""

from __future__ import annotations

import os
import posixpath

from yaml.nodes import Node, SequenceNode

from gitops_guard.detect.emitter import Emitter
from gitops_guard.parsing import yamlnodes as yn
from gitops_guard.sources import Reference


def collect_generator_files(doc: Node, em: Emitter) -> None:
    """Queue the envs and files of every secretGenerator of a kustomization."""
    generators = yn.get(doc, "secretGenerator")
    if not isinstance(generators, SequenceNode) or not em.origin:
        return
    for generator in generators.value:
        name = yn.text_of(yn.get(generator, "name"))
        namespace = yn.text_of(yn.get(generator, "namespace"))
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
