"""The framework on a date: each body's and each duty's status at every key date, worked out from the data.

Nothing here is written by hand. The key dates are the dates on which a
status in the data begins, and the date of the latest source; the status on
each is read from the dated entries (:func:`trustdocs.model.status.statuses_on`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from trustdocs.core.dates import PartialDate, last_day
from trustdocs.core.escape import md
from trustdocs.core.markdown import table
from trustdocs.model.dataset import DataSet
from trustdocs.model.status import statuses_on
from trustdocs.rendering import paths
from trustdocs.rendering.common import STATUS_LABELS, Page, duty_link, format_day, partner_link
from trustdocs.rendering.site import Site
from trustdocs.rendering.status import NAMES, strength_badge

HERE = paths.ON_A_DATE


def key_dates(data: DataSet) -> list[tuple[str, datetime.date]]:
    """(label, day) for each month in which a status begins, and the latest source's date; oldest first.

    A status that begins in a month counts from the end of that month, so
    "July 2008" shows everything proposed in July 2008.
    """
    starts: set[PartialDate] = {s.start for p in data.partners for s in p.status_history}
    starts |= {e.start for d in data.duties for e in d.status}
    by_month: dict[tuple[int, int], tuple[str, datetime.date]] = {}
    for start in sorted(starts, key=lambda s: s.start):
        day = last_day(PartialDate(start.year, start.month))
        label = str(PartialDate(start.year, start.month))
        by_month[(day.year, day.month if start.month else 0)] = (label, day)
    latest = data.latest_source_date
    by_month[(latest.year, latest.month)] = (format_day(latest), latest)
    return sorted(by_month.values(), key=lambda item: item[1])


def _when_unsure(start: PartialDate, day: datetime.date) -> str:
    """' (2008, month not stated)' when a status begins in a year or month that ``day`` falls inside.

    A status dated only "2008" counts from 1 January 2008 but may have begun
    in December; on a date inside that span the page says it does not know.
    """
    if last_day(start) <= day:
        return ""
    return f" ({start}, month not stated)" if start.month is None else f" ({start}, day not stated)"


def _body_status(data: DataSet, partner_id: str, day: datetime.date) -> str:
    period = data.partner(partner_id).period_on(day)
    if period is None:
        return "Not yet named"
    return md(STATUS_LABELS[period.status]) + _when_unsure(period.start, day)


def _duty_status(data: DataSet, duty_id: str, day: datetime.date) -> str:
    duty = next(d for d in data.duties if d.id == duty_id)
    entries = statuses_on(duty.status, day)
    if not entries and duty.status and duty.status[0].dated_by:
        return f"Not stated: {md(NAMES[duty.status[0].kind].lower())} by {duty.status[0].start}"
    if not entries:
        return "Not yet"
    return "; ".join(
        md(NAMES[e.kind])
        + (f": {strength_badge(e, duty.status, day)}" if e.strength else "")
        + _when_unsure(e.start, day)
        for e in entries
    )


def on_a_date_page(data: DataSet) -> Page:
    dates = key_dates(data)
    header = [md(label) for label, _ in dates]
    bodies = table(
        ["Body", *header],
        [[partner_link(HERE, data, p.id), *(_body_status(data, p.id, day) for _, day in dates)] for p in data.partners],
    )
    duties = table(
        ["Duty or power", *header],
        [[duty_link(HERE, d.name, d.id), *(_duty_status(data, d.id, day) for _, day in dates)] for d in data.duties],
    )
    markdown = (
        "# The framework on a date\n\n"
        "Each body's status and each duty's status, as the data records them, at each date on which "
        "something changed. A month stands for its last day: July 2008 shows everything proposed in July 2008. "
        "Where the sources give only the year or month in which a status began, and the date falls inside it, "
        "the table says so. "
        "This page is worked out from the dated statuses in the data; nothing on it is written by hand. "
        "Each body's and each duty's page gives the sources.\n\n"
        "## Bodies\n\n" + bodies + "\n## Duties and powers\n\n" + duties
    )
    return Page(HERE, markdown, ("data/partners.yml", "data/duties.yml"))


def pages(site: Site) -> Iterator[Page]:
    yield on_a_date_page(site.data)
