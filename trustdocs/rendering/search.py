"""Search tuning: which pages a search should put first, as a boost in each page's front matter.

Material's search scores a page by its best matching section, and a title
match counts a thousand times a match in the text. So many pages tie when a
query names a thing in their titles ("Children and Young People's Plan" is
in the titles of the plan page, five duties and three templates). The boost
breaks the tie towards the page a reader wants: the site's own page for a
thing (a partner, the Board, the plan), then the generic model documents. The
source register and its entries, which restate what other pages say, come
after the pages that use them. Checked in Chromium by tests/test_journeys_browser.py.
"""

from __future__ import annotations

import re

from trustdocs.rendering import paths

# Material's search leaves out any element with this attribute, and a section
# whose heading has it. Left out: what every page repeats (the period notice,
# "Changes to this page", which the site's change log indexes once) and what
# another page indexes (a guidance paragraph quoted on its source's page), so
# the index stays small as areas are added and a search finds each text once.
EXCLUDE = "data-search-exclude"


def unsearched(markdown: str) -> str:
    """Block Markdown that search leaves out (md_in_html keeps it Markdown)."""
    return f"<div {EXCLUDE} markdown>\n\n{markdown.strip()}\n\n</div>\n\n"


def unsearched_heading(level: int, text: str, anchor: str) -> str:
    """A heading whose whole section search leaves out; ``text`` is Markdown, already escaped."""
    return f"{'#' * level} {text} {{ #{anchor} {EXCLUDE} }}"


# The site's own page for a thing readers name.
TOPIC = 2.0
# A generic model document, above its copies for each area.
MODEL_DOCUMENT = 1.5
# The register of sources and each source's page.
SOURCE = 0.5

_TOPIC_PAGES = {paths.BOARD, paths.CYPP, paths.FEATURES, paths.OUTCOMES, paths.PARTNERS, paths.DUTIES}
_PARTNER = re.compile(rf"{paths.PARTNERS_DIR}/[^/]+\.md")
_GENERIC_DOCUMENT = re.compile(rf"{paths.DOCUMENTS_DIR}/[^/]+\.md")


def search_boost(path: str, printable_forms: frozenset[str] = frozenset()) -> float:
    """The boost for a page at ``path`` (1 for most pages). ``printable_forms``: the paths of the
    printable consultation response forms, which are documents but not model documents."""
    if path in _TOPIC_PAGES or _PARTNER.fullmatch(path):
        return TOPIC
    if path.startswith(paths.SOURCES_DIR + "/"):
        return SOURCE
    if _GENERIC_DOCUMENT.fullmatch(path) and path != paths.DOCUMENTS and path not in printable_forms:
        return MODEL_DOCUMENT
    return 1.0
