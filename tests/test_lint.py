"""The code base stays clean under the project's linter and formatter (ruff)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

# the venv's own ruff first: pytest may run from a venv that is not on PATH
_local = Path(sys.executable).parent / "ruff"
ruff = str(_local) if _local.exists() else shutil.which("ruff")


@pytest.mark.skipif(ruff is None, reason="ruff is not installed (pip install '.[test]')")
@pytest.mark.parametrize("args", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_ruff(args):
    result = subprocess.run(
        [ruff, *args, "gitops_guard", "tests", "bench"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


_local_mypy = Path(sys.executable).parent / "mypy"
mypy = str(_local_mypy) if _local_mypy.exists() else shutil.which("mypy")


@pytest.mark.skipif(mypy is None, reason="mypy is not installed (pip install '.[test]')")
def test_types_check_strictly():
    result = subprocess.run([mypy], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
