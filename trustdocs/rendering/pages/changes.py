"""The "what would change" page, computed from dated statuses and duties."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from trustdocs.core.escape import md
from trustdocs.core.markdown import bullet_list
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import Duty
from trustdocs.model.status import PROPOSED, Status, in_force_on, statuses_on
from trustdocs.rendering import paths
from trustdocs.rendering.common import Page, duty_link, format_day, partner_link
from trustdocs.rendering.site import Site
from trustdocs.rendering.status import short_status

HERE = paths.CHANGES
# The framework in force under the 2005 guidance, just before the July 2008 proposals,
# and the position once both 2008 consultations had been published.
BEFORE = datetime.date(2008, 6, 30)
AFTER = datetime.date(2008, 12, 31)


def _proposed_entries(duty: Duty, day: datetime.date) -> tuple[Status, ...]:
    return tuple(e for e in statuses_on(duty.status, day) if e.kind == PROPOSED)


def changes_page(data: DataSet) -> Page:
    in_force_partners = data.partners_with_status("relevant-partner", BEFORE)
    joining = data.partners_with_status("proposed-relevant-partner", AFTER)
    in_force_duties = [d for d in data.duties if in_force_on(d.status, BEFORE)]
    proposed_duties = [d for d in data.duties if _proposed_entries(d, AFTER)]
    markdown = (
        "# What the 2008 proposals would change\n\n"
        f"This page compares the framework in force on {format_day(BEFORE)}, under the 2005 guidance, "
        "with the changes proposed in 2008. It is worked out from the dated statuses in the data.\n\n"
        "## Who is under the duty to cooperate\n\n"
        f"In force ({len(in_force_partners)} relevant partners, with the local authority):\n\n"
        + bullet_list(partner_link(HERE, data, p.id) for p in in_force_partners)
        + f"\nProposed to join them ({len(joining)}):\n\n"
        + bullet_list(
            f"{partner_link(HERE, data, p.id)}, proposed in "
            f"{md(str(next(s.start for s in p.status_history if s.status == 'proposed-relevant-partner')))}"
            for p in joining
        )
        + "\n## Duties and powers\n\n"
        + f"In force on {format_day(BEFORE)} ({len(in_force_duties)}):\n\n"
        + bullet_list(
            f"{duty_link(HERE, d.name, d.id)}: "
            + "; ".join(short_status(e, d.status, BEFORE) for e in statuses_on(d.status, BEFORE) if e.is_law)
            for d in in_force_duties
        )
        + f"\nNew or changed under the proposals ({len(proposed_duties)}):\n\n"
        + bullet_list(
            f"{duty_link(HERE, d.name, d.id)}: "
            + "; ".join(short_status(e, d.status, AFTER) for e in _proposed_entries(d, AFTER))
            for d in proposed_duties
        )
    )
    return Page(HERE, markdown, ("data/partners.yml", "data/duties.yml"))


def pages(site: Site) -> Iterator[Page]:
    yield changes_page(site.data)
