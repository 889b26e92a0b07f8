"""What changed, and when: the change log (data/changes.yml) and the dated status entries, for readers.

A partner's or duty's "Changes to this page" mixes two kinds of change and says
which is which: the law or a proposal changing in the period the sources
describe (the status entries of the body and of the duties it holds, or of the
duty), and editors changing the site (the change-log entries that name it).
Newest first, as readers look for what is new.

A record's first status, when it began no later than the earliest source, is
where the sources start from, not a change: it stays under "Status over time".
The Board, plan, consultation and area pages list only the change-log entries
that name them (or one of their items), and only when there are some.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from trustdocs.core.dates import PartialDate
from trustdocs.core.escape import md
from trustdocs.core.markdown import join_and, table
from trustdocs.model.citations import Cite
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import WHOLE_BOARD, WHOLE_PLAN, Change, Duty, Partner
from trustdocs.rendering import paths
from trustdocs.rendering.common import STATUS_LABELS, cites, duty_link
from trustdocs.rendering.documents.particulars import area_title
from trustdocs.rendering.search import unsearched_heading
from trustdocs.rendering.status import compact

LAW = "Law or proposal"
THIS_SITE = "Change to this site"
# Left out of search: the site's change log page indexes every entry once.
HEADING = f"\n{unsearched_heading(2, 'Changes to this page', 'changes-to-this-page')}\n\n"


class Dated(Protocol):
    @property
    def start(self) -> PartialDate: ...


D = TypeVar("D", bound=Dated)


@dataclass(frozen=True)
class Row:
    date: PartialDate
    kind: str
    what: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Target:
    """Where a change-log entry's record is shown: its name, its page and (for an item of a page) its anchor."""

    label: str
    page: str
    anchor: str = ""


def record_target(data: DataSet, record_id: str) -> Target:
    """The page a record named in the change log is on (the reference check has made sure there is one)."""
    duties = {d.id: d for d in data.duties}
    requirements = {r.id: r for r in data.cypp.requirements}
    consultations = {c.id: c for c in data.consultations}
    areas = {a.id: a for a in data.areas}
    if record_id in duties:
        return Target(duties[record_id].name, paths.duty(record_id))
    if record_id == WHOLE_BOARD:
        return Target("The Children's Trust Board", paths.BOARD)
    if record_id in data.board_item_ids:
        return Target("The Children's Trust Board", paths.BOARD, record_id)
    if record_id == WHOLE_PLAN:
        return Target("The Children and Young People's Plan", paths.CYPP)
    if record_id in requirements:
        return Target(f"The Children and Young People's Plan: {requirements[record_id].heading}", paths.CYPP, record_id)
    if record_id in consultations:
        return Target(consultations[record_id].title, paths.consultation(record_id))
    if record_id in areas:
        return Target(area_title(areas[record_id]), paths.area(record_id))
    return Target(data.partner(record_id).name, paths.partner(record_id))


def _targets(data: DataSet, record_ids: Iterable[str]) -> list[Target]:
    """One target per page, in the order the entry names them."""
    targets: dict[str, Target] = {}
    for record_id in record_ids:
        target = record_target(data, record_id)
        targets.setdefault(target.page, target)
    return list(targets.values())


def record_links(here: str, data: DataSet, record_ids: Iterable[str]) -> str:
    """The records a change names, as links, one per page: 'Police and The Children's Trust Board'."""
    return join_and(f"[{md(t.label)}]({paths.link(here, t.page, t.anchor)})" for t in _targets(data, record_ids))


def record_list(here: str, data: DataSet, record_ids: Iterable[str]) -> str:
    """For a table cell: one link, or a list of links (raw HTML, as a cell holds no Markdown list)."""
    targets = _targets(data, record_ids)
    if len(targets) == 1:
        return record_links(here, data, record_ids)
    items = "".join(f'<li><a href="{paths.href(here, t.page, t.anchor)}">{md(t.label)}</a></li>' for t in targets)
    return f"<ul>{items}</ul>"


def changes_in_period(entries: Sequence[D], data: DataSet) -> list[D]:
    """The status entries that are changes: every one after the first, and a first that began after the sources."""
    begin = data.sources_begin
    return [e for i, e in enumerate(entries) if i > 0 or e.start.start > begin]


def _site_row(change: Change) -> Row:
    return Row(change.date, THIS_SITE, md(change.summary), change.cites)


def _section(here: str, rows: list[Row], data: DataSet) -> str:
    all_changes = f"[All changes to this site]({paths.link(here, paths.SITE_CHANGES)})."
    earliest = md(str(data.earliest_source.date))
    if not rows:
        return (
            f"No change is recorded after the earliest source was published ({earliest}). "
            f"[Status over time](#status-over-time) gives the status then. {all_changes}\n"
        )
    # Newest first; on the same date, the site's changes before the law's, and otherwise the data's order.
    ordered = sorted(enumerate(rows), key=lambda r: (-r[1].date.start.toordinal(), r[1].kind != THIS_SITE, r[0]))
    return (
        f"Newest first. *{LAW}* marks a change to the law or to a proposal. A first status that already applied "
        f"when the earliest source was published ({earliest}) is not a change: see "
        f"[Status over time](#status-over-time). *{THIS_SITE}* marks a "
        f"correction or other change editors made. {all_changes}\n\n"
        + table(
            ["Date", "What kind of change", "What changed", "Source"],
            [[md(str(r.date)), r.kind, r.what, cites(here, r.cites, data)] for _, r in ordered],
        )
    )


def partner_changes(here: str, partner: Partner, data: DataSet, as_at: datetime.date) -> str:
    """A partner page's "Changes to this page": its status, its duties' statuses that bind it, the entries naming it."""
    rows = [
        Row(p.start, LAW, f"Status: {md(STATUS_LABELS[p.status])}.", p.cites)
        for p in changes_in_period(partner.status_history, data)
    ]
    rows += [
        Row(
            e.start,
            LAW,
            f"{duty_link(here, d.name, d.id)}. {compact(e, d.status, data, as_at, partner.id)}",
            e.cites,
        )
        for d in data.duties_held_by(partner.id)
        for e in changes_in_period(d.status, data)
        if not e.binds or partner.id in e.binds  # a proposal to extend a duty to others is on the duty's page
    ]
    rows += [_site_row(c) for c in data.changes_to({partner.id})]
    return _section(here, rows, data)


def duty_changes(here: str, duty: Duty, data: DataSet, as_at: datetime.date) -> str:
    """A duty page's "Changes to this page": its statuses and the entries naming it."""
    rows = [
        Row(e.start, LAW, compact(e, duty.status, data, as_at), e.cites) for e in changes_in_period(duty.status, data)
    ]
    rows += [_site_row(c) for c in data.changes_to({duty.id})]
    return _section(here, rows, data)


def site_changes_section(here: str, data: DataSet, record_ids: Iterable[str]) -> str:
    """For the Board, plan, consultation and area pages: the entries naming the page or its items, if any."""
    changes = data.changes_to(set(record_ids))
    if not changes:
        return ""
    return (
        HEADING
        + "Corrections and other changes editors made to this page, newest first. "
        + f"[All changes to this site]({paths.link(here, paths.SITE_CHANGES)}).\n\n"
        + table(
            ["Date", "What changed", "Source"],
            [[md(str(c.date)), md(c.summary), cites(here, c.cites, data)] for c in changes],
        )
    )
