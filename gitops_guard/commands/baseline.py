"""`gitops-guard baseline create|update`."""

from __future__ import annotations

import sys
from pathlib import Path

from gitops_guard.baseline import BASELINE_NAME, Baseline, find_baseline
from gitops_guard.commands.scan import scan_paths
from gitops_guard.config import repository_root
from gitops_guard.errors import ExitCode, GuardError
from gitops_guard.scan import Diagnostic


def create(paths: list[str], output: Path | None, config: str | None, *, force: bool) -> ExitCode:
    target = output or repository_root(paths) / BASELINE_NAME
    if target.exists() and not force:
        raise GuardError(
            f"baseline '{target}' already exists",
            "use 'gitops-guard baseline update', or --force to start over",
        )
    report = scan_paths(paths, config, use_baseline=False)
    baseline = Baseline(target)
    baseline.entries = {baseline.key(f) for f in report.findings}
    if report.incomplete:
        _incomplete(report.errors)
        return ExitCode.INCOMPLETE
    baseline.write()
    print(f"wrote {target}: {len(baseline.entries)} accepted finding(s) from {report.files_scanned} files")
    return ExitCode.CLEAN


def update(paths: list[str], path: Path | None, config: str | None) -> ExitCode:
    target = path or find_baseline(None, paths)
    if target is None:
        raise GuardError("no baseline to update", "create one with 'gitops-guard baseline create'")
    baseline = Baseline.load(target)
    report = scan_paths(paths, config, use_baseline=False)
    if report.incomplete:
        _incomplete(report.errors)
        return ExitCode.INCOMPLETE
    # Entries for files outside the scanned paths are kept as they are.
    scanned = {baseline.relative_origin(o) for o in report.origins if o}
    kept = {e for e in baseline.entries if e[1] not in scanned}
    current = {baseline.key(f) for f in report.findings} | kept
    added, dropped = len(current - baseline.entries), len(baseline.entries - current)
    baseline.entries = current
    baseline.write()
    print(f"updated {target}: {added} added, {dropped} no longer found and dropped, {len(current)} in all")
    return ExitCode.CLEAN


def _incomplete(errors: list[Diagnostic]) -> None:
    for d in errors:
        print(f"gitops-guard: error: {d.path}: {d.message}", file=sys.stderr)
    print("gitops-guard: the scan was incomplete, so the baseline was not written", file=sys.stderr)
