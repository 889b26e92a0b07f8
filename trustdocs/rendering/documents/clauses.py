"""Numbered sections and clauses, and numbered notes, with cross-references that work in every format.

A clause is a third-level heading with a fixed id (``### 6.1 Quorum {#quorum}``)
followed by its text. Pandoc turns the id into a bookmark in DOCX and ODT, the
site and the PDF into an HTML anchor, so ``[clause 6.1](#quorum)`` is a working
link in all four. Numbers come from the order of sections and clauses in code;
ids never change, so a link survives renumbering. Clauses that only some areas
need come last in their section, so leaving one out never renumbers another.

A clause states a rule. Where it comes from, its status in 2008 and 2009 and
any history or commentary go in a numbered note at the end (``## Notes``),
each with its sources; text refers to one with :func:`note`. Notes are
numbered in the order the document first refers to them, and a note that
nothing refers to is an error, as is a reference to a note that does not exist.

Text refers to a clause with :func:`ref`; the markers are resolved once every
clause and note has its number. The markers use NUL characters, which the
data loader rejects, so editor text can never forge one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_REF = re.compile("\x00ref:([a-z0-9-]+)\x00")
_NOTE = re.compile("\x00note:([a-z0-9-]+)\x00")


def ref(clause_id: str) -> str:
    """A cross-reference to a clause, resolved to "[clause 6.1](#quorum)" when the document is rendered."""
    return f"\x00ref:{clause_id}\x00"


def note(note_id: str) -> str:
    """A reference to a note, resolved to "[note 3](#note-lscb)" when the document is rendered."""
    return f"\x00note:{note_id}\x00"


@dataclass(frozen=True)
class Clause:
    id: str
    heading: str  # our own wording: not escaped
    blocks: tuple[str, ...]  # Markdown paragraphs, lists or tables; editor text already escaped
    fills: tuple[str, ...] = ()  # the area fields whose values this clause shows (for the area's page)


@dataclass
class Section:
    id: str
    heading: str
    clauses: list[Clause] = field(default_factory=list)

    def add(self, clause_id: str, heading: str, *blocks: str, fills: tuple[str, ...] = ()) -> None:
        self.clauses.append(Clause(clause_id, heading, tuple(b for b in blocks if b), fills))


@dataclass(frozen=True)
class Note:
    """A numbered note at the end: guidance, history or commentary behind a clause, with its sources."""

    id: str  # its anchor: "note-..."
    heading: str  # Markdown; editor text already escaped
    text: str  # Markdown; editor text already escaped
    sources: str  # "Legislative options (2008), paragraph 44": who says so


class UnknownClause(KeyError):
    """Text refers to a clause that the document does not have."""


class NoteError(KeyError):
    """Text refers to a note that does not exist, or a note is never referred to."""


def numbers(sections: list[Section]) -> dict[str, str]:
    """Each section's and clause's number, by id."""
    out: dict[str, str] = {}
    for i, section in enumerate(sections, 1):
        out[section.id] = str(i)
        for j, clause in enumerate(section.clauses, 1):
            out[clause.id] = f"{i}.{j}"
    return out


def render_sections(sections: list[Section]) -> str:
    """The sections as Markdown, with every cross-reference to a clause resolved (notes are left to :func:`with_notes`)."""
    numbered = numbers(sections)
    parts = []
    for section in sections:
        parts.append(f"## {numbered[section.id]}. {section.heading} {{#{section.id}}}\n")
        for clause in section.clauses:
            parts.append(f"### {numbered[clause.id]} {clause.heading} {{#{clause.id}}}\n")
            parts.extend(clause.blocks)
    return _resolve("\n".join(part.rstrip("\n") + "\n" for part in parts), numbered)


def _resolve(markdown: str, numbered: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        target = match.group(1)
        if target not in numbered:
            raise UnknownClause(f"a cross-reference points to clause '{target}', which this document does not have")
        kind = "clause" if "." in numbered[target] else "section"
        return f"[{kind} {numbered[target]}](#{target})"

    return _REF.sub(replace, markdown)


def with_notes(markdown: str, notes: list[Note], intro: str) -> str:
    """The document with its note references numbered and linked, and the notes appended as a section."""
    by_id = {n.id: n for n in notes}
    order: list[str] = []
    for target in _NOTE.findall(markdown):
        if target not in by_id:
            raise NoteError(f"the text refers to note '{target}', which this document does not have")
        if target not in order:
            order.append(target)
    unused = [n.id for n in notes if n.id not in order]
    if unused:
        raise NoteError(f"nothing refers to note(s) {', '.join(unused)}: refer to each note, or leave it out")
    number = {target: i for i, target in enumerate(order, 1)}
    body = _NOTE.sub(lambda m: f"[note {number[m.group(1)]}](#{m.group(1)})", markdown)
    parts = [f"## Notes {{#notes}}\n\n{intro}\n"]
    for target in order:
        n = by_id[target]
        parts.append(f"### Note {number[target]}: {n.heading} {{#{n.id}}}\n\n{n.text}\n\nSources: {n.sources}.\n")
    return body.rstrip("\n") + "\n\n" + "\n".join(parts)
