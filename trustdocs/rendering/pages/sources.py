"""Source pages: the register, and a page per source document with an anchor for every
cited paragraph and links back to each statement that cites it.

So a reader can go from any statement to its source paragraph (``sources/ID/#p-3-21``)
and from a paragraph to everything on the site that rests on it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from trustdocs.core.escape import attr, code, md
from trustdocs.model.records import Cite, DataSet, Source, expand_paragraphs
from trustdocs.rendering.pages.base import Page, bullet_list, link

Citation = tuple[str, str, str]  # (label, page path, anchor)


def source_path(source_id: str) -> str:
    return f"sources/{source_id}.md"


def paragraph_anchor(para: str) -> str:
    return "p-" + para.replace(".", "-")


def _statements(data: DataSet) -> Iterator[tuple[Cite, Citation]]:
    """Every citation on the site, with what cites it and where that statement is."""
    for o in data.outcomes:
        yield from ((c, (f"Outcome: {o.name}", "outcomes.md", "")) for c in o.cites)
    for f in data.features:
        yield from ((c, (f"Essential feature: {f.name}", "features.md", "")) for c in f.cites)
    for p in data.partners:
        yield from ((c, (p.name, f"partners/{p.id}.md", "")) for c in p.cites)
        for s in p.status_history:
            yield from ((c, (f"{p.name}: status from {s.start}", f"partners/{p.id}.md", "status-over-time")) for c in s.cites)
    for d in data.duties:
        yield from ((c, (d.name, f"duties/{d.id}.md", "")) for c in d.cites)
    b = data.board
    for kind, items in (("Board objective", b.objectives), ("Board function", b.functions), ("Board rule", b.rules)):
        for item in items:
            yield from ((c, (f"{kind}: {item.text}", "board.md", item.id)) for c in item.cites)
    for m in b.membership:
        yield from ((c, (f"Board member: {data.partner(m.partner).name}", "board.md", m.id)) for c in m.cites)
    for r in b.relationships:
        yield from ((c, (f"Board relationship: {data.partner(r.partner).name}", "board.md", r.id)) for c in r.cites)
    yield from ((c, ("The Children and Young People's Plan", "cypp.md", "")) for c in data.cypp.plan.cites)
    for r in data.cypp.requirements:
        yield from ((c, (f"Plan requirement: {r.heading}", "cypp.md", r.id)) for c in r.cites)
    for s in data.guidance:
        for p in s.paragraphs:
            yield from ((c, (f"Guidance paragraph {p.number}", f"guidance/{s.id}.md", p.anchor)) for c in p.cites)
    for e in data.timeline:
        yield from ((c, (f"Timeline: {e.title}", "timeline.md", e.id)) for c in e.cites)
    for t in data.glossary:
        yield from ((c, (f"Glossary: {t.term}", "glossary.md", t.id)) for c in t.cites)
    for a in data.areas:
        for c in (*a.cites, *(c for m in a.additional_members for c in m.cites)):
            yield c, (f"Area: {a.name}", f"areas/{a.id}.md", "")
    for k in data.consultations:
        from trustdocs.model.consultations import all_cites
        from trustdocs.rendering.consultations.paths import consultation_path, outcome_path

        yield from ((c, (f"Consultation: {k.title}", consultation_path(k.id), "")) for c in all_cites(k))
        if k.outcome:
            yield from ((c, (f"Consultation outcome: {k.title}", outcome_path(k.id), "")) for c in all_cites(k.outcome))


def cited_by(data: DataSet) -> dict[Cite, list[Citation]]:
    index: dict[Cite, list[Citation]] = defaultdict(list)
    for cite, statement in _statements(data):
        if statement not in index[cite]:
            index[cite].append(statement)
    return index


def _heading_label(para: str) -> str:
    """A named section ('strengthening') as code, as citations show it; a number as it is."""
    return f"<code>{attr(para)}</code>" if any(ch.isalpha() for ch in para) else md(para)


def source_page(data: DataSet, source: Source, index: dict[Cite, list[Citation]]) -> Page:
    here = source_path(source.id)
    cited = [p for p in source.paragraphs if Cite(source.id, p) in index]
    parts = [
        f"# <cite>{md(source.title)}</cite>\n\n",
        f"{md(source.publisher)}, {md(str(source.date))}.\n\n",
        f"{md(source.summary)}\n\n" if source.summary else "",
        f"The text is in {code('shared/sources/' + source.file)}. Reference for citations: {code(source.id)}.\n\n",
        f"## Paragraphs cited on this site\n\n{len(cited)} of the {len(source.paragraphs)} paragraphs and sections "
        "in the register are cited. Each lists the statements that rest on it.\n",
    ]
    for para in cited:
        parts.append(f'\n<h3 id="{attr(paragraph_anchor(para))}">Paragraph {_heading_label(para)}</h3>\n\n')
        parts.append(bullet_list(
            f"[{md(label)}]({link(here, page, anchor)})" for label, page, anchor in index[Cite(source.id, para)]))
    return Page(here, "".join(parts), ("data/sources.yml",))


def _spec(spec: str) -> str:
    """'1.1-1.16' -> '1.1 to 1.16'; a single label stays as it is. Labels are shown as code."""
    expanded = expand_paragraphs([spec])
    return code(spec) if len(expanded) == 1 else f"{code(expanded[0])} to {code(expanded[-1])}"


def sources_index(data: DataSet) -> Page:
    here = "sources/index.md"
    parts = ["# Source documents\n\nEvery fact on this site cites one of these documents, by paragraph or section "
             "number. Each document's page lists the paragraphs cited and the statements that cite them.\n"]
    for s in data.sources:
        specs = [_spec(spec) for spec in s.paragraph_specs]
        listed = specs[0] if len(specs) == 1 else ", ".join(specs[:-1]) + " and " + specs[-1]
        parts.append(
            f'\n<h2 id="{attr(s.id)}"><cite>{md(s.title)}</cite></h2>\n\n'
            f"{md(s.publisher)}, {md(str(s.date))}. [Paragraphs cited]({link(here, source_path(s.id))}).\n\n"
            f"Paragraphs and sections: {listed} ({len(s.paragraphs)} in all). Reference: {code(s.id)}.\n"
        )
    return Page(here, "".join(parts), ("data/sources.yml",))


def source_pages(data: DataSet) -> list[Page]:
    index = cited_by(data)
    return [sources_index(data), *(source_page(data, s, index) for s in data.sources)]
