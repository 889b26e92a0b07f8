"""Checks on status entries and on what readers land on when they follow a citation.

- Status entries run oldest first, so "the status on a date" is well defined.
- A status entry's ``by`` names a registered source and its ``binds`` name
  partners.
- Every cited paragraph shows what it says: a guidance paragraph restates it,
  or the register (sources.yml) has a restatement for it.
"""

from __future__ import annotations

from collections.abc import Iterator

from trustdocs.core.dates import PartialDate
from trustdocs.core.problems import Problem
from trustdocs.core.strict_yaml import Document
from trustdocs.model.citations import expand_paragraphs
from trustdocs.validation.tree import select, walk

Docs = dict[str, Document]
STATUS_KEYS = ("status", "status_history")


def _entries(doc: Document) -> Iterator[tuple[tuple, list]]:
    """Every status list in a document, with its path."""
    for path, value in walk(doc.data):
        if path and path[-1] in STATUS_KEYS and isinstance(value, list) and all(isinstance(e, dict) for e in value):
            yield path, value


def _ids(docs: Docs, name: str, key: str) -> set[str]:
    doc = docs.get(name)
    records = doc.data.get(key, []) if doc and isinstance(doc.data, dict) else []
    return (
        {r["id"] for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)}
        if isinstance(records, list)
        else set()
    )


def status_order(docs: Docs) -> Iterator[Problem]:
    """Status entries are listed oldest first."""
    for doc in docs.values():
        for path, entries in _entries(doc):
            previous = None
            for i, entry in enumerate(entries):
                try:
                    start = PartialDate.parse(entry.get("from")).start
                except (TypeError, ValueError):
                    continue  # the schema reports malformed dates
                if previous is not None and start < previous:
                    yield doc.problem(
                        path + (i, "from"),
                        "statuses must be listed oldest first; this one starts before the one above it",
                    )
                previous = start


def status_references(docs: Docs) -> Iterator[Problem]:
    """``by`` is a registered source; ``binds`` are partners."""
    sources, partners = _ids(docs, "sources", "sources"), _ids(docs, "partners", "partners")
    for doc in docs.values():
        for path, entries in _entries(doc):
            for i, entry in enumerate(entries):
                by = entry.get("by")
                if isinstance(by, str) and by not in sources:
                    yield doc.problem(
                        path + (i, "by"), f"unknown source '{by}': no source in data/sources.yml has this id"
                    )
                binds = entry.get("binds")
                for j, partner in enumerate(binds if isinstance(binds, list) else []):
                    if isinstance(partner, str) and partner not in partners:
                        yield doc.problem(
                            path + (i, "binds", j),
                            f"unknown partner '{partner}': no partner in data/partners.yml has this id",
                        )


def restated_citations(docs: Docs) -> Iterator[Problem]:
    """Every cited paragraph can show what it says: a guidance paragraph citing it, or a restatement in the register."""
    register = docs.get("sources")
    if register is None or not isinstance(register.data, dict):
        return
    restated: set[tuple[str, str]] = set()
    known: set[tuple[str, str]] = set()
    for _, source in select(register.data, ("sources", "*")):
        if not isinstance(source, dict) or not isinstance(source.get("id"), str):
            continue
        paragraphs = source.get("paragraphs")
        if isinstance(paragraphs, list) and all(isinstance(p, str) for p in paragraphs):
            known |= {(source["id"], p) for p in expand_paragraphs(paragraphs)}
        restatements = source.get("restatements")
        if isinstance(restatements, dict):
            restated |= {(source["id"], para) for para in restatements}
    # A guidance paragraph restates what it cites in the document its section restates; a paragraph
    # of another document that it also cites needs its own restatement in the register. A section
    # naming an unknown document is reported by the reference checks, and counts as restating all.
    sources = {source for source, _ in known}
    guidance = docs.get("guidance")
    if guidance is not None:
        for _, section in select(guidance.data, ("sections", "*")):
            if not isinstance(section, dict):
                continue
            own = section.get("source")
            every = not isinstance(own, str) or own not in sources
            for _, cite in select(section, ("paragraphs", "*", "cites", "*")):
                if not (
                    isinstance(cite, dict) and isinstance(cite.get("source"), str) and isinstance(cite.get("para"), str)
                ):
                    continue
                if every or cite.get("source") == own:
                    restated.add((cite["source"], cite["para"]))
    seen: set[tuple[str, str]] = set()
    for doc in docs.values():
        for path, value in walk(doc.data):
            if not (
                isinstance(value, dict) and isinstance(value.get("source"), str) and isinstance(value.get("para"), str)
            ):
                continue
            cited = (value["source"], value["para"])
            if cited in known and cited not in restated and cited not in seen:
                seen.add(cited)
                yield doc.problem(
                    path + ("para",),
                    f"paragraph '{cited[1]}' of '{cited[0]}' is cited, but nothing says "
                    "what it says: add it to that source's restatements in data/sources.yml",
                )
