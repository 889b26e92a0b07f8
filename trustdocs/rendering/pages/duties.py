"""Duty pages: one per duty or power, an index, and the partner-by-duty matrix."""

from __future__ import annotations

from collections.abc import Iterator

from trustdocs.core.escape import md
from trustdocs.core.markdown import bullet_list, table
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import Duty
from trustdocs.rendering import paths
from trustdocs.rendering.common import DUTY_STATUS_LABELS, Page, cites, duty_link, partner_link, strength
from trustdocs.rendering.pages.guidance import guidance_list
from trustdocs.rendering.paths import link
from trustdocs.rendering.site import Citing, Site, citations_of

DATA_FILE = "data/duties.yml"


def duty_page(data: DataSet, duty: Duty, guidance_section: str = "") -> Page:
    here = paths.duty(duty.id)
    markdown = (
        f"# {md(duty.name)}\n\n"
        f"{md(duty.summary)} {cites(here, duty.cites, data)}\n\n"
        + table(
            ["Fact", "Detail"],
            [
                ["Kind", "Power" if duty.kind == "power" else "Duty"],
                ["Strength", strength(duty.strength)],
                ["Legal basis", md(duty.legal_basis)],
                ["Status", md(f"{DUTY_STATUS_LABELS[duty.status]}, from {duty.start}")],
            ],
        )
        + "\n## Who it applies to\n\n"
        + bullet_list(partner_link(here, data, holder) for holder in duty.holders)
        + (f"\n## Guidance that restates it\n\n{guidance_section}" if guidance_section else "")
        + f"\nSee every duty against every partner in the [matrix]({link(here, 'duties/matrix.md')}).\n"
    )
    return Page(here, markdown, (DATA_FILE,))


def duties_index(data: DataSet) -> Page:
    here = paths.DUTIES
    rows = [
        [duty_link(here, d.name, d.id), strength(d.strength), md(DUTY_STATUS_LABELS[d.status]), str(len(d.holders))]
        for d in data.duties
    ]
    markdown = (
        "# Duties and powers\n\n"
        "Each duty or power, how strong it is and whether it was in force or proposed in 2008. "
        f"The [matrix]({link(here, 'duties/matrix.md')}) shows which partners hold each one.\n\n"
        + table(["Duty or power", "Strength", "Status", "Bodies"], rows)
    )
    return Page(here, markdown, (DATA_FILE,))


def duty_matrix(data: DataSet) -> Page:
    """Partners down the side, duties across: each cell the strength, or 'no'."""
    here = paths.DUTY_MATRIX
    holders = [p for p in data.partners if data.duties_held_by(p.id)]
    header = ["Partner"] + [duty_link(here, d.name, d.id) for d in data.duties]
    rows = [
        [partner_link(here, data, p.id)] + [strength(d.strength) if p.id in d.holders else "no" for d in data.duties]
        for p in holders
    ]
    others = [p for p in data.partners if not data.duties_held_by(p.id)]
    markdown = (
        "# Which duties apply to which partners\n\n"
        "Each row is a partner and each column a duty or power. A cell shows the strength that applies "
        "(must, should or may), or no.\n\n"
        + table(header, rows)
        + (
            "\nNo duty or power in the data applies to these bodies:\n\n"
            + bullet_list(partner_link(here, data, p.id) for p in others)
            if others
            else ""
        )
    )
    return Page(here, markdown, (DATA_FILE, "data/partners.yml"))


def pages(site: Site) -> Iterator[Page]:
    data = site.data
    yield duties_index(data)
    for d in data.duties:
        yield duty_page(data, d, guidance_list(paths.duty(d.id), data, data.guidance_for_duty(d.id)))
    yield duty_matrix(data)


def citations(data: DataSet) -> Iterator[Citing]:
    for d in data.duties:
        yield from citations_of(d.name, paths.duty(d.id), d.cites)
