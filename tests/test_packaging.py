"""Files other tools read: the pre-commit hook manifest and the GitHub Action."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from conftest import ROOT, SHARED

SCHEMAS = SHARED / "schemas"
needs_schemas = pytest.mark.skipif(not SCHEMAS.is_dir(), reason="../shared/schemas is not beside the project")


@needs_schemas
def test_pre_commit_manifest_is_valid():
    schema = json.loads((SCHEMAS / "pre-commit-hooks.json").read_text())
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    jsonschema.validate(manifest, schema)
    assert manifest[0]["entry"] == "gitops-guard scan"


@needs_schemas
def test_action_metadata_is_valid():
    schema = json.loads((SCHEMAS / "github-action.json").read_text())
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    jsonschema.validate(action, schema)
    assert all("shell" in step for step in action["runs"]["steps"] if "run" in step)


def test_bundled_rules_are_found_by_the_installed_package():
    from gitops_guard.detect.catalog import bundled_rules_dir

    assert (bundled_rules_dir() / "kubernetes.yaml").is_file()
