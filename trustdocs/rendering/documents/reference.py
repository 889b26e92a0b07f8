"""Reference documents that give pandoc's DOCX and ODT their styles, page and footer.

Pandoc copies styles, the page set-up and the footer from a reference
document. We start from pandoc's own defaults and change what an office
document a council adopts needs, keeping real Heading 1-4 styles (navigation
pane, outline and screen-reader headings work):

* Arial throughout (LibreOffice shows the metric-compatible Liberation Sans);
  sans-serif body text at 12pt is the GOV.UK accessible documents advice;
* near-black text and a link blue with at least 4.5:1 contrast on white
  (pandoc's default link blue 4F81BD has 3.6:1);
* British English as the document language, so spelling checks and screen
  readers use it;
* a heading for each level that looks different from the next: the title
  22pt, a section 16pt bold with a rule under it, a clause 13pt bold, a
  sub-clause 12pt bold italic;
* tables with a border round every cell and a shaded header row;
* A4 pages with 2 cm margins and a footer giving the document's title and
  "Page X of Y".

Each changed style is replaced whole, and each replacement fails loudly if
pandoc's defaults change, rather than silently producing an unstyled document.
"""

from __future__ import annotations

import functools
import re
import subprocess

import pypandoc

from trustdocs.rendering.documents.zips import normalise_zip

TEXT_COLOUR = "0B0C0C"  # GOV.UK text colour
LINK_COLOUR = "1D70B8"  # GOV.UK link colour: 5.2:1 on white
BORDER_COLOUR = "505A5F"  # GOV.UK secondary text colour: 7:1 on white, so borders show on any screen or print
HEADER_FILL = "F3F2F1"  # GOV.UK light grey: the header row's shading
TITLE_PLACEHOLDER = "Document title"  # the footer's title until a document's own is put in (convert.py)

# A4 with 2 cm margins, in twentieths of a point (DOCX) and in centimetres (ODT).
_A4_TWIPS = (11906, 16838)
_MARGIN_TWIPS = 1134
_TEXT_WIDTH_TWIPS = _A4_TWIPS[0] - 2 * _MARGIN_TWIPS

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FOOTER_PART = "word/footer1.xml"
FOOTER_REL_ID = "rIdTrustDocsFooter"


class ReferenceDocumentError(RuntimeError):
    """Pandoc's default reference document no longer looks as expected."""


def _default(name: str) -> bytes:
    return subprocess.run(
        [pypandoc.get_pandoc_path(), "--print-default-data-file", name], capture_output=True, check=True
    ).stdout


def _sub(pattern: str, replacement: str, text: str, where: str, count: int = 0) -> str:
    new, n = re.subn(pattern, replacement, text, count=count)
    if n == 0:
        raise ReferenceDocumentError(f"pandoc's default {where} has changed: no match for {pattern!r}")
    return new


def _replace(text: str, pattern: str, replacement: str, where: str) -> str:
    """Replace exactly one match of ``pattern`` (a whole element) with ``replacement``, taken literally."""
    matches = list(re.finditer(pattern, text, re.S))
    if len(matches) != 1:
        raise ReferenceDocumentError(f"pandoc's default {where} has changed: {len(matches)} matches for {pattern!r}")
    return text[: matches[0].start()] + replacement + text[matches[0].end() :]


# --- DOCX ----------------------------------------------------------------------


def _docx_style(style_id: str) -> str:
    return rf'<w:style w:type="\w+"(?: w:default="1")?(?: w:customStyle="1")? w:styleId="{style_id}">.*?</w:style>'


def _heading_style(level: int, size_half_points: int, before: int, after: int, extra_ppr: str, extra_rpr: str) -> str:
    return (
        f'<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}" />'
        '<w:basedOn w:val="Normal" /><w:next w:val="BodyText" /><w:uiPriority w:val="9" /><w:qFormat />'
        f'<w:pPr><w:keepNext /><w:keepLines /><w:spacing w:before="{before}" w:after="{after}" />{extra_ppr}'
        f'<w:outlineLvl w:val="{level - 1}" /></w:pPr>'
        '<w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" w:hAnsiTheme="majorHAnsi" '
        f'w:cstheme="majorBidi" /><w:b /><w:bCs />{extra_rpr}<w:color w:val="{TEXT_COLOUR}" />'
        f'<w:sz w:val="{size_half_points}" /><w:szCs w:val="{size_half_points}" /></w:rPr></w:style>'
    )


_DOCX_STYLES = {
    "Title": (
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title" /><w:basedOn w:val="Normal" />'
        '<w:next w:val="BodyText" /><w:uiPriority w:val="10" /><w:qFormat />'
        '<w:pPr><w:keepNext /><w:spacing w:before="0" w:after="240" w:line="240" w:lineRule="auto" /></w:pPr>'
        '<w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" w:hAnsiTheme="majorHAnsi" '
        f'w:cstheme="majorBidi" /><w:b /><w:bCs /><w:color w:val="{TEXT_COLOUR}" />'
        '<w:sz w:val="44" /><w:szCs w:val="44" /></w:rPr></w:style>'
    ),
    "Heading1": _heading_style(1, 36, 480, 120, "", ""),
    # A section: 16pt bold with a rule under it.
    "Heading2": _heading_style(
        2,
        32,
        440,
        160,
        f'<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="{TEXT_COLOUR}" /></w:pBdr>',
        "",
    ),
    # A clause: 13pt bold.
    "Heading3": _heading_style(3, 26, 280, 80, "", ""),
    # A sub-clause: 12pt bold italic.
    "Heading4": _heading_style(4, 24, 200, 60, "", "<w:i /><w:iCs />"),
    # Every table: a border round each cell, a shaded bold header row, cells padded.
    "Table": (
        '<w:style w:type="table" w:default="1" w:styleId="Table"><w:name w:val="Table" />'
        '<w:basedOn w:val="TableNormal" /><w:qFormat />'
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa" /><w:tblBorders>'
        + "".join(
            f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="{BORDER_COLOUR}" />'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + '</w:tblBorders><w:tblCellMar><w:top w:w="57" w:type="dxa" /><w:left w:w="108" w:type="dxa" />'
        '<w:bottom w:w="57" w:type="dxa" /><w:right w:w="108" w:type="dxa" /></w:tblCellMar></w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b /><w:bCs /></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}" /></w:tcPr></w:tblStylePr></w:style>'
    ),
    "Footer": (
        '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer" /><w:basedOn w:val="Normal" />'
        f'<w:pPr><w:tabs><w:tab w:val="right" w:pos="{_TEXT_WIDTH_TWIPS}" /></w:tabs>'
        '<w:spacing w:before="0" w:after="0" /></w:pPr>'
        f'<w:rPr><w:color w:val="{TEXT_COLOUR}" /><w:sz w:val="20" /><w:szCs w:val="20" /></w:rPr></w:style>'
    ),
}


def _field(instruction: str, shown: str) -> str:
    """A Word field (PAGE, NUMPAGES, TITLE) with the text shown until it is updated."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin" /></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate" /></w:r>'
        f'<w:r><w:t xml:space="preserve">{shown}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end" /></w:r>'
    )


DOCX_FOOTER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="Footer" /></w:pPr>'
    + _field("TITLE", TITLE_PLACEHOLDER)
    + '<w:r><w:tab /><w:t xml:space="preserve">Page </w:t></w:r>'
    + _field("PAGE", "1")
    + '<w:r><w:t xml:space="preserve"> of </w:t></w:r>'
    + _field("NUMPAGES", "1")
    + "</w:p></w:ftr>"
)

_DOCX_SECTION = (
    f'<w:sectPr><w:footerReference w:type="default" r:id="{FOOTER_REL_ID}" />'
    f'<w:pgSz w:w="{_A4_TWIPS[0]}" w:h="{_A4_TWIPS[1]}" />'
    f'<w:pgMar w:top="{_MARGIN_TWIPS}" w:right="{_MARGIN_TWIPS}" w:bottom="{_MARGIN_TWIPS}" '
    f'w:left="{_MARGIN_TWIPS}" w:header="567" w:footer="567" w:gutter="0" /></w:sectPr>'
)


def _docx_parts(parts: dict[str, bytes]) -> dict[str, bytes]:
    theme = parts["word/theme/theme1.xml"].decode()
    # Theme fonts drive every style: make both major (headings) and minor (body) Arial.
    theme = _sub(r'(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*"', r'\1Arial"', theme, "DOCX theme")
    styles = parts["word/styles.xml"].decode()
    styles = _sub(r'<w:lang w:val="en-US"', '<w:lang w:val="en-GB"', styles, "DOCX styles")
    styles = _sub(
        r'<w:color w:val="[0-9A-F]{6}"(\s+w:theme\w+="[^"]*")*\s*/>',
        f'<w:color w:val="{TEXT_COLOUR}" />',
        styles,
        "DOCX styles",
    )
    hyperlink = re.search(r'<w:style w:type="character" w:styleId="Hyperlink">.*?</w:style>', styles, re.S)
    if hyperlink is None:
        raise ReferenceDocumentError("pandoc's default DOCX styles have no Hyperlink style")
    styles = styles.replace(hyperlink[0], hyperlink[0].replace(TEXT_COLOUR, LINK_COLOUR))
    for style_id, replacement in _DOCX_STYLES.items():
        if style_id == "Footer":  # pandoc's defaults have none: added
            styles = _sub(r"</w:styles>", replacement + "</w:styles>", styles, "DOCX styles", count=1)
        else:
            styles = _replace(styles, _docx_style(style_id), replacement, "DOCX styles")
    document = _replace(parts["word/document.xml"].decode(), r"<w:sectPr>.*?</w:sectPr>", _DOCX_SECTION, "DOCX body")
    rels = _sub(
        r"</Relationships>",
        f'<Relationship Type="{R_NS}/footer" Id="{FOOTER_REL_ID}" Target="footer1.xml" /></Relationships>',
        parts["word/_rels/document.xml.rels"].decode(),
        "DOCX relationships",
        count=1,
    )
    types = _sub(
        r"</Types>",
        '<Override PartName="/word/footer1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" /></Types>',
        parts["[Content_Types].xml"].decode(),
        "DOCX content types",
        count=1,
    )
    return {
        **parts,
        "word/theme/theme1.xml": theme.encode(),
        "word/styles.xml": styles.encode(),
        "word/document.xml": document.encode(),
        "word/_rels/document.xml.rels": rels.encode(),
        "[Content_Types].xml": types.encode(),
        FOOTER_PART: DOCX_FOOTER.encode(),
    }


# --- ODT -----------------------------------------------------------------------


def _odt_style(name: str) -> str:
    return rf'<style:style style:name="{name}"[^>]*?(?:/>|>.*?</style:style>)'


def _odt_heading(level: int, size: str, before: str, after: str, paragraph: str = "", text: str = "") -> str:
    return (
        f'<style:style style:name="Heading_20_{level}" style:display-name="Heading {level}" '
        'style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" '
        f'style:default-outline-level="{level}" style:class="text">'
        f'<style:paragraph-properties fo:margin-top="{before}" fo:margin-bottom="{after}" '
        f'fo:keep-with-next="always"{paragraph} />'
        f'<style:text-properties fo:color="#{TEXT_COLOUR.lower()}" fo:font-size="{size}" fo:font-weight="bold" '
        f'style:font-size-asian="{size}" style:font-weight-asian="bold" style:font-size-complex="{size}" '
        f'style:font-weight-complex="bold"{text} /></style:style>'
    )


_ODT_STYLES = {
    "Heading_20_1": _odt_heading(1, "18pt", "0.5cm", "0.2cm"),
    "Heading_20_2": _odt_heading(
        2,
        "16pt",
        "0.75cm",
        "0.25cm",
        paragraph=f' fo:border-bottom="1.5pt solid #{TEXT_COLOUR.lower()}" fo:padding-bottom="0.1cm"',
    ),
    "Heading_20_3": _odt_heading(3, "13pt", "0.45cm", "0.12cm"),
    "Heading_20_4": _odt_heading(
        4, "12pt", "0.35cm", "0.1cm", text=' fo:font-style="italic" style:font-style-asian="italic"'
    ),
    "Table_20_Heading": (
        '<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" '
        'style:parent-style-name="Table_20_Contents" style:class="extra">'
        '<style:paragraph-properties fo:text-align="start" style:justify-single-word="false" />'
        '<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" '
        'style:font-weight-complex="bold" /></style:style>'
    ),
    "Internet_20_link": (
        '<style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text">'
        f'<style:text-properties fo:color="#{LINK_COLOUR.lower()}" style:text-underline-style="solid" '
        'style:text-underline-width="auto" style:text-underline-color="font-color" /></style:style>'
    ),
}
# Pandoc's defaults have no Title style (LibreOffice would centre it in its own): ours is left-aligned and bold.
_ODT_TITLE = (
    '<style:style style:name="Title" style:display-name="Title" style:family="paragraph" '
    'style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:class="chapter">'
    '<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.4cm" fo:text-align="start" />'
    f'<style:text-properties fo:color="#{TEXT_COLOUR.lower()}" fo:font-size="22pt" fo:font-weight="bold" '
    'style:font-size-asian="22pt" style:font-weight-asian="bold" style:font-size-complex="22pt" '
    'style:font-weight-complex="bold" /></style:style>'
)
_ODT_PAGE = (
    '<style:style style:name="MP1" style:family="paragraph" style:parent-style-name="Footer">'
    '<style:paragraph-properties><style:tab-stops><style:tab-stop style:position="17cm" style:type="right" />'
    "</style:tab-stops></style:paragraph-properties>"
    f'<style:text-properties fo:color="#{TEXT_COLOUR.lower()}" fo:font-size="10pt" /></style:style>'
    '<style:page-layout style:name="Mpm1"><style:page-layout-properties fo:page-width="21cm" '
    'fo:page-height="29.7cm" style:num-format="1" style:print-orientation="portrait" fo:margin-top="2cm" '
    'fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm" style:writing-mode="lr-tb" />'
    '<style:header-style /><style:footer-style><style:header-footer-properties fo:min-height="0.5cm" '
    'fo:margin-left="0cm" fo:margin-right="0cm" fo:margin-top="0.4cm" style:dynamic-spacing="false" />'
    "</style:footer-style></style:page-layout>"
)
ODT_FOOTER = (
    f'<style:footer><text:p text:style-name="MP1"><text:title>{TITLE_PLACEHOLDER}</text:title>'
    '<text:tab />Page <text:page-number text:select-page="current">1</text:page-number> of '
    "<text:page-count>1</text:page-count></text:p></style:footer>"
)


def _odt_parts(parts: dict[str, bytes]) -> dict[str, bytes]:
    styles = parts["styles.xml"].decode()
    styles = _sub(r'style:font-name="(Times New Roman|Tahoma)"', 'style:font-name="Arial"', styles, "ODT styles")
    styles = _sub(r'fo:language="en" fo:country="US"', 'fo:language="en" fo:country="GB"', styles, "ODT styles")
    for name, replacement in _ODT_STYLES.items():
        styles = _replace(styles, _odt_style(name), replacement, "ODT styles")
    styles = _sub(r"</office:styles>", _ODT_TITLE + "</office:styles>", styles, "ODT styles", count=1)
    automatic = r"<office:automatic-styles>.*?</office:automatic-styles>"
    styles = _replace(styles, automatic, f"<office:automatic-styles>{_ODT_PAGE}</office:automatic-styles>", "ODT")
    styles = _replace(styles, r"<style:footer>.*?</style:footer>", ODT_FOOTER, "ODT master page")
    return {**parts, "styles.xml": styles.encode()}


@functools.cache
def reference_document(fmt: str) -> bytes:
    """The reference DOCX or ODT, built once per process and byte-identical every time."""
    if fmt == "docx":
        return normalise_zip(_default("reference.docx"), _docx_parts)
    if fmt == "odt":
        return normalise_zip(_default("reference.odt"), _odt_parts)
    raise ValueError(f"no reference document for {fmt!r}")
