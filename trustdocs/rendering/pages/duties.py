"""Duty pages: one per duty or power, an index, and the partner-by-duty matrix."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from trustdocs.core.escape import md
from trustdocs.core.markdown import bullet_list, join_and, table
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import Duty, Partner
from trustdocs.model.status import Status
from trustdocs.rendering import paths
from trustdocs.rendering.change_log import HEADING, duty_changes
from trustdocs.rendering.common import Page, cites, duty_link, format_day, partner_link
from trustdocs.rendering.pages.guidance import guidance_list
from trustdocs.rendering.paths import link
from trustdocs.rendering.site import Citing, Site, citations_of
from trustdocs.rendering.status import current, short_status, status_list


def by_name(partners: list[Partner]) -> list[Partner]:
    """As readers look for them: by name, case-blind."""
    return sorted(partners, key=lambda p: (p.name.casefold(), p.id))


DATA_FILE = "data/duties.yml"


# A list longer than this is collapsed, so the page can be scanned.
OPEN_LIST = 3


def collapsed(title: str, body: str) -> str:
    """A collapsed block (pymdownx.details): its title shows; its body opens on request, and in print."""
    indented = "".join(f"    {line}\n" if line.strip() else "\n" for line in body.splitlines())
    return f'??? abstract "{title}"\n\n{indented}\n'


def _holders(here: str, data: DataSet, duty: Duty, as_at: datetime.date) -> str:
    """Each body it applies to, by name, with what applies to it on the as-at date."""
    holders = sorted((data.partner(h) for h in duty.holders), key=lambda p: (p.name.casefold(), p.id))
    return bullet_list(f"{partner_link(here, data, p.id)}: {_applies(duty, p.id, as_at)}" for p in holders)


def _applies(duty: Duty, partner_id: str, as_at: datetime.date) -> str:
    """'In force from 2005: must', or 'no status on this date' (before its first, or none names the body)."""
    entries = binding(duty, partner_id, as_at)
    return "; ".join(short_status(e, duty.status, as_at) for e in entries) or "no status on this date"


def _count(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def duty_page(
    data: DataSet, duty: Duty, as_at: datetime.date, guidance_section: str = "", guidance_count: int = 0
) -> Page:
    here = paths.duty(duty.id)
    guidance = ""
    if guidance_section:
        guidance = "\n## Guidance that restates it\n\n" + (
            guidance_section
            if guidance_count <= OPEN_LIST
            else collapsed(f"{guidance_count} paragraphs", guidance_section)
        )
    also_called = (
        f"Also called the {join_and([md(name) for name in duty.also_called])}.\n\n" if duty.also_called else ""
    )
    markdown = (
        f"# {md(duty.name)}\n\n" + also_called + f"{md(duty.summary)} {cites(here, duty.cites, data)}\n\n"
        f"This is a {'power' if duty.kind == 'power' else 'duty'}.\n\n"
        f"## Who it applies to on {format_day(as_at)} {{#who}}\n\n"
        + _holders(here, data, duty, as_at)
        + "\n## Status over time\n\n"
        + status_list(duty.status, data, here, as_at)
        + guidance
        + f"\nSee every duty against every partner in the [matrix]({link(here, paths.DUTY_MATRIX)}).\n"
        + HEADING
        + duty_changes(here, duty, data, as_at)
    )
    return Page(here, markdown, (DATA_FILE,), search_terms=duty.also_called)


def _status_cell(duty: Duty, as_at: datetime.date) -> str:
    return "; ".join(short_status(e, duty.status, as_at) for e in current(duty.status, as_at)) or "None yet"


def duties_index(data: DataSet, as_at: datetime.date) -> Page:
    here = paths.DUTIES
    rows = [[duty_link(here, d.name, d.id), _status_cell(d, as_at), str(len(d.holders))] for d in data.duties]
    markdown = (
        "# Duties and powers\n\n"
        f"Each duty or power and its status on {format_day(as_at)}: in force, draft guidance or proposed, "
        "and how strong it was. Each page gives its status over time. "
        f"The [matrix]({link(here, paths.DUTY_MATRIX)}) shows which partners hold each one.\n\n"
        + table(["Duty or power", f"Status on {format_day(as_at)}", "Bodies"], rows)
    )
    return Page(here, markdown, (DATA_FILE,))


def binding(duty: Duty, partner_id: str, as_at: datetime.date) -> tuple[Status, ...]:
    """The entries in effect on the as-at date that apply to a partner (all of them when an entry names no one)."""
    if partner_id not in duty.holders:
        return ()
    return tuple(e for e in current(duty.status, as_at) if not e.binds or partner_id in e.binds)


def duty_matrix(data: DataSet, as_at: datetime.date) -> Page:
    """Partners down the side, duties across: each cell the status and strength that applies, or 'no'.

    The table is wide, so the page also gives it as lists, by partner and by duty, that read on a phone.
    """
    here = paths.DUTY_MATRIX
    holders = by_name([p for p in data.partners if data.duties_held_by(p.id)])
    header = ["Partner"] + [duty_link(here, d.name, d.id) for d in data.duties]
    rows = [
        [partner_link(here, data, p.id)]
        + ["; ".join(short_status(e, d.status, as_at) for e in binding(d, p.id, as_at)) or "no" for d in data.duties]
        for p in holders
    ]
    others = by_name([p for p in data.partners if not data.duties_held_by(p.id)])
    by_partner = "".join(
        collapsed(
            f"{md(p.name)}: {_count(len(data.duties_held_by(p.id)), 'duty or power', 'duties and powers')}",
            f"Read the page for {partner_link(here, data, p.id)}.\n\n"
            + bullet_list(
                f"{duty_link(here, d.name, d.id)}: {_applies(d, p.id, as_at)}" for d in data.duties_held_by(p.id)
            ),
        )
        for p in holders
    )
    by_duty = "".join(
        collapsed(
            f"{md(d.name)}: {_count(len(d.holders), 'body', 'bodies')}",
            f"Read the page for {duty_link(here, d.name, d.id)}, with its status over time.\n\n"
            + _holders(here, data, d, as_at),
        )
        for d in sorted(data.duties, key=lambda d: (d.name.casefold(), d.id))
    )
    markdown = (
        "# Which duties apply to which partners\n\n"
        f"What applies to each partner on {format_day(as_at)}: the status (in force, draft guidance or proposed) "
        "and how strong it was. Read it [by partner](#by-partner), [by duty](#by-duty) or in "
        "[one table](#table).\n\n"
        "## By partner {#by-partner}\n\n"
        "Each partner, with how many duties and powers it holds. Open one to see them.\n\n"
        + by_partner
        + (
            "No duty or power in the data applies to these bodies:\n\n"
            + bullet_list(partner_link(here, data, p.id) for p in others)
            if others
            else ""
        )
        + "\n## By duty {#by-duty}\n\n"
        "Each duty or power, with how many bodies hold it. Open one to see them.\n\n"
        + by_duty
        + "\n## In one table {#table}\n\n"
        "Each row is a partner and each column a duty or power. A cell shows its status and how strong it "
        "was, or no. The table is wider than most screens: scroll it sideways.\n\n" + table(header, rows)
    )
    return Page(here, markdown, (DATA_FILE, "data/partners.yml"))


def pages(site: Site) -> Iterator[Page]:
    data = site.data
    yield duties_index(data, site.as_at)
    for d in data.duties:
        restating = data.guidance_for_duty(d.id)
        yield duty_page(
            data, d, site.as_at, guidance_list(paths.duty(d.id), data, restating, site.as_at), len(restating)
        )
    yield duty_matrix(data, site.as_at)


def citations(data: DataSet) -> Iterator[Citing]:
    for d in data.duties:
        yield from citations_of(d.name, paths.duty(d.id), d.cites, status=d.status)
