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

import datetime

from trustdocs.core.dates import last_day
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
