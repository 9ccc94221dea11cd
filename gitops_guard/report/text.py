"""The human report: findings grouped by file, then diagnostics and a summary."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from rich.console import Console
from rich.markup import escape

from gitops_guard.findings import Finding
from gitops_guard.scan import Report

_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "cyan", "info": "dim"}


def console_for(stream: TextIO, *, color: bool | None) -> Console:
    if color is False:
        return Console(
            file=stream, no_color=True, force_terminal=False, highlight=False, soft_wrap=True, emoji=False
        )
    return Console(file=stream, highlight=False, soft_wrap=True, emoji=False)


def render(report: Report, out: Console) -> None:
    for path, group in groupby(report.findings, key=lambda f: f.path):
        out.print(f"[bold]{escape(path)}[/bold]")
        for f in group:
            _finding(f, out)
    for d in report.errors:
        out.print(f"[bold red]error[/bold red] {escape(d.path)}: {escape(d.message)}")
    for d in report.warnings:
        out.print(f"[yellow]warning[/yellow] {escape(d.path)}: {escape(d.message)}")
    out.print(f"{_verdict(report)}. {_summary(report)}")


def _finding(f: Finding, out: Console) -> None:
    where = f"L{f.line}:{f.column}"
    subject = ""
    if f.k8s is not None:
        subject = f"  {escape(f.k8s.describe())}" + (f" key {escape(f.k8s.key)}" if f.k8s.key else "")
    style = _STYLE.get(f.severity, "")
    out.print(
        f"  {where:<9} [{style}]{f.severity:<8}[/{style}] {escape(f.rule_id)}{subject}  {escape(f.preview)}"
    )
    out.print(f"            {escape(f.message)}")
    out.print(f"            fix: {escape(f.suggestion)}")


def _summary(report: Report) -> str:
    skipped = ", ".join(f"{n} {reason}" for reason, n in sorted(report.skipped.items()))
    return (
        f"{report.files_scanned} files scanned ({report.bytes_scanned} bytes) in {report.seconds:.2f}s"
        + (f", skipped: {skipped}" if skipped else "")
        + (f", {report.suppressed} suppressed" if report.suppressed else "")
        + (f", {report.baselined} in the baseline" if report.baselined else "")
    )


def _verdict(report: Report) -> str:
    """Never "no leaks found" for a scan that could not read everything."""
    if report.incomplete:
        return (
            f"[bold red]INCOMPLETE[/bold red]: {len(report.errors)} input(s) could not be read; "
            f"{len(report.findings)} finding(s) in what was read"
        )
    if not report.findings:
        return "[green]no leaks found[/green]"
    objects = {
        (f.path, f.k8s.namespace, f.k8s.name)
        for f in report.findings
        if f.k8s is not None and f.rule_id == "k8s-secret"
    }
    return f"[bold red]{len(report.findings)} finding(s)[/bold red]" + (
        f" ({len(objects)} committed Secret object(s))" if objects else ""
    )
