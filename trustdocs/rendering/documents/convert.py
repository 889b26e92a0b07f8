"""Render a :class:`DocumentSource` to DOCX, ODT, HTML or PDF/UA.

* DOCX and ODT: pandoc (from PyPI's pypandoc-binary, so it works offline)
  reads the Markdown with raw HTML turned off and styles the result from our
  reference documents. :mod:`layout` adds what Markdown cannot say (rows
  that keep together, room to sign, the title in the footer, the ODT's cell
  borders), and the containers are rewritten with fixed timestamps.
* PDF: pandoc writes an HTML fragment from the same Markdown; we wrap it in a
  page with the language and title; WeasyPrint renders it with the print
  styles as PDF/UA-1
  (tagged, with the language and title in its metadata). Its URL fetcher
  refuses everything but files in this package's assets folder: no network,
  no file elsewhere on the machine.
"""

from __future__ import annotations

import html
import os
import subprocess
import tempfile
from pathlib import Path

import pypandoc

from trustdocs.core.clock import build_time, source_date_epoch
from trustdocs.rendering.documents.layout import docx_layout, odt_layout
from trustdocs.rendering.documents.reference import reference_document
from trustdocs.rendering.documents.source import DocumentError, DocumentSource
from trustdocs.rendering.documents.zips import normalise_zip

FORMATS = ("docx", "odt", "pdf")  # the downloadable formats; "md" is the source itself
# Strict Markdown plus the two extensions the subset needs. No raw HTML, no
# citations (@), maths ($), sub/superscript (~ ^) or smart punctuation: text
# stays as written.
PANDOC_READER = "markdown_strict-raw_html+pipe_tables+header_attributes"


def _pandoc(source: DocumentSource, to: str, *extra: str) -> bytes:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(source_date_epoch())}
    args = [
        pypandoc.get_pandoc_path(),
        "--from",
        PANDOC_READER,
        "--to",
        to,
        "--metadata",
        f"title={source.title}",
        "--metadata",
        f"lang={source.lang}",
        *extra,
    ]
    with tempfile.TemporaryDirectory(prefix="trustdocs-pandoc-") as tmp:
        out = Path(tmp) / f"out.{to}"
        if to in ("docx", "odt"):
            ref = Path(tmp) / f"reference.{to}"
            ref.write_bytes(reference_document(to))
            args += ["--reference-doc", str(ref), "--output", str(out)]
        result = subprocess.run(args, input=_body(source).encode(), capture_output=True, env=env, cwd=tmp)
        if result.returncode != 0:
            raise DocumentError(
                f"pandoc could not make {source.slug}.{to}: {result.stderr.decode(errors='replace').strip()}"
            )
        return out.read_bytes() if to in ("docx", "odt") else result.stdout


def _body(source: DocumentSource) -> str:
    """The Markdown without its first-level heading: pandoc writes the title from the metadata."""
    first, _, rest = source.markdown.partition("\n")
    if not first.startswith("# "):
        raise DocumentError(f"{source.slug}: the Markdown must start with a '# ' heading")
    return rest


def to_docx(source: DocumentSource) -> bytes:
    return normalise_zip(_pandoc(source, "docx"), docx_layout(source.title))


def to_odt(source: DocumentSource) -> bytes:
    return normalise_zip(_pandoc(source, "odt"), odt_layout(source.title))


def to_html(source: DocumentSource) -> str:
    """The print page WeasyPrint turns into the PDF, with the print stylesheet (:func:`render_pdf` applies it)."""
    fragment = _pandoc(source, "html5").decode()
    stamp = build_time().strftime("%Y-%m-%dT%H:%M:%SZ")
    title = html.escape(source.title)
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(source.lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        f'<meta name="dcterms.created" content="{stamp}">\n<meta name="dcterms.modified" content="{stamp}">\n'
        '<meta name="generator" content="trustdocs">\n</head>\n<body>\n'
        f"<h1>{title}</h1>\n{fragment}</body>\n</html>\n"
    )


def to_pdf(source: DocumentSource) -> bytes:
    from trustdocs.rendering.documents.pdf import render_pdf  # WeasyPrint is slow to import; only PDF runs need it

    return render_pdf(to_html(source), source.slug)


def render(source: DocumentSource, fmt: str) -> bytes:
    """The document in one format: docx, odt, pdf, or md (its source Markdown)."""
    if fmt == "md":
        return source.markdown.encode()
    renderers = {"docx": to_docx, "odt": to_odt, "pdf": to_pdf}
    if fmt not in renderers:
        raise DocumentError(f"unknown format {fmt!r}: choose from docx, odt, pdf, md")
    return renderers[fmt](source)
