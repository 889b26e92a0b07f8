"""Checks that span records and files: unique ids, references that resolve, citations that exist.

Each check is a small generator of :class:`Problem`, so new ones slot in beside
the others. They run on every parsed file, defensively: a file that also broke
its schema must not crash them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from trustdocs.core.dates import PartialDate
from trustdocs.core.problems import Problem
from trustdocs.core.strict_yaml import Document
from trustdocs.model.citations import expand_paragraphs
from trustdocs.model.kinds import TARGETS, DataKind
from trustdocs.model.records import WHOLE_BOARD, WHOLE_PLAN
from trustdocs.validation.tree import select, walk

Docs = dict[str, Document]  # data file stem ("partners") or collection record ("areas/southwark") -> document
Check = Callable[[Docs], Iterable[Problem]]


def _kind(name: str) -> str:
    """The key reference tables use: a collection record is checked like every record in its folder."""
    return name.split("/", 1)[0]


def _ids(doc: Document) -> Iterator[tuple[tuple, str]]:
    for path, value in walk(doc.data):
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
    return (
        {r["id"] for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)}
        if isinstance(records, list)
        else set()
    )


# The checks below that take settings (the kinds, a document's clause ids) are plain functions with the
# documents last; the registry fixes the settings with functools.partial. A closure made at import time
# would hide them from mutation testing, which maps each function to the tests that call it.


def unknown_references(kinds: Iterable[DataKind], docs: Docs) -> Iterator[Problem]:
    """Every field a kind declares as a :class:`Reference` names an existing record."""
    by_kind = {kind.name: kind.references for kind in kinds}
    known = {target: _ids_in(docs, name, key) for target, (name, key, _) in TARGETS.items()}
    for name, doc in docs.items():
        for reference in by_kind.get(_kind(name), ()):
            what = TARGETS[reference.target][2]
            for path, value in select(doc.data, reference.pattern):
                if isinstance(value, str) and value not in known[reference.target]:
                    yield doc.problem(
                        path, f"unknown {what} '{value}': no {what} in data/{reference.target}.yml has this id"
                    )


def duplicate_guidance_numbers(docs: Docs) -> Iterator[Problem]:
    """Guidance paragraph numbers are anchors people link to: each must be unique."""
    doc = docs.get("guidance")
    if doc is None:
        return
    seen: dict[tuple[str, str], tuple] = {}
    for pattern in (("sections", "*", "number"), ("sections", "*", "paragraphs", "*", "number")):
        for path, number in select(doc.data, pattern):
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
        for path, value in walk(doc.data):
            if not (isinstance(value, dict) and isinstance(value.get("source"), str) and "para" in value):
                continue
            source_id, para = value["source"], value["para"]
            if source_id not in register:
                yield doc.problem(
                    path + ("source",), f"unknown source '{source_id}': add it to data/sources.yml or fix the id"
                )
            elif isinstance(para, str) and para not in register[source_id]:
                yield doc.problem(
                    path + ("para",),
                    f"paragraph '{para}' is not in the register for source '{source_id}' (data/sources.yml)",
                )


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
            yield doc.problem(
                path + (i, key), f"{what} must be listed oldest first; this one starts before the one above it"
            )
        previous = start


def timeline_order(docs: Docs) -> Iterator[Problem]:
    """Timeline events run oldest first, as the page shows them."""
    doc = docs.get("timeline")
    if doc is not None and isinstance(doc.data, dict):
        yield from _oldest_first(doc, ("events",), doc.data.get("events"), "date", "events")


def _change_log_targets(docs: Docs) -> set[str]:
    """The ids a change-log entry may name: each one's page (or item on a page) shows the entry."""
    known = _ids_in(docs, "partners", "partners") | _ids_in(docs, "duties", "duties") | {WHOLE_BOARD, WHOLE_PLAN}
    for name in ("board", "cypp"):  # every item of the Board and every plan requirement has an anchor on its page
        doc = docs.get(name)
        if doc is not None:
            known |= {record_id for _, record_id in _ids(doc)}
    for name, doc in docs.items():  # one page per consultation and per area
        if _kind(name) in ("consultations", "areas") and isinstance(doc.data, dict):
            if isinstance(doc.data.get("id"), str):
                known.add(doc.data["id"])
    return known


def change_log(docs: Docs) -> Iterator[Problem]:
    """The change log runs oldest first, and each entry names records that have a page on the site."""
    doc = docs.get("changes")
    if doc is None or not isinstance(doc.data, dict):
        return
    yield from _oldest_first(doc, ("changes",), doc.data.get("changes"), "date", "changes")
    known = _change_log_targets(docs)
    for path, value in select(doc.data, ("changes", "*", "records", "*")):
        if isinstance(value, str) and value not in known:
            yield doc.problem(
                path,
                f"unknown record '{value}': no partner, duty, Board item (data/board.yml), plan requirement "
                f"(data/cypp.yml), consultation or area has this id. Use '{WHOLE_BOARD}' or '{WHOLE_PLAN}' for "
                "the whole Board or plan",
            )


def area_bodies(docs: Docs) -> Iterator[Problem]:
    """An area names a body for every partner with a Board seat in its kind of area, and for no other."""
    partners = docs.get("partners")
    records = partners.data.get("partners") if partners and isinstance(partners.data, dict) else None
    if not isinstance(records, list):
        return
    seats = {
        p["id"]: p["area_types"] if isinstance(p.get("area_types"), list) else []
        for p in records
        if isinstance(p, dict)
        and p.get("category") in ("local-authority", "relevant-partner")
        and isinstance(p.get("id"), str)
    }
    for name, doc in docs.items():
        if _kind(name) != "areas" or not isinstance(doc.data, dict) or not isinstance(doc.data.get("bodies"), list):
            continue
        area_type = doc.data.get("area_type")
        if not isinstance(area_type, str):
            continue  # the schema reports it
        named: dict[str, int] = {}
        for i, body in enumerate(doc.data["bodies"]):
            if isinstance(body, dict) and isinstance(body.get("partner"), str):
                partner = body["partner"]
                if partner in named:
                    yield doc.problem(
                        ("bodies", i, "partner"), f"partner '{partner}' is already listed in bodies[{named[partner]}]"
                    )
                named.setdefault(partner, i)
                if partner in seats and area_type not in seats[partner]:
                    yield doc.problem(
                        ("bodies", i, "partner"),
                        f"'{partner}' has no seat on the Board in a {area_type} area: remove it",
                    )
                elif partner not in seats and partner in _ids_in(docs, "partners", "partners"):
                    yield doc.problem(
                        ("bodies", i, "partner"),
                        f"'{partner}' does not have a seat of its own on the Board; "
                        "only the local authority and relevant partners are named here",
                    )
        missing = [p for p, types in seats.items() if area_type in types and p not in named]
        if missing:
            yield doc.problem(
                ("bodies",),
                f"name the body for each Board seat in a {area_type} area; missing: {', '.join(missing)}",
                at_key=True,
            )


def note_clauses(known: frozenset[str], document: str, module: str, docs: Docs) -> Iterator[Problem]:
    """Every note in board.yml's ``constitution_notes`` explains clauses the document has.

    ``known`` is every clause id of ``document`` (and ``introduction``), so a
    misspelt or renamed id is an editor's error message, not a note that
    silently disappears.
    """
    doc = docs.get("board")
    if doc is None or not isinstance(doc.data, dict):
        return
    for path, clause_id in select(doc.data, ("constitution_notes", "*", "clauses", "*")):
        if isinstance(clause_id, str) and clause_id not in known:
            yield doc.problem(
                path,
                f"'{clause_id}' is not a clause of {document}: use a clause id from {module}, or 'introduction'",
            )


def rule_clauses(wanted: tuple[str, ...], document: str, module: str, docs: Docs) -> Iterator[Problem]:
    """Each clause of ``document`` worded by a rule gets its wording from exactly one rule.

    ``wanted`` lists those clauses (``RULE_CLAUSES``). A rule's ``clause`` naming
    another id, two rules giving the same clause, or a clause no rule gives
    would each leave the document wrong or unbuildable, so each is an error.
    """
    doc = docs.get("board")
    if doc is None or not isinstance(doc.data, dict):
        return
    given: set[str] = set()
    for path, clause_id in select(doc.data, ("rules", "*", "constitution", "clause")):
        if not isinstance(clause_id, str):
            continue
        if clause_id not in wanted:
            yield doc.problem(
                path,
                f"'{clause_id}' is not a clause of {document} worded by a rule; "
                f"those are: {', '.join(wanted)} ({module}, RULE_CLAUSES)",
            )
        elif clause_id in given:
            yield doc.problem(path, f"another rule already gives the wording of clause '{clause_id}'")
        else:
            given.add(clause_id)
    missing = [c for c in wanted if c not in given]
    if missing and isinstance(doc.data.get("rules"), list):
        yield doc.problem(
            ("rules",),
            f"{document} takes the wording of clause(s) {', '.join(missing)} from a rule: give one rule "
            "a 'constitution' with that clause id, a heading and the text",
            at_key=True,
        )


def area_chairs(docs: Docs) -> Iterator[Problem]:
    """The Board and the Local Safeguarding Children Board may not share a chair (board.yml rule-separate-chairs)."""
    for name, doc in docs.items():
        if _kind(name) == "areas" and isinstance(doc.data, dict):
            chair, lscb_chair = doc.data.get("chair"), doc.data.get("lscb_chair")
            if (
                isinstance(chair, str)
                and isinstance(lscb_chair, str)
                and chair.strip().casefold() == lscb_chair.strip().casefold()
            ):
                yield doc.problem(
                    ("lscb_chair",), "the Local Safeguarding Children Board needs a different chair from the Board"
                )
