"""Generate the site's data-driven pages: a pipeline of small functions, data in, pages out.

:func:`generate_pages` returns :class:`Page` records (path, Markdown). The MkDocs
hook (:mod:`trustdocs.mkdocs_hooks`) adds them as virtual files; ``trustdocs pages --out
DIR`` writes them to disk. Adding a partner to partners.yml adds its page, and
its navigation entry, with no other edit.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from trustdocs.rendering.documents.catalogue import documents as all_documents, render_documents
from trustdocs.rendering.documents.source import DocumentSource
from trustdocs.core.escape import md
from trustdocs.model.records import DataSet
from trustdocs.rendering.pages.base import Page, table
from trustdocs.rendering.pages.board import board_page
from trustdocs.rendering.pages.changes import changes_page
from trustdocs.rendering.pages.cypp import cypp_page
from trustdocs.rendering.pages.duties import duties_index, duty_matrix, duty_page
from trustdocs.rendering.pages.documents import document_pages
from trustdocs.rendering.exports import export_files
from trustdocs.rendering.pages.framework import abbreviations, features_page, glossary_page, outcomes_page
from trustdocs.rendering.pages.guidance import guidance_index, guidance_list, section_page
from trustdocs.rendering.pages.partners import partner_page, partners_index
from trustdocs.rendering.sizes import Sizes, measure, size_label
from trustdocs.rendering.pages.sources import source_pages
from trustdocs.rendering.pages.timeline import timeline_page

__all__ = ["Page", "generate_pages", "export_files", "site_files"]


def downloads_page(exports: dict[str, bytes], sizes: Sizes) -> Page:
    here = "data.md"
    rows = [[f"[{md(path.split('/')[-1])}]({path})", size_label(sizes[path])] for path in exports]
    markdown = (
        "# Download the data\n\n"
        "Everything on this site comes from this data. Use it under the Open Government Licence v3.0.\n\n"
        + table(["File", "Size"], rows)
    )
    return Page(here, markdown, ("data/partners.yml",))


def site_files(data: DataSet, cache_dir: Path | None = None) -> tuple[list[Page], dict[str, bytes]]:
    """Every generated page and file (exports and documents), each rendered once.

    The pages list the files' sizes, so the files are rendered first.
    """
    exports = export_files(data)
    sources = all_documents(data)
    downloads = render_documents(sources, cache_dir=cache_dir)
    files = {**exports, **downloads}
    return generate_pages(data, measure(files), exports, sources), files


def generate_pages(data: DataSet, sizes: Sizes, exports: dict[str, bytes] | None = None,
                   sources: list[DocumentSource] | None = None) -> list[Page]:
    """Every generated page, in a stable order, each ending with the site's abbreviations.

    ``sizes`` gives the size of every download and export the pages link to
    (see :mod:`.sizes`); :func:`site_files` passes what it has already made.
    """
    from trustdocs.rendering.consultations.pages import consultation_pages  # it imports .base: a top-level import would be circular

    exports = export_files(data) if exports is None else exports
    sources = all_documents(data) if sources is None else sources
    pages = [
        partners_index(data),
        *(partner_page(data, p, guidance_list(f"partners/{p.id}.md", data, data.guidance_concerning(p.id)))
          for p in data.partners),
        duties_index(data),
        *(duty_page(data, d, guidance_list(f"duties/{d.id}.md", data, data.guidance_for_duty(d.id)))
          for d in data.duties),
        guidance_index(data),
        *(section_page(data, s) for s in data.guidance),
        timeline_page(data),
        *source_pages(data),
        duty_matrix(data),
        board_page(data),
        cypp_page(data),
        outcomes_page(data),
        features_page(data),
        glossary_page(data),
        changes_page(data),
        downloads_page(exports, sizes),
        *document_pages(data, sources, sizes),
        *consultation_pages(data),
    ]
    suffix = abbreviations(data)
    return [dataclasses.replace(page, markdown=page.markdown + suffix) for page in pages]
