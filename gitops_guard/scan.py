"""Run the engine over a source and gather one report."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from gitops_guard.detect.engine import FileResult, Scanner
from gitops_guard.findings import Finding
from gitops_guard.sources import Document


@dataclass
class Diagnostic:
    path: str
    message: str


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    files_scanned: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    bytes_scanned: int = 0
    suppressed: int = 0
    seconds: float = 0.0

    @property
    def incomplete(self) -> bool:
        return bool(self.errors)

    def add(self, result: FileResult) -> None:
        if result.error:
            self.errors.append(Diagnostic(result.path, result.error))
            return
        if result.skip_reason:
            self.skipped[result.skip_reason] += 1
            if result.skip_reason == "too-large":
                self.warnings.append(Diagnostic(
                    result.path, f"not scanned: {result.size} bytes is over the size cap (max_file_size)"))
            return
        self.files_scanned += 1
        self.bytes_scanned += result.size
        self.suppressed += result.suppressed
        self.findings.extend(result.findings)
        self.warnings.extend(Diagnostic(result.path, w) for w in result.warnings)


def run(scanner: Scanner, documents: Iterable[Document]) -> Report:
    report = Report()
    started = time.perf_counter()
    for doc in documents:
        try:
            result = scanner.scan(doc)
        except Exception as exc:  # one file must not end the scan; it makes it incomplete
            result = FileResult(doc.path, error=f"internal error while scanning ({type(exc).__name__})")
        report.add(result)
    report.seconds = time.perf_counter() - started
    report.findings.sort(key=Finding.sort_key)
    return report
