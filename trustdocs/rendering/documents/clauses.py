"""Numbered sections and clauses with cross-references that work in every format.

A clause is a third-level heading with a fixed id (``### 6.1 Quorum {#quorum}``)
followed by its text. Pandoc turns the id into a bookmark in DOCX and ODT, the
site and the PDF into an HTML anchor, so ``[clause 6.1](#quorum)`` is a working
link in all four. Numbers come from the order of sections and clauses in code;
ids never change, so a link survives renumbering. Clauses that only some areas
need come last in their section, so leaving one out never renumbers another.

Text refers to a clause with :func:`ref`; the marker is resolved once every
clause has its number. The marker uses NUL characters, which the data loader
rejects, so editor text can never forge one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_REF = re.compile("\x00ref:([a-z0-9-]+)\x00")


def ref(clause_id: str) -> str:
    """A cross-reference to a clause, resolved to "[clause 6.1](#quorum)" when the document is rendered."""
    return f"\x00ref:{clause_id}\x00"


@dataclass(frozen=True)
class Clause:
    id: str
    heading: str  # our own wording: not escaped
    blocks: tuple[str, ...]  # Markdown paragraphs, lists or tables; editor text already escaped


@dataclass
class Section:
    id: str
    heading: str
    clauses: list[Clause] = field(default_factory=list)

    def add(self, clause_id: str, heading: str, *blocks: str) -> None:
        self.clauses.append(Clause(clause_id, heading, tuple(b for b in blocks if b)))


class UnknownClause(KeyError):
    """Text refers to a clause that the document does not have."""


def numbers(sections: list[Section]) -> dict[str, str]:
    """Each section's and clause's number, by id."""
    out: dict[str, str] = {}
    for i, section in enumerate(sections, 1):
        out[section.id] = str(i)
        for j, clause in enumerate(section.clauses, 1):
            out[clause.id] = f"{i}.{j}"
    return out


def render_sections(sections: list[Section]) -> str:
    """The sections as Markdown, with every cross-reference resolved."""
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
