"""Source pages: the register, and a page per source document with an anchor for every
cited paragraph and links back to each statement that cites it.

So a reader can go from any statement to its source paragraph (``sources/ID/#p-3-21``)
and from a paragraph to everything on the site that rests on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from trustdocs.core.escape import attr, md
from trustdocs.core.markdown import bullet_list
from trustdocs.model.citations import Cite
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import GuidanceParagraph, GuidanceSection, Source
from trustdocs.rendering import paths
from trustdocs.rendering.common import Page, reader_label
from trustdocs.rendering.paths import link
from trustdocs.rendering.search import unsearched
from trustdocs.rendering.site import Citing, Site


def restatements(data: DataSet) -> dict[Cite, list[tuple[GuidanceSection, GuidanceParagraph]]]:
    """Each source paragraph -> the guidance paragraphs that restate it.

    A guidance paragraph restates what it cites in the document its section
    restates. What it cites in another document (a paragraph of the legislative
    options behind a point of the draft guidance) is said there in other words,
    so that paragraph shows its own restatement from the register instead.
    """
    out: dict[Cite, list[tuple[GuidanceSection, GuidanceParagraph]]] = {}
    for section in data.guidance:
        for paragraph in section.paragraphs:
            for cite in paragraph.cites:
                if cite.source == section.source:
                    out.setdefault(cite, []).append((section, paragraph))
    return out


def details(data: DataSet, source: Source) -> str:
    """Title, publisher, date, reference and the address the document gives for itself."""
    lines = [f"{md(source.publisher)}, {md(str(source.date))}."]
    if source.reference:
        lines.append(f"Reference: {md(source.reference)}.")
    if source.kind == "legislation":
        lines.append(f"Official text, as amended since: [{md(source.title)} on legislation.gov.uk]({source.url}).")
    elif source.address:
        lines.append(
            f"The document gave its own address as {md(source.address)}"
            + (f" ({md(source.address_note)})" if source.address_note else "")
            + "."
        )
    return " ".join(lines) + "\n\n"


def _section_url(source: Source, para: str) -> str:
    """legislation.gov.uk's address for one section: .../ukpga/2004/31/contents -> .../ukpga/2004/31/section/10."""
    match = re.fullmatch(r"section-(\d+[A-Z]?)", para)
    if source.kind != "legislation" or not match or not source.url.endswith("/contents"):
        return ""
    return source.url[: -len("contents")] + f"section/{match.group(1)}"


def source_page(
    data: DataSet,
    source: Source,
    index: Mapping[Cite, tuple[Citing, ...]],
    restated: Mapping[Cite, list[tuple[GuidanceSection, GuidanceParagraph]]],
) -> Page:
    here = paths.source(source.id)
    cited = [p for p in source.paragraphs if Cite(source.id, p) in index]
    parts = [
        f"# <cite>{md(source.title)}</cite>\n\n",
        details(data, source),
        f"{md(source.summary)}\n\n" if source.summary else "",
        f"## What each cited part says\n\n{len(cited)} of its {len(source.paragraphs)} paragraphs and sections are "
        "cited on this site. Each is restated below in plain English, with the statements on this site that rest on it.\n",
    ]
    for para in cited:
        cite = Cite(source.id, para)
        label = reader_label(para, source.labels)
        parts.append(f'\n<h3 id="{attr(paths.paragraph_anchor(para))}">{md(label[:1].upper() + label[1:])}</h3>\n\n')
        section_url = _section_url(source, para)
        if section_url:
            parts.append(f"[Read {md(label)} on legislation.gov.uk]({section_url}).\n\n")
        if para in source.restatements:
            parts.append(f"{md(source.restatements[para])}\n\n")
        # Search leaves out the guidance paragraph's text (its own page is indexed) and the list of
        # pages citing this one: both repeat other pages.
        for section, paragraph in restated.get(cite, ()):
            parts.append(
                f"[Guidance paragraph {md(paragraph.number)}]"
                f"({link(here, paths.guidance_section(section.id), paragraph.anchor)}) restates it.\n\n"
                + unsearched(f"> {md(paragraph.text)}")
            )
        parts.append(
            unsearched(
                "What rests on it on this site:\n\n"
                + bullet_list(f"[{md(c.label)}]({link(here, c.page, c.anchor)})" for c in index[cite])
            )
        )
    return Page(here, "".join(parts), ("data/sources.yml",))


def sources_index(data: DataSet) -> Page:
    here = paths.SOURCES
    parts = [
        "# Source documents\n\nEvery fact on this site cites one of these documents or Acts, by paragraph, "
        "footnote, question or section. Each one's page says what each cited part says.\n"
    ]
    for s in data.sources:
        parts.append(
            f'\n<h2 id="{attr(s.id)}"><cite>{md(s.title)}</cite></h2>\n\n'
            + details(data, s)
            + f"[What each cited part says]({link(here, paths.source(s.id))}). "
            f"Its register lists {len(s.paragraphs)} paragraphs and sections.\n"
        )
    return Page(here, "".join(parts), ("data/sources.yml",))


def pages(site: Site) -> Iterator[Page]:
    yield sources_index(site.data)
    restated = restatements(site.data)
    for source in site.data.sources:
        yield source_page(site.data, source, site.cited_by, restated)
