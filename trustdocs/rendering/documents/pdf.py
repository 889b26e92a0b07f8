"""HTML to PDF/UA-1 with WeasyPrint, fetching nothing but our own assets.

The URL fetcher is the guard: a ``file:`` URL inside ``assets/`` is read; any
other URL (http, https, data, a file elsewhere, a path that climbs out with
``..`` or a symlink) stops the render with an error, rather than WeasyPrint's
default of skipping it with a warning.

The print stylesheet (``assets/print.css``) is applied to every page. It is
parsed, and its bundled faces registered with fontconfig and Pango, once per
process (:func:`_set_up`), not once per document: a worker that renders many
documents pays for it once. The pages the documents make carry no stylesheet
of their own, so that shared set-up holds only the bundled faces, and a
document's bytes do not depend on what the process rendered before.
"""

from __future__ import annotations

import functools
import logging
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from trustdocs.core import fonts
from trustdocs.rendering.documents.source import ASSETS, DocumentError

logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


class AssetsOnlyFetcher(URLFetcher):
    """Serves files from one folder; refuses every other URL."""

    def __init__(self, root: Path = ASSETS) -> None:
        super().__init__(allowed_protocols=("file",))
        self.root = root.resolve()

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:  # noqa: ANN001 - WeasyPrint's signature
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise FatalURLFetchingError(f"PDF rendering fetches only the project's own assets, not {url}")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise FatalURLFetchingError(f"PDF rendering fetches only files in {self.root}, not {url}")
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": _content_type(path)})


def _content_type(path: Path) -> str:
    return {".css": "text/css", ".ttf": "font/ttf", ".woff2": "font/woff2", ".png": "image/png"}.get(
        path.suffix, "application/octet-stream"
    )


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _page_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    parser.close()
    return "".join(parser.parts)


def check_printable(page: str, name: str) -> None:
    """Refuse a page with a character the bundled fonts cannot draw: Pango would take it from a machine font.

    The loader already rejects such characters in the data, with the file and
    line; this catches any that come from code.
    """
    missing = fonts.uncovered(_page_text(page))
    if missing:
        raise DocumentError(
            f"{name}.pdf: the documents' font has no glyph for "
            f"{', '.join(map(fonts.describe, missing))}; the PDF would depend on the machine's fonts"
        )


@functools.cache
def _set_up(root: Path) -> tuple[AssetsOnlyFetcher, FontConfiguration, CSS]:
    """The fetcher, the font configuration and the parsed print stylesheet: made once per process."""
    fetcher = AssetsOnlyFetcher(root)
    font_config = FontConfiguration()
    stylesheet = CSS(url=(root / "print.css").as_uri(), url_fetcher=fetcher, font_config=font_config)
    return fetcher, font_config, stylesheet


def render_pdf(page: str, name: str, root: Path = ASSETS) -> bytes:
    """PDF/UA-1 of ``page`` with the print stylesheet: tagged, with the document's language and title; the same
    HTML gives the same bytes whatever fonts the machine has (only the bundled fonts are used)."""
    check_printable(page, name)
    try:
        fetcher, font_config, stylesheet = _set_up(root)
        document = HTML(string=page, base_url=root.as_uri() + "/", url_fetcher=fetcher)
        return document.write_pdf(
            stylesheets=[stylesheet],
            font_config=font_config,
            pdf_variant="pdf/ua-1",
            pdf_identifier=name.encode(),
            uncompressed_pdf=False,
        )
    except FatalURLFetchingError as err:
        raise DocumentError(f"{name}.pdf: {err}") from None
