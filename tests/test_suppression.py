"""Suppression that survives edits: baselines and inline allow comments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import found

FIRST = "Bq7-first-Baselined-secret"
SECOND = "Wd3-second-New-secret"


def _secret_file(extra_lines: int = 0, indent: str = "  ", second: bool = False) -> str:
    padding = "".join(f"{indent}note-{i}: plain\n" for i in range(extra_lines))
    more = f"{indent}api-token: {SECOND}\n" if second else ""
    return (
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: prod\nstringData:\n"
        f"{padding}{indent}password: {FIRST}\n{more}"
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "apps").mkdir()
    (tmp_path / "apps" / "secret.yaml").write_text(_secret_file())
    return tmp_path


def _findings(cli, repo: Path, *args: str) -> tuple[int, dict]:
    result = cli("scan", str(repo), "--format", "json", *args)
    return result.returncode, json.loads(result.stdout)


def test_baseline_survives_moves_and_reindent_and_reports_new_secrets(cli, repo):
    created = cli("baseline", "create", str(repo))
    assert created.returncode == 0, created.stderr
    baseline_file = repo / ".gitops-guard-baseline.json"
    content = baseline_file.read_text()
    assert FIRST not in content  # no secret in the baseline
    assert all("line" not in entry for entry in json.loads(content)["entries"])
    assert _findings(cli, repo)[0] == 0  # picked up by default at the repository root

    # moved 20 lines down
    (repo / "apps" / "secret.yaml").write_text(_secret_file(extra_lines=20))
    code, report = _findings(cli, repo)
    assert code == 0, report["findings"]
    assert report["stats"]["baselined"] == 2

    # re-indented
    (repo / "apps" / "secret.yaml").write_text(_secret_file(extra_lines=20, indent="    "))
    assert _findings(cli, repo)[0] == 0

    # a second secret in the same file is reported, the first still is not
    (repo / "apps" / "secret.yaml").write_text(_secret_file(extra_lines=20, second=True))
    code, report = _findings(cli, repo)
    assert code == 1
    assert [(f["rule_id"], f["line"]) for f in report["findings"]] == [("k8s-secret-value", 28)]


def test_baseline_from_another_directory_and_explicit_flag(cli, repo, tmp_path):
    assert cli("baseline", "create", "apps", cwd=repo).returncode == 0
    assert cli("scan", "secret.yaml", cwd=repo / "apps").returncode == 0
    other = tmp_path / "elsewhere.json"
    (repo / ".gitops-guard-baseline.json").rename(other)
    assert cli("scan", str(repo)).returncode == 1
    assert cli("scan", str(repo), "--baseline", str(other)).returncode == 0


def test_baseline_create_refuses_to_overwrite_and_update_tracks_changes(cli, repo):
    assert cli("baseline", "create", str(repo)).returncode == 0
    again = cli("baseline", "create", str(repo))
    assert again.returncode == 2 and "already exists" in again.stderr
    (repo / "apps" / "secret.yaml").write_text(_secret_file(second=True))
    updated = cli("baseline", "update", str(repo))
    assert updated.returncode == 0 and "1 added" in updated.stdout, updated.stdout
    assert cli("scan", str(repo)).returncode == 0
    (repo / "apps" / "secret.yaml").write_text("kind: ConfigMap\n")
    updated = cli("baseline", "update", str(repo))
    assert "dropped" in updated.stdout and "0 in all" in updated.stdout


def test_malformed_baseline_is_a_named_error(cli, repo):
    (repo / ".gitops-guard-baseline.json").write_text('{"schema_version": 7}')
    result = cli("scan", str(repo))
    assert result.returncode == 2
    assert "schema_version" in result.stderr and ".gitops-guard-baseline.json" in result.stderr


LEAK_LINE = "password: Inl1ne-Secret-Value"


@pytest.mark.parametrize(
    ("text", "suppressed"),
    [
        (f"{LEAK_LINE}  # gitops-guard:allow generic-credential test fixture\n", True),
        (f"{LEAK_LINE}  # gitops-guard:allow\n", True),
        (f"# gitops-guard:allow generic-credential documented sample\n{LEAK_LINE}\n", True),
        (f"{LEAK_LINE}  # gitleaks:allow\n", True),
        (f"{LEAK_LINE}  # pragma: allowlist secret\n", True),
        (f"# pragma: allowlist secret\n{LEAK_LINE}\n", True),
        (f"{LEAK_LINE}  # gitops-guard:allow private-key wrong rule\n", False),
        (f"# gitops-guard:allow\n\n{LEAK_LINE}\n", False),  # two lines above: too far
        (f"{LEAK_LINE}\n", False),
    ],
)
def test_inline_allow_comments(scan, text, suppressed):
    result = scan("values.yaml", text)
    assert (result.findings == []) is suppressed
    assert (result.suppressed == 1) is suppressed
    if not suppressed:
        assert {rule for _, rule in found(result)} == {"generic-credential"}
