"""From bytes to text: binary and LFS detection, BOM, encodings, line index."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

_BINARY_MAGIC = (
    b"\x1f\x8b",  # gzip (packaged Helm charts, *.tgz)
    b"PK\x03\x04",  # zip, jar
    b"\x89PNG",
    b"%PDF",
    b"\x7fELF",
)
_LFS_POINTER = b"version https://git-lfs.github.com/spec/v1"
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass
class Prepared:
    """A file's bytes made ready to scan (UTF-8 or undecodable, no BOM), or why not."""

    data: bytes = b""
    skip_reason: str | None = None
    warnings: list[str] = field(default_factory=list)


def prepare(data: bytes) -> Prepared:
    if data.startswith(_LFS_POINTER):
        return Prepared(skip_reason="git-lfs-pointer")
    warnings = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data = data.decode("utf-16").encode("utf-8")
            warnings.append("is UTF-16; it was converted to UTF-8 before scanning")
        except UnicodeDecodeError:
            return Prepared(skip_reason="binary")
    if b"\0" in data[:8192] and not data.startswith(_BINARY_MAGIC):
        converted = _utf16_without_bom(data)
        if converted is not None:
            data = converted
            warnings.append("is UTF-16 without a byte order mark; it was converted to UTF-8 before scanning")
    if b"\0" in data[:8192] or data.startswith(_BINARY_MAGIC):
        return Prepared(skip_reason="binary")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        warnings.append("starts with a UTF-8 byte order mark; it was ignored")
    return Prepared(data=data, warnings=warnings)


def _utf16_without_bom(data: bytes) -> bytes | None:
    """UTF-8 bytes of a text that is UTF-16 (mostly ASCII) without a BOM, else None."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    for encoding, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros and zeros.count(0) >= 0.9 * len(zeros):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            if "\0" in text:
                return None
            return text.encode("utf-8")
    return None


def to_text(data: bytes, warnings: list[str]) -> str:
    """UTF-8 text; invalid bytes are replaced (one character each, no new lines) with a warning."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        warnings.append(
            f"is not valid UTF-8 (first bad byte at offset {exc.start}); "
            "undecodable bytes were replaced and the rest was scanned"
        )
        return data.decode("utf-8", errors="replace")


_NEWLINE_BYTES = re.compile(rb"\r\n|\r|\n")


def line_starts(data: bytes) -> list[int]:
    """Offsets where each line of ``data`` starts (the same lines as ``Lines``)."""
    starts = [0]
    starts.extend(m.end() for m in _NEWLINE_BYTES.finditer(data))
    return starts


class Lines:
    """Line access and offset-to-line mapping for one text (\\n, \\r\\n and \\r breaks)."""

    def __init__(self, text: str):
        self.text = text
        self._starts: list[int] | None = None
        self._lines: list[str] | None = None

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            starts = [0]
            if "\r" not in self.text:
                find, at = self.text.find, 0
                while (at := find("\n", at) + 1) > 0:
                    starts.append(at)
            else:
                starts.extend(m.end() for m in _NEWLINE.finditer(self.text))
            if starts[-1] == len(self.text) and len(starts) > 1:
                starts.pop()
            self._starts = starts
        return self._starts

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            text = self.text
            self._lines = text.split("\n") if "\r" not in text else _NEWLINE.split(text)
        return self._lines

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """1-based line number holding character offset."""
        return bisect.bisect_right(self.starts, offset)

    def column_of(self, offset: int) -> int:
        return offset - self.starts[self.line_of(offset) - 1] + 1

    def get(self, line: int) -> str:
        """The text of 1-based line ``line`` (empty past the end)."""
        lines = self.lines
        return lines[line - 1] if 0 < line <= len(lines) else ""
