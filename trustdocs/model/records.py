"""Small typed models of the validated data, with the queries the pages need.

Built once per build by :func:`trustdocs.loading.load_dataset` from data that has
already passed the schemas and cross-reference checks, so constructors here
trust their input.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date as precise as its source: a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a day that exists, in 1900-2100; else ValueError.

        The one parser: the schema's ``partial-date`` format and every check
        that compares dates use it, so no check meets a date it cannot handle.
        """
        match = _PARTIAL_DATE.fullmatch(text) if isinstance(text, str) else None
        if not match:
            raise ValueError(f"{text!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in match.groups())
        datetime.date(year, month or 1, day or 1)  # ValueError for month 13 or 30 February
        if not 1900 <= year <= 2100:
            raise ValueError(f"{text!r} is outside 1900-2100")
        return cls(year, month, day)

    @property
    def start(self) -> datetime.date:
        """The first day the date could mean: 2008-07 starts on 1 July 2008."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def iso(self) -> str:
        return "-".join(f"{n:02d}" if i else str(n) for i, n in enumerate(
            [self.year, self.month, self.day]) if n is not None)

    def __str__(self) -> str:  # GOV.UK style: 3 April 2008, July 2008, 2005
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{_MONTHS[self.month - 1]} {self.year}"
        return f"{self.day} {_MONTHS[self.month - 1]} {self.year}"


@dataclass(frozen=True)
class Cite:
    source: str
    para: str


def _cites(raw: list[dict[str, str]]) -> tuple[Cite, ...]:
    return tuple(Cite(c["source"], c["para"]) for c in raw)


_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def expand_paragraphs(specs: list[str]) -> tuple[str, ...]:
    """Expand a register's paragraph list: '1.1-1.3' -> 1.1, 1.2, 1.3; 'fn-1-fn-3' -> fn-1 .. fn-3.

    A spec is a range when it splits at a hyphen into two numbered ends with the
    same stem; otherwise it is one label (such as 'appendix-1').
    """
    out: list[str] = []
    for spec in specs:
        out.extend(_expand_one(spec))
    return tuple(out)


def _expand_one(spec: str) -> list[str]:
    for i, char in enumerate(spec):
        if char != "-":
            continue
        first, last = _NUMBERED.match(spec[:i]), _NUMBERED.match(spec[i + 1 :])
        if first and last and first.group(1) == last.group(1) and int(first.group(2)) <= int(last.group(2)):
            stem = first.group(1)
            return [f"{stem}{n}" for n in range(int(first.group(2)), int(last.group(2)) + 1)]
    return [spec]


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


@dataclass(frozen=True)
class Outcome:
    id: str
    name: str
    summary: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Feature:
    id: str
    name: str
    summary: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class StatusPeriod:
    status: str
    start: PartialDate
    note: str
    cites: tuple[Cite, ...]


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

    def status_on(self, day: datetime.date) -> str | None:
        """The partner's status on a day, or None before its first status."""
        current = None
        for period in self.status_history:
            if period.start.start <= day:
                current = period.status
        return current


@dataclass(frozen=True)
class Duty:
    id: str
    name: str
    kind: str  # duty | power
    strength: str  # must | should | may
    holders: tuple[str, ...]
    legal_basis: str
    status: str  # in-force | proposed
    start: PartialDate
    summary: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Statement:
    id: str
    text: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Member:
    id: str
    partner: str
    role: str
    strength: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Rule:
    id: str
    text: str
    strength: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Relationship:
    id: str
    partner: str
    text: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Board:
    objectives: tuple[Statement, ...]
    functions: tuple[Statement, ...]
    membership: tuple[Member, ...]
    rules: tuple[Rule, ...]
    relationships: tuple[Relationship, ...]


@dataclass(frozen=True)
class CyppPlan:
    due: PartialDate
    owners: tuple[str, ...]
    summary: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Requirement:
    id: str
    heading: str
    text: str
    strength: str
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
    strength: str  # "" when the paragraph states no obligation
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


def build_area(a: dict[str, Any]) -> Area:
    return Area(
        id=a["id"], name=a["name"], summary=a["summary"], area_type=a["area_type"], fictional=a["fictional"] == "true",
        local_authority=a["local_authority"], trust_name=a["trust_name"],
        bodies={b["partner"]: tuple(b["names"]) for b in a["bodies"]},
        chair=a["chair"], vice_chair=a["vice_chair"], lscb_chair=a["lscb_chair"],
        additional_members=tuple(AdditionalMember(m["role"], _cites(m["cites"])) for m in a.get("additional_members", ())),
        schools_representatives=int(a["schools_representatives"]),
        voluntary_sector_representatives=int(a["voluntary_sector_representatives"]),
        quorum=int(a["quorum"]), meetings_per_year=int(a["meetings_per_year"]), papers_days=int(a["papers_days"]),
        review_months=int(a["review_months"]),
        plan_from=int(a["plan_period"]["from"]), plan_to=int(a["plan_period"]["to"]), cites=_cites(a["cites"]),
    )


# Partners with a seat of their own on the Board: the lead authority and the
# section 10 relevant partners (legislative options paragraphs 44-45). Schools,
# the Schools Forum and the voluntary sector are represented differently (46-47).
SEAT_CATEGORIES = ("local-authority", "relevant-partner")


@dataclass(frozen=True)
class DataSet:
    """Everything in data/, validated, with the queries pages and documents need."""

    sources: tuple[Source, ...]
    outcomes: tuple[Outcome, ...]
    features: tuple[Feature, ...]
    partners: tuple[Partner, ...]
    duties: tuple[Duty, ...]
    board: Board
    cypp: Cypp
    glossary: tuple[Term, ...]
    guidance: tuple[GuidanceSection, ...] = ()
    timeline: tuple[Event, ...] = ()
    areas: tuple[Area, ...] = ()
    consultations: tuple = ()  # trustdocs.model.consultations.Consultation, built by that package
    _partners_by_id: dict[str, Partner] = field(default_factory=dict, compare=False, repr=False)
    _sources_by_id: dict[str, Source] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._partners_by_id.update((p.id, p) for p in self.partners)
        self._sources_by_id.update((s.id, s) for s in self.sources)

    def partner(self, partner_id: str) -> Partner:
        return self._partners_by_id[partner_id]

    def source(self, source_id: str) -> Source:
        return self._sources_by_id[source_id]

    def duties_held_by(self, partner_id: str) -> tuple[Duty, ...]:
        return tuple(d for d in self.duties if partner_id in d.holders)

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


def build_dataset(raw: dict[str, Any]) -> DataSet:
    """Turn validated raw data (file name -> parsed YAML) into typed models."""
    from trustdocs.loading import collection  # the loader imports this module
    from trustdocs.model.consultations import build_consultations  # that package imports this module

    partners = tuple(
        Partner(
            id=p["id"], name=p["name"], short_name=p.get("short_name", ""), category=p["category"],
            summary=p["summary"], statutory_basis=p["statutory_basis"], area_types=tuple(p["area_types"]),
            status_history=tuple(
                StatusPeriod(s["status"], PartialDate.parse(s["from"]), s.get("note", ""), _cites(s["cites"]))
                for s in p["status_history"]
            ),
            cites=_cites(p["cites"]),
        )
        for p in raw["partners"]["partners"]
    )
    duties = tuple(
        Duty(
            id=d["id"], name=d["name"], kind=d["kind"], strength=d["strength"], holders=tuple(d["holders"]),
            legal_basis=d["legal_basis"], status=d["status"], start=PartialDate.parse(d["from"]),
            summary=d["summary"], cites=_cites(d["cites"]),
        )
        for d in raw["duties"]["duties"]
    )
    board_raw = raw["board"]
    board = Board(
        objectives=tuple(Statement(s["id"], s["text"], _cites(s["cites"])) for s in board_raw["objectives"]),
        functions=tuple(Statement(s["id"], s["text"], _cites(s["cites"])) for s in board_raw["functions"]),
        membership=tuple(
            Member(m["id"], m["partner"], m["role"], m["strength"], _cites(m["cites"])) for m in board_raw["membership"]
        ),
        rules=tuple(Rule(r["id"], r["text"], r["strength"], _cites(r["cites"])) for r in board_raw["rules"]),
        relationships=tuple(
            Relationship(r["id"], r["partner"], r["text"], _cites(r["cites"])) for r in board_raw["relationships"]
        ),
    )
    plan = raw["cypp"]["plan"]
    cypp = Cypp(
        plan=CyppPlan(PartialDate.parse(plan["due"]), tuple(plan["owners"]), plan["summary"], _cites(plan["cites"])),
        requirements=tuple(
            Requirement(
                id=r["id"], heading=r["heading"], text=r["text"], strength=r["strength"],
                concerns=tuple(r.get("concerns", ())), prompts=tuple(r.get("prompts", ())), cites=_cites(r["cites"]),
            )
            for r in raw["cypp"]["requirements"]
        ),
    )
    return DataSet(
        sources=tuple(
            Source(
                id=s["id"], title=s["title"], short_title=s.get("short_title", s["title"]), publisher=s["publisher"],
                date=PartialDate.parse(s["date"]), file=s["file"], summary=s.get("summary", ""),
                paragraphs=expand_paragraphs(s["paragraphs"]), paragraph_specs=tuple(s["paragraphs"]),
            )
            for s in raw["sources"]["sources"]
        ),
        outcomes=tuple(Outcome(o["id"], o["name"], o["summary"], _cites(o["cites"])) for o in raw["outcomes"]["outcomes"]),
        features=tuple(Feature(f["id"], f["name"], f["summary"], _cites(f["cites"])) for f in raw["features"]["features"]),
        partners=partners,
        duties=duties,
        board=board,
        cypp=cypp,
        glossary=tuple(
            Term(t["id"], t["term"], t.get("abbreviation", ""), t["definition"], _cites(t["cites"]))
            for t in raw["glossary"]["terms"]
        ),
        guidance=tuple(
            GuidanceSection(
                id=s["id"], number=s["number"], title=s["title"], source=s["source"],
                paragraphs=tuple(
                    GuidanceParagraph(
                        id=p["id"], number=p["number"], text=p["text"], strength=p.get("strength", ""),
                        concerns=tuple(p.get("concerns", ())), duties=tuple(p.get("duties", ())), cites=_cites(p["cites"]),
                    )
                    for p in s["paragraphs"]
                ),
            )
            for s in raw["guidance"]["sections"]
        ),
        timeline=tuple(
            Event(e["id"], PartialDate.parse(e["date"]), e["title"], e["summary"], _cites(e["cites"]))
            for e in raw["timeline"]["events"]
        ),
        areas=tuple(build_area(a) for _, a in collection(raw, "areas")),
        consultations=build_consultations(collection(raw, "consultations"), collection(raw, "consultation-outcomes")),
    )
