"""Generate the site's data-driven pages: a pipeline of small functions, data in, pages out.

:func:`generate_pages` returns :class:`Page` records (path, Markdown). The MkDocs
hook (:mod:`macros.hooks`) adds them as virtual files; ``trustdocs pages --out
DIR`` writes them to disk. Adding a partner to partners.yml adds its page, and
its navigation entry, with no other edit.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..documents.catalogue import documents as all_documents, render_documents
from ..documents.source import DocumentSource
from ..escape import md
from ..models import DataSet
from .base import Page, table
from .board import board_page
from .changes import changes_page
from .cypp import cypp_page
from .duties import duties_index, duty_matrix, duty_page
from .documents import document_pages
from .exports import export_files
from .framework import abbreviations, features_page, glossary_page, outcomes_page
from .guidance import guidance_index, guidance_list, section_page
from .partners import partner_page, partners_index
from .sizes import Sizes, measure, size_label
from .sources import source_pages
from .timeline import timeline_page

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
    from ..consultations.pages import consultation_pages  # it imports .base: a top-level import would be circular

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
