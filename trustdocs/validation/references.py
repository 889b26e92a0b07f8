"""Checks that span records and files: unique ids, references that resolve, citations that exist.

Each check is a small generator of :class:`Problem`, so new ones slot in beside
the others. They run on every parsed file, defensively: a file that also broke
its schema must not crash them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from trustdocs.core.fonts import describe, uncovered
from trustdocs.model.records import PartialDate, expand_paragraphs
from trustdocs.core.problems import Problem
from trustdocs.core.strict_yaml import Document

Docs = dict[str, Document]  # data file stem ("partners") or collection record ("areas/southwark") -> document


def _kind(name: str) -> str:
    """The key reference tables use: a collection record is checked like every record in its folder."""
    return name.split("/", 1)[0]


# Fields whose values are partner ids, as JSON-path patterns ("*" = every list item).
PARTNER_REFERENCES = {
    "duties": [("duties", "*", "holders", "*")],
    "board": [("membership", "*", "partner"), ("relationships", "*", "partner")],
    "cypp": [("plan", "owners", "*"), ("requirements", "*", "concerns", "*")],
    "guidance": [("sections", "*", "paragraphs", "*", "concerns", "*")],
    "areas": [("bodies", "*", "partner")],
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


def _ids(doc: Document) -> Iterator[tuple[tuple, str]]:
    for path, value in _walk(doc.data):
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            yield path + ("id",), value["id"]


def _first_use(seen: dict, doc: Document, path: tuple, record_id: str) -> Iterator[Problem]:
    if record_id in seen:
        other_doc, other_path = seen[record_id]
        line, _ = other_doc.where(other_path)
        yield doc.problem(path, f"id '{record_id}' is already used at {other_doc.file}:{line}")
    else:
        seen[record_id] = (doc, path)


def duplicate_ids(docs: Docs) -> Iterator[Problem]:
    """The same id twice: ids name pages and anchors, so they must be unique.

    Ids in the single files share one namespace. A collection record (one file
    in data/areas/, say) adds only its own id to it; the ids inside it, such as
    question ids q1, q2..., need only be unique within that file.
    """
    site_wide: dict[str, tuple[Document, tuple]] = {}
    for name, doc in docs.items():
        in_collection = "/" in name
        in_file: dict[str, tuple[Document, tuple]] = {}
        for path, record_id in _ids(doc):
            scope = site_wide if not in_collection or path == ("id",) else in_file
            yield from _first_use(scope, doc, path, record_id)


def _ids_in(docs: Docs, name: str, key: str) -> set[str]:
    doc = docs.get(name)
    records = doc.data.get(key, []) if doc and isinstance(doc.data, dict) else []
    return {r["id"] for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)} if isinstance(records, list) else set()


def _unknown(docs: Docs, references: dict, known: set[str], what: str, where: str) -> Iterator[Problem]:
    for name, doc in docs.items():
        for pattern in references.get(_kind(name), ()):
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


def area_bodies(docs: Docs) -> Iterator[Problem]:
    """An area names a body for every partner with a Board seat in its kind of area, and for no other."""
    partners = docs.get("partners")
    records = partners.data.get("partners") if partners and isinstance(partners.data, dict) else None
    if not isinstance(records, list):
        return
    seats = {p["id"]: p.get("area_types", []) for p in records
             if isinstance(p, dict) and p.get("category") in ("local-authority", "relevant-partner") and "id" in p}
    for name, doc in docs.items():
        if _kind(name) != "areas" or not isinstance(doc.data, dict) or not isinstance(doc.data.get("bodies"), list):
            continue
        area_type = doc.data.get("area_type")
        named = {}
        for i, body in enumerate(doc.data["bodies"]):
            if isinstance(body, dict) and isinstance(body.get("partner"), str):
                partner = body["partner"]
                if partner in named:
                    yield doc.problem(("bodies", i, "partner"), f"partner '{partner}' is already listed in bodies[{named[partner]}]")
                named.setdefault(partner, i)
                if partner in seats and area_type not in seats[partner]:
                    yield doc.problem(("bodies", i, "partner"), f"'{partner}' has no seat on the Board in a {area_type} area: remove it")
                elif partner not in seats and partner in _ids_in(docs, "partners", "partners"):
                    yield doc.problem(("bodies", i, "partner"), f"'{partner}' does not have a seat of its own on the Board; "
                                      "only the local authority and relevant partners are named here")
        missing = [p for p, types in seats.items() if area_type in types and p not in named]
        if missing:
            yield doc.problem(("bodies",), f"name the body for each Board seat in a {area_type} area; missing: {', '.join(missing)}",
                              at_key=True)


# Records the model constitution quotes by id (trustdocs/rendering/documents/constitution.py),
# so renaming or deleting one is an error here rather than a broken document.
QUOTED_RECORDS = {
    ("board", "rules"): ("rule-partners-keep-functions", "rule-separate-chairs", "rule-lscb-distinct",
                         "rule-engage-every-district"),
    ("duties", "duties"): ("pool-budgets-and-share-resources",),
}


def quoted_records(docs: Docs) -> Iterator[Problem]:
    """Every record the model constitution quotes still exists."""
    for (name, key), wanted in QUOTED_RECORDS.items():
        doc = docs.get(name)
        if doc is None or not isinstance(doc.data, dict) or not isinstance(doc.data.get(key), list):
            continue
        present = _ids_in(docs, name, key)
        for record_id in wanted:
            if record_id not in present:
                yield doc.problem((key,), f"'{record_id}' is missing: the model constitution quotes it. "
                                  "Restore it, or change trustdocs/rendering/documents/constitution.py", at_key=True)


def area_chairs(docs: Docs) -> Iterator[Problem]:
    """The Board and the Local Safeguarding Children Board may not share a chair (board.yml rule-separate-chairs)."""
    for name, doc in docs.items():
        if _kind(name) == "areas" and isinstance(doc.data, dict):
            chair, lscb_chair = doc.data.get("chair"), doc.data.get("lscb_chair")
            if isinstance(chair, str) and isinstance(lscb_chair, str) and chair.strip().casefold() == lscb_chair.strip().casefold():
                yield doc.problem(("lscb_chair",), "the Local Safeguarding Children Board needs a different chair from the Board")


def unprintable_characters(docs: Docs) -> Iterator[Problem]:
    """Every character in the data can be drawn by the fonts the PDF documents ship (see trustdocs/core/fonts.py).

    Otherwise the PDF would borrow a glyph from whatever fonts the build machine
    has, and two machines would publish different files.
    """
    for doc in docs.values():
        for path, value in _walk(doc.data):
            if isinstance(value, str):
                missing = uncovered(value)
                if missing:
                    yield doc.problem(path, f"the documents' font cannot print {', '.join(map(describe, missing))}: "
                                      "use another character (for example a plain letter or punctuation mark)")


CHECKS = (duplicate_ids, unknown_partners, unknown_duties, unknown_sources, unregistered_citations,
          status_history_order, timeline_order, duplicate_guidance_numbers, area_bodies, area_chairs,
          quoted_records, unprintable_characters)


def reference_problems(docs: Docs) -> list[Problem]:
    from trustdocs.validation.consultations import consultation_problems  # that package builds on these models

    return [problem for check in (*CHECKS, consultation_problems) for problem in check(docs)]
