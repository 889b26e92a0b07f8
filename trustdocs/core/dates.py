"""Dates as precise as their sources: a year, a month or a day.

The one parser of the data's dates (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), and
how such a date reads and where it starts and ends.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date as precise as its source: a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a day that exists, in 1900-2100; else ValueError.

        The one parser: the schema's ``partial-date`` format and every check
        that compares dates use it, so no check meets a date it cannot handle.
        """
        match = _PARTIAL_DATE.fullmatch(text) if isinstance(text, str) else None
        if not match:
            raise ValueError(f"{text!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD")
        year = int(match.group(1))
        month, day = (int(g) if g else None for g in match.groups()[1:])
        # ValueError for month 13, day 0 or 30 February. Month 0 is checked first: 'or 1' would read it as January.
        if month == 0:
            raise ValueError(f"{text!r} has month 00")
        datetime.date(year, month or 1, 1 if day is None else day)
        if not 1900 <= year <= 2100:
            raise ValueError(f"{text!r} is outside 1900-2100")
        return cls(year, month, day)

    @property
    def start(self) -> datetime.date:
        """The first day the date could mean: 2008-07 starts on 1 July 2008."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def iso(self) -> str:
        return "-".join(
            f"{n:02d}" if i else str(n) for i, n in enumerate([self.year, self.month, self.day]) if n is not None
        )

    def __str__(self) -> str:  # GOV.UK style: 3 April 2008, July 2008, 2005
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return f"{self.day} {MONTHS[self.month - 1]} {self.year}"


def last_day(date: PartialDate) -> datetime.date:
    """The last day a partial date could mean: 2008-09 ends on 30 September 2008."""
    if date.day is not None and date.month is not None:
        return datetime.date(date.year, date.month, date.day)
    month = date.month or 12
    return datetime.date(date.year, month, calendar.monthrange(date.year, month)[1])
