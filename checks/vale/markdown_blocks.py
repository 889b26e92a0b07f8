"""Markdown source to blocks, keeping exact source positions.

Vale lints Markdown by rendering it and reading the blocks back. This module
does the same job directly for the subset of Markdown our fixtures and notes
use: ATX headings, paragraphs, list items, block quotes, pipe tables, fenced
code (skipped), front matter (skipped), and inline code, links, images,
emphasis, raw HTML and macros (markup dropped, link text kept). It is not a
full CommonMark parser; the gate itself lints the built HTML, where
html_content.py reads the real rendering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import Block, BlockBuilder

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


@dataclass
class _Pending:
    """Lines gathered for the block being read: (text, source offset) pairs."""

    kind: str = ""
    lines: list[tuple[str, int]] = field(default_factory=list)


def markdown_blocks(source: str, fmt: str = "md") -> list[Block]:
    """The prose blocks of a Markdown document, in document order."""
    blocks: list[Block] = []
    pending = _Pending()
    fence: str | None = None
    table_body = None  # None outside a table; False for its header rows, True after the |---| rule
    in_front_matter = source.startswith("---\n")
    offset = 0

    def finish() -> None:
        if pending.lines:
            block = _build(pending.lines, pending.kind, fmt)
            if block:
                blocks.append(block)
        pending.kind, pending.lines = "", []

    for number, line in enumerate(source.splitlines(keepends=True)):
        start, offset = offset, offset + len(line)
        line = line.rstrip("\r\n")
        if in_front_matter:
            if number > 0 and line.strip() in ("---", "..."):
                in_front_matter = False
            continue
        if fence:
            if line.strip().startswith(fence):
                fence = None
            continue
        if not _TABLE_ROW.match(line):
            table_body = None
        if match := _FENCE.match(line):
            finish()
            fence = match.group(1)
            continue
        if not line.strip() or _RULE.match(line) or _SKIPPED_LINE.match(line):
            finish()
            continue
        if match := _HEADING.match(line):
            finish()
            pending.kind = f"text.heading.h{len(match.group(1))}"
            pending.lines.append((match.group(2), start + match.start(2)))
            finish()
            continue
        if _TABLE_ROW.match(line):
            finish()
            if _TABLE_RULE.match(line):
                table_body = True
            else:
                blocks.extend(_table_cells(line, start, fmt, header=not table_body))
                table_body = bool(table_body)
            continue
        if match := _QUOTE.match(line):
            if pending.kind != "text.blockquote":
                finish()
                pending.kind = "text.blockquote"
            pending.lines.append((line[match.end():], start + match.end()))
            continue
        if match := _LIST_ITEM.match(line):
            finish()
            pending.kind = "text.list"
            pending.lines.append((line[match.end():], start + match.end()))
            continue
        if not pending.lines:
            pending.kind = "text"
        indent = len(line) - len(line.lstrip())
        pending.lines.append((line[indent:], start + indent))
    finish()
    return blocks


def _table_cells(line: str, start: int, fmt: str, header: bool) -> list[Block]:
    cells = []
    position = line.index("|") + 1
    for piece in re.split(r"(?<!\\)\|", line[position:]):
        if piece.strip():
            kind = "text.table.header" if header else "text.table.cell"
            lead = len(piece) - len(piece.lstrip())
            block = _build([(piece.strip(), start + position + lead)], kind, fmt)
            if block:
                cells.append(block)
        position += len(piece) + 1
    return cells


def _build(lines: list[tuple[str, int]], kind: str, fmt: str) -> Block | None:
    builder = BlockBuilder()
    for text, offset in lines:
        _add_inline(builder, text, offset)
        builder.add_break(offset + len(text))  # a soft line break reads as a space
    return builder.take(kind, fmt)


def _add_inline(builder: BlockBuilder, text: str, offset: int) -> None:
    """Add one line of Markdown, dropping inline markup but keeping positions."""
    position = 0
    for token in _INLINE.finditer(text):
        builder.add(text[position:token.start()], offset + position)
        position = token.end()
        kind = token.lastgroup
        if kind == "code":
            # Vale masks code with asterisks so the sentence around it survives.
            builder.add_mapped("*", offset + token.start())
        elif kind == "link":
            inner = token.start("link_text")
            _add_inline(builder, token.group("link_text"), offset + inner)
        elif kind == "escape":
            builder.add(token.group("escaped"), offset + token.start("escaped"))
        elif kind in ("image", "autolink", "html", "macro"):
            builder.add_break(offset + token.start())
        # emphasis markers are simply dropped
    builder.add(text[position:], offset + position)
