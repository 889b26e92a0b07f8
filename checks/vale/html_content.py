"""The readable content of a built MkDocs Material page, as blocks of prose.

Only the article (`<article class="md-content__inner md-typeset">`) is read:
navigation, header, footer and the theme's other chrome are the theme's words,
not ours. Inside it, code, keyboard input, scripts, permalink anchors (¶) and
the source-file footer are skipped. Paragraphs, list items, headings and table
cells each become a separate block so that sentence rules see real sentences.

Every character keeps its position in the HTML file so an alert can say
`path/index.html:LINE:COL`. BeautifulSoup gives positions for tags but not for
text, so the text nodes are aligned, in order, with the text between tags in
the raw HTML, and character references (`&amp;`) are mapped one by one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from .blocks import Block, BlockBuilder, SourceText

ARTICLE_SELECTOR = "article.md-content__inner.md-typeset"

# Never prose, wherever they appear.
SKIP_TAGS = frozenset(
    {
        "pre", "script", "style", "nav", "noscript", "template", "svg", "math", "iframe",
        "button", "form", "input", "select", "textarea", "object", "canvas", "audio", "video",
    }
)
# Inline code, and <cite> (the title of someone else's work, which is not ours
# to reword): masked with `*`, as Vale masks code, so the sentence around it
# stays one sentence.
CODE_TAGS = frozenset({"code", "kbd", "tt", "samp", "cite"})
# Theme chrome that Material places inside or next to the article, and
# markup that is not prose (permalinks, footnote markers).
SKIP_CLASSES = frozenset(
    {
        "headerlink", "md-source-file", "md-content__button", "md-feedback", "md-tags",
        "md-clipboard", "md-annotation__index", "md-top", "md-dialog", "md-source",
        "md-social", "md-footer", "md-header", "md-sidebar", "md-search", "md-tabs",
        "md-nav", "md-path", "md-skip", "footnote-ref", "footnote-backref",
    }
)
# Elements that start and end a block of text.
BLOCK_TAGS = frozenset(
    {
        "p", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote",
        "div", "section", "article", "aside", "header", "footer", "main", "details",
        "summary", "figure", "figcaption", "hr", "address", "fieldset", "legend",
    }
) | SKIP_TAGS
# Vale's scopes for the blocks it recognises (internal/lint/ast.go).
TAG_KINDS = {
    "li": "text.list",
    "td": "text.table.cell",
    "th": "text.table.header",
    "caption": "text.table.caption",
    "figcaption": "text.figure.caption",
    "blockquote": "text.blockquote",
    **{f"h{n}": f"text.heading.h{n}" for n in range(1, 7)},
}

_MARKUP = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>"
    r"|</?[A-Za-z][^\s/>]*(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.DOTALL,
)
_RAW_TEXT_START = re.compile(r"<(script|style)\b", re.IGNORECASE)
_CHARREF = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_IGNORED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)

Segment = tuple[str, int, bool]  # text, source offset, True if one source char per text char


def html_blocks(page: str, *, require_article: bool = True) -> list[Block]:
    """The prose blocks of an HTML page's article, in document order.

    Without an article (and with `require_article=False`) the whole body is
    read, which is how stand-alone HTML files are linted.
    """
    source = SourceText(page)
    soup = BeautifulSoup(page, "html.parser")
    root = soup.select_one(ARTICLE_SELECTOR)
    if root is None:
        if require_article:
            return []
        root = soup.body or soup
    start = _tag_offset(source, root)
    positions = _align_strings(page, source, root, start)
    reader = _Reader(positions, source)
    reader.walk(root, "text")
    reader.flush("text")
    return reader.blocks


class _Reader:
    """Walks the article, feeding text into blocks and closing them at block tags."""

    def __init__(self, positions: dict[int, list[Segment]], source: SourceText):
        self.positions = positions
        self.source = source
        self.builder = BlockBuilder()
        self.blocks: list[Block] = []

    def flush(self, kind: str) -> None:
        block = self.builder.take(kind)
        if block:
            self.blocks.append(block)

    def walk(self, node: Tag, kind: str) -> None:
        for child in node.children:
            if isinstance(child, _IGNORED_STRINGS):
                continue
            if isinstance(child, NavigableString):
                self._add_string(child)
                continue
            if not isinstance(child, Tag):
                continue
            if _skipped(child):
                if child.name in CODE_TAGS:
                    self.builder.add_mapped("*", self._offset_of(child))
                elif child.name in BLOCK_TAGS:
                    self.flush(kind)
                continue
            if child.name == "br":
                self.builder.add_break(self._offset_of(child))
            elif child.name in BLOCK_TAGS:
                self.flush(kind)
                inner = TAG_KINDS.get(child.name, kind)
                self.walk(child, inner)
                self.flush(inner)
            else:
                self.walk(child, kind)  # inline markup: its text joins the current block

    def _add_string(self, string: NavigableString) -> None:
        for text, offset, contiguous in self.positions.get(id(string), []):
            if contiguous:
                self.builder.add(text, offset)
            else:
                self.builder.add_mapped(text, offset)

    def _offset_of(self, tag: Tag) -> int:
        return _tag_offset(self.source, tag)


def _skipped(tag: Tag) -> bool:
    if tag.name in SKIP_TAGS or tag.name in CODE_TAGS or tag.has_attr("hidden"):
        return True
    classes = tag.get("class") or []
    return any(c in SKIP_CLASSES for c in classes)


def _tag_offset(source: SourceText, tag: Tag) -> int:
    line = getattr(tag, "sourceline", None)
    column = getattr(tag, "sourcepos", None)
    if line is None or column is None:
        return 0
    return source.offset_of(line, column)  # BeautifulSoup: 1-based line, 0-based column


def _align_strings(page: str, source: SourceText, root: Tag, start: int) -> dict[int, list[Segment]]:
    """Source segments for every text node under `root`, keyed by id().

    Text nodes and the gaps between tags come in the same order, so each node
    is matched with the next gap that decodes to the same text. A node that
    cannot be matched (malformed markup) falls back to its parent's position,
    so an alert is still reported, near the right place.
    """
    gaps = list(_text_gaps(page, start))
    next_gap = 0
    found: dict[int, list[Segment]] = {}
    for node in root.descendants:
        if not isinstance(node, NavigableString) or isinstance(node, _IGNORED_STRINGS):
            continue
        text = str(node)
        segments = None
        # BeautifulSoup shrinks whitespace-only strings to "\n" or " ", so those
        # match any whitespace-only gap, and only the very next one.
        window = 1 if text.isspace() else 64
        for index in range(next_gap, min(next_gap + window, len(gaps))):
            segments = _decode(page, *gaps[index], text)
            if segments is not None:
                next_gap = index + 1
                break
        if segments is None:
            offset = _tag_offset(source, node.parent) if node.parent else start
            segments = [(text, offset, False)]
        found[id(node)] = segments
    return found


def _text_gaps(page: str, start: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of text between markup, from `start` onwards."""
    position = start
    while position < len(page):
        tag = _MARKUP.search(page, position)
        if tag is None:
            yield position, len(page)
            return
        if tag.start() > position:
            yield position, tag.start()
        position = tag.end()
        raw = _RAW_TEXT_START.match(tag.group())
        if raw and not tag.group().endswith("/>"):
            # <script> and <style> hold raw text up to their end tag, '<' and all.
            close = re.compile(rf"</{raw.group(1)}\s*>", re.IGNORECASE).search(page, position)
            end = close.start() if close else len(page)
            if end > position:
                yield position, end
            position = end


def _decode(page: str, start: int, end: int, expected: str) -> list[Segment] | None:
    """Segments for page[start:end] if it decodes to `expected`, else None."""
    raw = page[start:end]
    if expected.isspace():
        return [(raw, start, True)] if raw.isspace() else None
    if "&" not in raw:
        return [(raw, start, True)] if raw == expected else None
    if html.unescape(raw) != expected:
        return None
    segments: list[Segment] = []
    position = 0
    for ref in _CHARREF.finditer(raw):
        decoded = html.unescape(ref.group())
        if decoded == ref.group():
            continue  # not a character reference after all: plain text
        if ref.start() > position:
            segments.append((raw[position:ref.start()], start + position, True))
        segments.append((decoded, start + ref.start(), False))
        position = ref.end()
    if position < len(raw):
        segments.append((raw[position:], start + position, True))
    if "".join(s[0] for s in segments) != expected:
        return [(expected, start, False)]  # unusual references: place it all at the gap
    return segments
