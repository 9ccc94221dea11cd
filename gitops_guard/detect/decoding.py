"""Base64 anywhere: a long base64 run in any file is decoded and scanned.

A kubeconfig, a service-account JSON or a private key is often pasted into a
Helm value or a ConfigMap as base64. Each run is decoded once, scanned with
the content rules, and, when it decodes to YAML or JSON, analysed like a
document; findings point at the line of the encoded run. Decoding nests at
most ``MAX_DEPTH`` times (base64 inside a decoded document).
"""

from __future__ import annotations

import re

from gitops_guard.detect import kubernetes
from gitops_guard.detect.emitter import Emitter
from gitops_guard.detect.triggers import text_wants_structure
from gitops_guard.detect.values import bytes_to_text, decode_base64
from gitops_guard.parsing.text import Lines

# Long enough to hold a key or a config file; image digests (64 hex) are shorter.
MIN_RUN = 100
MAX_DEPTH = 2
_B64_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-"
# Every base64 byte becomes "a", every other byte " ": a run is then a substring test,
# far faster than a regex over every position of every file.
_FOLD = bytes(0x61 if b in _B64_ALPHABET else 0x20 for b in range(256))
_RUN_NEEDLE = b"a" * MIN_RUN


def has_long_run(data: bytes) -> bool:
    """Does ``data`` hold a run of MIN_RUN or more base64 characters?"""
    return _RUN_NEEDLE in data.translate(_FOLD)


_RUN = re.compile(rf"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{{{MIN_RUN},}}={{0,2}}")


def scan_runs(text: str, lines: Lines, em: Emitter, depth: int = 0) -> None:
    for m in _RUN.finditer(text):
        raw = decode_base64(m.group(0))
        decoded = bytes_to_text(raw) if raw else None
        if not decoded:
            continue
        line, column = lines.line_of(m.start()), lines.column_of(m.start())
        _scan_decoded(decoded, line, column, em, depth)


def _scan_decoded(decoded: str, line: int, column: int, em: Emitter, depth: int) -> None:
    em.content_at(decoded, line, column, literal=False, decoded=True)
    if text_wants_structure(decoded, em.content):
        em.analyze_documents(decoded, line, column, pinned=True, analyze=kubernetes.analyze_document)
    if depth + 1 < MAX_DEPTH:
        scan_runs(decoded, Lines(decoded), em.child(decoded, line, column, pinned=True), depth + 1)
