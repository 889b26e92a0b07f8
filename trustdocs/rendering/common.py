"""What every generated page shares: the Page record, labels, strength, citations and links.

A generator returns :class:`Page` records (path and Markdown). Every piece of
editor text goes through :func:`trustdocs.core.escape.md`, so what the data
says is what the reader sees. No MkDocs, no Jinja: unit-testable.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape

from trustdocs.core.dates import MONTHS
from trustdocs.core.escape import md, yaml_string
from trustdocs.core.markdown import join_and
from trustdocs.model.citations import Cite
from trustdocs.model.dataset import DataSet
from trustdocs.rendering import paths
from trustdocs.rendering.paths import link

# Front matter for every generated page: the Markdown is final, so the macros
# plugin must not treat it as a Jinja template (data text is escaped anyway).
FRONT_MATTER = "---\nrender_macros: false\n---\n\n"
# The same, for a page left out of the site's search index (Material's search plugin reads it).
UNSEARCHED_FRONT_MATTER = "---\nrender_macros: false\nsearch:\n  exclude: true\n---\n\n"

# The GOV.UK error summary both forms share: a page with a form loads it just before the form's own script, and
# no other page loads either (no site-wide script of ours; the Content-Security-Policy allows files of our own).
FORM_ERRORS_SCRIPT = "assets/javascripts/form-errors.js"


def form_scripts(here: str, script: str) -> str:
    """The script tags that follow a form on its page: the shared error summary, then the form's own script."""
    return (
        "".join(
            f'<script src="{escape(paths.href(here, s), quote=True)}"></script>' for s in (FORM_ERRORS_SCRIPT, script)
        )
        + "\n"
    )


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


def format_day(day: datetime.date) -> str:
    """GOV.UK style: 21 July 2009."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, its Markdown, and the data files it comes from."""

    path: str  # relative to docs/, e.g. partners/police.md
    markdown: str
    data_files: tuple[str, ...]  # e.g. ("data/partners.yml",): "Edit this page" goes to the first
    searchable: bool = True  # False: left out of the search index (each area's copies of the model documents)
    search_boost: float = 1.0  # how far search lifts the page over others that match as well (rendering/search.py)
    search_terms: tuple[str, ...] = ()  # other names for the page's subject, matched before any text (search.py)

    @property
    def text(self) -> str:
        if not self.searchable:
            return UNSEARCHED_FRONT_MATTER + self.markdown
        extra = ""
        if self.search_terms:
            # Material's search indexes a page's tags, and ranks a match in them first. JSON strings are
            # YAML strings, so editor text cannot break the front matter.
            extra += "tags:\n" + "".join(f"  - {yaml_string(term)}\n" for term in self.search_terms)
        if self.search_boost != 1.0:
            extra += f"search:\n  boost: {self.search_boost:g}\n"
        return FRONT_MATTER.replace("---\n\n", extra + "---\n\n") + self.markdown


def strength(value: str) -> str:
    """An obligation's strength, worded and styled the same on every page."""
    return f'<strong class="strength strength-{value}">{value}</strong>'


_LABEL_FORMS = (
    (re.compile(r"fn-(\d+)"), "footnote {}"),
    (re.compile(r"q(\d+)"), "question {}"),
    (re.compile(r"appendix-(\d+)"), "appendix {}"),
    (re.compile(r"section-(\d+[A-Z]?)"), "section {}"),
    (re.compile(r"(\d+(?:\.\d+)*)"), "paragraph {}"),
)


def reader_label(para: str, labels: Mapping[str, str] | None = None) -> str:
    """How a reader sees a paragraph label, never an internal code: '14' -> 'paragraph 14',
    'fn-2' -> 'footnote 2', 'q1' -> 'question 1'; a named section by the label the register gives it."""
    if labels and para in labels:
        return labels[para]
    for pattern, form in _LABEL_FORMS:
        match = pattern.fullmatch(para)
        if match:
            return form.format(match.group(1))
    return "section '" + para.replace("-", " ").capitalize() + "'"


def _label_kind(label: str) -> tuple[str, str]:
    """'paragraph 14' -> ('paragraph', '14'); a label of another form has no kind to group by."""
    word, _, rest = label.partition(" ")
    return (word, rest) if word in _GROUPED and rest else ("", label)


_GROUPED = {
    "paragraph": "paragraphs",
    "footnote": "footnotes",
    "question": "questions",
    "section": "sections",
    "appendix": "appendices",
}


def grouped_labels(labels: Iterable[str]) -> str:
    """Labels as readers see them, grouped by kind: 'paragraphs 14 and 15, and footnote 2'."""
    return labelled_links((label, "") for label in labels)


def labelled_links(labels: Iterable[tuple[str, str]]) -> str:
    """(label, target) pairs as readers see them, grouped by kind: 'paragraphs [14](..) and [15](..), footnote [2](..)'."""
    groups: dict[str, list[str]] = {}
    for label, target in labels:
        kind, rest = _label_kind(label)
        groups.setdefault(kind, []).append(f"[{md(rest)}]({target})" if target else md(rest))
    parts = []
    for kind, links in groups.items():
        if not kind:
            parts.extend(links)
        else:
            parts.append(f"{kind if len(links) == 1 else _GROUPED[kind]} {join_and(links)}")
    return ", ".join(parts)


def citation(cites: Iterable[Cite], data: DataSet, sources_dir: str) -> str:
    """'(Legislative options (2008), paragraphs 14 and 15; ...)': the title links to the source's page, each
    number to that paragraph's anchor on it. ``sources_dir`` is the relative path to sources/.

    Readers see 'paragraph', 'footnote', 'question' or a section's name, never an
    internal code. The source pages anchor every paragraph that anything on the
    site cites, and show there what it says, so every link lands on its paragraph.
    No citations: empty text.
    """
    parts = []
    by_source: dict[str, list[Cite]] = {}  # each source once, in the order it is first cited
    for c in cites:
        by_source.setdefault(c.source, []).append(c)
    for source_id, group in by_source.items():
        source = data.source(source_id)
        page = f"{sources_dir}/{source.id}.md"
        labels = [
            (reader_label(c.para, source.labels), f"{page}#{paths.paragraph_anchor(c.para)}")
            for c in dict.fromkeys(group)
        ]
        parts.append(f"[{md(source.short_title)}]({page}), {labelled_links(labels)}")
    return "(" + "; ".join(parts) + ")" if parts else ""


def cites(from_page: str, items: Iterable[Cite], data: DataSet) -> str:
    return citation(tuple(items), data, link(from_page, paths.SOURCES_DIR))


def partner_link(from_page: str, data: DataSet, partner_id: str) -> str:
    return f"[{md(data.partner(partner_id).name)}]({link(from_page, paths.partner(partner_id))})"


def duty_link(from_page: str, name: str, duty_id: str) -> str:
    return f"[{md(name)}]({link(from_page, paths.duty(duty_id))})"
