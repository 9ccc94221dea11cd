"""YAML documents as PyYAML nodes, which keep the line and column of every value.

Nodes (not constructed Python objects) are kept on purpose: they carry
positions, they keep both values of a duplicated key, and an alias is the very
node of its anchor, so a reused value is reported where it is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from gitops_guard.parsing.text import Lines

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_NULL_TAG = "tag:yaml.org,2002:null"
_BOOL_TAG = "tag:yaml.org,2002:bool"


@dataclass
class ParsedYaml:
    documents: list[Node]
    # 1-based line where the part that failed to parse begins, or None.
    error_line: int | None = None
    error: str | None = None


def parse(text: str) -> ParsedYaml:
    """Every document up to the first syntax error; the rest is reported as failed."""
    documents: list[Node] = []
    last_end = 0
    loader = _Loader(text)
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                documents.append(node)
                last_end = node.end_mark.line + 1
            else:
                # An empty document: the next one starts after this point.
                pass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return ParsedYaml(documents, error_line=last_end + 1, error=f"{problem}{where}")
    except (RecursionError, ValueError) as exc:
        return ParsedYaml(documents, error_line=last_end + 1, error=str(exc)[:200])
    finally:
        loader.dispose()
    return ParsedYaml(documents)


def get(node: Node | None, key: str) -> Node | None:
    """The value of ``key`` in a mapping node (the first one if duplicated)."""
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == key:
                return v  # type: ignore[no-any-return]  # PyYAML's nodes are untyped
    return None


def pairs(node: Node | None) -> Iterator[tuple[str, Node, Node]]:
    """(key text, key node, value node) for every pair, duplicates included."""
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode):
                yield k.value, k, v


def merged_pairs(node: Node | None, _depth: int = 0) -> Iterator[tuple[str, Node, Node]]:
    """Like ``pairs``, with the pairs brought in by merge keys (``<<: *base``)."""
    for key, knode, value in pairs(node):
        if key == "<<" and knode.tag == "tag:yaml.org,2002:merge" and _depth < 8:
            sources = value.value if isinstance(value, SequenceNode) else [value]
            for source in sources:
                yield from merged_pairs(source, _depth + 1)
        else:
            yield key, knode, value


def text_of(node: Node | None) -> str | None:
    """A scalar's text; None for null, non-scalars and missing nodes."""
    if isinstance(node, ScalarNode) and node.tag != _NULL_TAG:
        return str(node.value)
    return None


def is_bool(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _BOOL_TAG


def value_position(node: Node, lines: Lines) -> tuple[int, int]:
    """1-based (line, column) where a value's content is written.

    For a block scalar (``|`` or ``>``) that is its first content line, not the
    line of the indicator.
    """
    line = node.start_mark.line + 1
    column = node.start_mark.column + 1
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        end = node.end_mark.line + 1
        candidate = line + 1
        while candidate <= end and not lines.get(candidate).strip():
            candidate += 1
        if candidate <= max(end, line + 1):
            text = lines.get(candidate)
            return candidate, len(text) - len(text.lstrip()) + 1
    return line, column


def line_of_substring(node: Node, lines: Lines, needle: str) -> int:
    """The file line where ``needle`` is written inside a scalar value.

    Exact for literal block scalars and single-line values; for other styles it
    falls back to the value's first line.
    """
    first, _ = value_position(node, lines)
    if isinstance(node, ScalarNode) and needle:
        end = node.end_mark.line + 1
        for line in range(first, end + 1):
            if needle in lines.get(line):
                return line
    return first


def walk(
    node: Node, path: tuple[str, ...] = (), prune: Callable[[Node], bool] | None = None
) -> Iterator[tuple[tuple[str, ...], ScalarNode]]:
    """Every scalar leaf with the path of keys (and [index]) leading to it.

    ``prune`` is asked about every inner node below the root; when it returns
    True that subtree is not walked (it was handled elsewhere).
    """
    seen: set[int] = set()
    stack: list[tuple[Node, tuple[str, ...]]] = [(node, path)]
    while stack:
        current, where = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if prune is not None and current is not node and prune(current):
            continue
        if isinstance(current, ScalarNode):
            yield where, current
        elif isinstance(current, MappingNode):
            for k, v in reversed(current.value):
                key = k.value if isinstance(k, ScalarNode) else "?"
                stack.append((v, where + (str(key),)))
        elif isinstance(current, SequenceNode):
            for i in range(len(current.value) - 1, -1, -1):
                stack.append((current.value[i], where + (f"[{i}]",)))
