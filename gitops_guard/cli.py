"""The command line: wiring only. Every command's logic lives in its own module."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from gitops_guard import __version__
from gitops_guard.errors import ExitCode, GuardError

app = typer.Typer(
    name="gitops-guard",
    help="Find leaked secrets in GitOps repositories and say how to replace them.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)
rules_app = typer.Typer(help="List, show and check detection rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")
baseline_app = typer.Typer(
    help="Accept today's findings so that only new ones are reported.", no_args_is_help=True
)
app.add_typer(baseline_app, name="baseline")


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


class Severity(str, Enum):
    info = "info"
    low = "low"
    medium = "medium"
    high = "high"
    critical = "critical"


def _version(value: bool) -> None:
    if value:
        print(f"gitops-guard {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """gitops-guard scans manifests, Helm and Kustomize files for secrets."""


def _fail(error: GuardError) -> None:
    print(f"gitops-guard: error: {error.message}", file=sys.stderr)
    if error.hint:
        print(f"  next: {error.hint}", file=sys.stderr)
    raise typer.Exit(int(error.code))


@app.command()
def scan(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or directories (default: .)")] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Report format.")
    ] = OutputFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to FILE (overwritten).")
    ] = None,
    fail_on: Annotated[
        Severity, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1.")
    ] = Severity.low,
    config: Annotated[
        str | None,
        typer.Option(
            "--config", "-c", help="Config file (default: .gitops-guard.yaml at the repository root)."
        ),
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain text without colour.")] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Worker processes (default: one per core, for large scans)."
        ),
    ] = None,
    baseline: Annotated[
        str | None,
        typer.Option(
            "--baseline",
            "-b",
            help="Baseline file of accepted findings (default: .gitops-guard-baseline.json at the repository root).",
        ),
    ] = None,
) -> None:
    """Scan files and directories for leaked secrets.

    Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or
    configuration error, 3 incomplete (some input could not be read).
    """
    from gitops_guard.commands.scan import run_scan

    try:
        code = run_scan(
            paths or ["."],
            output_format.value,
            output,
            fail_on.value,
            config,
            color=not no_color and not os.environ.get("NO_COLOR"),
            jobs=jobs,
            baseline=baseline,
        )
    except GuardError as error:
        _fail(error)
    raise typer.Exit(int(code))


@rules_app.command("list")
def rules_list() -> None:
    """List the rules with their id, severity and title."""
    from gitops_guard.commands.rules import list_rules

    try:
        list_rules()
    except GuardError as error:
        _fail(error)


@rules_app.command("show")
def rules_show(rule_id: Annotated[str, typer.Argument(help="Rule id, as printed by 'rules list'.")]) -> None:
    """Show one rule: description, remediation, pattern and examples."""
    from gitops_guard.commands.rules import show_rule

    try:
        show_rule(rule_id)
    except GuardError as error:
        _fail(error)


@rules_app.command("check")
def rules_check(
    directory: Annotated[
        Path | None,
        typer.Argument(help="Rule folder (default: the bundled rules and the config's rules_dirs)."),
    ] = None,
) -> None:
    """Run every rule's examples: each 'match' must be reported, each 'no_match' must not."""
    from gitops_guard.commands.rules import check_rules

    try:
        ok = check_rules(directory)
    except GuardError as error:
        _fail(error)
    raise typer.Exit(int(ExitCode.CLEAN if ok else ExitCode.FINDINGS))


@baseline_app.command("create")
def baseline_create(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or directories (default: .)")] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Baseline file (default: .gitops-guard-baseline.json at the repository root).",
        ),
    ] = None,
    config: Annotated[str | None, typer.Option("--config", "-c", help="Config file.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing baseline.")] = False,
) -> None:
    """Record every current finding (by rule, path and secret hash) as accepted."""
    from gitops_guard.commands.baseline import create

    try:
        code = create(paths or ["."], output, config, force=force)
    except GuardError as error:
        _fail(error)
    raise typer.Exit(int(code))


@baseline_app.command("update")
def baseline_update(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or directories (default: .)")] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline", "-b", help="Baseline file to update (default: the one at the repository root)."
        ),
    ] = None,
    config: Annotated[str | None, typer.Option("--config", "-c", help="Config file.")] = None,
) -> None:
    """Rescan: add new findings to the baseline and drop entries that no longer occur."""
    from gitops_guard.commands.baseline import update

    try:
        code = update(paths or ["."], baseline, config)
    except GuardError as error:
        _fail(error)
    raise typer.Exit(int(code))


def main() -> None:
    """Console entry point: the one error boundary of the program."""
    try:
        app()
    except KeyboardInterrupt:
        print("gitops-guard: interrupted; the scan did not complete", file=sys.stderr)
        sys.exit(int(ExitCode.INCOMPLETE))
    except Exception as exc:  # anything unexpected: no traceback, no secret
        if os.environ.get("GITOPS_GUARD_DEBUG"):
            raise
        print(
            f"gitops-guard: internal error ({type(exc).__name__}); the scan did not complete.\n"
            "  next: run again with GITOPS_GUARD_DEBUG=1 to see the traceback (it may show file content)",
            file=sys.stderr,
        )
        sys.exit(int(ExitCode.INCOMPLETE))
