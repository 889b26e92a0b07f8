"""The Children and Young People's Plan template, from cypp.yml (and partners.yml for who takes part).

A section for each requirement with its guidance prompts and space to write;
then a table for each partner body's contribution and spend, the people and
bodies to consult, and the review schedule across the plan's years.
"""

from __future__ import annotations

import datetime

from trustdocs.core.escape import md
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import Area, Requirement
from trustdocs.rendering.documents.clauses import Section, ref, render_sections
from trustdocs.rendering.documents.particulars import Particulars, area_title, particulars, placeholder
from trustdocs.rendering.documents.source import DocumentSource
from trustdocs.rendering.documents.text import bullets, source_notes, table, version_line
from trustdocs.rendering.notice import document_notice
from trustdocs.rendering.status import current, plain

SLUG = "cypp-template"
TITLE = "Children and Young People's Plan template"
CONSULT_CATEGORIES = ("local-authority", "relevant-partner", "proposed-partner", "other-partner", "related-partnership")


def sections(data: DataSet, area: Area | None = None) -> list[Section]:
    """The template's numbered sections, generic (area None) or filled in for an area."""
    p = particulars(area)
    as_at = data.latest_source_date  # a document describes the data as its sources leave it
    return [
        about(data, p),
        *(requirement(data, r, as_at) for r in data.cypp.requirements),
        contributions(data, p),
        consultees(data, p),
        review_schedule(p),
    ]


def cypp_template(data: DataSet, area: Area | None = None) -> DocumentSource:
    p = particulars(area)
    title = f"{TITLE}: {area_title(area)}" if area else TITLE
    intro = (
        version_line(data, p.area_name if area else None)
        + "\nEach section says what the plan needs and asks questions to help you write it. "
        "Replace the text in square brackets.\n\n" + document_notice(data, area)
    )
    notes = [("Plan", data.cypp.plan.cites), *((md(r.heading), r.cites) for r in data.cypp.requirements)]
    if area is not None:
        notes.append((f"{area.name}'s choices", area.cites))
    markdown = f"# {md(title)}\n\n{intro}\n\n{render_sections(sections(data, area))}\n{source_notes(data, notes)}"
    return DocumentSource(
        slug=f"{area.id}/{SLUG}" if area else SLUG,
        title=title,
        markdown=markdown,
        data_files=(f"data/areas/{area.id}.yml",) if area else ("data/cypp.yml",),
        owner=area.id if area else "model",
    )


def about(data: DataSet, p: Particulars) -> Section:
    s = Section("about-this-plan", "About this plan")
    owners = [
        md(data.partner(o).name)
        for o in data.cypp.plan.owners
        if any(t in data.partner(o).area_types for t in p.area_types)
    ]
    s.add(
        "plan-period",
        "Period and owners",
        f"This is the Children and Young People's Plan for {p.area_name} for {p.plan_period}.",
        "These bodies own it jointly:",
        bullets(owners),
        f"{p.trust_name} agrees it. See {ref('review-dates')} for when it is reviewed.",
        fills=("name", "plan_period", "trust_name"),
    )
    s.add("plan-summary", "What the plan is for", md(data.cypp.plan.summary))
    return s


def requirement(data: DataSet, r: Requirement, as_at: datetime.date) -> Section:
    s = Section(r.id, md(r.heading))
    status = " ".join(plain(e, r.status, data, as_at, html=False) for e in current(r.status, as_at))
    s.add(f"{r.id}-needs", "What this section needs", md(r.text), f"Status: {status}")
    if r.prompts:
        s.add(f"{r.id}-prompts", "Questions to answer", bullets(md(q) for q in r.prompts))
    s.add(f"{r.id}-response", "Your plan", placeholder("Write this section of your plan"))
    return s


def contributions(data: DataSet, p: Particulars) -> Section:
    s = Section("contributions", "Each partner's contribution and spend")
    rows = [
        [
            md(partner.name),
            body,
            placeholder("What this body will do"),
            placeholder("£"),
            placeholder("Pooled, aligned or own"),
        ]
        for partner, body in p.seats(data)
    ]
    rows += [
        [
            md(data.partner(pid).name),
            placeholder("Name of body"),
            placeholder("What this body will do"),
            placeholder("£"),
            placeholder("Pooled, aligned or own"),
        ]
        for pid in _represented_members(data)
    ]
    s.add(
        "contribution-table",
        "Contributions",
        "Show how each partner's budget will help the plan. Say whether the money is in a pooled budget, "
        "aligned with others or spent by the body alone.",
        table(["Partner", "Body", "Contribution to the plan", "Spend each year", "Budget"], rows, (22, 22, 26, 13, 17)),
        fills=("bodies",),
    )
    return s


def _represented_members(data: DataSet) -> list[str]:
    """Board members without a seat of their own (schools, the voluntary sector): they have a row too."""
    seats = {p.id for t in ("unitary", "two-tier") for p in data.seat_partners(t)}
    return list(dict.fromkeys(m.partner for m in data.board.membership if m.partner not in seats))


def consultees(data: DataSet, p: Particulars) -> Section:
    s = Section("consultation", "People and bodies to consult")
    people = ["Children and young people, including those whose views are seldom heard", "Parents and carers"]
    bodies = [
        md(partner.name)
        for partner in data.partners
        if partner.category in CONSULT_CATEGORIES and any(t in partner.area_types for t in p.area_types)
    ]
    s.add(
        "who-to-consult",
        "Who to consult",
        "Consult these people and bodies while you prepare the plan, and record what you changed as a result.",
        bullets([*people, *bodies]),
    )
    return s


def review_schedule(p: Particulars) -> Section:
    s = Section("review", "Review schedule")
    if p.area is None:
        years = [placeholder("year")] * 3
    else:
        years = [str(y) for y in range(p.area.plan_from + 1, p.area.plan_to + 1)]
    rows = [[md("Yearly review"), y, p.trust_name, md("Progress report and changes to the plan")] for y in years]
    rows.append(
        [
            md("New plan"),
            str(p.area.plan_to) if p.area else placeholder("last year"),
            p.trust_name,
            md("The next Children and Young People's Plan"),
        ]
    )
    s.add(
        "review-dates",
        "When the plan is reviewed",
        "The Board reviews the plan every year and reports on progress.",
        table(["Review", "Year", "Who", "What it produces"], rows, (18, 12, 32, 38)),
        fills=("plan_period", "trust_name"),
    )
    return s
