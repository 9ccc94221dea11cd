"""`.gitops-guard.yaml`: excludes, disabled rules, allowlists, the suggested store.

Example::

    exclude: ["vendor/", "**/testdata/**"]     # gitignore-style patterns
    disable: [jwt]                              # rule ids
    allowlist:
      values: ['^dev-only-']                    # regexes on the secret
      rules:
        generic-credential:
          paths: ["charts/*/ci/*.yaml"]
          values: ['^local-']
    store: {kind: ClusterSecretStore, name: vault, path_prefix: gitops/}
    rules_dirs: [policy/rules]                  # extra rule folders
    max_file_size: 10485760                     # bytes; larger files are skipped
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from gitops_guard.detect.emitter import StoreHint
from gitops_guard.detect.suppress import RuleAllow, Suppressor
from gitops_guard.errors import GuardError

CONFIG_NAME = ".gitops-guard.yaml"
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
_KNOWN = {"exclude", "disable", "allowlist", "store", "rules_dirs", "max_file_size"}


@dataclass
class Config:
    path: Path | None = None
    exclude: list[str] = field(default_factory=list)
    disable: list[str] = field(default_factory=list)
    suppressor: Suppressor = field(default_factory=Suppressor)
    store: StoreHint = field(default_factory=StoreHint)
    rules_dirs: list[Path] = field(default_factory=list)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE


def _err(path: Path, field_name: str, problem: str) -> GuardError:
    return GuardError(
        f"{path}: field '{field_name}' {problem}",
        f"fix {path} (see the Configuration section of the README)",
    )


def _str_list(path: Path, name: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _err(path, name, "must be a list of strings")
    return value


def _regexes(path: Path, name: str, value: Any) -> list[re.Pattern[str]]:
    out = []
    for pattern in _str_list(path, name, value):
        try:
            out.append(re.compile(pattern))
        except re.error as exc:
            raise _err(path, name, f"has a regex that does not compile ({pattern!r}: {exc})") from None
    return out


def repository_root(scan_paths: list[str]) -> Path:
    """The folder holding .git above the first scanned path, or that path's own folder."""
    start = Path(scan_paths[0] if scan_paths else ".").resolve()
    directory = start if start.is_dir() else start.parent
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return directory


def find_config(explicit: str | None, scan_paths: list[str]) -> Path | None:
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise GuardError(f"config file '{explicit}' does not exist", "check the --config path")
        return path
    candidate = repository_root(scan_paths) / CONFIG_NAME
    return candidate if candidate.is_file() else None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise GuardError(f"{path}: not valid YAML: {exc}", f"fix the syntax of {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GuardError(f"{path}: cannot read: {exc}") from None
    if not isinstance(raw, dict):
        raise GuardError(f"{path}: the config must be a mapping", "see the README's Configuration section")
    unknown = set(raw) - _KNOWN
    if unknown:
        raise _err(path, sorted(unknown)[0], f"is not known (known fields: {', '.join(sorted(_KNOWN))})")
    config = Config(path=path)
    config.exclude = _str_list(path, "exclude", raw.get("exclude"))
    _check_patterns(path, "exclude", config.exclude)
    config.disable = _str_list(path, "disable", raw.get("disable"))
    config.rules_dirs = [path.parent / d for d in _str_list(path, "rules_dirs", raw.get("rules_dirs"))]
    size = raw.get("max_file_size", DEFAULT_MAX_FILE_SIZE)
    if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
        raise _err(path, "max_file_size", "must be a positive number of bytes")
    config.max_file_size = size
    config.suppressor = _allowlist(path, raw.get("allowlist"))
    store = raw.get("store") or {}
    if not isinstance(store, dict) or not all(isinstance(v, str) for v in store.values()):
        raise _err(path, "store", "must map kind/name/path_prefix to strings")
    extra = set(store) - {"kind", "name", "path_prefix"}
    if extra:
        raise _err(path, f"store.{sorted(extra)[0]}", "is not known (kind, name, path_prefix)")
    if store.get("kind", "ClusterSecretStore") not in ("SecretStore", "ClusterSecretStore"):
        raise _err(path, "store.kind", "must be SecretStore or ClusterSecretStore")
    config.store = StoreHint(**store)
    return config


def _check_patterns(path: Path, name: str, patterns: list[str]) -> None:
    from gitops_guard.sources import compile_patterns

    bad = compile_patterns(patterns)[1] if patterns else []
    if bad:
        raise _err(path, name, f"has a pattern that is not a valid gitignore pattern ({bad[0]!r})")


def _allowlist(path: Path, raw: Any) -> Suppressor:
    if raw is None:
        return Suppressor()
    if not isinstance(raw, dict):
        raise _err(path, "allowlist", "must be a mapping with values and/or rules")
    extra = set(raw) - {"values", "rules"}
    if extra:
        raise _err(path, f"allowlist.{sorted(extra)[0]}", "is not known (values, rules)")
    per_rule: dict[str, RuleAllow] = {}
    rules = raw.get("rules") or {}
    if not isinstance(rules, dict):
        raise _err(path, "allowlist.rules", "must map rule ids to {values, paths}")
    for rule_id, spec in rules.items():
        where = f"allowlist.rules.{rule_id}"
        if not isinstance(spec, dict) or set(spec) - {"values", "paths"}:
            raise _err(path, where, "must be a mapping with values and/or paths")
        paths = _str_list(path, f"{where}.paths", spec.get("paths"))
        _check_patterns(path, f"{where}.paths", paths)
        per_rule[str(rule_id)] = RuleAllow(
            values=_regexes(path, f"{where}.values", spec.get("values")),
            paths=paths,
        )
    return Suppressor(values=_regexes(path, "allowlist.values", raw.get("values")), per_rule=per_rule)
