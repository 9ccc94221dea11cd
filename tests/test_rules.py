"""Every rule carries its own examples; one parametrised test runs them all."""

from __future__ import annotations

from pathlib import Path

import pytest

from gitops_guard.commands.rules import example_failures
from gitops_guard.detect.catalog import BUILTIN_IDS, Catalog, bundled_rules_dir, load_rule_dir
from gitops_guard.errors import GuardError

CATALOG = Catalog.load()
CASES = [
    pytest.param(rule, kind, i, id=f"{rule.id}-{kind}-{i}")
    for rule in CATALOG.rules.values()
    for kind, examples in (("match", rule.match_examples), ("no_match", rule.no_match_examples))
    for i in range(len(examples))
]


@pytest.mark.parametrize(("rule", "kind", "index"), CASES)
def test_rule_example(rule, kind, index, scan):
    example = (rule.match_examples if kind == "match" else rule.no_match_examples)[index]
    ids = {f.rule_id for f in scan(example.path, example.text).findings}
    if kind == "match":
        assert rule.id in ids
    else:
        assert rule.id not in ids


def test_every_rule_has_examples_both_ways():
    for rule in CATALOG.rules.values():
        assert rule.match_examples, rule.id
        assert rule.no_match_examples, rule.id


def test_builtin_rules_are_all_declared():
    assert BUILTIN_IDS <= CATALOG.rules.keys()


def test_rules_check_command_passes_on_bundled_rules(cli):
    result = cli("rules", "check")
    assert result.returncode == 0, result.stderr
    assert "0 failure(s)" in result.stdout


# A user rule whose no_match example is the very value it must match: a broken rule.
BROKEN_RULE = """
rules:
  - id: acme-key
    title: ACME key
    severity: high
    description: An ACME Corp API key.
    remediation: Rotate it.
    keywords: [acme_]
    pattern: 'acme_[a-z0-9]{16}'
    examples:
      match: ["acme_0123456789abcdef"]
      no_match: ["acme_0123456789abcdef"]
"""


def _write_rule(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "mine.yaml").write_text(body, encoding="utf-8")
    return folder


def test_rules_check_reports_a_failing_user_rule(tmp_path, cli):
    folder = _write_rule(
        tmp_path,
        """
rules:
  - id: acme-key
    title: ACME key
    severity: high
    description: An ACME Corp API key.
    remediation: Rotate it.
    keywords: [acme_]
    pattern: 'acme_[a-z0-9]{16}'
    examples:
      match: ["key = acme_0123456789abcdef", "key = acme_SHORT"]
      no_match: ["acme_"]
""",
    )
    result = cli("rules", "check", str(folder))
    assert result.returncode == 1
    assert "acme-key: match example #2" in result.stderr
    assert "1 failure(s)" in result.stdout


def test_user_rule_failures_are_found_in_process(tmp_path):
    folder = _write_rule(tmp_path, BROKEN_RULE)
    rules = load_rule_dir(folder)
    failures = example_failures(rules, Catalog.load([folder]))
    assert failures == ["acme-key: no_match example #1 (example.txt) was reported"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "rules: [{id: x-y, title: t, severity: urgent, description: d, remediation: r}]",
            "severity must be",
        ),
        (
            "rules: [{id: x-y, title: t, severity: high, description: d, remediation: r, pattern: '(', keywords: [a]}]",
            "does not compile",
        ),
        (
            "rules: [{id: x-y, title: t, severity: high, description: d, remediation: r, pattern: 'a'}]",
            "keywords",
        ),
        ("rules: [{id: Bad_Id, title: t, severity: high, description: d, remediation: r}]", "id must be"),
        ("rules: [{id: x-y, severity: high, description: d, remediation: r}]", "field 'title'"),
        ("nothing: here", "a list under 'rules:'"),
    ],
)
def test_malformed_rule_files_are_named_errors(tmp_path, body, message):
    folder = _write_rule(tmp_path, body)
    with pytest.raises(GuardError) as err:
        load_rule_dir(folder)
    assert message in err.value.message
    assert "mine.yaml" in err.value.message


def test_bundled_rule_ids_are_unique_and_stable():
    ids = [r.id for r in load_rule_dir(bundled_rules_dir())]
    assert len(ids) == len(set(ids))


def test_rules_check_includes_the_configs_rule_folders(tmp_path, cli):
    folder = _write_rule(tmp_path, BROKEN_RULE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitops-guard.yaml").write_text(f"rules_dirs: [{folder.name}]\n")
    result = cli("rules", "check", cwd=tmp_path)
    assert result.returncode == 1
    assert "acme-key: no_match example #1" in result.stderr
    scan = cli("scan", str(tmp_path), "--format", "json")
    assert any(f["rule_id"] == "acme-key" for f in __import__("json").loads(scan.stdout)["findings"])
