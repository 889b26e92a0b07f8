"""A consultation's state, worked out from its dates against an "as at" date.

- forthcoming: before the day it opens (a month or year opens on its first day);
- open: from the day it opens to the day it closes, inclusive (a month or year
  closes on its last day);
- closed-being-analysed: after it closes, until the outcome date;
- outcome-published: from the outcome date (never before the day after it
  closes; a month or year counts from its first day).

The site uses the build date (SOURCE_DATE_EPOCH's day, if set) unless
``TRUSTDOCS_AS_AT=YYYY-MM-DD`` says otherwise; tests pass a date to
:func:`consultation_state` directly.
"""

from __future__ import annotations

import calendar
import datetime
import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from trustdocs.model.records import PartialDate

if TYPE_CHECKING:
    from trustdocs.model.consultations import Consultation

FORTHCOMING = "forthcoming"
OPEN = "open"
CLOSED = "closed-being-analysed"
PUBLISHED = "outcome-published"
STATES = (OPEN, FORTHCOMING, CLOSED, PUBLISHED)  # the order the index lists them in
STATE_LABELS = {
    FORTHCOMING: "Forthcoming",
    OPEN: "Open",
    CLOSED: "Closed: responses being analysed",
    PUBLISHED: "Outcome published",
}
ENV = "TRUSTDOCS_AS_AT"
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def last_day(date: PartialDate) -> datetime.date:
    """The last day a partial date could mean: 2008-09 ends on 30 September 2008."""
    if date.day is not None:
        return datetime.date(date.year, date.month, date.day)
    month = date.month or 12
    return datetime.date(date.year, month, calendar.monthrange(date.year, month)[1])


def closes_on(consultation: Consultation) -> datetime.date:
    """The last day responses are accepted."""
    return last_day(consultation.dates.closes)


def outcome_from(consultation: Consultation) -> datetime.date | None:
    """The first day the outcome counts as published, or None when no date is set."""
    outcome = consultation.dates.outcome
    if outcome is None:
        return None
    return max(outcome.start, closes_on(consultation) + datetime.timedelta(days=1))


def consultation_state(consultation: Consultation, as_at: datetime.date) -> str:
    if as_at < consultation.dates.opens.start:
        return FORTHCOMING
    if as_at <= closes_on(consultation):
        return OPEN
    published = outcome_from(consultation)
    if published is None or as_at < published:
        return CLOSED
    return PUBLISHED


def as_at_date(environ: Mapping[str, str] = os.environ, today: datetime.date | None = None) -> datetime.date:
    """The date states are worked out for: TRUSTDOCS_AS_AT if set; else the build date.

    The build date is SOURCE_DATE_EPOCH's day when that is set, so a
    reproducible build gives the same pages whenever it runs; otherwise today.
    """
    value = environ.get(ENV, "").strip()
    if not value:
        epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
        return today or datetime.date.today()
    try:
        if not _ISO_DAY.match(value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{ENV}={value!r} is not a date written as YYYY-MM-DD") from None
