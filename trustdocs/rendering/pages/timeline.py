"""The timeline: dated events, grouped by year, oldest first."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from trustdocs.core.escape import attr, md
from trustdocs.model.dataset import DataSet
from trustdocs.rendering import paths
from trustdocs.rendering.common import Page, cites
from trustdocs.rendering.site import Citing, Site, citations_of

HERE = paths.TIMELINE


def timeline_page(data: DataSet) -> Page:
    parts = [
        "# Timeline\n\nThe framework's dates, from Every Child Matters to the plans due in 2010 and later. "
        "Planned dates are as the sources gave them in 2008 and 2009.\n"
    ]
    for year, events in groupby(data.timeline, key=lambda e: e.date.year):
        parts.append(f"\n## {year}\n\n")
        parts.append(
            "\n".join(
                f'- <span id="{attr(e.id)}"></span>**{md(str(e.date))}: {md(e.title)}**. {md(e.summary)} {cites(HERE, e.cites, data)}'
                for e in events
            )
            + "\n"
        )
    return Page(HERE, "".join(parts), ("data/timeline.yml",))


def pages(site: Site) -> Iterator[Page]:
    yield timeline_page(site.data)


def citations(data: DataSet) -> Iterator[Citing]:
    for e in data.timeline:
        yield from citations_of(f"Timeline: {e.title}", paths.TIMELINE, e.cites, e.id)
