"""`gitops-guard scan`: files and directories in, a report and an exit code out."""

from __future__ import annotations

import sys
from pathlib import Path

from gitops_guard.baseline import Baseline, find_baseline
from gitops_guard.config import Config, find_config, load_config
from gitops_guard.detect.catalog import Catalog
from gitops_guard.detect.engine import Scanner
from gitops_guard.errors import ExitCode, GuardError
from gitops_guard.findings import severity_rank
from gitops_guard.scan import Report, run
from gitops_guard.sources import walk_paths


def build_scanner(config: Config) -> Scanner:
    catalog = Catalog.load(config.rules_dirs)
    named = [("disable", r) for r in config.disable]
    named += [(f"allowlist.rules.{r}", r) for r in config.suppressor.per_rule]
    for field, rule_id in named:
        if rule_id not in catalog.rules:
            raise GuardError(
                f"{config.path}: field '{field}' names unknown rule '{rule_id}'",
                "run 'gitops-guard rules list' for the rule ids",
            )
    return Scanner(
        catalog, disabled=frozenset(config.disable), suppressor=config.suppressor, store=config.store
    )


def scan_paths(
    paths: list[str],
    config_path: str | None = None,
    jobs: int | None = None,
    baseline_path: str | None = None,
    use_baseline: bool = True,
) -> Report:
    """Scan paths with the configuration and baseline that apply to them (library entry point)."""
    for arg in paths:
        if not Path(arg).exists():
            raise GuardError(f"path '{arg}' does not exist", "check the path and run the scan again")
    config = load_config(find_config(config_path, paths))
    scanner = build_scanner(config)
    baseline_file = find_baseline(baseline_path, paths) if use_baseline else None
    baseline = Baseline.load(baseline_file) if baseline_file is not None else None
    exclude_base = config.path.parent if config.path else None
    documents = walk_paths(paths, config.exclude, config.max_file_size, exclude_base)
    report = run(scanner, documents, jobs, config.max_file_size)
    if baseline is not None:
        report.findings, report.baselined = baseline.split(report.findings)
    return report


def exit_code(report: Report, fail_on: str) -> ExitCode:
    if report.incomplete:
        return ExitCode.INCOMPLETE
    threshold = severity_rank(fail_on)
    if any(severity_rank(f.severity) >= threshold for f in report.findings):
        return ExitCode.FINDINGS
    return ExitCode.CLEAN


def _check_writable(path: Path) -> None:
    """Fail before scanning when the report could not be written."""
    existed = path.exists()
    try:
        with open(path, "a", encoding="utf-8"):
            pass
        if not existed:
            path.unlink()  # only a probe: the report is written after the scan
    except OSError as exc:
        raise GuardError(
            f"cannot write the report to '{path}': {exc.strerror or exc}", "choose a writable --output path"
        ) from None


def run_scan(
    paths: list[str],
    fmt: str,
    output: Path | None,
    fail_on: str,
    config_path: str | None,
    *,
    color: bool,
    jobs: int | None = None,
    baseline: str | None = None,
) -> ExitCode:
    if output is not None:
        _check_writable(output)
    report = scan_paths(paths, config_path, jobs, baseline)
    if fmt == "json":
        from gitops_guard.report import json_report

        rendered = json_report.render(report)
        if output is None:
            sys.stdout.write(rendered)
        else:
            _write(output, rendered)
    else:
        from gitops_guard.report import text

        if output is None:
            text.render(report, text.console_for(sys.stdout, color=None if color else False))
        else:
            import io

            buffer = io.StringIO()
            text.render(report, text.console_for(buffer, color=False))
            _write(output, buffer.getvalue())
    return exit_code(report, fail_on)


def _write(path: Path, content: str) -> None:
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise GuardError(
            f"cannot write the report to '{path}': {exc.strerror or exc}",
            "choose a writable --output path",
            code=ExitCode.INCOMPLETE,
        ) from None
