"""Suppression that survives edits: inline allow comments and config allowlists.

Inline, on the finding's line or the line above:

- ``gitops-guard:allow`` (every rule) or ``gitops-guard:allow <rule-id> <reason>``
- ``gitleaks:allow`` and ``pragma: allowlist secret``, for teams coming from
  gitleaks and detect-secrets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gitops_guard.findings import Finding
from gitops_guard.parsing.text import Lines

_INLINE = re.compile(
    r"gitops-guard:allow(?:[ \t]+(?P<rule>[a-z0-9][a-z0-9-]*))?"
    r"|gitleaks:allow|pragma:[ \t]*allowlist[ \t]+secret"
)


@dataclass
class RuleAllow:
    values: list[re.Pattern[str]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)


@dataclass
class Suppressor:
    values: list[re.Pattern[str]] = field(default_factory=list)
    per_rule: dict[str, RuleAllow] = field(default_factory=dict)

    def filter(self, findings: list[Finding], text: str) -> tuple[list[Finding], int]:
        if not findings:
            return findings, 0
        lines = Lines(text) if "allow" in text else None
        kept = [f for f in findings if not self._suppressed(f, lines)]
        return kept, len(findings) - len(kept)

    def _suppressed(self, f: Finding, lines: Lines | None) -> bool:
        if any(p.search(f.secret) for p in self.values):
            return True
        allow = self.per_rule.get(f.rule_id)
        if allow is not None:
            if any(p.search(f.secret) for p in allow.values):
                return True
            if allow.paths and _path_matches(f.path, allow.paths):
                return True
        if lines is None:
            return False
        for number in (f.line, f.line - 1):
            for m in _INLINE.finditer(lines.get(number)):
                rule = m.group("rule")
                if rule is None or rule == f.rule_id:
                    return True
        return False


def _path_matches(path: str, patterns: list[str]) -> bool:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns).match_file(path)
