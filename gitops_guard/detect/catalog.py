"""The rule catalogue: rules are data in ``rules/*.yaml``.

Rule schema (one YAML file holds a list under ``rules:``)::

    id: stable machine id, never renamed (baselines and inline allows name it)
    title: short display name
    severity: info | low | medium | high | critical
    category: what kind of secret (private-key, saas-token, k8s-secret, ...)
    description: what the rule finds and why it matters
    remediation: what to do about a finding
    detector: regex (default) or builtin (the logic lives in gitops_guard.detect)
    priority: when two rules report one value on one line, the higher wins
    pattern: regex for detector regex; a group named ``secret`` marks the
      secret inside the match (otherwise the whole match is the secret)
    keywords: lower-case literals, one of which must be on a line before the
      pattern is tried there (the prefilter)
    multiline: the pattern may span lines starting at a keyword line
    min_entropy: bits per character the secret needs (optional)
    allow_values: regexes; a secret matching one is not reported (optional)
    examples:
      match: texts in which the rule must report
      no_match: texts in which it must not
    An example is a string, or a mapping {path: name.ext, text: ...} when the
    file name matters (a .env file, a kubeconfig).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from gitops_guard.errors import GuardError
from gitops_guard.findings import SEVERITIES

# Rules whose logic is code; a rule file declares their metadata and examples.
BUILTIN_IDS = frozenset(
    {
        "k8s-secret",
        "k8s-secret-value",
        "k8s-registry-credential",
        "kubeconfig-credential",
        "argocd-credential",
        "k8s-env-credential",
        "generic-credential",
    }
)

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*[a-z0-9]$")
_REQUIRED = ("id", "title", "severity", "description", "remediation")


@dataclass(frozen=True)
class Example:
    text: str
    path: str


@dataclass
class Rule:
    id: str
    title: str
    severity: str
    description: str
    remediation: str
    category: str = "other"
    detector: str = "regex"
    priority: int = 50
    pattern: re.Pattern[str] | None = None
    keywords: tuple[str, ...] = ()
    multiline: bool = False
    min_entropy: float = 0.0
    allow_values: tuple[re.Pattern[str], ...] = ()
    match_examples: list[Example] = field(default_factory=list)
    no_match_examples: list[Example] = field(default_factory=list)
    source: str = ""


def _examples(raw: Any, where: str, default_path: str) -> list[Example]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise GuardError(f"{where}: examples must be a list")
    out = []
    for item in raw:
        if isinstance(item, str):
            out.append(Example(item, default_path))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            out.append(Example(item["text"], str(item.get("path", default_path))))
        else:
            raise GuardError(f"{where}: an example must be a string or {{path, text}}")
    return out


def _compile_all(raw: Any, where: str) -> tuple[re.Pattern[str], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(p, str) for p in raw):
        raise GuardError(f"{where}: allow_values must be a list of regexes")
    try:
        return tuple(re.compile(p) for p in raw)
    except re.error as exc:
        raise GuardError(f"{where}: an allow_values regex does not compile: {exc}") from None


def _build_rule(raw: Any, source: str, index: int) -> Rule:
    where = f"{source}: rule #{index + 1}"
    if not isinstance(raw, dict):
        raise GuardError(f"{where} is not a mapping")
    for name in _REQUIRED:
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            raise GuardError(f"{where}: field '{name}' is missing or empty")
    rule_id = raw["id"]
    where = f"{source}: rule '{rule_id}'"
    if not _ID.match(rule_id):
        raise GuardError(f"{where}: id must be lower-case letters, digits and dashes")
    if raw["severity"] not in SEVERITIES:
        raise GuardError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
    detector = raw.get("detector", "regex")
    pattern = None
    if detector == "regex":
        if not isinstance(raw.get("pattern"), str):
            raise GuardError(f"{where}: field 'pattern' is required for a regex rule")
        try:
            pattern = re.compile(raw["pattern"])
        except re.error as exc:
            raise GuardError(f"{where}: pattern does not compile: {exc}") from None
        keywords = raw.get("keywords")
        if not isinstance(keywords, list) or not keywords:
            raise GuardError(f"{where}: field 'keywords' must list at least one literal")
    elif detector == "builtin":
        if rule_id not in BUILTIN_IDS:
            raise GuardError(f"{where}: no builtin detector has this id")
    else:
        raise GuardError(f"{where}: detector must be 'regex' or 'builtin'")
    examples = raw.get("examples") or {}
    if not isinstance(examples, dict):
        raise GuardError(f"{where}: examples must be a mapping with match/no_match")
    default_path = str(raw.get("example_path", "example.txt"))
    return Rule(
        id=rule_id,
        title=raw["title"].strip(),
        severity=raw["severity"],
        description=raw["description"].strip(),
        remediation=raw["remediation"].strip(),
        category=str(raw.get("category", "other")),
        detector=detector,
        priority=int(raw.get("priority", 50 if detector == "regex" else 10)),
        pattern=pattern,
        keywords=tuple(str(k).lower() for k in raw.get("keywords") or ()),
        multiline=bool(raw.get("multiline", False)),
        min_entropy=float(raw.get("min_entropy", 0.0)),
        allow_values=_compile_all(raw.get("allow_values"), where),
        match_examples=_examples(examples.get("match"), where, default_path),
        no_match_examples=_examples(examples.get("no_match"), where, default_path),
        source=source,
    )


def load_rule_file(path: Path) -> list[Rule]:
    try:
        data = yaml.load(
            path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        )
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise GuardError(f"{path}: cannot read rule file: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise GuardError(f"{path}: a rule file holds a list under 'rules:'")
    return [_build_rule(raw, str(path), i) for i, raw in enumerate(data["rules"])]


def load_rule_dir(directory: Path) -> list[Rule]:
    if not directory.is_dir():
        raise GuardError(f"rule folder {directory} does not exist")
    rules: list[Rule] = []
    for path in sorted(directory.glob("*.yaml")):
        rules.extend(load_rule_file(path))
    return rules


def bundled_rules_dir() -> Path:
    """The rules shipped with the package (a wheel), or the repository's rules/."""
    packaged = Path(str(resources.files("gitops_guard"))) / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


class Catalog:
    """All rules by id, with the builtin ones guaranteed to be present."""

    def __init__(self, rules: list[Rule]):
        self.rules: dict[str, Rule] = {}
        for rule in rules:
            if rule.id in self.rules:
                raise GuardError(
                    f"rule id '{rule.id}' is defined twice ({self.rules[rule.id].source}, {rule.source})"
                )
            self.rules[rule.id] = rule

    @classmethod
    def load(cls, extra_dirs: list[Path] | None = None) -> Catalog:
        rules = load_rule_dir(bundled_rules_dir())
        for directory in extra_dirs or []:
            rules.extend(load_rule_dir(directory))
        catalog = cls(rules)
        missing = BUILTIN_IDS - catalog.rules.keys()
        if missing:
            raise GuardError(f"the bundled rules lack builtin rules: {', '.join(sorted(missing))}")
        return catalog

    def regex_rules(self) -> list[Rule]:
        return [r for r in self.rules.values() if r.detector == "regex"]

    def __getitem__(self, rule_id: str) -> Rule:
        return self.rules[rule_id]
