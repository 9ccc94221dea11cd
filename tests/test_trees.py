"""Whole trees: every planted leak found once, at its line, and nothing else."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, ROOT, read_expected

from gitops_guard.commands.scan import scan_paths


@pytest.mark.parametrize(
    ("tree", "expected"),
    [
        (DATA / "gitops-tree", DATA / "gitops-tree.expected"),
        (ROOT / "examples", DATA / "examples.expected"),
    ],
    ids=["gitops-tree", "examples"],
)
def test_tree_findings_match_expectations(tree, expected):
    report = scan_paths([str(tree)])
    got = [(f.path, f.line, f.rule_id) for f in report.findings]
    want = read_expected(expected)
    assert not report.errors
    assert set(got) == want
    # "found once": no (path, line, rule) reported twice with the same secret
    keys = [(f.path, f.line, f.rule_id, f.fingerprint) for f in report.findings]
    assert len(keys) == len(set(keys))


def test_gitops_tree_is_big_enough_to_mean_something():
    files = [p for p in (DATA / "gitops-tree").rglob("*") if p.is_file()]
    assert len(files) >= 40
    assert len(read_expected(DATA / "gitops-tree.expected")) >= 35


def test_examples_cli_exit_codes(cli):
    leaky = cli("scan", str(ROOT / "examples"), "--format", "json")
    assert leaky.returncode == 1, leaky.stderr
    assert json.loads(leaky.stdout)["stats"]["findings"] >= 8
    safe = cli("scan", str(ROOT / "examples" / "safe"))
    assert safe.returncode == 0, safe.stdout + safe.stderr
    assert "no leaks found" in safe.stdout


def test_parallel_scan_gives_the_serial_result(monkeypatch):
    import gitops_guard.scan as scan_module

    serial = scan_paths([str(DATA / "gitops-tree")], jobs=1)
    monkeypatch.setattr(scan_module, "PARALLEL_THRESHOLD", 5)
    parallel = scan_paths([str(DATA / "gitops-tree")], jobs=2)
    key = lambda r: [(f.path, f.line, f.column, f.rule_id, f.fingerprint) for f in r.findings]  # noqa: E731
    assert key(parallel) == key(serial)
    assert parallel.files_scanned == serial.files_scanned
    assert [(w.path, w.message) for w in parallel.warnings] == [(w.path, w.message) for w in serial.warnings]
