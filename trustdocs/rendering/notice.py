"""Every page and document says which period it describes, and that the law has changed since.

The sources date from 2008 and 2009. A reader must never take a 2008 proposal
for today's law, so each page opens with the period its own sources cover,
the date the site is worked out for, and a link to the law in force today.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from trustdocs.core.dates import MONTHS, last_day
from trustdocs.core.escape import md
from trustdocs.core.markdown import bullet_list
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import Area
from trustdocs.rendering import paths
from trustdocs.rendering.common import format_day
from trustdocs.rendering.search import EXCLUDE

CURRENT_LAW = "https://www.legislation.gov.uk/"
_SOURCE_LINK = re.compile(rf"{paths.SOURCES_DIR}/([a-z0-9-]+)\.md")


def month(day: datetime.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def period(data: DataSet, source_ids: Iterable[str] = ()) -> tuple[datetime.date, datetime.date]:
    """The first and last dates of the documents cited (all documents when none are).

    A document dated by its year alone counts from the year's end: it may be from any month of it.
    """
    wanted = set(source_ids)
    documents = [s for s in data.documents if s.id in wanted] or list(data.documents)
    dates = [s.date.start if s.date.month else last_day(s.date) for s in documents]
    return min(dates), max(dates)


def _span(first: datetime.date, last: datetime.date) -> str:
    return month(first) if (first.year, first.month) == (last.year, last.month) else f"{month(first)} to {month(last)}"


NOTICE_TITLE = "Which period this page describes"


def page_notice(data: DataSet, as_at: datetime.date, markdown: str) -> str:
    """The admonition that opens a page: its period, the as-at date, and where the law in force today is."""
    first, last = period(data, _SOURCE_LINK.findall(markdown))
    # Material's note, written as HTML so that search can leave it out: every page has it.
    return (
        f'<div class="admonition note" {EXCLUDE} markdown>\n'
        f'<p class="admonition-title">{NOTICE_TITLE}</p>\n\n'
        f"This page describes the framework as its sources set it out, {_span(first, last)}. "
        f"Statuses are shown as at {format_day(as_at)}. The latest source is dated "
        f"{format_day(data.latest_source_date)}. Proposals and draft guidance were not law. "
        f"The law has changed since: see [legislation.gov.uk]({CURRENT_LAW}) for the law in force today.\n\n"
        "</div>\n\n"
    )


def with_notice(markdown: str, notice: str) -> str:
    """The page with the notice straight after its first-level heading."""
    heading, newline, rest = markdown.partition("\n")
    if not heading.startswith("# "):
        return notice + markdown
    return f"{heading}{newline}\n{notice}{rest.lstrip(chr(10))}"


# How an area's illustrative values are named in its documents' status section.
_FIELD_NAMES = {
    "area_type": "the kind of area",
    "local_authority": "the lead council",
    "trust_name": "the Board's name",
    "bodies": "the named partner bodies",
    "chair": "the chair",
    "vice_chair": "the vice-chair",
    "lscb_chair": "the safeguarding board's chair",
    "additional_members": "the additional members",
    "schools_representatives": "the number of head teachers",
    "summary": "the summary",
    "voluntary_sector_representatives": "the number of voluntary sector members",
    "quorum": "the quorum",
    "meetings_per_year": "the number of meetings",
    "papers_days": "when papers go out",
    "review_months": "when the constitution is reviewed",
    "plan_period": "the plan period",
}


def every_value_illustrative(area: Area) -> bool:
    """Whether no source states any of an area's values: a file saved from the form "Get documents for your area"."""
    every = set(_FIELD_NAMES) - (set() if area.additional_members else {"additional_members"})
    return area.fictional or every <= area.illustrative


def document_notice(data: DataSet, area: Area | None = None) -> str:
    """The status section that opens every model document; an area's says which of its values are illustrative."""
    first, last = period(data)
    illustrative = ""
    if area is not None and area.fictional:
        illustrative = f"\n{md(area.name)} is a made-up area: every value for it is illustrative.\n"
    elif area is not None and area.illustrative:
        named = [_FIELD_NAMES[f] for f in sorted(area.illustrative, key=list(_FIELD_NAMES).index)]
        if every_value_illustrative(area):
            opening = f"Every value for {md(area.name)} is illustrative: no source on the site states them."
        else:
            opening = f"Some of the values for {md(area.name)} are illustrative: its source does not state them."
        illustrative = f"\n{opening} Check each before you adopt this document:\n\n" + bullet_list(md(n) for n in named)
    return (
        "## Status of this document {#document-status}\n\n"
        "This model document was made from the data on the Children's Trusts guidance site. It describes the "
        f"framework as its sources set it out, {_span(first, last)}. It is dated {format_day(data.latest_source_date)}, "
        "the date of the latest source. Much of it rests on proposals and draft guidance of 2008, which were not law. "
        f"The law has changed since: check the law in force today at {CURRENT_LAW} before you adopt it.\n"
        + illustrative
    )
