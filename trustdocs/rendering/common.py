"""What every generated page shares: the Page record, labels, strength, citations and links.

A generator returns :class:`Page` records (path and Markdown). Every piece of
editor text goes through :func:`trustdocs.core.escape.md`, so what the data
says is what the reader sees. No MkDocs, no Jinja: unit-testable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from trustdocs.core.escape import attr, code, md
from trustdocs.core.markdown import join_and
from trustdocs.model.citations import Cite
from trustdocs.model.dataset import DataSet
from trustdocs.rendering import paths
from trustdocs.rendering.paths import link

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


def strength(value: str) -> str:
    """An obligation's strength, worded and styled the same on every page."""
    return f'<strong class="strength strength-{value}">{value}</strong>'


def para_label(para: str, html: bool = False) -> str:
    """A paragraph label as text: numbers as they are, named sections ('next-steps') as code.

    ``html``: for raw HTML (a heading written as ``<h3>``), where Markdown's backticks do not work.
    """
    if not any(ch.isalpha() for ch in para):
        return md(para)
    return f"<code>{attr(para)}</code>" if html else code(para)


def citation(cites: Iterable[Cite], data: DataSet, sources_dir: str) -> str:
    """'(Source title, paragraphs 1.1 and 2.3)': the title links to the source's page, each
    number to that paragraph's anchor on it. ``sources_dir`` is the relative path to sources/.

    The source pages anchor every paragraph that anything on the site cites
    (:func:`trustdocs.rendering.pages.sources.cited_by`), so every link lands. No citations: empty text.
    """
    parts = []
    for source_id, group in groupby(cites, key=lambda c: c.source):
        source = data.source(source_id)
        page = f"{sources_dir}/{source.id}.md"
        paras = [f"[{para_label(c.para)}]({page}#{paths.paragraph_anchor(c.para)})" for c in dict.fromkeys(group)]
        label = "paragraph" if len(paras) == 1 else "paragraphs"
        parts.append(f"[{md(source.short_title)}]({page}), {label} {join_and(paras)}")
    return "(" + "; ".join(parts) + ")" if parts else ""


def cites(from_page: str, items: Iterable[Cite], data: DataSet) -> str:
    return citation(tuple(items), data, link(from_page, paths.SOURCES_DIR))


def partner_link(from_page: str, data: DataSet, partner_id: str) -> str:
    return f"[{md(data.partner(partner_id).name)}]({link(from_page, paths.partner(partner_id))})"


def duty_link(from_page: str, name: str, duty_id: str) -> str:
    return f"[{md(name)}]({link(from_page, paths.duty(duty_id))})"
