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

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from gitops_guard.detect.emitter import Emitter
from gitops_guard.detect.values import (
    bytes_to_text,
    decode_base64,
    is_credential_key,
    is_literal_secret_value,
    is_public_value,
    is_word_placeholder,
    looks_random,
    names_a_secret,
    names_key_material,
)
from gitops_guard.parsing import yamlnodes as yn

# Called with a multi-line scalar; True when it was analysed as a document.
NestedHook = Callable[[ScalarNode, Emitter], bool]

# Called with every inner node; True when it was a whole object (a manifest in
# Helm extraObjects) that was analysed on its own.
EmbeddedHook = Callable[[Node, Emitter], bool]

_FILE_PATH = re.compile(r"^(?:/[\w.\-@]+){2,}/?$")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://\S*$")


def _judge(key: str, node: ScalarNode, em: Emitter, path: tuple[str, ...]) -> None:
    strong = is_credential_key(key)
    if not strong and not names_key_material(key) or yn.is_bool(node):
        return  # most keys end here, before any look at the value
    value = yn.text_of(node)
    if value is None or not is_literal_secret_value(value):
        return
    if not strong and not looks_random(value):
        return  # "routingKey: orders.created" names something; a random value is key material
    if is_word_placeholder(key, value) or is_public_value(value) or names_a_secret(value):
        return
    if _URL.match(value) or _FILE_PATH.match(value):
        return  # a URL is a secret only with a password in it: url-credentials judges that
    if _may_hold_document(value) and _document_without_random_leaf(value):
        return  # a document's own keys were judged (or hold nothing): not a value as a whole
    em.emit_at_node("generic-credential", node, value, message=f"literal value of '{'.'.join(path)}'")


def analyze(
    doc: Node,
    em: Emitter,
    skip: tuple[str, ...] = (),
    nested: NestedHook | None = None,
    embedded: EmbeddedHook | None = None,
) -> None:
    """One walk over a document: every scalar judged by its key, ``name``/``value``
    pairs by their name, documents and whole objects inside it handed to the hooks."""
    seen: set[int] = set()
    stack: list[tuple[Node, tuple[str, ...]]] = [(doc, ())]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            if path:
                _leaf(node, path, em, nested)
        elif isinstance(node, MappingNode):
            if node is not doc and embedded is not None and embedded(node, em):
                continue
            _mapping(node, path, em, stack, skip if node is doc else ())
        elif isinstance(node, SequenceNode):
            for i, item in enumerate(node.value):
                stack.append((item, (*path, f"[{i}]")))


def _mapping(
    node: MappingNode,
    path: tuple[str, ...],
    em: Emitter,
    stack: list[tuple[Node, tuple[str, ...]]],
    skip: tuple[str, ...],
) -> None:
    name_node = None
    values = []
    for knode, child in node.value:
        key = knode.value if isinstance(knode, ScalarNode) else "?"
        if key == "name":
            name_node = child
        elif key in _NAMED_VALUES:
            values.append(child)
        if key not in skip:
            stack.append((child, (*path, str(key))))
    name = yn.text_of(name_node)
    if name:
        for value_node in values:
            if isinstance(value_node, ScalarNode):
                _judge(name, value_node, em, (*path, name))


# Keys whose value is named by a sibling "name": env and Helm parameters
# ("value"), Tekton and Argo Workflows parameters ("default").
_NAMED_VALUES = frozenset({"value", "default"})

# Values under these keys are ciphertext by design (Renovate "encrypted", SealedSecret-like).
_ENCRYPTED_SECTIONS = frozenset({"encrypted", "encryptedData", "encrypted_data"})


def _leaf(node: ScalarNode, path: tuple[str, ...], em: Emitter, nested: NestedHook | None) -> None:
    if _ENCRYPTED_SECTIONS.intersection(path[:-1]):
        return
    key = path[-1]
    parent = path[-2] if len(path) >= 2 else ""
    if key.startswith("[") and parent:
        key = parent  # an item of a list judged by the list's key: passwords: [a, b]
    if nested is not None and _may_hold_document(node.value) and nested(node, em):
        return
    if parent == "literals":
        _literal(node, em)
    elif key in ("auth", "identitytoken") and len(path) >= 3 and path[-3] == "auths":
        _registry_login(node, em, path[-2])
    elif key not in _NAMED_VALUES or len(path) < 2:  # judged with its sibling "name"
        _judge(key, node, em, path)


def _document_without_random_leaf(value: str) -> bool:
    """A YAML/JSON document (parsed once) none of whose values looks random."""
    docs = yn.parse(value).documents
    return any(isinstance(d, (MappingNode, SequenceNode)) for d in docs) and not any(
        looks_random(leaf.value)
        for doc in docs
        for _path, leaf in yn.walk(doc)
        if isinstance(leaf.value, str)
    )


def _may_hold_document(value: str) -> bool:
    text = value.strip()
    return "\n" in text or (text[:1] == "{" and text[-1:] == "}")


def _registry_login(node: ScalarNode, em: Emitter, registry: str) -> None:
    """A login in a Docker config.json ({"auths": {registry: {"auth": base64(user:pass)}}})."""
    written = yn.text_of(node)
    if not written or not is_literal_secret_value(written):
        return
    raw = decode_base64(written)
    text = bytes_to_text(raw) if raw else None
    secret = text.split(":", 1)[1] if text and ":" in text else written
    if is_literal_secret_value(secret):
        em.emit_at_node("generic-credential", node, secret, message=f"registry login for {registry}")


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
