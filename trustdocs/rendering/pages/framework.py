"""The five outcomes, the five essential features, and the glossary."""

from __future__ import annotations

import re

from trustdocs.core.escape import attr, md
from trustdocs.model.records import DataSet
from trustdocs.rendering.common import features_list, outcomes_list
from trustdocs.rendering.pages.base import Page, cites, link, table


def outcomes_page(data: DataSet) -> Page:
    here = "outcomes.md"
    markdown = (
        "# The five outcomes\n\n"
        "Every Child Matters (2003) set five outcomes for every child. Together they define the "
        "well-being that partners must cooperate to improve.\n\n"
        + outcomes_list(data, link(here, "sources"))
    )
    return Page(here, markdown, ("data/outcomes.yml",))


def features_page(data: DataSet) -> Page:
    here = "features.md"
    markdown = (
        "# The five essential features of a Children's Trust\n\n"
        "The 2005 statutory guidance set out five essential features, and the 2008 draft guidance "
        "kept them. All five need to be in place and working together.\n\n"
        + features_list(data, link(here, "sources"))
    )
    return Page(here, markdown, ("data/features.yml",))


def glossary_page(data: DataSet) -> Page:
    here = "glossary.md"
    rows = [
        [f'<span id="{attr(t.id)}"></span>{md(t.term)}' + (f" ({md(t.abbreviation)})" if t.abbreviation else ""),
         f"{md(t.definition)} {cites(here, t.cites, data)}"]
        for t in sorted(data.glossary, key=lambda t: t.term.lower())
    ]
    markdown = "# Glossary\n\nTerms and abbreviations used on this site.\n\n" + table(["Term", "Meaning"], rows)
    return Page(here, markdown, ("data/glossary.yml",))


def abbreviations(data: DataSet) -> str:
    """Markdown abbreviation definitions, so every abbreviation shows its expansion on hover."""
    pairs: dict[str, str] = {}
    for t in data.glossary:
        if t.abbreviation:  # the plural too: the guidance says PCTs as often as PCT
            pairs.setdefault(t.abbreviation, t.term)
            pairs.setdefault(t.abbreviation + "s", t.term + "s")
    for p in data.partners:  # SHAs, PRUs, SSCCs: a partner's short name, when it is an abbreviation
        if re.fullmatch(r"[A-Z]{2,6}s?", p.short_name):
            pairs.setdefault(p.short_name, p.name)
    lines = [f"*[{abbr}]: {md(term)}" for abbr, term in pairs.items()]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""
