"""Content rules: regexes tried only on the lines the prefilter hands over."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gitops_guard.detect.catalog import Rule
from gitops_guard.detect.prefilter import build_prefilter
from gitops_guard.detect.values import is_placeholder, is_reference, shannon_entropy
from gitops_guard.parsing.text import Lines

# How far a multi-line pattern (a PEM block) may reach past its first line.
_MULTILINE_WINDOW = 32_768
_WS = re.compile(r"\s+")


@dataclass
class ContentMatch:
    rule: Rule
    line: int
    column: int
    secret: str


def _ascii_lower(text: str) -> str:
    """Lower-case with one character per character, so offsets stay valid."""
    if text.isascii():
        return text.lower()
    return text.encode("ascii", "replace").decode("ascii").lower()


class ContentScanner:
    def __init__(self, rules: list[Rule]):
        self.rules = rules
        keywords = sorted({k for rule in rules for k in rule.keywords})
        self.keywords = keywords
        index = {word: i for i, word in enumerate(keywords)}
        self.rules_by_keyword: list[list[Rule]] = [[] for _ in keywords]
        for rule in rules:
            for word in rule.keywords:
                self.rules_by_keyword[index[word]].append(rule)
        self.prefilter = build_prefilter(keywords)

    def candidates(self, text: str, lines: Lines) -> dict[int, set[int]]:
        """1-based line -> indexes (into self.rules) of rules to try on it."""
        rule_index = {id(rule): i for i, rule in enumerate(self.rules)}
        out: dict[int, set[int]] = {}
        line_of = lines.line_of
        for end, keyword in self.prefilter.hits(_ascii_lower(text)):
            line = line_of(end - 1)
            bucket = out.setdefault(line, set())
            for rule in self.rules_by_keyword[keyword]:
                bucket.add(rule_index[id(rule)])
        return out

    def scan(self, text: str, lines: Lines | None = None) -> list[ContentMatch]:
        lines = lines or Lines(text)
        matches: list[ContentMatch] = []
        for line, rule_ids in sorted(self.candidates(text, lines).items()):
            line_text = lines.get(line)
            for index in sorted(rule_ids):
                rule = self.rules[index]
                matches.extend(self._match(rule, text, lines, line, line_text))
        return matches

    def _match(self, rule: Rule, text: str, lines: Lines, line: int, line_text: str):
        assert rule.pattern is not None
        if rule.multiline:
            start = lines.starts[line - 1]
            window = text[start : start + _MULTILINE_WINDOW]
            found = [m for m in rule.pattern.finditer(window) if m.start() <= len(line_text)]
        else:
            found = list(rule.pattern.finditer(line_text))
        for m in found:
            secret, column = _secret_of(m)
            if rule.multiline:
                secret = _WS.sub("", secret)
            if not self._acceptable(rule, secret):
                continue
            yield ContentMatch(rule, line, column + 1, secret)

    @staticmethod
    def _acceptable(rule: Rule, secret: str) -> bool:
        if not secret or is_placeholder(secret) or is_reference(secret):
            return False
        if any(p.search(secret) for p in rule.allow_values):
            return False
        return not rule.min_entropy or shannon_entropy(secret) >= rule.min_entropy


def _secret_of(m: re.Match[str]) -> tuple[str, int]:
    if "secret" in m.re.groupindex and m.group("secret") is not None:
        return m.group("secret"), m.start("secret")
    return m.group(0), m.start()
