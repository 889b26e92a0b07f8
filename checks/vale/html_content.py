"""The readable content of a built MkDocs Material page, as blocks of prose.

Only the article (`<article class="md-content__inner md-typeset">`) is read:
navigation, header, footer and the theme's other chrome are the theme's words,
not ours. Inside it, code, keyboard input, scripts, permalink anchors (¶) and
the source-file footer are skipped. Paragraphs, list items, headings and table
cells each become a separate block so that sentence rules see real sentences.

Python's HTMLParser says where each tag, run of text and character reference
(`&amp;`) starts, so every character keeps its position in the HTML file and an
alert can say `path/index.html:LINE:COL`. Elements nest as in BeautifulSoup's
html.parser tree: void elements hold nothing, and an end tag closes the
innermost open element of its name (with any left open inside it).
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from .blocks import Block, BlockBuilder, SourceText

# Never prose, wherever they appear.
SKIP_TAGS = frozenset(
    "head pre script style nav noscript template svg math iframe button form input select textarea object "
    "canvas audio video".split()
)
# Inline code, and <cite> (the title of someone else's work, which is not ours
# to reword): masked with `*`, as Vale masks code, so the sentence around it
# stays one sentence.
CODE_TAGS = frozenset({"code", "kbd", "tt", "samp", "cite"})
# Theme chrome that Material places inside or next to the article, and
# markup that is not prose (permalinks, footnote markers).
SKIP_CLASSES = frozenset(
    "headerlink md-source-file md-content__button md-feedback md-tags md-clipboard md-annotation__index "
    "md-top md-dialog md-source md-social md-footer md-header md-sidebar md-search md-tabs md-nav md-path "
    "md-skip footnote-ref footnote-backref".split()
)
# Elements that start and end a block of text.
BLOCK_TAGS = SKIP_TAGS | frozenset(
    "p li ul ol dl dt dd h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr td th caption blockquote div section "
    "article aside header footer main details summary figure figcaption hr address fieldset legend".split()
)
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
# Elements without content or end tag (BeautifulSoup's list, as the gate read pages with it before).
VOID_TAGS = frozenset(
    "area base basefont bgsound br col command embed frame hr image img input isindex keygen link menuitem "
    "meta nextid param source spacer track wbr".split()
)


def html_blocks(page: str, *, require_article: bool = True) -> list[Block]:
    """The prose blocks of an HTML page's article, in document order.

    Without an article (and with `require_article=False`) the whole page but
    its <head> is read, which is how stand-alone HTML files are linted.
    """
    reader = _Reader(page, None if require_article else "text")
    reader.feed(page)
    reader.close()
    while reader.open:  # elements still open at the end close there
        reader.handle_endtag(reader.open[0][0])
    reader.flush("text")
    return reader.blocks


class _Reader(HTMLParser):
    """Feeds the article's text into blocks, closing them at block tags."""

    def __init__(self, page: str, top_kind: str | None):
        super().__init__(convert_charrefs=False)
        self.source = SourceText(page)
        self.builder = BlockBuilder()
        self.blocks: list[Block] = []
        self.top_kind = top_kind  # "text" to read the whole page until an article appears, None to wait for it
        self.article: int | None = None  # the article's depth in `open`, once it has begun
        self.done = False  # the article has ended
        # Open elements: (tag, kind of block their text joins or None if not read, kind to flush at their end)
        self.open: list[tuple[str, str | None, str | None]] = []

    def flush(self, kind: str) -> None:
        block = self.builder.take(kind)
        if block:
            self.blocks.append(block)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = self._kind()
        offset = self._offset()
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        inner, closing = kind, None
        if self.article is None and tag == "article" and {"md-content__inner", "md-typeset"} <= set(classes):
            self.article = len(self.open)
            self.builder, self.blocks = BlockBuilder(), []  # a page with an article: only the article is read
            inner = closing = "text"
        elif kind is None:
            pass
        elif tag in SKIP_TAGS or tag in CODE_TAGS or "hidden" in attributes or SKIP_CLASSES.intersection(classes):
            if tag in CODE_TAGS:
                self.builder.add_mapped("*", offset)
            elif tag in BLOCK_TAGS:
                self.flush(kind)
            inner = None
        elif tag == "br":
            self.builder.add_break(offset)
        elif tag in BLOCK_TAGS:
            self.flush(kind)
            inner = closing = TAG_KINDS.get(tag, kind)
        if tag not in VOID_TAGS:
            self.open.append((tag, inner, closing))

    def handle_endtag(self, tag: str) -> None:
        if all(name != tag for name, _, _ in self.open):
            return  # a stray end tag closes nothing
        while True:
            name, _, closing = self.open.pop()
            if closing:
                self.flush(closing)
            self.done = self.done or len(self.open) == self.article
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        if self._kind() is not None:
            self.builder.add(data, self._offset())

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _reference(self, raw: str) -> None:
        if self._kind() is None:
            return
        start = self._offset()
        if self.source.text.startswith(";", start + len(raw)):
            raw += ";"
        decoded = html.unescape(raw)
        if decoded == raw:
            self.builder.add(raw, start)  # not a character reference after all: plain text
        else:
            self.builder.add_mapped(decoded, start)

    def _kind(self) -> str | None:
        if self.done:
            return None
        return self.open[-1][1] if self.open else self.top_kind

    def _offset(self) -> int:
        return self.source.offset_of(*self.getpos())
