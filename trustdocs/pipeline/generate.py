"""Stage 1 of the pipeline: data in, the site's generated pages, exports and documents out.

Engine-independent: :func:`site_files` returns every page (path and Markdown)
and every file. The MkDocs adapter adds them to a build as virtual files;
``trustdocs pages --out DIR`` writes them to disk for any other engine.
Adding a partner to partners.yml adds its page, and its navigation entry,
with no other edit.
"""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

from trustdocs import registry
from trustdocs.core.clock import as_at_date
from trustdocs.model.dataset import DataSet
from trustdocs.rendering import paths
from trustdocs.rendering.common import Page
from trustdocs.rendering.documents.catalogue import render_documents
from trustdocs.rendering.documents.source import DocumentSource
from trustdocs.rendering.notice import page_notice, with_notice
from trustdocs.rendering.pages.framework import abbreviation_pairs, abbreviations, with_abbreviation_in_heading
from trustdocs.rendering.search import search_boost
from trustdocs.rendering.site import Site, index_citations
from trustdocs.rendering.sizes import Sizes, measure

__all__ = ["Page", "all_documents", "export_files", "generate_pages", "site_files"]


def all_documents(data: DataSet) -> list[DocumentSource]:
    """Every downloadable document the registry lists, in a stable order."""
    return [source for documents in registry.DOCUMENTS for source in documents(data)]


def export_files(data: DataSet) -> dict[str, bytes]:
    """Every data export: site path -> bytes."""
    return {path: content for exports in registry.EXPORTS for path, content in exports(data).items()}


def generate_pages(
    data: DataSet,
    sizes: Sizes,
    exports: dict[str, bytes] | None = None,
    documents: list[DocumentSource] | None = None,
    as_at: datetime.date | None = None,
) -> list[Page]:
    """Every generated page, in a stable order, each ending with the site's abbreviations, its title
    giving the abbreviation of a term it spells out (so search finds it by either), with its search boost.

    ``sizes`` gives the size of every download and export the pages link to
    (see :mod:`trustdocs.rendering.sizes`); ``as_at`` defaults to
    TRUSTDOCS_AS_AT or the date of the latest source.
    """
    site = Site(
        data=data,
        as_at=as_at or as_at_date(data.latest_source_date),
        sizes=sizes,
        documents=tuple(all_documents(data) if documents is None else documents),
        exports=tuple(export_files(data) if exports is None else exports),
        cited_by=index_citations(data, registry.CITATIONS),
    )
    suffix = abbreviations(data)
    pairs = abbreviation_pairs(data)
    forms = frozenset(paths.document(paths.printable_form_slug(c.id)) for c in data.consultations)
    generated = []
    for generator in registry.PAGES:
        for page in generator(site):
            markdown = with_abbreviation_in_heading(page.markdown, pairs)
            markdown = with_notice(markdown, page_notice(data, site.as_at, markdown)) + suffix
            generated.append(dataclasses.replace(page, markdown=markdown, search_boost=search_boost(page.path, forms)))
    return generated


def site_files(data: DataSet, cache_dir: Path | None = None) -> tuple[list[Page], dict[str, bytes]]:
    """Every generated page and file (exports and documents), each rendered once.

    The pages list the files' sizes, so the files are rendered first.
    """
    exports = export_files(data)
    documents = all_documents(data)
    downloads = render_documents(documents, cache_dir=cache_dir)
    files = {**exports, **downloads}
    return generate_pages(data, measure(files), exports, documents), files
