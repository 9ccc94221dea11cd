"""Credential assignments in any structured document: Helm values, ConfigMaps,
Argo CD parameters, JSON config, dotenv.

A value is reported when its key names a credential (see
``values.is_credential_key``) and the value is a literal: not empty, not a
placeholder, not a reference. ``name``/``value`` pairs (env lists, Helm
parameters) are judged by their ``name``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from yaml.nodes import MappingNode, Node, ScalarNode

from gitops_guard.detect.emitter import Emitter
from gitops_guard.detect.values import (
    is_credential_key,
    is_literal_secret_value,
    is_public_value,
    is_word_placeholder,
    names_a_secret,
)
from gitops_guard.parsing import yamlnodes as yn

# Called with a multi-line scalar; True when it was analysed as a document.
NestedHook = Callable[[ScalarNode, Emitter], bool]

# Called with every inner node; True when it was a whole object (a manifest in
# Helm extraObjects) that was analysed on its own.
EmbeddedHook = Callable[[Node, Emitter], bool]

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://\S*$")


def _judge(key: str, node: ScalarNode, em: Emitter, where: str) -> None:
    if yn.is_bool(node):
        return
    value = yn.text_of(node)
    if value is None or not is_credential_key(key) or not is_literal_secret_value(value):
        return
    if is_word_placeholder(key, value) or is_public_value(value) or names_a_secret(value):
        return
    if _URL.match(value):
        return  # a URL is a secret only with a password in it: url-credentials judges that
    em.emit_at_node("generic-credential", node, value, message=f"literal value of '{where}'")


def analyze(
    doc: Node,
    em: Emitter,
    skip: tuple[str, ...] = (),
    nested: NestedHook | None = None,
    embedded: EmbeddedHook | None = None,
) -> None:
    for path, node in yn.walk(doc, prune=embedded and (lambda n: embedded(n, em))):
        if not path or (skip and path[0] in skip):
            continue
        key = path[-1]
        if key.startswith("[") and len(path) >= 2:
            key = path[-2]  # an item of a list judged by the list's key: passwords: [a, b]
        if nested is not None and _may_hold_document(node.value) and nested(node, em):
            continue
        if len(path) >= 2 and path[-2] == "literals":
            _literal(node, em)
            continue
        if key == "value" and len(path) >= 2:
            continue  # judged with its sibling "name" below
        _judge(key, node, em, ".".join(path))
    _name_value_pairs(doc, em, skip)


def _may_hold_document(value: str) -> bool:
    text = value.strip()
    return "\n" in text or (text[:1] == "{" and text[-1:] == "}")


def _literal(node: ScalarNode, em: Emitter) -> None:
    """A Kustomize generator literal: ``KEY=value``."""
    key, sep, value = str(node.value).partition("=")
    if not sep or not is_credential_key(key.strip()) or not is_literal_secret_value(value):
        return
    line, column = yn.value_position(node, em.lines)
    quote = 1 if node.style in ("'", '"') else 0
    em.emit(
        "generic-credential",
        line,
        column + quote + len(key) + 1,
        value,
        message=f"literal value of '{key.strip()}' in a generator",
    )


def _name_value_pairs(doc: Node, em: Emitter, skip: tuple[str, ...]) -> None:
    stack: list[Node] = [doc]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            name = yn.text_of(yn.get(node, "name"))
            value = yn.get(node, "value")
            if name and isinstance(value, ScalarNode):
                _judge(name, value, em, name)
            for key, _k, child in yn.pairs(node):
                if node is doc and key in skip:
                    continue
                stack.append(child)
        elif hasattr(node, "value") and isinstance(node.value, list):
            stack.extend(node.value)
