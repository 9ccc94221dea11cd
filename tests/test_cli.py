"""The command line as a user meets it: exit codes, formats, config, secrecy."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT
from typer.testing import CliRunner

from gitops_guard.cli import app
from gitops_guard.errors import ExitCode

SCHEMA = json.loads((ROOT / "tests" / "report.schema.json").read_text())
LEAK = "apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: prod}\nstringData:\n  password: Zq8-unique-Leak-Value-31\n"
SECRET_VALUE = "Zq8-unique-Leak-Value-31"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "apps").mkdir()
    (tmp_path / "apps" / "secret.yaml").write_text(LEAK)
    (tmp_path / "apps" / "svc.yaml").write_text("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n")
    return tmp_path


def test_version(cli):
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("gitops-guard 0.")


def test_exit_code_table_is_documented():
    doc = ExitCode.__doc__ or ""
    for code in ExitCode:
        assert f"{int(code)}  " in doc
    readme = (ROOT / "README.md").read_text()
    for code in ExitCode:
        assert f"| {int(code)} |" in readme


def test_findings_exit_1_and_json_matches_schema(cli, repo):
    result = cli("scan", str(repo), "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    paths = {f["path"] for f in report["findings"]}
    assert paths == {"apps/secret.yaml"}
    value = next(f for f in report["findings"] if f["rule_id"] == "k8s-secret-value")
    assert (value["line"], value["column"]) == (5, 13)
    assert value["k8s"] == {"kind": "Secret", "namespace": "prod", "name": "db", "key": "password"}
    assert report["stats"]["files_scanned"] == 2
    assert report["complete"] is True


def test_clean_exit_0(cli, tmp_path):
    (tmp_path / "svc.yaml").write_text("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n")
    result = cli("scan", str(tmp_path))
    assert result.returncode == 0
    assert "no leaks found" in result.stdout


def test_file_argument_path_kept_as_given(cli, repo):
    result = cli("scan", "apps/secret.yaml", "--format", "json", cwd=repo)
    assert {f["path"] for f in json.loads(result.stdout)["findings"]} == {"apps/secret.yaml"}
    result = cli("scan", "--format", "json", cwd=repo)
    assert {f["path"] for f in json.loads(result.stdout)["findings"]} == {"apps/secret.yaml"}


def test_missing_path_is_usage_error_naming_it(cli, tmp_path):
    result = cli("scan", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "nope" in result.stderr and "does not exist" in result.stderr


def test_fail_on_threshold(cli, tmp_path):
    (tmp_path / "t.txt").write_text(
        "jwt eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjaS1ib3QiLCJpYXQiOjE3MDAwMDAwMDB9.Xq8Lm2vRt5YbN3cK7pD9sFaXw4Zj6Hg1E\n"
    )
    assert cli("scan", str(tmp_path)).returncode == 1  # jwt is medium
    assert cli("scan", str(tmp_path), "--fail-on", "high").returncode == 0
    assert cli("scan", str(tmp_path), "--fail-on", "bogus").returncode == 2


def test_output_file_is_overwritten_and_plain(cli, repo, tmp_path):
    out = tmp_path / "report.txt"
    out.write_text("stale content from an older run\n" * 50)
    result = cli("scan", str(repo), "--output", str(out), env={"FORCE_COLOR": "1"})
    assert result.returncode == 1
    text = out.read_text()
    assert "stale content" not in text
    assert "\x1b[" not in text
    assert "apps/secret.yaml" in text
    clean = tmp_path / "clean"
    clean.mkdir()
    result = cli("scan", str(clean), "--output", str(out), "--format", "json")
    assert result.returncode == 0
    assert json.loads(out.read_text())["findings"] == []


def test_no_output_ever_holds_the_full_secret(cli, repo, tmp_path):
    out = tmp_path / "r.json"
    for args in (["--format", "json"], ["--format", "text"], ["--format", "json", "--output", str(out)]):
        result = cli("scan", str(repo), *args)
        assert SECRET_VALUE not in result.stdout + result.stderr
    assert SECRET_VALUE not in out.read_text()


def test_paths_with_markup_are_shown_literally(cli, tmp_path):
    weird = tmp_path / "[red]boom[bold]"
    weird.mkdir()
    (weird / "s.yaml").write_text(LEAK)
    result = cli("scan", str(tmp_path))
    assert "[red]boom[bold]/s.yaml" in result.stdout


def test_gitignore_excludes_and_dot_git_are_honoured(cli, repo):
    (repo / ".git").mkdir()
    (repo / ".git" / "leak.yaml").write_text(LEAK)
    (repo / ".gitignore").write_text("ignored/\n")
    (repo / "ignored").mkdir()
    (repo / "ignored" / "leak.yaml").write_text(LEAK)
    (repo / "vendor").mkdir()
    (repo / "vendor" / "leak.yaml").write_text(LEAK)
    (repo / ".gitops-guard.yaml").write_text("exclude: [vendor/]\n")
    report = json.loads(cli("scan", str(repo), "--format", "json").stdout)
    assert {f["path"] for f in report["findings"]} == {"apps/secret.yaml"}


def test_config_disable_and_allowlist(cli, repo):
    (repo / ".gitops-guard.yaml").write_text("disable: [k8s-secret]\nallowlist:\n  values: ['^Zq8-unique']\n")
    result = cli("scan", str(repo), "--format", "json")
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["stats"]["suppressed"] == 1


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("disable: k8s-secret\n", "disable"),
        ("exclude: [1, 2]\n", "exclude"),
        ("allowlist:\n  values: ['(']\n", "allowlist.values"),
        ("colour: red\n", "colour"),
        ("disable: [no-such-rule]\n", "disable"),
        ("store: {kind: ClusterSecretStore, bogus: x}\n", "store.bogus"),
    ],
)
def test_malformed_config_names_file_and_field(cli, repo, content, field):
    (repo / ".gitops-guard.yaml").write_text(content)
    result = cli("scan", str(repo))
    assert result.returncode == 2
    assert ".gitops-guard.yaml" in result.stderr and f"'{field}'" in result.stderr


def test_store_config_shapes_the_suggestion(cli, repo):
    (repo / ".gitops-guard.yaml").write_text("store: {kind: SecretStore, name: bao, path_prefix: gitops/}\n")
    report = json.loads(cli("scan", str(repo), "--format", "json").stdout)
    suggestion = report["findings"][0]["suggestion"]
    assert "gitops/prod/db" in suggestion and "SecretStore 'bao'" in suggestion


def test_unreadable_file_makes_the_scan_incomplete(repo, monkeypatch):
    import gitops_guard.sources as sources

    real_open = open

    def failing_open(path, *args, **kwargs):
        if str(path).endswith("svc.yaml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(sources, "open", failing_open, raising=False)
    result = CliRunner().invoke(app, ["scan", str(repo), "--no-color"])
    assert result.exit_code == 3
    assert "INCOMPLETE" in result.stdout and "svc.yaml" in result.stdout
    assert "no leaks found" not in result.stdout
    assert "apps/secret.yaml" in result.stdout  # the findings found are still reported


def test_a_crash_never_prints_the_secret_and_is_incomplete(repo, monkeypatch):
    from gitops_guard.detect import kubernetes

    def explode(doc, em, *args, **kwargs):
        raise ValueError(f"boom while reading {SECRET_VALUE}")

    monkeypatch.setattr(kubernetes, "analyze_secret", explode)
    result = CliRunner().invoke(app, ["scan", str(repo), "--format", "json"])
    assert result.exit_code == 3
    assert SECRET_VALUE not in result.output
    report = json.loads(result.stdout)
    assert report["complete"] is False
    assert "internal error" in report["errors"][0]["message"]


def test_oversized_and_binary_files_are_counted(cli, tmp_path):
    (tmp_path / ".gitops-guard.yaml").write_text("max_file_size: 1000\n")
    (tmp_path / "big.yaml").write_text("a: b\n" * 500)
    (tmp_path / "chart.tgz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)))
    result = cli("scan", str(tmp_path), "--format", "json")
    report = json.loads(result.stdout)
    assert report["stats"]["files_skipped"] == {"binary": 1, "too-large": 1}
    # a file too large to read is not known to be clean: the scan is incomplete
    assert result.returncode == 3 and report["complete"] is False
    assert [e["path"] for e in report["errors"]] == ["big.yaml"]
    assert "size cap" in report["errors"][0]["message"]
    text = cli("scan", str(tmp_path))
    assert text.returncode == 3 and "no leaks found" not in text.stdout


def test_special_files_and_bad_gitignore_lines(cli, tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / ".gitignore").write_text("!\nfoo\\\nignored.yaml\n")
    (tmp_path / "ignored.yaml").write_text(LEAK)
    result = cli("scan", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["stats"]["files_skipped"] == {"not-a-regular-file": 1}
    direct = cli("scan", str(tmp_path / "pipe.yaml"))
    assert direct.returncode == 2  # named on the command line and cannot be read: a usage error
    assert "neither a regular file nor a directory" in direct.stderr
    (tmp_path / ".gitops-guard.yaml").write_text("exclude: ['!']\n")
    bad = cli("scan", str(tmp_path))
    assert bad.returncode == 2 and "'exclude'" in bad.stderr


def test_unwritable_output_is_a_usage_error_before_scanning(cli, repo, tmp_path):
    result = cli("scan", str(repo), "--output", str(tmp_path / "no" / "such" / "dir" / "r.txt"))
    assert result.returncode == 2 and "cannot write the report" in result.stderr
    fresh = tmp_path / "fresh.json"
    (repo / ".gitops-guard.yaml").write_text("bogus: 1\n")
    assert cli("scan", str(repo), "--output", str(fresh)).returncode == 2
    assert not fresh.exists()


def test_excludes_are_relative_to_the_config_file(cli, repo):
    (repo / ".git").mkdir()
    (repo / ".gitops-guard.yaml").write_text("exclude: [apps/secret.yaml]\n")
    assert cli("scan", str(repo)).returncode == 0
    assert cli("scan", str(repo / "apps")).returncode == 0  # same file, scanned from below
    assert cli("scan", str(repo / "apps" / "secret.yaml")).returncode == 0
    (repo / ".gitops-guard.yaml").write_text("exclude: [secret.yaml]\n")  # matches at any depth
    assert cli("scan", str(repo / "apps")).returncode == 0
