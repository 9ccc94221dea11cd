"""Which texts are worth parsing.

The prefilter reports the lines holding a trigger word; these checks look at
those lines only. A text none of whose trigger lines passes cannot produce a
structural finding, so the YAML parser (the slowest step) never sees it.
"""

from __future__ import annotations

import re

from gitops_guard.detect.content import ContentScanner
from gitops_guard.detect.values import is_credential_key
from gitops_guard.parsing.text import Lines

TRIGGER_WORDS = (
    "pass",
    "pwd",
    "secret",
    "token",
    "key",
    "cred",
    "auth",
    "dsn",
    "connection",
    "kind",
    "last-applied-configuration",
)

# Lines that announce structure worth parsing even without a credential key:
# the last-applied annotation, a Kustomize secretGenerator, Docker's "auths".
_STRUCTURE_WORDS = re.compile(r"""last-applied-configuration|secretGenerator|["']?auths["']?[ \t]*:""")
_KIND_LINE = re.compile(r"""["']?kind["']?[ \t]*:[ \t]*["']?(?:Secret|Config|\w*List)\b""")
_ASSIGNMENT = re.compile(r"""(?<![\w.\-/])(?P<key>[\w.\-/]+)["']?[ \t]*[:=]""")
_NAME = re.compile(r"""name["']?[ \t]*:[ \t]*["']?(?P<key>[\w.\-/]+)""")
_FLOW_VALUE = re.compile(r"""[,{][ \t]*["']?(?:value|default)["']?[ \t]*:""")
_VALUE = re.compile(r"""^[ \t]*(?:-[ \t]+)?["']?(?:value|default)["']?[ \t]*:[ \t]*\S""")


_TOP_KIND = re.compile(r"""^kind[ \t]*:[ \t]*["']?(\w+)""", re.MULTILINE)
_DOC_SPLIT = re.compile(r"^---.*$", re.MULTILINE)


def only_safe_kinds(text: str, safe: frozenset[str]) -> bool:
    """Every document of a YAML text is of a kind known to hold no plaintext
    (ExternalSecret, SealedSecret, ...): nothing in it needs parsing."""
    documents = [d for d in _DOC_SPLIT.split(text) if d.strip() and not _only_comments(d)]
    if not documents:
        return False
    for doc in documents:
        kinds = _TOP_KIND.findall(doc)
        if len(kinds) != 1 or kinds[0] not in safe:
            return False
    return True


def _only_comments(doc: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in doc.splitlines())


def text_wants_structure(text: str, content: ContentScanner) -> bool:
    """``wants_structure`` for a text that is not a file (a value, a decoded blob)."""
    hits = content.locate(text.encode("utf-8", "surrogatepass"))
    return hits is not None and wants_structure(Lines(text), hits.triggers)


def wants_structure(lines: Lines, trigger_lines: set[int]) -> bool:
    for number in sorted(trigger_lines):
        line = lines.get(number)
        if _STRUCTURE_WORDS.search(line) or _KIND_LINE.search(line):
            return True
        for m in _ASSIGNMENT.finditer(line):
            if is_credential_key(m.group("key")):
                return True
        name = _NAME.search(line)
        if (
            name
            and is_credential_key(name.group("key"))
            and (_FLOW_VALUE.search(line, name.end()) or _has_value_sibling(lines, number))
        ):
            return True
    return False


def _key_column(line: str) -> int:
    return len(line) - len(line.lstrip(" -"))


def _has_value_sibling(lines: Lines, number: int) -> bool:
    """Does the mapping holding ``name:`` on this line also hold a literal ``value:``?"""
    column = _key_column(lines.get(number))
    step_back = not lines.get(number).lstrip().startswith("-")
    for direction in (1, -1) if step_back else (1,):
        near = number + direction
        while 0 < near <= len(lines):
            text = lines.get(near)
            if not text.strip() or _key_column(text) != column:
                break
            if _VALUE.match(text):
                return True
            starts_item = text.lstrip().startswith("-")
            if direction == 1 and starts_item:
                break
            near += direction
            if direction == -1 and starts_item:
                break
    return False
