"""The prefilter backends are interchangeable: same hits, same findings."""

from __future__ import annotations

import pytest
from conftest import DATA

from gitops_guard.detect.catalog import Catalog
from gitops_guard.detect.content import ContentScanner
from gitops_guard.detect.triggers import TRIGGER_WORDS

BACKENDS = ["python", "ahocorasick", "hyperscan"]
TEXTS = [
    p.read_text(encoding="utf-8", errors="replace") for p in sorted((DATA / "gitops-tree").rglob("*.y*ml"))
]


def _available(name: str) -> bool:
    if name == "python":
        return True
    try:
        __import__(name)
    except ImportError:
        return False
    return True


@pytest.mark.parametrize("backend", BACKENDS)
def test_backends_agree(backend, monkeypatch):
    if not _available(backend):
        pytest.skip(f"{backend} is not installed")
    rules = Catalog.load().regex_rules()
    monkeypatch.setenv("GITOPS_GUARD_PREFILTER", "python")
    reference = ContentScanner(rules, TRIGGER_WORDS)
    monkeypatch.setenv("GITOPS_GUARD_PREFILTER", backend)
    other = ContentScanner(rules, TRIGGER_WORDS)
    assert other.prefilter.name == backend
    extra = [
        "naïve café ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d ünïcode",
        "İstanbul AKIAEDT4SYWB5WKH7DNS\r\nkey: x",
    ]
    for text in TEXTS + extra:
        data = text.encode("utf-8")
        assert other.locate(data) == reference.locate(data)
        got = sorted((m.rule.id, m.line, m.column, m.secret) for m in other.scan(text))
        want = sorted((m.rule.id, m.line, m.column, m.secret) for m in reference.scan(text))
        assert got == want
