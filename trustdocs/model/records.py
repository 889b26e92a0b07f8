"""The typed records of the validated data: one small frozen dataclass per kind of thing.

Built by :func:`trustdocs.model.build.build_dataset` from data that has already
passed the schemas and cross-reference checks, so constructors here trust
their input.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from trustdocs.core.dates import PartialDate
from trustdocs.model.citations import Cite
from trustdocs.model.status import Status


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    short_title: str
    publisher: str
    date: PartialDate
    file: str
    summary: str
    paragraphs: tuple[str, ...]  # every citable paragraph, ranges expanded
    paragraph_specs: tuple[str, ...] = ()  # as the register writes them: '1.1-1.16'
    kind: str = "document"  # document | legislation
    url: str = ""  # legislation: its official address
    address: str = ""  # a document: the web address it gave for itself, as it gave it (shown, not linked)
    address_note: str = ""
    reference: str = ""  # a reference number the document prints for itself
    labels: dict[str, str] = field(default_factory=dict, compare=False)  # para -> how readers see it
    restatements: dict[str, str] = field(default_factory=dict, compare=False)  # para -> what it says


@dataclass(frozen=True)
class Named:
    """A named item with a summary: an Every Child Matters outcome, an essential feature."""

    id: str
    name: str
    summary: str
    cites: tuple[Cite, ...]


Outcome = Feature = Named


@dataclass(frozen=True)
class StatusPeriod:
    status: str
    start: PartialDate
    note: str
    cites: tuple[Cite, ...]
    basis: str = ""  # lead authority, relevant partner: the legal basis
    by: str = ""  # proposed relevant partner: the source that proposed it, or reported the proposal
    proposer: str = ""  # who proposed it, where the source in ``by`` only reports it


@dataclass(frozen=True)
class Partner:
    id: str
    name: str
    short_name: str
    category: str
    summary: str
    statutory_basis: str
    area_types: tuple[str, ...]
    status_history: tuple[StatusPeriod, ...]
    cites: tuple[Cite, ...]

    def period_on(self, day: datetime.date) -> StatusPeriod | None:
        """The status period in effect on a day, or None before the first."""
        current = None
        for period in self.status_history:
            if period.start.start <= day:
                current = period
        return current

    def status_on(self, day: datetime.date) -> str | None:
        """The partner's status on a day, or None before its first status."""
        period = self.period_on(day)
        return period.status if period else None


@dataclass(frozen=True)
class Duty:
    id: str
    name: str
    kind: str  # duty | power
    holders: tuple[str, ...]
    summary: str
    cites: tuple[Cite, ...]
    status: tuple[Status, ...]
    also_called: tuple[str, ...] = ()  # other names readers search for: "duty to cooperate"


@dataclass(frozen=True)
class Statement:
    id: str
    text: str
    cites: tuple[Cite, ...]
    status: tuple[Status, ...] = ()


@dataclass(frozen=True)
class Member:
    id: str
    partner: str
    role: str
    status: tuple[Status, ...]
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class ConstitutionWording:
    """How the model constitution states a rule: the clause it becomes, as a rule of the Board."""

    clause: str  # a clause id of trustdocs/rendering/documents/constitution.py (RULE_CLAUSES)
    heading: str
    text: str


@dataclass(frozen=True)
class Rule:
    id: str
    text: str
    status: tuple[Status, ...]
    cites: tuple[Cite, ...]
    constitution: ConstitutionWording | None = None  # the clause this rule becomes, if any


@dataclass(frozen=True)
class Relationship:
    id: str
    partner: str
    text: str
    cites: tuple[Cite, ...]
    status: tuple[Status, ...] = ()


@dataclass(frozen=True)
class ConstitutionNote:
    """A numbered note in the model constitution: where its clauses come from, their status, any history."""

    id: str  # "note-...": the note's bookmark
    clauses: tuple[str, ...]  # the clauses it explains, or "introduction"
    heading: str
    text: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Board:
    objectives: tuple[Statement, ...]
    functions: tuple[Statement, ...]
    membership: tuple[Member, ...]
    rules: tuple[Rule, ...]
    relationships: tuple[Relationship, ...]
    constitution_notes: tuple[ConstitutionNote, ...] = ()

    def rule_clause(self, clause_id: str) -> ConstitutionWording:
        """The constitution's wording for clause ``clause_id``, from the rule that gives it (validated: one does)."""
        for rule in self.rules:
            if rule.constitution is not None and rule.constitution.clause == clause_id:
                return rule.constitution
        raise KeyError(f"no rule in board.yml gives the wording of clause {clause_id!r}")


@dataclass(frozen=True)
class CyppPlan:
    due: PartialDate
    owners: tuple[str, ...]
    summary: str
    cites: tuple[Cite, ...]
    status: tuple[Status, ...] = ()


@dataclass(frozen=True)
class Requirement:
    id: str
    heading: str
    text: str
    status: tuple[Status, ...]
    concerns: tuple[str, ...]
    prompts: tuple[str, ...]
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Cypp:
    plan: CyppPlan
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    abbreviation: str
    definition: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class GuidanceParagraph:
    id: str
    number: str
    text: str
    status: tuple[Status, ...]  # empty when the paragraph states no obligation, power or proposal
    concerns: tuple[str, ...]
    duties: tuple[str, ...]
    cites: tuple[Cite, ...]

    @property
    def anchor(self) -> str:
        """The stable anchor: paragraph 3.21 is #para-3-21."""
        return "para-" + self.number.replace(".", "-")


@dataclass(frozen=True)
class GuidanceSection:
    id: str
    number: str
    title: str
    source: str
    paragraphs: tuple[GuidanceParagraph, ...]


# The ids a change-log entry gives the Board and the joint plan as a whole: data/board.yml and
# data/cypp.yml each hold one record, with no id of its own (their items have ids).
WHOLE_BOARD = "board"
WHOLE_PLAN = "cypp"


@dataclass(frozen=True)
class Change:
    """An entry in the change log (data/changes.yml): what editors changed on the site, when and why."""

    id: str
    date: PartialDate
    # Ids of partners, duties, Board items (or WHOLE_BOARD), plan requirements (or WHOLE_PLAN), consultations, areas
    records: tuple[str, ...]
    summary: str
    cites: tuple[Cite, ...] = ()


@dataclass(frozen=True)
class Event:
    id: str
    date: PartialDate
    title: str
    summary: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class AdditionalMember:
    role: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Area:
    """A local area (data/areas/ID.yml): the choices that fill in its model documents."""

    id: str
    name: str
    summary: str
    area_type: str  # unitary | two-tier
    fictional: bool
    local_authority: str
    trust_name: str
    bodies: dict[str, tuple[str, ...]]  # partner id -> the named bodies, in the order written
    chair: str
    vice_chair: str
    lscb_chair: str
    additional_members: tuple[AdditionalMember, ...]
    schools_representatives: int
    voluntary_sector_representatives: int
    quorum: int
    meetings_per_year: int
    papers_days: int
    review_months: int
    plan_from: int
    plan_to: int
    cites: tuple[Cite, ...]
    illustrative: frozenset[str] = frozenset()  # fields the area's source does not state

    def is_illustrative(self, field_name: str) -> bool:
        """A made-up area's values are all illustrative; a real one's, those its file lists."""
        return self.fictional or field_name in self.illustrative
