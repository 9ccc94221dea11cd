"""Content rules: regexes tried only on the lines the prefilter hands over."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from gitops_guard.detect.catalog import Rule
from gitops_guard.detect.prefilter import build_prefilter
from gitops_guard.detect.values import is_placeholder, is_reference, shannon_entropy
from gitops_guard.parsing.text import Lines, line_starts

# How far a multi-line pattern (a PEM block) may reach past its first line.
_MULTILINE_WINDOW = 32_768
_WS = re.compile(r"\s+")


@dataclass
class ContentMatch:
    rule: Rule
    line: int
    column: int
    secret: str


@dataclass
class Hits:
    """Where the prefilter found something: lines for content rules, lines for triggers."""

    content: dict[int, set[int]]
    triggers: set[int]


class ContentScanner:
    """Content rules plus the prefilter that decides where they run.

    ``trigger_words`` are extra keywords whose lines the structural detectors
    want to look at (see ``triggers``); they share the same single pass.
    """

    def __init__(self, rules: list[Rule], trigger_words: tuple[str, ...] = ()):
        self.rules = rules
        words = sorted({k for rule in rules for k in rule.keywords} | set(trigger_words))
        self.words = words
        self.word_rules: list[tuple[int, ...]] = [
            tuple(i for i, rule in enumerate(rules) if word in rule.keywords) for word in words
        ]
        trigger_set = set(trigger_words)
        self.word_is_trigger = [word in trigger_set for word in words]
        self.prefilter = build_prefilter([w.encode("utf-8") for w in words])

    def locate(self, data: bytes) -> Hits | None:
        """One pass over the bytes; None when no keyword occurs at all (the fast path)."""
        raw = self.prefilter.hits(data.lower())
        if not raw:
            return None
        if len(raw) < 32 and b"\r" not in data:
            count = data.count
            line_of: Callable[[int], int] = lambda end: count(b"\n", 0, end - 1) + 1  # noqa: E731
        else:
            starts = line_starts(data)
            line_of = lambda end: bisect_right(starts, end - 1)  # noqa: E731
        content: dict[int, set[int]] = {}
        triggers: set[int] = set()
        word_rules, is_trigger = self.word_rules, self.word_is_trigger
        for end, word in raw:
            line = line_of(end)
            if word_rules[word]:
                content.setdefault(line, set()).update(word_rules[word])
            if is_trigger[word]:
                triggers.add(line)
        return Hits(content, triggers)

    def match(self, text: str, lines: Lines, candidates: dict[int, set[int]]) -> list[ContentMatch]:
        matches: list[ContentMatch] = []
        for line, rule_ids in candidates.items():
            line_text = lines.get(line)
            for index in rule_ids:
                matches.extend(self._match(self.rules[index], text, lines, line, line_text))
        return matches

    def scan(self, text: str) -> list[ContentMatch]:
        """Content rules on a text that is not a file (a decoded value)."""
        hits = self.locate(text.encode("utf-8", "surrogatepass"))
        if hits is None or not hits.content:
            return []
        return self.match(text, Lines(text), hits.content)

    def _match(
        self, rule: Rule, text: str, lines: Lines, line: int, line_text: str
    ) -> Iterator[ContentMatch]:
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
