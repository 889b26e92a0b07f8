"""Source pages: the register, and a page per source document with an anchor for every
cited paragraph and links back to each statement that cites it.

So a reader can go from any statement to its source paragraph (``sources/ID/#p-3-21``)
and from a paragraph to everything on the site that rests on it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from trustdocs.core.escape import attr, code, md
from trustdocs.core.markdown import bullet_list, join_and
from trustdocs.model.citations import Cite, expand_paragraphs
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import Source
from trustdocs.rendering import paths
from trustdocs.rendering.common import Page, para_label
from trustdocs.rendering.paths import link
from trustdocs.rendering.site import Citing, Site


def source_page(data: DataSet, source: Source, index: Mapping[Cite, tuple[Citing, ...]]) -> Page:
    here = paths.source(source.id)
    cited = [p for p in source.paragraphs if Cite(source.id, p) in index]
    parts = [
        f"# <cite>{md(source.title)}</cite>\n\n",
        f"{md(source.publisher)}, {md(str(source.date))}.\n\n",
        f"{md(source.summary)}\n\n" if source.summary else "",
        f"The text is in {code('shared/sources/' + source.file)}. Reference for citations: {code(source.id)}.\n\n",
        f"## Paragraphs cited on this site\n\n{len(cited)} of the {len(source.paragraphs)} paragraphs and sections "
        "in the register are cited. Each lists the statements that rest on it.\n",
    ]
    for para in cited:
        parts.append(
            f'\n<h3 id="{attr(paths.paragraph_anchor(para))}">Paragraph {para_label(para, html=True)}</h3>\n\n'
        )
        parts.append(
            bullet_list(f"[{md(c.label)}]({link(here, c.page, c.anchor)})" for c in index[Cite(source.id, para)])
        )
    return Page(here, "".join(parts), ("data/sources.yml",))


def _spec(spec: str) -> str:
    """'1.1-1.16' -> '1.1 to 1.16'; a single label stays as it is. Labels are shown as code."""
    expanded = expand_paragraphs([spec])
    return code(spec) if len(expanded) == 1 else f"{code(expanded[0])} to {code(expanded[-1])}"


def sources_index(data: DataSet) -> Page:
    here = paths.SOURCES
    parts = [
        "# Source documents\n\nEvery fact on this site cites one of these documents, by paragraph or section "
        "number. Each document's page lists the paragraphs cited and the statements that cite them.\n"
    ]
    for s in data.sources:
        specs = [_spec(spec) for spec in s.paragraph_specs]
        listed = join_and(specs)
        parts.append(
            f'\n<h2 id="{attr(s.id)}"><cite>{md(s.title)}</cite></h2>\n\n'
            f"{md(s.publisher)}, {md(str(s.date))}. [Paragraphs cited]({link(here, paths.source(s.id))}).\n\n"
            f"Paragraphs and sections: {listed} ({len(s.paragraphs)} in all). Reference: {code(s.id)}.\n"
        )
    return Page(here, "".join(parts), ("data/sources.yml",))


def pages(site: Site) -> Iterator[Page]:
    yield sources_index(site.data)
    for source in site.data.sources:
        yield source_page(site.data, source, site.cited_by)
