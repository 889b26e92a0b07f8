"""Which clauses of an area's documents show which values from its file, and which are the same for every area.

Each clause names the area fields it shows (``Section.add(..., fills=...)``);
the area's page turns this into "where the documents use it", so an officer
knows what to check before the Board adopts them.
"""

from __future__ import annotations

from dataclasses import dataclass

from trustdocs.model.dataset import DataSet
from trustdocs.model.records import Area
from trustdocs.rendering.documents import constitution, cypp_template
from trustdocs.rendering.documents.clauses import Section, numbers


@dataclass(frozen=True)
class Use:
    """One clause of one document: its number, id and heading."""

    slug: str  # the document's slug: "southwark/trust-board-constitution"
    document: str  # "constitution" or "plan template", as a page names it
    number: str  # "6.1"
    clause_id: str
    heading: str


def _clauses(slug: str, document: str, sections: list[Section]) -> list[tuple[Use, tuple[str, ...]]]:
    numbered = numbers(sections)
    return [(Use(slug, document, numbered[c.id], c.id, c.heading), c.fills) for s in sections for c in s.clauses]


def _documents(data: DataSet, area: Area) -> list[tuple[Use, tuple[str, ...]]]:
    return _clauses(f"{area.id}/{constitution.SLUG}", "constitution", constitution.sections(data, area)) + _clauses(
        f"{area.id}/{cypp_template.SLUG}", "plan template", cypp_template.sections(data, area)
    )


def uses(data: DataSet, area: Area) -> dict[str, list[Use]]:
    """Each area field, and the clauses (in document order) that show its value."""
    out: dict[str, list[Use]] = {}
    for use, fills in _documents(data, area):
        for field in fills:
            out.setdefault(field, []).append(use)
    return out


def same_everywhere(data: DataSet, area: Area) -> list[Use]:
    """The constitution's clauses that take nothing from the area's file: the same for every area."""
    return [use for use, fills in _documents(data, area) if not fills and use.document == "constitution"]
