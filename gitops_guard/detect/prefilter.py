"""Multi-literal prefilter: one pass over a file finds the lines worth a regex.

Every regex rule names keywords; a rule's pattern is only tried on lines that
hold one of them. Three interchangeable backends give the same answer:
Hyperscan (when its wheel is installed), pyahocorasick (a dependency), and a
pure-Python fallback built on ``str.find`` for machines with neither.
``GITOPS_GUARD_PREFILTER=hyperscan|ahocorasick|python`` forces one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Protocol


class Prefilter(Protocol):
    name: str

    def hits(self, lowered: bytes) -> list[tuple[int, int]]:
        """(end offset, keyword index) of every keyword occurrence in lower-cased bytes."""


class _PythonPrefilter:
    name = "python"

    def __init__(self, keywords: list[bytes]):
        self.keywords = keywords

    def hits(self, lowered: bytes) -> list[tuple[int, int]]:
        out = []
        find = lowered.find
        for index, word in enumerate(self.keywords):
            pos = find(word)
            while pos != -1:
                out.append((pos + len(word), index))
                pos = find(word, pos + 1)
        return out


class _AhoCorasickPrefilter:
    name = "ahocorasick"

    def __init__(self, keywords: list[bytes]):
        import ahocorasick

        self.automaton = ahocorasick.Automaton()
        for index, word in enumerate(keywords):
            # latin-1 maps each byte to one character, so offsets stay byte offsets
            self.automaton.add_word(word.decode("latin-1"), index)
        self.automaton.make_automaton()

    def hits(self, lowered: bytes) -> list[tuple[int, int]]:
        return [(end + 1, index) for end, index in self.automaton.iter(lowered.decode("latin-1"))]


class _HyperscanPrefilter:
    name = "hyperscan"

    def __init__(self, keywords: list[bytes]):
        import hyperscan

        self.db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        self.db.compile(
            expressions=list(keywords),
            ids=list(range(len(keywords))),
            elements=len(keywords),
            literal=True,
        )

    def hits(self, lowered: bytes) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []

        def on_match(index: int, start: int, end: int, flags: int, ctx: object) -> None:
            out.append((end, index))

        self.db.scan(lowered, match_event_handler=on_match)
        return out


def build_prefilter(keywords: list[bytes]) -> Prefilter:
    wanted = os.environ.get("GITOPS_GUARD_PREFILTER", "")
    order = [wanted] if wanted else ["hyperscan", "ahocorasick", "python"]
    backends: dict[str, Callable[[list[bytes]], Prefilter]] = {
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
