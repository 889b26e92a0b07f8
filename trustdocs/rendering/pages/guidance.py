"""The statutory guidance restated: an index and a page per section, paragraph by paragraph.

Each paragraph shows its stable number as a link to its own anchor
(``#para-3-21``), its strength where it states an obligation, who it concerns
and its sources.
"""

from __future__ import annotations

from trustdocs.core.escape import attr, md
from trustdocs.model.records import DataSet, GuidanceParagraph, GuidanceSection
from trustdocs.rendering.pages.base import Page, bullet_list, cites, link, strength

DATA_FILE = "data/guidance.yml"


def section_path(section: GuidanceSection) -> str:
    return f"guidance/{section.id}.md"


def paragraph_link(from_page: str, section: GuidanceSection, paragraph: GuidanceParagraph) -> str:
    return f"[Paragraph {md(paragraph.number)}]({link(from_page, section_path(section), paragraph.anchor)})"


def _paragraph(here: str, data: DataSet, p: GuidanceParagraph) -> str:
    parts = [f'<span id="{attr(p.anchor)}"></span>**[{md(p.number)}](#{attr(p.anchor)})** {md(p.text)}']
    if p.strength:
        parts.append(f"(Strength: {strength(p.strength)}.)")
    parts.append(cites(here, p.cites, data))
    # Who a paragraph concerns is shown the other way round, on each partner's
    # page: listed here it made sentences too long to read.
    return " ".join(parts) + "\n"


def section_page(data: DataSet, section: GuidanceSection) -> Page:
    here = section_path(section)
    source = data.source(section.source)
    markdown = (
        f"# {md(section.number)}. {md(section.title)}\n\n"
        f"This section restates, in plain English, part of the "
        f"[{md(source.short_title)}]({link(here, f'sources/{source.id}.md')}). "
        "Paragraph numbers are stable: link to any paragraph by its number.\n\n"
        + "\n".join(_paragraph(here, data, p) for p in section.paragraphs)
    )
    return Page(here, markdown, (DATA_FILE,))


def guidance_index(data: DataSet) -> Page:
    here = "guidance/index.md"
    markdown = (
        "# The statutory guidance, restated\n\n"
        "The substance of the 2008 draft statutory guidance and of the 2008 legislative proposals, "
        "in plain English. Every paragraph links to the source paragraphs it restates.\n\n"
        + bullet_list(
            f"[{md(s.number)}. {md(s.title)}]({link(here, section_path(s))}) ({len(s.paragraphs)} paragraphs)"
            for s in data.guidance)
    )
    return Page(here, markdown, (DATA_FILE,))


def guidance_list(here: str, data: DataSet, items: tuple[tuple[GuidanceSection, GuidanceParagraph], ...]) -> str:
    """Paragraph links with their text, for partner and duty pages."""
    return bullet_list(
        f"{paragraph_link(here, s, p)}" + (f" ({strength(p.strength)})" if p.strength else "") + f". {md(p.text)}"
        for s, p in items)
