"""Blocks of prose, and where every character of them came from.

Rules run on plain text, but alerts must point at the source a human edits
or opens: a line and column in a Markdown file or in a built HTML page. So
each block keeps a map from its text back to offsets in the source, and the
source knows how offsets become lines and columns.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .sentences import sentence_spans


class SourceText:
    """A source file's text, able to turn a character offset into line and column."""

    def __init__(self, text: str):
        self.text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def offset_of(self, line: int, column0: int) -> int:
        """The offset of a 1-based line and 0-based column (BeautifulSoup's convention)."""
        return self._line_starts[line - 1] + column0

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column, counted in characters as Vale counts runes."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1


class OffsetMap:
    """Maps an index in a block's text to an offset in its source.

    Stored as runs: within a run, consecutive characters come from consecutive
    source offsets. Whitespace collapsing, dropped markup and character
    references each start a new run.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._sources: list[int] = []
        self._length = 0

    def append(self, source_offset: int, length: int, *, contiguous: bool = True) -> None:
        """Record `length` characters starting at `source_offset`.

        `contiguous=False` is for characters that do not come one per source
        character (a character reference), so they never extend a run.
        """
        if length <= 0:
            return
        last = len(self._starts) - 1
        if (
            contiguous
            and last >= 0
            and self._sources[last] + (self._length - self._starts[last]) == source_offset
        ):
            self._length += length  # continues the current run
            return
        self._starts.append(self._length)
        self._sources.append(source_offset)
        self._length += length

    def source_offset(self, index: int) -> int:
        run = max(bisect.bisect_right(self._starts, index) - 1, 0)
        return self._sources[run] + (index - self._starts[run])


@dataclass
class Block:
    """A paragraph, heading, list item or table cell, with its Vale scope.

    `kind` is the scope without the format suffix: `text` for prose,
    `text.heading.h2`, `text.list`, `text.table.cell` and so on.
    """

    text: str
    kind: str
    fmt: str  # the file's format suffix in scope names: md, html, txt
    offsets: OffsetMap = field(repr=False)

    @property
    def scope(self) -> str:
        return f"{self.kind}.{self.fmt}"

    def units(self, want_sentences: bool) -> list[Unit]:
        """What rules run on, in Vale's order: the block's sentences, then the block."""
        units = []
        if want_sentences:
            for start, end in sentence_spans(self.text):
                units.append(Unit(self, self.text[start:end], start, "sentence." + self.scope))
        units.append(Unit(self, self.text, 0, self.scope))
        return units


@dataclass
class Unit:
    """A piece of a block that a rule reads: the whole block or one sentence of it."""

    block: Block
    text: str
    start: int  # where `text` begins within the block's text
    scope: str


class BlockBuilder:
    """Accumulates text for one block, collapsing whitespace as a browser would.

    Collapsing matters because rules match phrases with single spaces
    ("in order to") that Markdown and HTML sources often break across lines.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._offsets = OffsetMap()
        self._pending_space: int | None = None  # source offset of a space not yet written

    def add(self, text: str, source_offset: int) -> None:
        """Append `text`, whose characters come from consecutive source offsets."""
        for piece in re.finditer(r"\s+|\S+", text):
            where = source_offset + piece.start()
            if piece.group().isspace():
                if self._length and self._pending_space is None:
                    self._pending_space = where
                continue
            self._flush_space()
            self._write(piece.group(), where)

    def add_mapped(self, text: str, source_offset: int) -> None:
        """Append text that all maps to one source position (a character reference)."""
        if text.isspace():
            if self._length and self._pending_space is None:
                self._pending_space = source_offset
            return
        self._flush_space()
        for char in text:
            self._parts.append(char)
            self._offsets.append(source_offset, 1, contiguous=False)
            self._length += 1

    def add_break(self, source_offset: int) -> None:
        """A line break or dropped element: a word separator, never glued text."""
        if self._length and self._pending_space is None:
            self._pending_space = source_offset

    def _flush_space(self) -> None:
        if self._pending_space is not None:
            self._write(" ", self._pending_space)
            self._pending_space = None

    def _write(self, text: str, source_offset: int) -> None:
        self._parts.append(text)
        self._offsets.append(source_offset, len(text))
        self._length += len(text)

    def take(self, kind: str, fmt: str) -> Block | None:
        """The finished block (None if it holds no text); the builder starts afresh."""
        text = "".join(self._parts)
        offsets = self._offsets
        self._parts, self._length, self._offsets = [], 0, OffsetMap()
        self._pending_space = None
        if not text.strip():
            return None
        return Block(text, kind, fmt, offsets)
