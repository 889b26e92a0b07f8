"""Pure render functions: data in, Markdown out. No MkDocs, no Jinja, unit-testable.

Every piece of editor text goes through :func:`macros.escape.md`, so what the
data says is what the reader sees.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from .escape import attr, md
from .models import Cite, DataSet, Source, expand_paragraphs


def citation(cites: Iterable[Cite], data: DataSet, sources_page: str) -> str:
    """'(Source title, paragraphs 1.1 and 2.3)', each source linked to its entry in the register."""
    parts = []
    for source_id, group in groupby(cites, key=lambda c: c.source):
        paras = [c.para for c in group]
        source = data.source(source_id)
        label = "paragraph" if len(paras) == 1 else "paragraphs"
        listed = paras[0] if len(paras) == 1 else ", ".join(paras[:-1]) + " and " + paras[-1]
        parts.append(f"[{md(source.short_title)}, {label} {md(listed)}]({sources_page}#{source.id})")
    return "(" + "; ".join(parts) + ")"


def outcomes_list(data: DataSet, sources_page: str = "sources.md") -> str:
    """The five Every Child Matters outcomes as a numbered list, each with its source."""
    return "\n".join(
        f"{n}. **{md(o.name)}**. {md(o.summary)} {citation(o.cites, data, sources_page)}"
        for n, o in enumerate(data.outcomes, start=1)
    ) + "\n"


def features_list(data: DataSet, sources_page: str = "sources.md") -> str:
    """The five essential features of a Children's Trust, each with its source."""
    return "\n".join(
        f"{n}. **{md(f.name)}**. {md(f.summary)} {citation(f.cites, data, sources_page)}"
        for n, f in enumerate(data.features, start=1)
    ) + "\n"


def _spec(spec: str) -> str:
    """'1.1-1.16' -> '1.1 to 1.16'; a single label stays as it is."""
    # Labels are identifiers an editor types into `para:` (the schema limits
    # them to letters, digits, dots and hyphens), so they are shown as code.
    expanded = expand_paragraphs([spec])
    return f"`{spec}`" if len(expanded) == 1 else f"`{expanded[0]}` to `{expanded[-1]}`"


def _source_entry(source: Source) -> str:
    specs = [_spec(s) for s in source.paragraph_specs]
    listed = specs[0] if len(specs) == 1 else ", ".join(specs[:-1]) + " and " + specs[-1]
    return (
        f'<h2 id="{attr(source.id)}"><cite>{md(source.title)}</cite></h2>\n\n'
        f"{md(source.publisher)}, {md(str(source.date))}.\n\n"
        + (f"{md(source.summary)}\n\n" if source.summary else "")
        + f"Paragraphs and sections: {listed} ({len(source.paragraphs)} in all). "
        f"Reference: `{attr(source.id)}`.\n"
    )


def sources_register(data: DataSet) -> str:
    """The register of source documents, one section per document, anchored by its id."""
    return "\n".join(_source_entry(s) for s in data.sources)


def counts_summary(data: DataSet) -> str:
    """A one-line summary of the data set, for the home page."""
    return (
        f"{len(data.partners)} partners and partnerships, {len(data.duties)} duties and powers, "
        f"{len(data.board.objectives)} proposed Board objectives, {len(data.cypp.requirements)} "
        f"plan requirements and {len(data.sources)} source documents."
    )

