"""What changed, and when: the change log (data/changes.yml) and the dated status entries, for readers.

A partner's "Changes to this page" mixes two kinds of change and says which is
which: the law or a proposal changing in the period the sources describe (the
status entries of the body and of the duties it holds), and editors changing
the site (the change log). Newest first, as readers look for what is new.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from trustdocs.core.dates import PartialDate
from trustdocs.core.escape import md
from trustdocs.core.markdown import join_and, table
from trustdocs.model.citations import Cite
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import Change, Partner
from trustdocs.rendering import paths
from trustdocs.rendering.common import STATUS_LABELS, cites, duty_link, partner_link
from trustdocs.rendering.status import compact

THE_LAW = "The law or a proposal"
THIS_SITE = "This site"


@dataclass(frozen=True)
class Row:
    date: PartialDate
    kind: str
    what: str
    cites: tuple[Cite, ...]


def record_links(here: str, data: DataSet, record_ids: tuple[str, ...]) -> str:
    """The partners and duties a change names, as links: 'Police and The duty to cooperate'."""
    duties = {d.id: d for d in data.duties}
    return join_and(
        duty_link(here, duties[r].name, r) if r in duties else partner_link(here, data, r) for r in record_ids
    )


def _site_row(change: Change) -> Row:
    return Row(change.date, THIS_SITE, md(change.summary), change.cites)


def partner_changes(here: str, partner: Partner, data: DataSet, as_at: datetime.date) -> str:
    """The partner page's "Changes to this page": its status, its duties' statuses and the change log, newest first."""
    rows = [Row(p.start, THE_LAW, f"Status: {md(STATUS_LABELS[p.status])}.", p.cites) for p in partner.status_history]
    held = data.duties_held_by(partner.id)
    rows += [
        Row(
            e.start,
            THE_LAW,
            f"{duty_link(here, d.name, d.id)}: {compact(e, d.status, data, as_at, partner.id)}",
            e.cites,
        )
        for d in held
        for e in d.status
    ]
    rows += [_site_row(c) for c in data.changes_to({partner.id, *(d.id for d in held)})]
    # Newest first; on the same date, the site's changes before the law's, and otherwise the data's order.
    ordered = sorted(enumerate(rows), key=lambda r: (-r[1].date.start.toordinal(), r[1].kind != THIS_SITE, r[0]))
    return (
        "Newest first. *The law or a proposal* is a change in the period the sources describe; *this site* is a "
        f"correction or other change editors made. [All changes to this site]({paths.link(here, paths.SITE_CHANGES)}).\n\n"
        + table(
            ["Date", "Change to", "What changed", "Source"],
            [[md(str(r.date)), r.kind, r.what, cites(here, r.cites, data)] for _, r in ordered],
        )
    )
