"""Changes to this site: the change log, newest first, with the feed's address."""

from __future__ import annotations

from collections.abc import Iterator

from trustdocs.core.escape import md
from trustdocs.core.markdown import table
from trustdocs.model.dataset import DataSet
from trustdocs.rendering import paths
from trustdocs.rendering.change_log import record_list
from trustdocs.rendering.common import Page, cites
from trustdocs.rendering.site import Citing, Site, citations_of

DATA_FILE = "data/changes.yml"


def site_changes_page(data: DataSet) -> Page:
    here = paths.SITE_CHANGES
    feed = paths.href(here, paths.CHANGES_FEED)
    intro = (
        "# Changes to this site\n\n"
        "Corrections and other changes editors have made to this site, newest first. Changes to the law or to "
        "proposals in the period the sources describe are on each page, under its status. "
        f'Follow these changes in a feed reader: <a href="{feed}" type="application/atom+xml">the Atom feed</a>.\n\n'
    )
    if not data.changes:
        return Page(here, intro + "No changes yet.\n", (DATA_FILE,))
    rows = [
        [
            f'<span id="{c.id}"></span>{md(str(c.date))}',
            record_list(here, data, c.records),
            md(c.summary),
            cites(here, c.cites, data),
        ]
        for c in reversed(data.changes)
    ]
    return Page(here, intro + table(["Date", "About", "What changed", "Source"], rows), (DATA_FILE,))


def pages(site: Site) -> Iterator[Page]:
    yield site_changes_page(site.data)


def citations(data: DataSet) -> Iterator[Citing]:
    for c in data.changes:
        yield from citations_of(f"Change of {c.date}", paths.SITE_CHANGES, c.cites, c.id)
