"""Duty pages: one per duty or power, an index, and the partner-by-duty matrix."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from trustdocs.core.escape import md
from trustdocs.core.markdown import bullet_list, table
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import Duty
from trustdocs.model.status import Status
from trustdocs.rendering import paths
from trustdocs.rendering.change_log import HEADING, duty_changes
from trustdocs.rendering.common import Page, cites, duty_link, format_day, partner_link
from trustdocs.rendering.pages.guidance import guidance_list
from trustdocs.rendering.paths import link
from trustdocs.rendering.site import Citing, Site, citations_of
from trustdocs.rendering.status import current, short_status, status_list

DATA_FILE = "data/duties.yml"


def duty_page(data: DataSet, duty: Duty, as_at: datetime.date, guidance_section: str = "") -> Page:
    here = paths.duty(duty.id)
    markdown = (
        f"# {md(duty.name)}\n\n"
        f"{md(duty.summary)} {cites(here, duty.cites, data)}\n\n"
        f"This is a {'power' if duty.kind == 'power' else 'duty'}.\n\n"
        "## Status over time\n\n"
        + status_list(duty.status, data, here, as_at)
        + "\n## Who it applies to\n\n"
        + bullet_list(partner_link(here, data, holder) for holder in duty.holders)
        + (f"\n## Guidance that restates it\n\n{guidance_section}" if guidance_section else "")
        + f"\nSee every duty against every partner in the [matrix]({link(here, paths.DUTY_MATRIX)}).\n"
        + HEADING
        + duty_changes(here, duty, data, as_at)
    )
    return Page(here, markdown, (DATA_FILE,))


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
    """Partners down the side, duties across: each cell the status and strength that applies, or 'no'."""
    here = paths.DUTY_MATRIX
    holders = [p for p in data.partners if data.duties_held_by(p.id)]
    header = ["Partner"] + [duty_link(here, d.name, d.id) for d in data.duties]
    rows = [
        [partner_link(here, data, p.id)]
        + ["; ".join(short_status(e, d.status, as_at) for e in binding(d, p.id, as_at)) or "no" for d in data.duties]
        for p in holders
    ]
    others = [p for p in data.partners if not data.duties_held_by(p.id)]
    markdown = (
        "# Which duties apply to which partners\n\n"
        f"Each row is a partner and each column a duty or power. A cell shows its status on {format_day(as_at)} "
        "(in force, draft guidance or proposed) and how strong it was, or no.\n\n"
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
    yield duties_index(data, site.as_at)
    for d in data.duties:
        yield duty_page(
            data, d, site.as_at, guidance_list(paths.duty(d.id), data, data.guidance_for_duty(d.id), site.as_at)
        )
    yield duty_matrix(data, site.as_at)


def citations(data: DataSet) -> Iterator[Citing]:
    for d in data.duties:
        yield from citations_of(d.name, paths.duty(d.id), d.cites, status=d.status)
