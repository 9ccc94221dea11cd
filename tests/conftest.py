"""Shared fixtures: an isolated HOME, an in-process scanner and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gitops_guard.detect.catalog import Catalog
from gitops_guard.detect.engine import FileResult, Scanner
from gitops_guard.sources import virtual

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True, scope="session")
def _isolated_home(tmp_path_factory: pytest.TempPathFactory):
    """Tests must not read or write the real home directory or git config."""
    home = tmp_path_factory.mktemp("home")
    saved = {k: os.environ.get(k) for k in ("HOME", "XDG_CONFIG_HOME", "GIT_CONFIG_NOSYSTEM")}
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / ".config")
    os.environ["GIT_CONFIG_NOSYSTEM"] = "1"
    for key in [k for k in os.environ if k.startswith("GIT_") and k != "GIT_CONFIG_NOSYSTEM"]:
        del os.environ[key]
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    leftovers = [p.name for p in home.iterdir()]
    assert not [p for p in leftovers if p not in (".config",)], f"tests wrote into HOME: {leftovers}"


@pytest.fixture(scope="session")
def scanner() -> Scanner:
    return Scanner(Catalog.load())


@pytest.fixture
def scan(scanner: Scanner):
    """Scan one in-memory file: scan("secret.yaml", text) -> FileResult."""

    def _scan(path: str, text: str | bytes) -> FileResult:
        return scanner.scan(virtual(path, text))

    return _scan


def found(result: FileResult) -> set[tuple[int, str]]:
    return {(f.line, f.rule_id) for f in result.findings}


@pytest.fixture
def cli():
    """Run the installed command as a user would: cli(*args) -> CompletedProcess."""

    def _run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
        full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "gitops_guard", *args],
            capture_output=True,
            text=True,
            cwd=cwd,
            env=full_env,
            timeout=120,
        )

    return _run


def read_expected(path: Path) -> set[tuple[str, int, str]]:
    """Expectation files: one `<path>:<line> <rule-id>` per line, # comments."""
    out = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        location, rule = line.split()
        file_path, number = location.rsplit(":", 1)
        out.add((file_path, int(number), rule))
    return out
