"""The data downloads page: the JSON and CSV exports, with their sizes."""

from __future__ import annotations

from collections.abc import Iterator

from trustdocs.core.escape import md
from trustdocs.core.markdown import table
from trustdocs.rendering import paths
from trustdocs.rendering.common import Page
from trustdocs.rendering.site import Site
from trustdocs.rendering.sizes import Sizes, size_label


def downloads_page(exports: tuple[str, ...], sizes: Sizes) -> Page:
    here = paths.DATA
    rows = [[f"[{md(path.split('/')[-1])}]({path})", size_label(sizes[path])] for path in exports]
    markdown = (
        "# Download the data\n\n"
        "Everything on this site comes from this data. Use it under the Open Government Licence v3.0.\n\n"
        + table(["File", "Size"], rows)
    )
    return Page(here, markdown, ("data/partners.yml",))


def pages(site: Site) -> Iterator[Page]:
    # The data exports; the area file to fill in (downloads/) is offered on its own page.
    yield downloads_page(tuple(e for e in site.exports if not e.startswith("downloads/")), site.sizes)
