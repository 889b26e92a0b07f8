"""What every generated page shares: the Page record, links between pages, labels, citations.

A generator returns :class:`Page` records (path and Markdown). The MkDocs hook
adds them to the site as virtual files; ``trustdocs pages --out DIR`` writes
them to disk, so the pages never exist only inside a hook.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from trustdocs.core.escape import md
from trustdocs.core.markdown import bullet_list, table  # noqa: F401 - the page modules import them from here
from trustdocs.model.records import Cite, DataSet
from trustdocs.rendering.common import citation

# Front matter for every generated page: the Markdown is final, so the macros
# plugin must not treat it as a Jinja template (data text is escaped anyway).
FRONT_MATTER = "---\nrender_macros: false\n---\n\n"

STATUS_LABELS = {
    "lead-authority": "Lead authority: makes the cooperation arrangements",
    "relevant-partner": "Relevant partner: under the duty to cooperate",
    "proposed-relevant-partner": "Proposed for the duty to cooperate",
    "other-partner": "Other partner: no statutory duty to cooperate",
    "related-partnership": "Related partnership",
}
CATEGORY_LABELS = {
    "local-authority": "The local authority",
    "relevant-partner": "Relevant partners under section 10",
    "proposed-partner": "Bodies proposed in 2008 for the duty to cooperate",
    "other-partner": "Other partners",
    "related-partnership": "Related partnerships",
}
AREA_LABELS = {"unitary": "unitary areas", "two-tier": "two-tier areas (county and district councils)"}
DUTY_STATUS_LABELS = {"in-force": "In force in 2008", "proposed": "Proposed in 2008"}


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, its Markdown, and the data files it comes from."""

    path: str  # relative to docs/, e.g. partners/police.md
    markdown: str
    data_files: tuple[str, ...]  # e.g. ("data/partners.yml",): "Edit this page" goes to the first

    @property
    def text(self) -> str:
        return FRONT_MATTER + self.markdown


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative Markdown link target from one docs/ path to another."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


def strength(value: str) -> str:
    """An obligation's strength, worded and styled the same on every page."""
    return f'<strong class="strength strength-{value}">{value}</strong>'


def cites(from_page: str, items: Iterable[Cite], data: DataSet) -> str:
    return citation(tuple(items), data, link(from_page, "sources"))


def partner_link(from_page: str, data: DataSet, partner_id: str) -> str:
    return f"[{md(data.partner(partner_id).name)}]({link(from_page, f'partners/{partner_id}.md')})"


def duty_link(from_page: str, name: str, duty_id: str) -> str:
    return f"[{md(name)}]({link(from_page, f'duties/{duty_id}.md')})"
