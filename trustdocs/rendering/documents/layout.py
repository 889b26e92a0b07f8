"""What the Markdown subset cannot say about an office document's layout, added to pandoc's DOCX and ODT.

* Table rows never split across pages (a row's text stays together).
* The signature table (the first table after the clause ``{#signatures}``)
  has rows tall enough to sign in, and its section (``{#adoption}``) starts a
  new page, so the signatures stay together; the print stylesheet does the
  same for the PDF.
* The footer shows the document's own title (the reference documents carry a
  placeholder, and a title field that Word and LibreOffice also update).
* Tables in the ODT get a border round every cell and a shaded header row
  (pandoc writes its table cell styles into each document, without borders).

Each change matches pandoc's output exactly and fails loudly if pandoc writes
something else, so a pandoc upgrade cannot silently drop a border or a footer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from trustdocs.rendering.documents.reference import BORDER_COLOUR, FOOTER_PART, HEADER_FILL, TITLE_PLACEHOLDER
from trustdocs.rendering.documents.source import DocumentError

SIGNATURES = "signatures"  # the clause id whose table is the signature block
NEW_PAGE = "adoption"  # the section that starts a new page: the signatures
SIGNATURE_ROW_CM = 1.5  # room to sign: well over twice a line of text, and 12 seats still fit on one page
_TWIPS_PER_CM = 567
Transform = Callable[[dict[str, bytes]], dict[str, bytes]]


def _one(pattern: str, text: str, what: str) -> re.Match[str]:
    match = re.search(pattern, text, re.S)
    if match is None:
        raise DocumentError(f"pandoc's {what} has changed: no match for {pattern!r}")
    return match


def _signature_table(text: str, bookmark: str, table_open: str, table_close: str) -> tuple[int, int] | None:
    """Where the signature table is (start, end), if the document has one: the first table after its bookmark."""
    mark = text.find(bookmark)
    if mark < 0:
        return None
    start = text.find(table_open, mark)
    if start < 0:
        raise DocumentError(f"the clause {{#{SIGNATURES}}} has no table after it")
    return start, text.index(table_close, start) + len(table_close)


# --- DOCX ------------------------------------------------------------------------


def _docx_rows(xml: str, signature_height: int | None) -> str:
    def row(match: re.Match[str]) -> str:
        properties = match.group(1) or ""
        header = "<w:tblHeader" in properties
        extra = "<w:cantSplit />"
        if signature_height and not header:
            extra += f'<w:trHeight w:val="{signature_height}" w:hRule="atLeast" />'
        inner = properties[len("<w:trPr>") : -len("</w:trPr>")] if properties else ""
        return f"<w:tr><w:trPr>{extra}{inner}</w:trPr>"

    return re.sub(r"<w:tr>(<w:trPr>.*?</w:trPr>)?", row, xml)


def docx_layout(title: str) -> Transform:
    """The transform for :func:`normalise_zip`: rows that keep together, room to sign, the title in the footer."""

    def transform(parts: dict[str, bytes]) -> dict[str, bytes]:
        document = parts["word/document.xml"].decode()
        where = _signature_table(document, f'w:name="{SIGNATURES}"', "<w:tbl>", "</w:tbl>")
        if where is None:
            document = _docx_rows(document, None)
        else:
            start, end = where
            height = round(SIGNATURE_ROW_CM * _TWIPS_PER_CM)
            document = (
                _docx_rows(document[:start], None)
                + _docx_rows(document[start:end], height)
                + _docx_rows(document[end:], None)
            )
        mark = document.find(f'w:name="{NEW_PAGE}"')
        if mark >= 0:
            heading = _one(r'<w:pStyle w:val="Heading2" />', document[mark:], "DOCX section heading")
            at = mark + heading.end()
            document = document[:at] + "<w:pageBreakBefore />" + document[at:]
        footer = parts[FOOTER_PART].decode()
        _one(re.escape(TITLE_PLACEHOLDER), footer, "reference footer")
        footer = footer.replace(TITLE_PLACEHOLDER, escape(title, quote=False))
        return {**parts, "word/document.xml": document.encode(), FOOTER_PART: footer.encode()}

    return transform


# --- ODT -------------------------------------------------------------------------

_CELL = (
    f'fo:border="0.75pt solid #{BORDER_COLOUR.lower()}" fo:padding-top="0.1cm" fo:padding-bottom="0.1cm" '
    'fo:padding-left="0.15cm" fo:padding-right="0.15cm"'
)
_ROW_STYLES = (
    '<style:style style:name="TrustDocsRow" style:family="table-row">'
    '<style:table-row-properties fo:keep-together="always" /></style:style>'
    '<style:style style:name="TrustDocsSignatureRow" style:family="table-row">'
    f'<style:table-row-properties style:min-row-height="{SIGNATURE_ROW_CM}cm" fo:keep-together="always" />'
    "</style:style>"
)
_NEW_PAGE_STYLE = (
    '<style:style style:name="TrustDocsNewPage" style:family="paragraph" style:parent-style-name="Heading_20_2">'
    '<style:paragraph-properties fo:break-before="page" /></style:style>'
)


def _odt_rows(xml: str, style: str) -> str:
    return xml.replace("<table:table-row>", f'<table:table-row table:style-name="{style}">')


def odt_layout(title: str) -> Transform:
    """The transform for :func:`normalise_zip`: bordered cells, rows that keep together, room to sign, the title."""

    def transform(parts: dict[str, bytes]) -> dict[str, bytes]:
        content = parts["content.xml"].decode()
        if "<table:table " in content:
            for name, fill in (
                ("TableHeaderRowCell", f' fo:background-color="#{HEADER_FILL.lower()}"'),
                ("TableRowCell", ""),
            ):
                pattern = (
                    rf'<style:style style:name="{name}" style:family="table-cell">\s*'
                    r'<style:table-cell-properties fo:border="none" />'
                )
                match = _one(pattern, content, "ODT table cell style")
                content = content.replace(
                    match[0],
                    f'<style:style style:name="{name}" style:family="table-cell">'
                    f"<style:table-cell-properties {_CELL}{fill} />",
                )
            content = content.replace("</office:automatic-styles>", _ROW_STYLES + "</office:automatic-styles>", 1)
        where = _signature_table(content, f'text:name="{SIGNATURES}"', "<table:table ", "</table:table>")
        if where is None:
            content = _odt_rows(content, "TrustDocsRow")
        else:
            start, end = where
            table = content[start:end]
            header_end = table.find("</table:table-header-rows>")
            head, body = (table[:header_end], table[header_end:]) if header_end >= 0 else ("", table)
            content = (
                _odt_rows(content[:start], "TrustDocsRow")
                + _odt_rows(head, "TrustDocsRow")
                + _odt_rows(body, "TrustDocsSignatureRow")
                + _odt_rows(content[end:], "TrustDocsRow")
            )
        new_page = f'<text:h text:style-name="Heading_20_2" text:outline-level="2"><text:bookmark-start text:name="{NEW_PAGE}" />'
        if new_page in content:
            content = content.replace(new_page, new_page.replace("Heading_20_2", "TrustDocsNewPage"), 1)
            content = content.replace("</office:automatic-styles>", _NEW_PAGE_STYLE + "</office:automatic-styles>", 1)
        styles = parts["styles.xml"].decode()
        _one(re.escape(TITLE_PLACEHOLDER), styles, "reference footer")
        styles = styles.replace(TITLE_PLACEHOLDER, escape(title, quote=False))
        return {**parts, "content.xml": content.encode(), "styles.xml": styles.encode()}

    return transform
