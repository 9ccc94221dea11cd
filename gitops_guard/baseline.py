"""Baselines: findings accepted once, suppressed until their secret changes.

File format (JSON, ``.gitops-guard-baseline.json`` at the repository root by
default)::

    {
      "schema_version": 1,
      "generated_by": "gitops-guard 0.1.0",
      "entries": [
        {"rule_id": "k8s-secret-value", "path": "apps/db/secret.yaml",
         "fingerprint": "gg1:…"}
      ]
    }

An entry is keyed by rule, path (POSIX, relative to the baseline file's
folder) and fingerprint (a hash of the rule and the secret; see
``findings.fingerprint``), never by line: a baselined secret stays suppressed
when its line moves or the file is re-indented, and a new secret in the same
file is still reported. The file holds no secret.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from gitops_guard import __version__
from gitops_guard.errors import GuardError
from gitops_guard.findings import Finding

BASELINE_NAME = ".gitops-guard-baseline.json"
SCHEMA_VERSION = 1

Key = tuple[str, str, str]


@dataclass
class Baseline:
    path: Path
    entries: set[Key] = field(default_factory=set)

    def key(self, finding: Finding) -> Key:
        return (finding.rule_id, self.relative(finding), finding.fingerprint)

    def relative(self, finding: Finding) -> str:
        """The finding's file relative to the baseline's folder (display path as a fallback)."""
        return self.relative_origin(finding.origin) if finding.origin else finding.path

    def relative_origin(self, origin: str) -> str:
        rel = os.path.relpath(origin, self.path.parent.resolve())
        return PurePosixPath(Path(rel)).as_posix()

    def split(self, findings: list[Finding]) -> tuple[list[Finding], int]:
        """(findings not in the baseline, number suppressed by it)."""
        kept = [f for f in findings if self.key(f) not in self.entries]
        return kept, len(findings) - len(kept)

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise GuardError(
                f"baseline file '{path}' does not exist", "create it with 'gitops-guard baseline create'"
            ) from None
        except (OSError, ValueError) as exc:
            raise GuardError(
                f"{path}: not a readable baseline ({exc})",
                "recreate it with 'gitops-guard baseline create --force'",
            ) from None
        if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
            raise GuardError(
                f"{path}: field 'schema_version' must be {SCHEMA_VERSION}",
                "recreate it with 'gitops-guard baseline create --force'",
            )
        entries = data.get("entries")
        if not isinstance(entries, list):
            raise GuardError(f"{path}: field 'entries' must be a list")
        keys: set[Key] = set()
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or not all(
                isinstance(entry.get(k), str) for k in ("rule_id", "path", "fingerprint")
            ):
                raise GuardError(f"{path}: entry #{i + 1} needs string fields rule_id, path, fingerprint")
            keys.add((entry["rule_id"], entry["path"], entry["fingerprint"]))
        return cls(path, keys)

    def write(self) -> None:
        entries = [
            {"rule_id": r, "path": p, "fingerprint": f}
            for r, p, f in sorted(self.entries, key=lambda k: (k[1], k[0], k[2]))
        ]
        data = {
            "schema_version": SCHEMA_VERSION,
            "generated_by": f"gitops-guard {__version__}",
            "entries": entries,
        }
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as exc:
            raise GuardError(f"cannot write the baseline '{self.path}': {exc.strerror or exc}") from None


def find_baseline(explicit: str | None, scan_paths: list[str]) -> Path | None:
    """--baseline FILE, else .gitops-guard-baseline.json at the repository root."""
    if explicit:
        return Path(explicit)
    from gitops_guard.config import repository_root

    candidate = repository_root(scan_paths) / BASELINE_NAME
    return candidate if candidate.is_file() else None
