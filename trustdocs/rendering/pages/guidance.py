"""The statutory guidance restated: an index and a page per section, paragraph by paragraph.

Each paragraph shows its stable number as a link to its own anchor
(``#para-3-21``), its strength where it states an obligation, who it concerns
and its sources.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from trustdocs.core.escape import attr, md
from trustdocs.core.markdown import bullet_list
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import GuidanceParagraph, GuidanceSection
from trustdocs.rendering import paths
from trustdocs.rendering.common import Page, cites, format_day
from trustdocs.rendering.paths import link
from trustdocs.rendering.site import Citing, Site, citations_of
from trustdocs.rendering.status import compact, current

DATA_FILE = "data/guidance.yml"


def paragraph_link(from_page: str, section: GuidanceSection, paragraph: GuidanceParagraph) -> str:
    return (
        f"[Paragraph {md(paragraph.number)}]({link(from_page, paths.guidance_section(section.id), paragraph.anchor)})"
    )


def inline_status(data: DataSet, p: GuidanceParagraph, as_at: datetime.date, focus: str | None = None) -> str:
    """'Draft guidance in April 2008: the local authority should.', sentences for each status in effect."""
    return " ".join(compact(e, p.status, data, as_at, focus) for e in current(p.status, as_at))


def _paragraph(here: str, data: DataSet, p: GuidanceParagraph, as_at: datetime.date) -> str:
    parts = [f'<span id="{attr(p.anchor)}"></span>**[{md(p.number)}](#{attr(p.anchor)})** {md(p.text)}']
    if p.status:
        parts.append(inline_status(data, p, as_at))
    parts.append(cites(here, p.cites, data))
    # Who a paragraph concerns is shown the other way round, on each partner's
    # page: listed here it made sentences too long to read.
    return " ".join(parts) + "\n"


def section_page(data: DataSet, section: GuidanceSection, as_at: datetime.date) -> Page:
    here = paths.guidance_section(section.id)
    source = data.source(section.source)
    markdown = (
        f"# {md(section.number)}. {md(section.title)}\n\n"
        f"This section restates, in plain English, part of the "
        f"[{md(source.short_title)}]({link(here, paths.source(source.id))}). "
        f"Each paragraph's status says whether it was the law, draft guidance or a proposal on {format_day(as_at)}. "
        "A 'must' in draft guidance or in a proposal bound no one in law. "
        "Paragraph numbers are stable: link to any paragraph by its number.\n\n"
        + "\n".join(_paragraph(here, data, p, as_at) for p in section.paragraphs)
    )
    return Page(here, markdown, (DATA_FILE,))


def guidance_index(data: DataSet) -> Page:
    here = paths.GUIDANCE
    markdown = (
        "# The draft guidance and the proposals, restated\n\n"
        "The substance of the April 2008 draft statutory guidance and of the July 2008 legislative proposals, "
        "in plain English. Neither was law: each paragraph that says someone must, should or may do something "
        "gives its status. Every paragraph links to the source paragraphs it restates.\n\n"
        + bullet_list(
            f"[{md(s.number)}. {md(s.title)}]({link(here, paths.guidance_section(s.id))}) ({len(s.paragraphs)} paragraphs)"
            for s in data.guidance
        )
    )
    return Page(here, markdown, (DATA_FILE,))


def guidance_list(
    here: str,
    data: DataSet,
    items: tuple[tuple[GuidanceSection, GuidanceParagraph], ...],
    as_at: datetime.date,
    focus: str | None = None,
) -> str:
    """Paragraph links with their text and status (saying whom each binds), for partner and duty pages."""
    return bullet_list(
        f"{paragraph_link(here, s, p)}. {md(p.text)}" + (f" {inline_status(data, p, as_at, focus)}" if p.status else "")
        for s, p in items
    )


def pages(site: Site) -> Iterator[Page]:
    yield guidance_index(site.data)
    for section in site.data.guidance:
        yield section_page(site.data, section, site.as_at)


def citations(data: DataSet) -> Iterator[Citing]:
    for s in data.guidance:
        for p in s.paragraphs:
            yield from citations_of(
                f"Guidance paragraph {p.number}", paths.guidance_section(s.id), p.cites, p.anchor, p.status
            )
