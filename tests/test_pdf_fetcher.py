"""The PDF renderer's URL fetcher: files inside its assets folder, and nothing else.

Fast tests (no document is rendered from data): the fetcher is called directly
with hostile URLs, and tiny pages are rendered against a throwaway assets
folder with a secret file beside it, so a refusal can only come from the
fetcher's own check, not from a file that happens not to exist.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from weasyprint.urls import FatalURLFetchingError

from trustdocs.rendering.documents.pdf import AssetsOnlyFetcher, render_pdf
from trustdocs.rendering.documents.source import DocumentError

PAGE = '<!DOCTYPE html><html lang="en-GB"><head><title>t</title>{head}</head><body><p>x</p>{body}</body></html>'
# A stylesheet that leaves a mark on the PDF: the page is 100 mm by 50 mm (283.46 by 141.73 points).
SMALL_PAGE = "@page { size: 100mm 50mm; margin: 5mm; }\n"


@pytest.fixture
def assets(tmp_path) -> Path:
    """assets/ with one stylesheet of its own, a secret stylesheet beside it and a symlink inside it to the secret;
    its print.css (which render_pdf applies to every page) is empty, so only a page's own link can size the page."""
    folder = tmp_path / "assets"
    (folder / "fonts").mkdir(parents=True)
    (folder / "print.css").write_text("", encoding="utf-8")
    (folder / "own.css").write_text(SMALL_PAGE, encoding="utf-8")
    (folder / "fonts" / "nested.css").write_text(SMALL_PAGE, encoding="utf-8")
    (tmp_path / "secret.css").write_text(SMALL_PAGE, encoding="utf-8")
    (folder / "link.css").symlink_to(tmp_path / "secret.css")
    (folder / "fonts" / "up.css").symlink_to(Path("..") / ".." / "secret.css")
    return folder


def test_the_fetcher_reads_a_file_inside_its_folder(assets):
    fetcher = AssetsOnlyFetcher(assets)
    for url in (
        assets.as_uri() + "/own.css",
        assets.as_uri() + "/fonts/nested.css",
        "file://localhost" + str(assets) + "/own.css",
    ):
        response = fetcher.fetch(url)
        assert response.read() == SMALL_PAGE.encode()
        assert response.headers["Content-Type"] == "text/css"
        assert response.url == url  # what a stylesheet's own relative URLs (fonts) resolve against


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.css",  # plain traversal, in case the URL reaches the fetcher unnormalised
        "/%2e%2e/secret.css",  # percent-encoded dots: urljoin leaves them, unquote makes them '..'
        "/%2E%2E/secret.css",
        "/..%2fsecret.css",  # percent-encoded slash
        "/fonts/..%2f..%2fsecret.css",
        "/%2e%2e%2fsecret.css",
        "/link.css",  # a symlink inside the folder to a file outside it
        "/fonts/up.css",  # a relative symlink that climbs out
        "/fonts",  # a folder, not a file
        "/missing.css",
    ],
)
def test_the_fetcher_refuses_every_path_that_leaves_its_folder(assets, path):
    with pytest.raises(FatalURLFetchingError, match="fetches only files in"):
        AssetsOnlyFetcher(assets).fetch(assets.as_uri() + path)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/x.css",
        "http://127.0.0.1:9/x.css",
        "data:text/css,p{color:red}",
        "ftp://example.org/f.ttf",
        "file://evil.example/etc/passwd",
    ],
)
def test_the_fetcher_refuses_every_other_scheme_and_host(assets, url):
    with pytest.raises(FatalURLFetchingError, match=re.escape(f"fetches only the project's own assets, not {url}")):
        AssetsOnlyFetcher(assets).fetch(url)


def test_the_fetcher_names_a_file_elsewhere(assets, tmp_path):
    url = (tmp_path / "secret.css").as_uri()
    with pytest.raises(FatalURLFetchingError, match=re.escape(f"fetches only files in {assets}, not {url}")):
        AssetsOnlyFetcher(assets).fetch(url)


def _page_size(pdf: bytes) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return round(float(box.width), 1), round(float(box.height), 1)


def test_a_page_reads_a_stylesheet_from_its_assets_folder(assets):
    pdf = render_pdf(PAGE.format(head='<link rel="stylesheet" href="own.css">', body=""), "test", root=assets)
    assert _page_size(pdf) == (283.5, 141.7)


@pytest.mark.parametrize(
    "href", ["%2e%2e/secret.css", "..%2fsecret.css", "link.css", "fonts/up.css", "../secret.css", "/secret.css"]
)
def test_a_page_cannot_read_a_stylesheet_outside_its_assets_folder(assets, href):
    with pytest.raises(DocumentError, match=r"^test\.pdf: PDF rendering fetches only files in "):
        render_pdf(PAGE.format(head=f'<link rel="stylesheet" href="{href}">', body=""), "test", root=assets)


@pytest.mark.parametrize(
    "head, body, refused",
    [
        ("", '<img src="https://example.org/tracker.png" alt="">', "https://example.org/tracker.png"),
        ("", '<img src="http://127.0.0.1:9/x.png" alt="">', "http://127.0.0.1:9/x.png"),
        ('<link rel="stylesheet" href="file:///etc/passwd">', "", "file:///etc/passwd"),
        ("<style>@import url('https://example.org/x.css');</style>", "", "https://example.org/x.css"),
        (
            "<style>@font-face { font-family: x; src: url(ftp://example.org/f.ttf); }</style>"
            "<style>p { font-family: x; }</style>",
            "",
            "ftp://example.org/f.ttf",
        ),
    ],
)
def test_pdf_rendering_refuses_anything_but_own_assets(head, body, refused):
    with pytest.raises(DocumentError, match=re.escape(refused)):
        render_pdf(PAGE.format(head=head, body=body), "test")


def test_pdf_rendering_reads_its_own_stylesheet_and_fonts(assets):
    """print.css (parsed once per process) reaches every PDF through the fetcher: its page footer, and the
    bundled faces it names; a folder whose print.css is empty gives neither."""
    pdf = render_pdf(PAGE.format(head="", body=""), "test")
    reader = PdfReader(io.BytesIO(pdf))
    assert "Page 1 of 1" in reader.pages[0].extract_text()  # the @page footer only print.css sets
    fonts = {str(font.get_object()["/BaseFont"]) for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert {name.split("+")[-1] for name in fonts} == {"TrustDocs-Sans"}  # the @font-face family, from fonts/
    bare = render_pdf(PAGE.format(head="", body=""), "t", root=assets)
    assert "Page 1 of 1" not in PdfReader(io.BytesIO(bare)).pages[0].extract_text()


def test_a_character_the_bundled_fonts_cannot_draw_is_refused():
    with pytest.raises(DocumentError, match=r"test\.pdf: the documents' font has no glyph for U\+4E2D"):
        render_pdf(PAGE.format(head="", body="<p>\u4e2d</p>"), "test")


# Found by make mutation: what the fetcher says a file is, references to characters, and the PDF's own settings.
@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("a.css", "text/css"),
        ("a.ttf", "font/ttf"),
        ("a.woff2", "font/woff2"),
        ("a.png", "image/png"),
        ("a.TTF", "application/octet-stream"),  # suffixes are matched exactly, as the assets are named
        ("a.svg", "application/octet-stream"),
    ],
)
def test_the_fetcher_gives_each_file_its_content_type(assets, name, content_type):
    (assets / name).write_bytes(b"x")
    response = AssetsOnlyFetcher(assets).fetch((assets / name).as_uri())
    assert response.headers["Content-Type"] == content_type


def test_a_character_written_as_a_reference_is_refused_and_every_one_is_named():
    with pytest.raises(DocumentError) as caught:
        render_pdf(PAGE.format(head="", body="<p>&#x4E2D;&#25991;</p>"), "test")
    assert str(caught.value) == (
        "test.pdf: the documents' font has no glyph for U+4E2D CJK UNIFIED IDEOGRAPH-4E2D, "
        "U+6587 CJK UNIFIED IDEOGRAPH-6587; the PDF would depend on the machine's fonts"
    )


def test_a_pdf_is_pdf_ua_1_compressed_and_identified_by_its_name():
    reader = PdfReader(io.BytesIO(render_pdf(PAGE.format(head="", body=""), "the-name")))
    assert b'pdfuaid:part="1"' in reader.xmp_metadata.stream.get_data()  # PDF/UA-1, for screen readers
    assert reader.trailer["/ID"][0] == "the-name"  # the same name gives the same bytes
    assert reader.pages[0]["/Contents"].get_object()["/Filter"] == "/FlateDecode"  # compressed
