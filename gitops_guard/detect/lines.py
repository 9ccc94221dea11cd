"""Line-based assignments: the fallback for what is not valid YAML (Helm
templates, broken files) and the reader of dotenv, properties and tfvars.

Each line ``key: value`` / ``key = value`` / ``export KEY=value`` is judged by
its key and its literal value. Inside a templated ``kind: Secret`` the entries
under ``data:`` and ``stringData:`` are judged as Secret values.
"""

from __future__ import annotations

import re

from gitops_guard.detect.emitter import Emitter
from gitops_guard.detect.values import (
    bytes_to_text,
    decode_base64,
    is_credential_key,
    is_literal_secret_value,
    is_word_placeholder,
    looks_random,
)
from gitops_guard.findings import K8sObject

_ASSIGN = re.compile(
    r"""^(?P<indent>[ \t]*)(?:-[ \t]+)?(?:export[ \t]+|Environment=["']?)?
        (?P<q>["']?)(?P<key>[A-Za-z_.][\w.\-/]*)(?P=q)[ \t]*(?P<op>:=|\?=|\+=|:|=)[ \t]*(?P<value>.*)$""",
    re.VERBOSE,
)
# key: value pairs inside a flow mapping or a JSON object on one line
_FLOW_PAIR = re.compile(
    r"""[{,][ \t]*(?P<q>["']?)(?P<key>[A-Za-z_][\w.\-]*)(?P=q)[ \t]*:[ \t]*"""
    r"""(?P<value>"[^"]*"|'[^']*'|[^,{}\[\s][^,}]*)"""
)
# Further key=value tokens on one line (an inventory host line, a JAAS entry).
_INLINE_KV = re.compile(r"""(?<=[\s;])(?P<key>[A-Za-z_][\w.\-]*)=(?P<value>"[^"]*"|'[^']*'|[^\s;'"]+)""")
_TF_VARIABLE = re.compile(r"""^[ \t]*variable[ \t]+"([^"]+)"[ \t]*\{""")
_KIND = re.compile(r"^[ \t]*kind[ \t]*:[ \t]*[\"']?(?P<kind>[A-Za-z]+)")
_NAME = re.compile(r"^[ \t]{2,}(?P<field>name|namespace)[ \t]*:[ \t]*[\"']?(?P<v>[^\"'#\s]+)")
_DOC_SEP = re.compile(r"^---")
_TEMPLATE = re.compile(r"\{\{|\{%|\$\{|\$\(")


def clean_value(raw: str) -> tuple[str, int]:
    """The literal text of a value and its offset in ``raw``: quotes and trailing comments removed."""
    text = raw.rstrip()
    offset = 0
    if text[:1] in ("'", '"'):
        quote = text[0]
        end = text.find(quote, 1)
        return (text[1:end] if end > 0 else text[1:]), 1
    comment = re.search(r"[ \t]#", text)
    if comment:
        text = text[: comment.start()].rstrip()
    return text, offset


class _SecretState:
    def __init__(self, kind_line: int):
        self.kind_line = kind_line
        self.section: str | None = None
        self.section_indent = -1
        self.name: str | None = None
        self.namespace: str | None = None
        self.held: list[str] = []
        # Indentation of an entry whose value is a block scalar; deeper lines belong to it.
        self.block_indent: int | None = None


def analyze(
    text_lines: list[str],
    em: Emitter,
    *,
    first_line: int = 1,
    yaml_like: bool = True,
    quoted_only: bool = False,
) -> None:
    """Judge lines ``first_line`` onwards (1-based) of a file.

    ``quoted_only`` is for HCL (Terraform): there an unquoted value is an
    expression (``random_password.db.result``), never a literal.
    """
    secret = _find_secret(text_lines, first_line) if yaml_like else None
    variable = ""
    for number in range(first_line, len(text_lines) + 1):
        line = text_lines[number - 1]
        if yaml_like and _DOC_SEP.match(line):
            _close_secret(secret, em)
            secret = _find_secret(text_lines, number + 1)
            continue
        if secret is not None and _secret_line(secret, number, line, em):
            continue
        m = _ASSIGN.match(line)
        if m and not (yaml_like and m.group("op") == "=" and not line.lstrip().startswith("-")):
            key = m.group("key")
            if not yaml_like and key == "default" and variable:
                key = variable  # Terraform: variable "db_password" { default = "..." }
            _judge(key, m.group("value"), m.start("value"), number, em, quoted_only)
        if not yaml_like:
            tf = _TF_VARIABLE.match(line)
            variable = tf.group(1) if tf else variable
            for pair in _INLINE_KV.finditer(line, m.end("key") if m else 0):
                _judge(pair.group("key"), pair.group("value"), pair.start("value"), number, em, quoted_only)
        brace = line.find("{")
        if brace != -1:
            for pair in _FLOW_PAIR.finditer(line, brace):
                _judge(pair.group("key"), pair.group("value"), pair.start("value"), number, em)
    _close_secret(secret, em)


def _judge(key: str, raw_value: str, start: int, number: int, em: Emitter, quoted_only: bool = False) -> None:
    if quoted_only and raw_value.lstrip()[:1] not in ("'", '"'):
        return
    value, offset = clean_value(raw_value)
    if not value or value[:1] in ("|", ">", "&", "*", "{", "[") or _TEMPLATE.search(value):
        return
    if is_credential_key(key) and is_literal_secret_value(value) and not is_word_placeholder(key, value):
        em.emit("generic-credential", number, start + offset + 1, value, message=f"literal value of '{key}'")


def _find_secret(text_lines: list[str], start: int) -> _SecretState | None:
    for number in range(start, len(text_lines) + 1):
        line = text_lines[number - 1]
        if _DOC_SEP.match(line):
            return None
        m = _KIND.match(line)
        if m and not line.startswith((" ", "\t")):
            return _SecretState(number) if m.group("kind") == "Secret" else None
    return None


def _secret_line(state: _SecretState, number: int, line: str, em: Emitter) -> bool:
    """Follow a templated Secret's structure; True when the line was its business."""
    stripped = line.strip()
    indent = len(line) - len(line.lstrip())
    if not stripped or stripped.startswith("#") or stripped.startswith("{{"):
        return bool(stripped)
    name = _NAME.match(line)
    if name and state.section is None:
        setattr(state, name.group("field"), name.group("v"))
    if indent == 0 or (state.section and indent <= state.section_indent):
        state.section = None
        head = re.match(r"^(data|stringData)[ \t]*:[ \t]*$", stripped)
        if head:
            state.section, state.section_indent = head.group(1), indent
        return bool(head)
    if state.section is None:
        return False
    if state.block_indent is not None:
        if indent > state.block_indent:
            return False  # inside a block value: judged as ordinary lines
        state.block_indent = None
    m = _ASSIGN.match(line)
    if m:
        _secret_entry(state, number, indent, m, em)
    return True


def _secret_entry(state: _SecretState, number: int, indent: int, m: re.Match[str], em: Emitter) -> None:
    key = m.group("key")
    value, offset = clean_value(m.group("value"))
    if value[:1] in ("|", ">"):
        state.block_indent = indent
        state.held.append(key)
        return
    if not value or _TEMPLATE.search(value) or not is_literal_secret_value(value):
        return
    if state.section == "data":
        raw = decode_base64(value)
        decoded = bytes_to_text(raw) if raw is not None else value
        if decoded is None or not is_literal_secret_value(decoded):
            return
        value = decoded
    state.held.append(key)
    obj = K8sObject("Secret", state.namespace, state.name, key)
    column = m.start("value") + offset + 1
    if em.content_at(value, number, column, literal=False, decoded=state.section == "data", k8s=obj):
        return
    if is_credential_key(key, in_secret=True) or looks_random(value):
        message = f"value of '{key}' in templated {obj.describe()}"
        em.emit("k8s-secret-value", number, column, value, k8s=obj, message=message)


def _close_secret(state: _SecretState | None, em: Emitter) -> None:
    if state is None or not state.held:
        return
    obj = K8sObject("Secret", state.namespace, state.name)
    em.emit(
        "k8s-secret",
        state.kind_line,
        1,
        f"Secret {obj.namespace}/{obj.name}",
        k8s=obj,
        object_level=True,
        message=f"templated Secret {obj.describe().split(' ', 1)[1]} holds literal value(s): "
        f"{', '.join(sorted(state.held))}",
    )
