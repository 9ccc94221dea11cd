"""Which reader a file gets, from its name first and its content second."""

from __future__ import annotations

import re

_YAML_EXT = (".yaml", ".yml", ".tpl")
_ASSIGNMENT_EXT = (
    ".properties",
    ".tfvars",
    ".tf",
    ".hcl",
    ".ini",
    ".cfg",
    ".conf",
    ".toml",
    ".env",
    ".mk",
    ".service",
    ".npmrc",
    ".pypirc",
    ".netrc",
)
_ASSIGNMENT_NAMES = ("makefile", "gnumakefile", ".npmrc", ".pypirc", "pip.conf", "jenkinsfile")
_YAML_SNIFF = re.compile(r"^(?:apiVersion|kind)[ \t]*:", re.MULTILINE)


def detect_format(path: str, text: str) -> str:
    """One of: yaml, json, assignments (dotenv, properties, tfvars, ini), text."""
    name = path.rsplit("/", 1)[-1].lower()
    if name.endswith(_YAML_EXT):
        return "yaml"
    if name.endswith(".json"):
        return "json"
    if (
        name == ".env"
        or name.startswith(".env.")
        or name.endswith(_ASSIGNMENT_EXT)
        or name in _ASSIGNMENT_NAMES
    ):
        return "assignments"
    head = text.lstrip()[:1]
    if head in ("{", "["):
        return "json"
    if _YAML_SNIFF.search(text[:4096]):
        return "yaml"
    return "text"
