"""Input sources: anything that yields documents (a path and its bytes).

The scan engine only sees ``Document`` objects, so a new source (the staged
index, a commit range, every blob in history) is one more generator here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from gitops_guard.errors import ExitCode, GuardError


@dataclass
class Document:
    """One input to scan. ``data`` is None when it could not be read (``error`` says why)."""

    path: str
    data: bytes | None = None
    error: str | None = None
    skip_reason: str | None = None
    size: int = 0
    # Where the bytes came from, independent of how the path is displayed (an
    # absolute file path here; a commit and path for history sources).
    origin: str = ""
    # How another file uses this one, when that decides how to read it (a
    # Kustomize secretGenerator's env file or file); None for a plain file.
    role: Reference | None = None
    # Set while the bytes are still to be read (by ``load``): the size cap to apply.
    pending_size_cap: int | None = None


@dataclass(frozen=True)
class Reference:
    """A file that a scanned file feeds into a Secret (Kustomize secretGenerator)."""

    path: str  # display path
    origin: str  # absolute path
    kind: str  # "env": dotenv lines; "file": the whole content is one value
    key: str  # the Secret key (for "file")
    secret_name: str | None = None
    namespace: str | None = None


def compile_patterns(patterns: list[str]) -> tuple[Any, list[str]]:
    """A gitignore matcher, and the patterns it had to leave out.

    Like git, a malformed line (a lone ``!``, a trailing backslash) is ignored
    instead of ending the scan.
    """
    import pathspec  # imported only when some pattern exists

    try:
        return pathspec.GitIgnoreSpec.from_lines(patterns), []
    except Exception:  # pathspec raises its own error types for bad lines
        good, bad = [], []
        for line in patterns:
            try:
                pathspec.GitIgnoreSpec.from_lines([line])
                good.append(line)
            except Exception:
                bad.append(line)
        return pathspec.GitIgnoreSpec.from_lines(good), bad


class _IgnoreRules:
    """.gitignore files met while walking, plus the configured excludes."""

    def __init__(self, excludes: list[str], exclude_prefix: str = ""):
        self.specs: list[tuple[str, object]] = []
        self.excludes = self._compile(excludes) if excludes else None
        # Excludes are written relative to the config file's folder; this is the
        # walked root's path from there ("" when the root is that folder).
        self.exclude_prefix = exclude_prefix

    @staticmethod
    def _compile(patterns: list[str]) -> Any:
        return compile_patterns(patterns)[0]

    def add_gitignore(self, rel_dir: str, path: Path) -> None:
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return
        if any(line.strip() and not line.startswith("#") for line in lines):
            self.specs.append((rel_dir, self._compile(lines)))

    def ignored(self, rel: str, is_dir: bool) -> bool:
        if self.excludes is not None:
            full = self.exclude_prefix + rel
            if self.excludes.match_file(full + "/" if is_dir else full):
                return True
        for base, spec in self.specs:
            if base and not rel.startswith(base + "/"):
                continue
            sub = rel[len(base) + 1 :] if base else rel
            if spec.match_file(sub + "/" if is_dir else sub):  # type: ignore[attr-defined]
                return True
        return False


def read_reference(ref: Reference, max_size: int) -> Document:
    doc = load(_read(Path(ref.origin), ref.path, max_size))
    doc.role = ref
    return doc


def _read(full: Path, display: str, max_size: int) -> Document:
    """A document for a file, read later by ``load`` (in a worker, for large scans)."""
    return Document(display, origin=os.path.abspath(full), pending_size_cap=max_size)


def load(doc: Document) -> Document:
    """Read a pending document's bytes, or record why they could not be read."""
    if doc.pending_size_cap is None:
        return doc
    max_size, doc.pending_size_cap = doc.pending_size_cap, None
    try:
        size = os.stat(doc.origin).st_size
        if size > max_size:
            doc.skip_reason, doc.size = "too-large", size
            return doc
        with open(doc.origin, "rb") as handle:
            doc.data = handle.read()
    except OSError as exc:
        doc.error = f"cannot read: {exc.strerror or exc}"
        return doc
    doc.size = len(doc.data)
    return doc


def _prefix_from(base: Path | None, path: Path) -> str | None:
    """``path`` relative to ``base`` with a trailing slash; None when outside it."""
    if base is None:
        return ""
    try:
        rel = path.resolve().relative_to(base.resolve())
    except ValueError:
        return None
    text = PurePosixPath(rel).as_posix()
    return "" if text == "." else text + "/"


def walk_paths(
    paths: list[str], excludes: list[str], max_size: int, exclude_base: Path | None = None
) -> Iterator[Document]:
    """Files under each path: ``.git`` skipped, ``.gitignore`` and excludes honoured.

    Paths in documents are POSIX, relative to the directory argument (a file
    argument is kept as given). ``excludes`` are gitignore patterns relative to
    ``exclude_base`` (the config file's folder).
    """
    for arg in paths:
        root = Path(arg)
        if not root.exists():
            raise GuardError(f"path '{arg}' does not exist", "check the path and run the scan again")
        if not root.is_file() and not root.is_dir():
            raise GuardError(
                f"path '{arg}' is neither a regular file nor a directory",
                "name files or directories to scan (FIFOs and devices cannot be scanned)",
            )
        if root.is_file():
            prefix = _prefix_from(exclude_base, root.parent)
            rules = _IgnoreRules(excludes, prefix or "")
            if excludes and prefix is not None and rules.ignored(root.name, False):
                continue
            yield _read(root, PurePosixPath(Path(arg)).as_posix(), max_size)
            continue
        prefix = _prefix_from(exclude_base, root)
        yield from _walk_dir(
            root, _IgnoreRules(excludes if prefix is not None else [], prefix or ""), max_size
        )


def _walk_dir(root: Path, ignore: _IgnoreRules, max_size: int) -> Iterator[Document]:
    stack = [("", root)]
    while stack:
        rel_dir, directory = stack.pop()
        gitignore = directory / ".gitignore"
        if gitignore.is_file():
            ignore.add_gitignore(rel_dir, gitignore)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            yield Document(rel_dir or ".", error=f"cannot list directory: {exc.strerror or exc}")
            continue
        subdirs = []
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            if entry.is_symlink():
                yield Document(rel, skip_reason="symlink")
                continue
            if entry.is_dir():
                if entry.name == ".git" or ignore.ignored(rel, True):
                    continue
                subdirs.append((rel, Path(entry.path)))
            elif entry.is_file():
                if ignore.ignored(rel, False):
                    continue
                yield _read(Path(entry.path), rel, max_size)
            elif not ignore.ignored(rel, False):
                yield Document(rel, skip_reason="not-a-regular-file")  # FIFO, socket, device
        stack.extend(reversed(subdirs))


def virtual(path: str, text: str | bytes) -> Document:
    """A document that is not on disk (rule examples, tests)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return Document(path, data=data, size=len(data))


__all__ = ["Document", "Reference", "walk_paths", "virtual", "load", "read_reference", "ExitCode"]
