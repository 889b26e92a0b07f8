"""Blocks of prose, where every character of them came from, and their sentences.

Rules run on plain text, but alerts must point at the source a human edits
or opens: a line and column in a Markdown file or in a built HTML page. So
each block keeps the source offset of every character of its text, and the
source knows how offsets become lines and columns. html_content.py reads
built pages into blocks; this module reads Markdown, and splits blocks into
sentences for rules with `scope: sentence`.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field


class SourceText:
    """A source file's text, able to turn a character offset into line and column."""

    def __init__(self, text: str):
        self.text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def offset_of(self, line: int, column0: int) -> int:
        """The offset of a 1-based line and 0-based column, as HTMLParser.getpos() gives them."""
        return self._line_starts[line - 1] + column0

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column, counted in characters as Vale counts runes."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1


@dataclass
class Block:
    """A paragraph, heading, list item or table cell, and where its text came from.

    `kind` is its place in Vale's scope names: `text` for prose,
    `text.heading.h2`, `text.list`, `text.table.cell` and so on. `offsets`
    holds the source offset of each character of `text`.
    """

    text: str
    kind: str
    offsets: array = field(repr=False)

    def source_offset(self, index: int) -> int:
        """Where character `index` came from (for `len(text)`, just after the last one)."""
        return self.offsets[index] if index < len(self.offsets) else self.offsets[-1] + 1


class BlockBuilder:
    """Accumulates text for one block, collapsing whitespace as a browser would.

    Collapsing matters because rules match phrases with single spaces
    ("in order to") that Markdown and HTML sources often break across lines.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._offsets = array("l")
        self._space: int | None = None  # source offset of a space not yet written

    def add(self, text: str, source_offset: int) -> None:
        """Append `text`, whose characters come from consecutive source offsets."""
        for piece in re.finditer(r"\s+|\S+", text):
            where = source_offset + piece.start()
            if piece.group().isspace():
                self.add_break(where)
            else:
                self._write(piece.group(), range(where, where + len(piece.group())))

    def add_mapped(self, text: str, source_offset: int) -> None:
        """Append text that all comes from one source position (a character reference, or `*` for code)."""
        if text.isspace():
            self.add_break(source_offset)
        else:
            self._write(text, [source_offset] * len(text))

    def add_break(self, source_offset: int) -> None:
        """Whitespace, a line break or a dropped element: a word separator, never glued text."""
        if self._parts and self._space is None:
            self._space = source_offset

    def _write(self, text: str, offsets) -> None:
        if self._space is not None:
            self._parts.append(" ")
            self._offsets.append(self._space)
            self._space = None
        self._parts.append(text)
        self._offsets.extend(offsets)

    def take(self, kind: str) -> Block | None:
        """The finished block (None if it holds no text); the builder starts afresh."""
        text, offsets = "".join(self._parts), self._offsets
        self.__init__()
        return Block(text, kind, offsets) if text.strip() else None


# --- sentences ----------------------------------------------------------------
# Vale uses a Punkt-style tokenizer. This smaller rule-based splitter agrees
# with it on ordinary guidance prose: a sentence ends at `.`, `!` or `?` (and
# any closing quotes or brackets) followed by space and a capital letter, digit
# or opening quote - unless the full stop ends a known abbreviation or an
# initial, as in "Mr Smith", "para. 3" or "J. Smith".

_SENTENCE_END = re.compile(r"[.!?]+[\"'’”)\]]*(?=\s+[\"'‘“(\[]*[A-Z0-9£])")
_LAST_WORD = re.compile(r"(\S+)$")
# Abbreviations that take a full stop in ordinary text and rarely end a
# sentence. Latin abbreviations are here so that they are flagged by their own
# rule instead of also breaking sentence counts.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st no nos para paras s ss sch reg regs art arts cl
    cf vs v co ltd inc approx fig figs vol ch pp p e.g i.e eg ie viz al
    """.split()
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, trimmed of surrounding space."""
    spans, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        if not _ends_abbreviation(text, end.start(), end.group()):
            spans.append((start, end.end()))
            start = end.end()
    spans.append((start, len(text)))
    trimmed = []
    for start, end in spans:
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            trimmed.append((start + lead, start + lead + len(piece.strip())))
    return trimmed


def _ends_abbreviation(text: str, punct_start: int, punct: str) -> bool:
    if not punct.startswith(".") or punct.startswith(".."):
        return False
    word = _LAST_WORD.search(text, 0, punct_start)
    if not word:
        return False
    token = word.group(1).lstrip("(\"'‘“[").lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())  # an initial, as in "J. Smith"


# --- Markdown -----------------------------------------------------------------
# Vale lints Markdown by rendering it and reading the blocks back. This reader
# does the same job directly, keeping exact source positions, for the subset of
# Markdown our fixtures and notes use: ATX headings, paragraphs, list items,
# block quotes, pipe tables, fenced code (skipped), front matter (skipped), and
# inline code, links, images, emphasis, raw HTML and macros (markup dropped,
# link text kept). It is not a full CommonMark parser; the gate itself lints
# the built HTML, where html_content.py reads the real rendering.

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_TABLE_ROW = re.compile(r"^\s*\|")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_SKIPPED_LINE = re.compile(
    r"^\s*(?:\*\[[^\]]+\]:|\[[^\]]+\]:\s|<!--.*-->\s*$|!!!|\?\?\?)"  # abbr/link defs, comments, admonition markers
)
_INLINE = re.compile(
    r"(?P<code>(`+)(?P<code_body>.+?)(?<!`)\2(?!`))"
    r"|(?P<image>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<link>\[(?P<link_text>[^\]]+)\](?:\([^)]*\)|\[[^\]]*\]))"
    r"|(?P<autolink><(?:https?://|mailto:)[^>]+>)"
    r"|(?P<html></?[A-Za-z][^>]*>|<!--.*?-->)"
    r"|(?P<macro>\{\{.*?\}\}|\{%.*?%\})"
    r"|(?P<escape>\\(?P<escaped>[\\`*_{}\[\]()#+\-.!|>~]))"
    r"|(?P<emphasis>(?<![\w\\])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?!\w))"
)


def markdown_blocks(source: str) -> list[Block]:
    """The prose blocks of a Markdown document, in document order."""
    blocks: list[Block] = []
    kind, lines = "", []  # the block being read, and its (text, source offset) lines
    fence: str | None = None
    table_body = None  # None outside a table; False for its header rows, True after the |---| rule
    in_front_matter = source.startswith("---\n")
    offset = 0

    def finish() -> None:
        nonlocal kind, lines
        if lines and (block := _build(lines, kind)):
            blocks.append(block)
        kind, lines = "", []

    for number, line in enumerate(source.splitlines(keepends=True)):
        start, offset = offset, offset + len(line)
        line = line.rstrip("\r\n")
        if in_front_matter:
            in_front_matter = number == 0 or line.strip() not in ("---", "...")
            continue
        if fence:
            fence = None if line.strip().startswith(fence) else fence
            continue
        if not _TABLE_ROW.match(line):
            table_body = None
        if match := _FENCE.match(line):
            finish()
            fence = match.group(1)
        elif not line.strip() or _RULE.match(line) or _SKIPPED_LINE.match(line):
            finish()
        elif match := _HEADING.match(line):
            finish()
            kind, lines = f"text.heading.h{len(match.group(1))}", [(match.group(2), start + match.start(2))]
            finish()
        elif _TABLE_ROW.match(line):
            finish()
            if _TABLE_RULE.match(line):
                table_body = True
            else:
                blocks.extend(_table_cells(line, start, header=not table_body))
                table_body = bool(table_body)
        elif match := _QUOTE.match(line):
            if kind != "text.blockquote":
                finish()
                kind = "text.blockquote"
            lines.append((line[match.end() :], start + match.end()))
        elif match := _LIST_ITEM.match(line):
            finish()
            kind, lines = "text.list", [(line[match.end() :], start + match.end())]
        else:
            if not lines:
                kind = "text"
            indent = len(line) - len(line.lstrip())
            lines.append((line[indent:], start + indent))
    finish()
    return blocks


def _table_cells(line: str, start: int, header: bool) -> list[Block]:
    cells = []
    position = line.index("|") + 1
    for piece in re.split(r"(?<!\\)\|", line[position:]):
        lead = len(piece) - len(piece.lstrip())
        kind = "text.table.header" if header else "text.table.cell"
        if piece.strip() and (block := _build([(piece.strip(), start + position + lead)], kind)):
            cells.append(block)
        position += len(piece) + 1
    return cells


def _build(lines: list[tuple[str, int]], kind: str) -> Block | None:
    builder = BlockBuilder()
    for text, offset in lines:
        _add_inline(builder, text, offset)
        builder.add_break(offset + len(text))  # a soft line break reads as a space
    return builder.take(kind)


def _add_inline(builder: BlockBuilder, text: str, offset: int) -> None:
    """Add one line of Markdown, dropping inline markup but keeping positions."""
    position = 0
    for token in _INLINE.finditer(text):
        builder.add(text[position : token.start()], offset + position)
        position = token.end()
        kind = token.lastgroup
        if kind == "code":
            # Vale masks code with asterisks so the sentence around it survives.
            builder.add_mapped("*", offset + token.start())
        elif kind == "link":
            _add_inline(builder, token.group("link_text"), offset + token.start("link_text"))
        elif kind == "escape":
            builder.add(token.group("escaped"), offset + token.start("escaped"))
        elif kind in ("image", "autolink", "html", "macro"):
            builder.add_break(offset + token.start())
        # emphasis markers are simply dropped
    builder.add(text[position:], offset + position)
