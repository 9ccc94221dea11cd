"""Property-based tests: mutated manifests and random bytes never crash the
scanner, and a planted leak in an otherwise valid document is still reported."""

from __future__ import annotations

import base64

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gitops_guard.detect.catalog import Catalog
from gitops_guard.detect.engine import Scanner
from gitops_guard.sources import virtual

SCANNER = Scanner(Catalog.load())
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BASE = (
    "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\n  namespace: prod\n"
    "type: Opaque\ndata:\n  password: SHVudGVyLTItc2VjcmV0\n  username: YWRtaW4=\n"
)
NAMES = st.sampled_from(["secret.yaml", "values.yaml", "x.json", ".env", "README", "t.tpl", "a.properties"])


@SETTINGS
@given(data=st.binary(max_size=4096), name=NAMES)
def test_random_bytes_never_crash(data, name):
    result = SCANNER.scan(virtual(name, data))
    assert result.error is None


@SETTINGS
@given(
    position=st.integers(min_value=0, max_value=len(BASE)),
    junk=st.text(alphabet=st.sampled_from(list(" \t\n\r:-|>&*!%@`{}[]#'\"\ufeff\x00")), max_size=12),
    cut=st.integers(min_value=0, max_value=20),
)
def test_mutated_manifests_never_crash(position, junk, cut):
    text = BASE[:position] + junk + BASE[position + cut :]
    result = SCANNER.scan(virtual("secret.yaml", text))
    assert result.error is None
    for f in result.findings:
        assert f.line >= 1 and f.column >= 1


_KEY = st.from_regex(r"[a-z][a-z0-9]{2,10}", fullmatch=True).filter(lambda k: "pass" not in k)
_SECRET = st.from_regex(r"[A-Za-z][A-Za-z0-9]{6,14}[0-9]", fullmatch=True).filter(
    lambda s: s.lower() not in ("changeme", "password", "example", "sample", "placeholder")
)


@SETTINGS
@given(
    extra=st.dictionaries(_KEY, st.from_regex(r"[a-z0-9.-]{0,12}", fullmatch=True), max_size=6),
    secret=_SECRET,
    encode=st.booleans(),
    before=st.integers(min_value=0, max_value=6),
    comments=st.booleans(),
    crlf=st.booleans(),
)
def test_planted_leak_in_valid_document_is_reported(extra, secret, encode, before, comments, crlf):
    items = [f'  {k}: "{v}"' for k, v in extra.items()]
    value = base64.b64encode(secret.encode()).decode() if encode else secret
    position = min(before, len(items))
    items.insert(position, f"  db-password: {value}" + ("  # planted" if comments else ""))
    section = "data" if encode else "stringData"
    head = ["apiVersion: v1", "kind: Secret", "metadata:", "  name: fuzz"]
    if comments:
        head.insert(0, "# a comment line")
    lines = (
        head
        + [f"{section}:"]
        + ([f"  {k}: {base64.b64encode(v.encode()).decode()}" for k, v in extra.items()] if encode else items)
    )
    if encode:
        lines.insert(len(head) + 1 + position, f"  db-password: {value}")
    text = ("\r\n" if crlf else "\n").join(lines) + "\n"
    result = SCANNER.scan(virtual("secret.yaml", text))
    expected_line = len(head) + 1 + position + 1
    values = [f for f in result.findings if f.rule_id == "k8s-secret-value" and f.secret == secret]
    assert [f.line for f in values] == [expected_line]
    assert any(f.rule_id == "k8s-secret" for f in result.findings)


@SETTINGS
@given(data=st.binary(max_size=600) | st.text(alphabet="Ab9+/_-= \n.", max_size=400).map(str.encode))
def test_long_base64_run_check_agrees_with_its_regex(data):
    import re

    from gitops_guard.detect.decoding import MIN_RUN, has_long_run

    assert has_long_run(data) == bool(re.search(rb"[A-Za-z0-9+/_-]{%d,}" % MIN_RUN, data))


@SETTINGS
@given(text=st.text(alphabet="ab \n\r\t:", max_size=200))
def test_line_index_agrees_with_a_plain_reading(text):
    import re

    from gitops_guard.parsing.text import Lines, line_starts

    lines = Lines(text)
    expected_lines = re.split(r"\r\n|\r|\n", text)
    assert lines.lines == expected_lines
    assert lines.starts[: len(line_starts(text.encode()))] == line_starts(text.encode())[: len(lines.starts)]
    for offset in range(len(text)):
        number = lines.line_of(offset)
        start = lines.starts[number - 1]
        assert start <= offset
        before = text[start:offset]
        if text[offset] == "\n" and before.endswith("\r"):
            before = before[:-1]  # the "\n" of a CRLF belongs to the line it ends
        assert "\n" not in before and "\r" not in before
