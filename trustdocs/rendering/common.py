"""Pure render functions: data in, Markdown out. No MkDocs, no Jinja, unit-testable.

Every piece of editor text goes through :func:`trustdocs.core.escape.md`, so what the
data says is what the reader sees.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from trustdocs.core.escape import code, md
from trustdocs.model.records import Cite, DataSet, Feature, Outcome


def para_label(para: str) -> str:
    """A paragraph label as text: numbers as they are, named sections ('next-steps') as code."""
    return code(para) if any(ch.isalpha() for ch in para) else md(para)


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
        paras = [f"[{para_label(c.para)}]({page}#p-{c.para.replace('.', '-')})" for c in dict.fromkeys(group)]
        label = "paragraph" if len(paras) == 1 else "paragraphs"
        listed = paras[0] if len(paras) == 1 else ", ".join(paras[:-1]) + " and " + paras[-1]
        parts.append(f"[{md(source.short_title)}]({page}), {label} {listed}")
    return "(" + "; ".join(parts) + ")" if parts else ""


def _numbered(items: Iterable[Outcome | Feature], data: DataSet, sources_dir: str) -> str:
    """A numbered list of named items, each with its summary and sources."""
    return "\n".join(
        f"{n}. **{md(item.name)}**. {md(item.summary)} {citation(item.cites, data, sources_dir)}"
        for n, item in enumerate(items, start=1)
    ) + "\n"


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

