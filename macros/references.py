"""Checks that span records and files: unique ids, references that resolve, citations that exist.

Each check is a small generator of :class:`Problem`, so new ones slot in beside
the others. They run on every parsed file, defensively: a file that also broke
its schema must not crash them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .models import PartialDate, expand_paragraphs
from .problems import Problem
from .strict_yaml import Document

Docs = dict[str, Document]  # data file stem (e.g. "partners") -> parsed document

# Fields whose values are partner ids, as JSON-path patterns ("*" = every list item).
PARTNER_REFERENCES = {
    "duties": [("duties", "*", "holders", "*")],
    "board": [("membership", "*", "partner"), ("relationships", "*", "partner")],
    "cypp": [("plan", "owners", "*"), ("requirements", "*", "concerns", "*")],
    "guidance": [("sections", "*", "paragraphs", "*", "concerns", "*")],
}
# Fields whose values are duty ids.
DUTY_REFERENCES = {"guidance": [("sections", "*", "paragraphs", "*", "duties", "*")]}
# Fields whose values are source ids (outside `cites`).
SOURCE_REFERENCES = {"guidance": [("sections", "*", "source")]}


def _walk(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _walk(value, path + (i,))


def _select(data: Any, pattern: tuple, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*" and isinstance(data, list):
        for i, item in enumerate(data):
            yield from _select(item, rest, path + (i,))
    elif isinstance(data, dict) and head in data:
        yield from _select(data[head], rest, path + (head,))


def record_ids(docs: Docs) -> Iterator[tuple[Document, tuple, str]]:
    """Every record id in every file: any mapping with a text ``id``."""
    for doc in docs.values():
        for path, value in _walk(doc.data):
            if isinstance(value, dict) and isinstance(value.get("id"), str):
                yield doc, path + ("id",), value["id"]


def duplicate_ids(docs: Docs) -> Iterator[Problem]:
    """The same id twice, in one file or across files: ids name pages, so they must be unique."""
    first_seen: dict[str, tuple[Document, tuple]] = {}
    for doc, path, record_id in record_ids(docs):
        if record_id in first_seen:
            other_doc, other_path = first_seen[record_id]
            line, _ = other_doc.where(other_path)
            yield doc.problem(path, f"id '{record_id}' is already used at {other_doc.file}:{line}")
        else:
            first_seen[record_id] = (doc, path)


def _ids_in(docs: Docs, name: str, key: str) -> set[str]:
    doc = docs.get(name)
    records = doc.data.get(key, []) if doc and isinstance(doc.data, dict) else []
    return {r["id"] for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)} if isinstance(records, list) else set()


def _unknown(docs: Docs, references: dict, known: set[str], what: str, where: str) -> Iterator[Problem]:
    for name, patterns in references.items():
        doc = docs.get(name)
        if doc is None:
            continue
        for pattern in patterns:
            for path, value in _select(doc.data, pattern):
                if isinstance(value, str) and value not in known:
                    yield doc.problem(path, f"unknown {what} '{value}': no {what} in {where} has this id")


def unknown_partners(docs: Docs) -> Iterator[Problem]:
    """References to partner ids that partners.yml does not define."""
    yield from _unknown(docs, PARTNER_REFERENCES, _ids_in(docs, "partners", "partners"), "partner", "data/partners.yml")


def unknown_duties(docs: Docs) -> Iterator[Problem]:
    """References to duty ids that duties.yml does not define."""
    yield from _unknown(docs, DUTY_REFERENCES, _ids_in(docs, "duties", "duties"), "duty", "data/duties.yml")


def unknown_sources(docs: Docs) -> Iterator[Problem]:
    """References to source ids (other than citations) that sources.yml does not define."""
    yield from _unknown(docs, SOURCE_REFERENCES, _ids_in(docs, "sources", "sources"), "source", "data/sources.yml")


def duplicate_guidance_numbers(docs: Docs) -> Iterator[Problem]:
    """Guidance paragraph numbers are anchors people link to: each must be unique."""
    doc = docs.get("guidance")
    if doc is None:
        return
    seen: dict[str, tuple] = {}
    for pattern in (("sections", "*", "number"), ("sections", "*", "paragraphs", "*", "number")):
        for path, number in _select(doc.data, pattern):
            if not isinstance(number, str):
                continue
            kind = "section" if len(path) == 3 else "paragraph"
            if (kind, number) in seen:
                line, _ = doc.where(seen[(kind, number)])
                yield doc.problem(path, f"{kind} number {number} is already used on line {line}")
            else:
                seen[(kind, number)] = path


def unregistered_citations(docs: Docs) -> Iterator[Problem]:
    """Citations to a source or paragraph that is not in the register (sources.yml)."""
    sources = docs.get("sources")
    register: dict[str, set[str]] = {}
    if sources and isinstance(sources.data, dict):
        for source in sources.data.get("sources", []):
            if isinstance(source, dict) and isinstance(source.get("id"), str):
                paragraphs = source.get("paragraphs", [])
                ok = isinstance(paragraphs, list) and all(isinstance(p, str) for p in paragraphs)
                register[source["id"]] = set(expand_paragraphs(paragraphs)) if ok else set()
    for doc in docs.values():
        for path, value in _walk(doc.data):
            if not (isinstance(value, dict) and isinstance(value.get("source"), str) and "para" in value):
                continue
            source_id, para = value["source"], value["para"]
            if source_id not in register:
                yield doc.problem(path + ("source",), f"unknown source '{source_id}': add it to data/sources.yml or fix the id")
            elif isinstance(para, str) and para not in register[source_id]:
                yield doc.problem(path + ("para",), f"paragraph '{para}' is not in the register for source '{source_id}' (data/sources.yml)")


def _oldest_first(doc: Document, path: tuple, items: object, key: str, what: str) -> Iterator[Problem]:
    if not isinstance(items, list):
        return
    previous = None
    for i, item in enumerate(items):
        try:
            start = PartialDate.parse(item[key]).start
        except (TypeError, KeyError, ValueError):
            continue  # the schema reports malformed dates
        if previous is not None and start < previous:
            yield doc.problem(path + (i, key), f"{what} must be listed oldest first; this one starts before the one above it")
        previous = start


def status_history_order(docs: Docs) -> Iterator[Problem]:
    """A partner's statuses must run oldest first, so 'status on a date' is well defined."""
    doc = docs.get("partners")
    if doc is not None:
        for path, history in _select(doc.data, ("partners", "*", "status_history")):
            yield from _oldest_first(doc, path, history, "from", "statuses")


def timeline_order(docs: Docs) -> Iterator[Problem]:
    """Timeline events run oldest first, as the page shows them."""
    doc = docs.get("timeline")
    if doc is not None and isinstance(doc.data, dict):
        yield from _oldest_first(doc, ("events",), doc.data.get("events"), "date", "events")


CHECKS = (duplicate_ids, unknown_partners, unknown_duties, unknown_sources, unregistered_citations,
          status_history_order, timeline_order, duplicate_guidance_numbers)


def reference_problems(docs: Docs) -> list[Problem]:
    return [problem for check in CHECKS for problem in check(docs)]
