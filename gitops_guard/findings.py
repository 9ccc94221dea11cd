"""Findings: what was found, where, and how it is shown without revealing it."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "low", "medium", "high", "critical")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


def fingerprint(rule_id: str, secret: str) -> str:
    """Stable identity of one secret under one rule.

    Format: ``gg1:`` followed by the first 32 hex digits of
    SHA-256(rule_id + NUL + secret). The same secret gets the same fingerprint
    wherever it appears, and the secret cannot be read back from it (a weak
    password can still be guessed, so treat reports as confidential).
    """
    import hashlib  # imported on first use: most scans find nothing

    digest = hashlib.sha256(f"{rule_id}\0{secret}".encode("utf-8", "surrogatepass"))
    return "gg1:" + digest.hexdigest()[:32]


def redact(secret: str) -> str:
    """A preview that never shows the whole secret: a short prefix and the length."""
    value = secret.strip()
    n = len(value)
    if n >= 24:
        shown = value[:4]
    elif n >= 12:
        shown = value[:2]
    else:
        shown = ""
    return f"{shown}…({n} chars)" if shown else f"***({n} chars)"


@dataclass(frozen=True)
class K8sObject:
    kind: str
    namespace: str | None
    name: str | None
    key: str | None = None

    def describe(self) -> str:
        ident = f"{self.namespace}/{self.name}" if self.namespace else (self.name or "?")
        return f"{self.kind} {ident}"


@dataclass
class Finding:
    rule_id: str
    path: str
    line: int
    column: int
    secret: str = field(repr=False)
    severity: str = "high"
    title: str = ""
    message: str = ""
    suggestion: str = ""
    k8s: K8sObject | None = None
    # Set by the engine: rules that describe a whole object rather than a value.
    object_level: bool = False
    # Where the scanned bytes came from (see sources.Document.origin).
    origin: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.rule_id, self.secret)

    @property
    def preview(self) -> str:
        if self.object_level and self.k8s is not None:
            return "whole object"
        return redact(self.secret)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule_id)
