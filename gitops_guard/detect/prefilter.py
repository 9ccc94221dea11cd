"""Multi-literal prefilter: one pass over a file finds the lines worth a regex.

Every regex rule names keywords; a rule's pattern is only tried on lines that
hold one of them. Three interchangeable backends give the same answer:
Hyperscan (when its wheel is installed), pyahocorasick (a dependency), and a
pure-Python fallback built on ``str.find`` for machines with neither.
``GITOPS_GUARD_PREFILTER=hyperscan|ahocorasick|python`` forces one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Protocol


class Prefilter(Protocol):
    name: str

    def hits(self, lowered: str) -> Iterable[tuple[int, int]]:
        """Yield (end offset, keyword index) for every keyword occurrence."""


class _PythonPrefilter:
    name = "python"

    def __init__(self, keywords: list[str]):
        self.keywords = keywords

    def hits(self, lowered: str) -> Iterable[tuple[int, int]]:
        for index, word in enumerate(self.keywords):
            find = lowered.find
            pos = find(word)
            while pos != -1:
                yield pos + len(word), index
                pos = find(word, pos + 1)


class _AhoCorasickPrefilter:
    name = "ahocorasick"

    def __init__(self, keywords: list[str]):
        import ahocorasick

        self.automaton = ahocorasick.Automaton()
        for index, word in enumerate(keywords):
            self.automaton.add_word(word, index)
        self.automaton.make_automaton()

    def hits(self, lowered: str) -> Iterable[tuple[int, int]]:
        for end, index in self.automaton.iter(lowered):
            yield end + 1, index


class _HyperscanPrefilter:
    name = "hyperscan"

    def __init__(self, keywords: list[str]):
        import hyperscan

        self.db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        self.db.compile(
            expressions=[w.encode("utf-8") for w in keywords],
            ids=list(range(len(keywords))),
            elements=len(keywords),
            flags=[hyperscan.HS_FLAG_SINGLEMATCH * 0 | 0] * len(keywords),
            literal=True,
        )

    def hits(self, lowered: str) -> Iterable[tuple[int, int]]:
        data = lowered.encode("utf-8", "surrogatepass")
        out: list[tuple[int, int]] = []

        def on_match(index: int, start: int, end: int, flags: int, ctx: object) -> None:
            out.append((end, index))

        self.db.scan(data, match_event_handler=on_match)
        if len(data) != len(lowered):
            # Byte offsets differ from character offsets: map them back.
            return [(len(data[:end].decode("utf-8", "ignore")), i) for end, i in out]
        return out


def build_prefilter(keywords: list[str]) -> Prefilter:
    wanted = os.environ.get("GITOPS_GUARD_PREFILTER", "")
    order = [wanted] if wanted else ["hyperscan", "ahocorasick", "python"]
    backends = {
        "hyperscan": _HyperscanPrefilter,
        "ahocorasick": _AhoCorasickPrefilter,
        "python": _PythonPrefilter,
    }
    for name in order:
        backend = backends.get(name)
        if backend is None:
            continue
        try:
            return backend(keywords)
        except ImportError:
            continue
    return _PythonPrefilter(keywords)
