"""What fills the blanks in a model document: an area's choices, or clear placeholders.

The generic documents say "[Name of local authority]" where an area's own
documents say "Southwark Council". Everything here is ready-escaped Markdown:
area values pass through :func:`trustdocs.core.escape.md`; placeholders are our own
text with their square brackets escaped, so they never read as links.
"""

from __future__ import annotations

from dataclasses import dataclass

from trustdocs.core.escape import md
from trustdocs.model.dataset import SEAT_CATEGORIES, DataSet
from trustdocs.model.records import Area, Partner


def area_title(area: Area) -> str:
    """How titles name an area: a made-up example says so."""
    return f"{area.name} (fictional example)" if area.fictional else area.name


def placeholder(text: str) -> str:
    return md(f"[{text}]")


@dataclass(frozen=True)
class Particulars:
    area: Area | None  # None: the generic model, with placeholders
    area_name: str
    local_authority: str
    trust_name: str
    chair: str
    vice_chair: str
    lscb_chair: str
    schools_representatives: str
    voluntary_sector_representatives: str
    quorum: str
    meetings_per_year: str
    papers_days: str
    review_months: str
    plan_period: str

    @property
    def area_types(self) -> tuple[str, ...]:
        """The kinds of area the document covers: both, for the generic model."""
        return (self.area.area_type,) if self.area else ("unitary", "two-tier")

    def bodies(self, partner: Partner) -> list[str]:
        """The member bodies for one partner's seat (several for district councils)."""
        if self.area is None:
            what = "each district council" if partner.id == "district-councils" else "body"
            return [placeholder(f"Name of {what}")]
        return [md(name) for name in self.area.bodies.get(partner.id, ())]

    def seats(self, data: DataSet) -> list[tuple[Partner, str]]:
        """(partner, member body) for every seat of the core membership, in data order."""
        partners = [
            p
            for p in data.partners
            if p.category in SEAT_CATEGORIES and any(t in p.area_types for t in self.area_types)
        ]
        return [(p, body) for p in partners for body in self.bodies(p)]


def particulars(area: Area | None) -> Particulars:
    if area is None:
        return Particulars(
            area=None,
            area_name=placeholder("Name of area"),
            local_authority=placeholder("Name of local authority"),
            trust_name=placeholder("Name of area") + " Children's Trust Board",
            chair=placeholder("Role of the chair, for example the Lead Member for Children's Services"),
            vice_chair=placeholder("Role of the vice-chair"),
            lscb_chair=placeholder("Who chairs the Local Safeguarding Children Board"),
            schools_representatives=placeholder("number"),
            voluntary_sector_representatives=placeholder("number"),
            quorum=placeholder("number"),
            meetings_per_year=placeholder("number"),
            papers_days=placeholder("number"),
            review_months=placeholder("number"),
            plan_period=placeholder("first year") + " to " + placeholder("last year"),
        )
    return Particulars(
        area=area,
        area_name=md(area.name),
        local_authority=md(area.local_authority),
        trust_name=md(area.trust_name),
        chair=md(area.chair),
        vice_chair=md(area.vice_chair),
        lscb_chair=md(area.lscb_chair),
        schools_representatives=str(area.schools_representatives),
        voluntary_sector_representatives=str(area.voluntary_sector_representatives),
        quorum=str(area.quorum),
        meetings_per_year=str(area.meetings_per_year),
        papers_days=str(area.papers_days),
        review_months=str(area.review_months),
        plan_period=f"{area.plan_from} to {area.plan_to}",
    )
