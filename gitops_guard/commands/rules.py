"""`gitops-guard rules list|show|check`."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from gitops_guard.detect.catalog import Catalog, Rule, bundled_rules_dir, load_rule_dir
from gitops_guard.errors import GuardError
from gitops_guard.sources import virtual


def list_rules() -> None:
    catalog = Catalog.load()
    table = Table("id", "severity", "category", "title", box=None)
    for rule in sorted(catalog.rules.values(), key=lambda r: r.id):
        table.add_row(rule.id, rule.severity, rule.category, escape(rule.title))
    console = Console()
    if not console.is_terminal:
        console = Console(width=200)  # piped: one rule per line, easy to grep
    console.print(table)


def show_rule(rule_id: str) -> None:
    catalog = Catalog.load()
    rule = catalog.rules.get(rule_id)
    if rule is None:
        raise GuardError(f"no rule has the id '{rule_id}'", "run 'gitops-guard rules list'")
    out = Console(highlight=False)
    out.print(f"[bold]{rule.id}[/bold]: {escape(rule.title)} ({rule.severity}, {rule.category})")
    out.print(escape(rule.description))
    out.print(f"fix: {escape(rule.remediation)}")
    if rule.pattern is not None:
        out.print(f"pattern: {escape(rule.pattern.pattern)}")
        out.print(f"keywords: {', '.join(rule.keywords)}")
    out.print(f"examples: {len(rule.match_examples)} must match, {len(rule.no_match_examples)} must not")


def example_failures(rules: list[Rule], catalog: Catalog) -> list[str]:
    """Run each rule's examples through the full engine; describe every miss."""
    from gitops_guard.detect.engine import Scanner

    scanner = Scanner(catalog)
    failures = []
    for rule in rules:
        if not rule.match_examples:
            failures.append(f"{rule.id}: has no example that must match")
        for kind, examples, wanted in (
            ("match", rule.match_examples, True),
            ("no_match", rule.no_match_examples, False),
        ):
            for i, example in enumerate(examples, 1):
                result = scanner.scan(virtual(example.path, example.text))
                found = any(f.rule_id == rule.id for f in result.findings)
                if found != wanted:
                    verb = "was not reported" if wanted else "was reported"
                    failures.append(f"{rule.id}: {kind} example #{i} ({example.path}) {verb}")
    return failures


def check_rules(directory: Path | None) -> bool:
    """Without a folder: the bundled rules and the rule folders the config names."""
    if directory is None:
        from gitops_guard.config import find_config, load_config

        extra = load_config(find_config(None, ["."])).rules_dirs
        rules = load_rule_dir(bundled_rules_dir())
        for folder in extra:
            rules.extend(load_rule_dir(folder))
        catalog = Catalog(rules)
    else:
        rules = load_rule_dir(directory)
        if not rules:
            raise GuardError(f"rule folder {directory} holds no rules (*.yaml files with 'rules:')")
        catalog = (
            Catalog.load([directory])
            if directory.resolve() != bundled_rules_dir().resolve()
            else Catalog(rules)
        )
    failures = example_failures(rules, catalog)
    examples = sum(len(r.match_examples) + len(r.no_match_examples) for r in rules)
    for line in failures:
        print(f"FAIL {line}", file=sys.stderr)
    print(f"{len(rules)} rules, {examples} examples, {len(failures)} failure(s)")
    return not failures
