"""The whole data set, validated, with the queries pages and documents need."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from trustdocs.core.dates import last_day
from trustdocs.model.consultations import Consultation
from trustdocs.model.records import (
    Area,
    Board,
    Change,
    Cypp,
    Duty,
    Event,
    GuidanceParagraph,
    GuidanceSection,
    Member,
    Named,
    Partner,
    Requirement,
    Source,
    Term,
)

# Partners with a seat of their own on the Board: the lead authority and the
# section 10 relevant partners (legislative options paragraphs 44-45). Schools,
# the Schools Forum and the voluntary sector are represented differently (46-47).
SEAT_CATEGORIES = ("local-authority", "relevant-partner")


@dataclass(frozen=True)
class DataSet:
    """Everything in data/, validated, with the queries pages and documents need."""

    sources: tuple[Source, ...]
    outcomes: tuple[Named, ...]
    features: tuple[Named, ...]
    partners: tuple[Partner, ...]
    duties: tuple[Duty, ...]
    board: Board
    cypp: Cypp
    glossary: tuple[Term, ...]
    guidance: tuple[GuidanceSection, ...] = ()
    timeline: tuple[Event, ...] = ()
    areas: tuple[Area, ...] = ()
    consultations: tuple[Consultation, ...] = ()
    changes: tuple[Change, ...] = ()
    _partners_by_id: dict[str, Partner] = field(default_factory=dict, compare=False, repr=False)
    _sources_by_id: dict[str, Source] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._partners_by_id.update((p.id, p) for p in self.partners)
        self._sources_by_id.update((s.id, s) for s in self.sources)

    @property
    def documents(self) -> tuple[Source, ...]:
        """The registered documents (not the legislation they cite)."""
        return tuple(s for s in self.sources if s.kind == "document")

    @property
    def first_source_date(self) -> datetime.date:
        return min(s.date.start for s in self.documents)

    @property
    def latest_source_date(self) -> datetime.date:
        """The data's own date: the last day of the latest source. Pages are worked out as at this date."""
        return max(last_day(s.date) for s in self.documents)

    @property
    def earliest_source(self) -> Source:
        """The document published first: the period the sources describe begins with it.

        Compared by the last day of each date, so that a source dated only '2008' does not come before one
        of 3 April 2008.
        """
        return min(self.documents, key=lambda s: last_day(s.date))

    @property
    def sources_begin(self) -> datetime.date:
        """The day by which the earliest source had certainly been published.

        A record's first status, if it began no later than this, is where the sources start from, not a change
        in the period they describe.
        """
        return last_day(self.earliest_source.date)

    @property
    def board_item_ids(self) -> frozenset[str]:
        """The ids of the Board's objectives, functions, membership, rules and relationships."""
        b = self.board
        return frozenset(
            i.id for items in (b.objectives, b.functions, b.membership, b.rules, b.relationships) for i in items
        )

    def partner(self, partner_id: str) -> Partner:
        return self._partners_by_id[partner_id]

    def source(self, source_id: str) -> Source:
        return self._sources_by_id[source_id]

    def duties_held_by(self, partner_id: str) -> tuple[Duty, ...]:
        return tuple(d for d in self.duties if partner_id in d.holders)

    def changes_to(self, record_ids: set[str]) -> tuple[Change, ...]:
        """Change-log entries about any of these records, newest first."""
        return tuple(c for c in reversed(self.changes) if record_ids.intersection(c.records))

    def partners_with_status(self, status: str, on: datetime.date) -> tuple[Partner, ...]:
        return tuple(p for p in self.partners if p.status_on(on) == status)

    def board_roles_of(self, partner_id: str) -> tuple[Member, ...]:
        return tuple(m for m in self.board.membership if m.partner == partner_id)

    def guidance_concerning(self, partner_id: str) -> tuple[tuple[GuidanceSection, GuidanceParagraph], ...]:
        """The restated guidance paragraphs that concern a partner, in document order."""
        return tuple((s, p) for s in self.guidance for p in s.paragraphs if partner_id in p.concerns)

    def guidance_for_duty(self, duty_id: str) -> tuple[tuple[GuidanceSection, GuidanceParagraph], ...]:
        """The restated guidance paragraphs that restate a duty or power."""
        return tuple((s, p) for s in self.guidance for p in s.paragraphs if duty_id in p.duties)

    def seat_partners(self, area_type: str) -> tuple[Partner, ...]:
        """The partners that each have a seat on the Board in a unitary or two-tier area, in data order."""
        return tuple(p for p in self.partners if p.category in SEAT_CATEGORIES and area_type in p.area_types)

    def area(self, area_id: str) -> Area:
        return next(a for a in self.areas if a.id == area_id)

    def requirements_concerning(self, partner_id: str) -> tuple[Requirement, ...]:
        """CYPP requirements that ask something of a partner (all of them, for an owner)."""
        if partner_id in self.cypp.plan.owners:
            return self.cypp.requirements
        return tuple(r for r in self.cypp.requirements if partner_id in r.concerns)
