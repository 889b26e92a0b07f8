"""The five outcomes, the five essential features, and the glossary."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from trustdocs.core.escape import attr, md
from trustdocs.core.markdown import table
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import Named
from trustdocs.rendering import paths
from trustdocs.rendering.common import Page, citation, cites
from trustdocs.rendering.paths import link
from trustdocs.rendering.site import Citing, Site, citations_of


def outcomes_page(data: DataSet) -> Page:
    here = paths.OUTCOMES
    markdown = (
        "# The five outcomes\n\n"
        "Every Child Matters (2003) set five outcomes for every child. Together they define the "
        "well-being that partners must cooperate to improve.\n\n" + outcomes_list(data, link(here, "sources"))
    )
    return Page(here, markdown, ("data/outcomes.yml",))


def features_page(data: DataSet) -> Page:
    here = paths.FEATURES
    markdown = (
        "# The five essential features of a Children's Trust\n\n"
        "The 2005 statutory guidance set out five essential features, and the 2008 draft guidance "
        "kept them. All five need to be in place and working together.\n\n" + features_list(data, link(here, "sources"))
    )
    return Page(here, markdown, ("data/features.yml",))


def glossary_page(data: DataSet) -> Page:
    here = paths.GLOSSARY
    rows = [
        [
            f'<span id="{attr(t.id)}"></span>{md(t.term)}' + (f" ({md(t.abbreviation)})" if t.abbreviation else ""),
            f"{md(t.definition)} {cites(here, t.cites, data)}",
        ]
        for t in sorted(data.glossary, key=lambda t: t.term.lower())
    ]
    markdown = "# Glossary\n\nTerms and abbreviations used on this site.\n\n" + table(["Term", "Meaning"], rows)
    return Page(here, markdown, ("data/glossary.yml",))


def abbreviations(data: DataSet) -> str:
    """Markdown abbreviation definitions, so every abbreviation shows its expansion on hover."""
    lines = [f"*[{abbr}]: {md(term)}" for abbr, term in abbreviation_pairs(data).items()]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""


def abbreviation_pairs(data: DataSet) -> dict[str, str]:
    """Every abbreviation the site uses and what it stands for: the glossary's, and partners' short names."""
    pairs: dict[str, str] = {}
    for t in data.glossary:
        if t.abbreviation:  # the plural too: the guidance says PCTs as often as PCT
            pairs.setdefault(t.abbreviation, t.term)
            # Only a regular plural, made on the head noun: 'Directors of Children's Services', never
            # 'Every Child Matterss' (a head noun ending s, x, z, ch, sh or y gets no plural).
            head, of, rest = t.term.partition(" of ")
            if not re.search(r"(?:[sxzy]|ch|sh)$", head):
                pairs.setdefault(t.abbreviation + "s", head + "s" + of + rest)
    for p in data.partners:  # SHAs, PRUs, SSCCs: a partner's short name, when it is an abbreviation
        if re.fullmatch(r"[A-Z]{2,6}s?", p.short_name):
            pairs.setdefault(p.short_name, p.name)
    return pairs


def with_abbreviation_in_heading(markdown: str, pairs: dict[str, str]) -> str:
    """A page whose title spells out a term gives its abbreviation after it, GOV.UK style: 'The Children
    and Young People's Plan (CYPP)'. So a search for the abbreviation finds the page by its title, as a
    search for the words does. A term already followed by brackets ('... Board (LSCB)') is left alone.
    The term is matched whatever its case, and keeps the case it has in the title.
    """
    head, newline, rest = markdown.partition("\n")
    if not head.startswith("# "):
        return markdown
    for abbreviation, term in sorted(pairs.items(), key=lambda pair: -len(pair[1])):
        if re.search(rf"(?<![\w&#;]){re.escape(md(abbreviation))}(?!\w)", head):  # the heading is escaped
            continue
        # Case-blind: a duty's title writes 'a joint strategic needs assessment' in lower case.
        pattern = rf"(?<!\w){re.escape(md(term))}(?!\w)(?!\s*\()"
        head = re.sub(pattern, _add(abbreviation), head, count=1, flags=re.IGNORECASE)
    return head + newline + rest


def _add(abbreviation: str) -> Callable[[re.Match[str]], str]:
    """A replacement that writes the abbreviation in brackets after the matched term."""
    return lambda match: f"{match.group(0)} ({md(abbreviation)})"


# The home page's placeholders (macros/__init__.py fills them through mkdocs-macros).


def _numbered(items: Iterable[Named], data: DataSet, sources_dir: str) -> str:
    """A numbered list of named items, each with its summary and sources."""
    return (
        "\n".join(
            f"{n}. **{md(item.name)}**. {md(item.summary)} {citation(item.cites, data, sources_dir)}"
            for n, item in enumerate(items, start=1)
        )
        + "\n"
    )


def outcomes_list(data: DataSet, sources_dir: str = "sources") -> str:
    """The five Every Child Matters outcomes as a numbered list, each with its source."""
    return _numbered(data.outcomes, data, sources_dir)


def features_list(data: DataSet, sources_dir: str = "sources") -> str:
    """The five essential features of a Children's Trust, each with its source."""
    return _numbered(data.features, data, sources_dir)


def counts_summary(data: DataSet) -> str:
    """A one-line summary of the data set, for the home page."""
    return (
        f"{len(data.partners)} partners and partnerships, {len(data.duties)} duties and powers, "
        f"{len(data.board.objectives)} proposed Board objectives, {len(data.cypp.requirements)} "
        f"plan requirements and {len(data.sources)} source documents."
    )


def pages(site: Site) -> Iterator[Page]:
    yield outcomes_page(site.data)
    yield features_page(site.data)
    yield glossary_page(site.data)


def citations(data: DataSet) -> Iterator[Citing]:
    for o in data.outcomes:
        yield from citations_of(f"Outcome: {o.name}", paths.OUTCOMES, o.cites)
    for f in data.features:
        yield from citations_of(f"Essential feature: {f.name}", paths.FEATURES, f.cites)


def glossary_citations(data: DataSet) -> Iterator[Citing]:
    for t in data.glossary:
        yield from citations_of(f"Glossary: {t.term}", paths.GLOSSARY, t.cites, t.id)
