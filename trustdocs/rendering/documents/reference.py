"""Reference documents that give pandoc's DOCX and ODT their styles.

Pandoc copies styles from a reference document. We start from pandoc's own
defaults and change only what accessibility needs, so the documents keep real
Heading 1-3 styles (navigation pane, outline and screen-reader headings work):

* Arial throughout (LibreOffice shows the metric-compatible Liberation Sans);
  sans-serif body text at 12pt is the GOV.UK accessible documents advice;
* near-black headings and a link blue with at least 4.5:1 contrast on white
  (pandoc's default link blue 4F81BD has 3.6:1);
* British English as the document language, so spelling checks and screen
  readers use it.

The XML is patched with exact replacements that fail loudly if pandoc's
defaults change, rather than silently producing an unstyled document.
"""

from __future__ import annotations

import functools
import re
import subprocess

import pypandoc

from trustdocs.rendering.documents.zips import normalise_zip

TEXT_COLOUR = "0B0C0C"  # GOV.UK text colour
LINK_COLOUR = "1D70B8"  # GOV.UK link colour: 5.2:1 on white


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
    return {**parts, "word/theme/theme1.xml": theme.encode(), "word/styles.xml": styles.encode()}


def _odt_parts(parts: dict[str, bytes]) -> dict[str, bytes]:
    styles = parts["styles.xml"].decode()
    styles = _sub(r'style:font-name="(Times New Roman|Tahoma)"', 'style:font-name="Arial"', styles, "ODT styles")
    styles = _sub(r'fo:language="en" fo:country="US"', 'fo:language="en" fo:country="GB"', styles, "ODT styles")
    return {**parts, "styles.xml": styles.encode()}


@functools.cache
def reference_document(fmt: str) -> bytes:
    """The reference DOCX or ODT, built once per process and byte-identical every time."""
    if fmt == "docx":
        return normalise_zip(_default("reference.docx"), _docx_parts)
    if fmt == "odt":
        return normalise_zip(_default("reference.odt"), _odt_parts)
    raise ValueError(f"no reference document for {fmt!r}")
