"""Run the engine over a source and gather one report."""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from gitops_guard.config import DEFAULT_MAX_FILE_SIZE
from gitops_guard.detect.engine import FileResult, Scanner
from gitops_guard.findings import Finding
from gitops_guard.sources import Document, Reference, read_reference


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
    baselined: int = 0
    seconds: float = 0.0
    # origins of the files that were scanned (for baseline updates)
    origins: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    @property
    def incomplete(self) -> bool:
        return bool(self.errors)

    def _too_large(self, result: FileResult) -> None:
        """A file over the size cap was not read, so it is not known to be clean."""
        if result.skip_reason == "too-large":
            self.errors.append(
                Diagnostic(
                    result.path,
                    f"not scanned: {result.size} bytes is over the size cap; raise max_file_size "
                    "in .gitops-guard.yaml or add the file to exclude",
                )
            )

    def add(self, result: FileResult) -> None:
        if result.error:
            self.errors.append(Diagnostic(result.path, result.error))
            return
        if result.skip_reason:
            self.skipped[result.skip_reason] += 1
            self._too_large(result)
            return
        self.files_scanned += 1
        self.origins.append(result.origin)
        self.bytes_scanned += result.size
        self.suppressed += result.suppressed
        self.findings.extend(result.findings)
        self.references.extend(result.references)
        self.warnings.extend(Diagnostic(result.path, w) for w in result.warnings)


# Below this many files one process is faster than starting workers.
PARALLEL_THRESHOLD = 256
_CHUNK = 64
_worker_scanner: Scanner | None = None


def _scan_one(scanner: Scanner, doc: Document) -> FileResult:
    try:
        return scanner.scan(doc)
    except Exception as exc:  # one file must not end the scan; it makes it incomplete
        return FileResult(doc.path, error=f"internal error while scanning ({type(exc).__name__})")


def _scan_in_worker(doc: Document) -> FileResult:
    assert _worker_scanner is not None
    return _scan_one(_worker_scanner, doc)


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def run(
    scanner: Scanner,
    documents: Iterable[Document],
    jobs: int | None = None,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
) -> Report:
    """Scan every document; with more than one job and many files, in forked workers."""
    report = Report()
    started = time.perf_counter()
    jobs = default_jobs() if jobs is None else jobs
    pending: list[Document] = []
    iterator = iter(documents)
    if jobs > 1 and sys.platform == "linux":  # fork keeps the compiled rules; spawn would not
        for doc in iterator:
            pending.append(doc)
            if len(pending) >= PARALLEL_THRESHOLD:
                break
    if len(pending) >= PARALLEL_THRESHOLD:
        global _worker_scanner
        _worker_scanner = scanner
        import multiprocessing  # only for large scans: it is slow to import

        context = multiprocessing.get_context("fork")
        with context.Pool(jobs) as pool:
            stream = itertools.chain(pending, iterator)
            for result in pool.imap(_scan_in_worker, stream, chunksize=_CHUNK):
                report.add(result)
        _worker_scanner = None
    else:
        for doc in itertools.chain(pending, iterator):
            report.add(_scan_one(scanner, doc))
    _read_references(scanner, report, max_file_size)
    report.seconds = time.perf_counter() - started
    report.findings.sort(key=Finding.sort_key)
    return report


def _read_references(scanner: Scanner, report: Report, max_file_size: int) -> None:
    """Scan the files that scanned files feed into Secrets, as that content.

    Their ordinary scan (if they were under a scanned path) is already in the
    report; the two are merged so that each value is reported once, by the
    most specific rule.
    """
    for ref in dict.fromkeys(report.references):
        if not os.path.isfile(ref.origin):
            report.warnings.append(
                Diagnostic(ref.path, "is referenced by a secretGenerator but does not exist")
            )
            continue
        result = _scan_one(scanner, read_reference(ref, max_file_size))
        if result.error:
            report.errors.append(Diagnostic(result.path, result.error))
            continue
        if all(e.path != result.path for e in report.errors):
            report._too_large(result)  # a file read only as a generator's input
        if not result.findings:
            continue
        earlier = [f for f in report.findings if f.path == ref.path]
        others = [f for f in report.findings if f.path != ref.path]
        report.findings = others + scanner.merge(earlier + result.findings)
