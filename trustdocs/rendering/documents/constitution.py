"""The model constitution for a Children's Trust Board, from board.yml, partners.yml and duties.yml.

One function per section keeps each short and in document order. The Board's
objectives, functions, membership, rules and relationships come from the
data; the procedure (quorum, meetings, review) is model wording with the
area's choices filled in. Clauses that only two-tier areas need come last in
their section, so a unitary area's numbers match the generic model's.
"""

from __future__ import annotations

from trustdocs.core.escape import md
from trustdocs.model.citations import Cite
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import Area
from trustdocs.rendering.documents.clauses import Section, ref, render_sections
from trustdocs.rendering.documents.particulars import Particulars, area_title, particulars
from trustdocs.rendering.documents.source import DocumentSource
from trustdocs.rendering.documents.text import bullets, source_notes, table
from trustdocs.rendering.notice import document_notice

SLUG = "trust-board-constitution"
TITLE = "Model constitution for a Children's Trust Board"
# Records this document quotes by id. The registry turns this into a data check,
# so renaming or deleting one is an editor's error message, not a broken document.
QUOTED_RECORDS = {
    ("board", "rules"): (
        "rule-partners-keep-functions",
        "rule-separate-chairs",
        "rule-lscb-distinct",
        "rule-engage-every-district",
    ),
    ("duties", "duties"): ("pool-budgets-and-share-resources",),
}


def constitution(data: DataSet, area: Area | None = None) -> DocumentSource:
    """The generic model (area None) or an area's filled-in constitution."""
    p = particulars(area)
    sections = [
        name_and_status(data, p),
        purpose(data, p),
        functions(data, p),
        membership(data, p),
        chairing(data, p),
        decisions(p),
        meetings(p),
        sub_groups(),
        relationships(data),
        resources(data),
        conflicts(),
        review(p),
        adoption(data, p),
    ]
    title = f"{TITLE}: {area_title(area)}" if area else TITLE
    markdown = (
        f"# {md(title)}\n\n{introduction(p)}\n{document_notice(data, area)}\n{render_sections(sections)}\n"
        f"{source_notes(data, _cites(data, area))}"
    )
    return DocumentSource(
        slug=f"{area.id}/{SLUG}" if area else SLUG,
        title=title,
        markdown=markdown,
        data_files=(f"data/areas/{area.id}.yml",) if area else ("data/board.yml",),
    )


def introduction(p: Particulars) -> str:
    if p.area is None:
        return (
            "This is a model. Replace every part in square brackets with your area's details, "
            "then delete this paragraph. Clause numbers are fixed, so keep them when you leave a clause out.\n"
        )
    return (
        f"This is the model constitution filled in for {p.area_name}. "
        "Check each choice with the member bodies before the Board adopts it.\n"
    )


def name_and_status(data: DataSet, p: Particulars) -> Section:
    s = Section("name-and-status", "Name and status")
    s.add("name", "Name", f"The Board is called {p.trust_name}. In this constitution it is called the Board.")
    s.add(
        "status",
        "Status",
        f"{p.local_authority} sets up and maintains the Board. It leads the arrangements for cooperation "
        "under section 10 of the Children Act 2004.",
        f"The Board is the governing body of the Children's Trust for {p.area_name}.",
    )
    s.add(
        "partners-keep-functions", "Partners keep their own functions", md(_rule(data, "rule-partners-keep-functions"))
    )
    return s


def purpose(data: DataSet, p: Particulars) -> Section:
    s = Section("purpose", "Purpose and objectives")
    s.add(
        "purpose-statement",
        "Purpose",
        f"The Board brings the member bodies together to improve the well-being of children and young people in {p.area_name}.",
    )
    s.add(
        "objectives",
        "Objectives",
        "The Board's objectives are to:",
        bullets(_lower_first(md(o.text)) for o in data.board.objectives),
    )
    return s


def functions(data: DataSet, p: Particulars) -> Section:
    s = Section("functions", "Functions")
    s.add(
        "board-functions",
        "What the Board does",
        "The Board will:",
        bullets(_lower_first(md(f.text)) for f in data.board.functions),
    )
    s.add(
        "functions-limits",
        "Limits",
        f"The Board does not take over any member body's functions. See {ref('partners-keep-functions')}.",
    )
    return s


def membership(data: DataSet, p: Particulars) -> Section:
    s = Section("membership", "Membership")
    rows = [[str(i), md(partner.name), body] for i, (partner, body) in enumerate(p.seats(data), 1)]
    s.add(
        "core-members",
        "Core members",
        "Each of these bodies appoints one member of the Board. Each member must be senior enough to commit "
        "their body's resources.",
        table(["Seat", "Partner", "Member body"], rows),
        f"Schools and the voluntary and community sector also have members. See {ref('schools')} and {ref('voluntary-sector')}.",
    )
    s.add(
        "schools",
        "Schools and the Schools Forum",
        f"Schools in the area choose {p.schools_representatives} head teachers to represent them. "
        "Between them they represent primary, secondary and special schools.",
        "The Schools Forum appoints one member. It speaks for schools across the area, but not as their only voice.",
    )
    s.add(
        "voluntary-sector",
        "Voluntary and community sector",
        f"The voluntary and community sector chooses {p.voluntary_sector_representatives} members. "
        "They report back to the organisations they represent.",
    )
    extra = [md(m.role) for m in p.area.additional_members] if p.area else [placeholder_list()]
    s.add(
        "other-members",
        "Other members",
        ("The Board also includes:\n\n" + bullets(extra))
        if extra
        else "No other bodies or people have a seat on the Board.",
        "The Board may invite other people to attend for particular items. They do not vote.",
    )
    s.add(
        "substitutes",
        "Substitutes",
        "A member body may send a named substitute. The substitute must be senior enough to make decisions for that body.",
    )
    if "two-tier" in p.area_types:
        heading = "District councils" if p.area else "District councils (two-tier areas only)"
        s.add(
            "district-councils",
            heading,
            md(_rule(data, "rule-engage-every-district")),
            "Each district council has its own seat. No district council represents the others.",
        )
    return s


def placeholder_list() -> str:
    return md("[Other members, by role, or delete this clause]")


def chairing(data: DataSet, p: Particulars) -> Section:
    s = Section("chair", "Chair and vice-chair")
    s.add("chair-appointment", "Chair", f"{p.chair} chairs the Board.")
    s.add("vice-chair", "Vice-chair", f"{p.vice_chair} is vice-chair and chairs meetings when the chair is absent.")
    s.add(
        "separate-chairs",
        "Safeguarding board has a different chair",
        md(_rule(data, "rule-separate-chairs")),
        f"Chair of the Local Safeguarding Children Board: {p.lscb_chair}. See {ref('safeguarding-board')}.",
    )
    return s


def decisions(p: Particulars) -> Section:
    s = Section("decisions", "Quorum and decisions")
    s.add(
        "quorum",
        "Quorum",
        f"A meeting can make decisions when {p.quorum} members are present. They must include the chair or "
        f"vice-chair, a member for {p.local_authority} and a health member.",
    )
    s.add(
        "making-decisions",
        "How the Board decides",
        "The Board aims to agree by consensus. If it cannot, a decision needs a majority of the members present. "
        "The chair has a casting vote.",
    )
    s.add(
        "binding-decisions",
        "Decisions that commit a member body",
        "A decision that commits a member body's money or staff needs that body's own agreement first. "
        f"See {ref('functions-limits')} and {ref('pooled-budgets')}.",
    )
    return s


def meetings(p: Particulars) -> Section:
    s = Section("meetings", "Meetings and papers")
    s.add(
        "meeting-frequency",
        "How often the Board meets",
        f"The Board meets {p.meetings_per_year} times a year. The chair may call an extra meeting with 10 working days' notice.",
    )
    s.add("papers", "Papers", f"The agenda and papers go to members {p.papers_days} working days before each meeting.")
    s.add(
        "minutes",
        "Minutes",
        "Minutes record each decision and who is responsible for acting on it. The Board publishes them, "
        "leaving out anything confidential.",
    )
    s.add(
        "quorum-failure",
        "If a meeting is not quorate",
        f"If too few members are present (see {ref('quorum')}), members may discuss items but not decide them.",
    )
    return s


def sub_groups() -> Section:
    s = Section("sub-groups", "Sub-groups")
    s.add(
        "setting-up-sub-groups",
        "Setting up sub-groups",
        "The Board may set up sub-groups for parts of its work, such as joint commissioning or the plan.",
    )
    s.add(
        "sub-group-terms",
        "Terms of reference",
        "The Board agrees each sub-group's terms of reference and membership. Each sub-group reports to the Board "
        "and cannot commit a member body.",
    )
    return s


def relationships(data: DataSet) -> Section:
    s = Section("relationships", "Relationships with other partnerships")
    s.add(
        "safeguarding-board",
        "Local Safeguarding Children Board",
        md(_rule(data, "rule-lscb-distinct")),
        "It challenges local safeguarding work when needed. It reports to the Children's Trust, and the Trust holds it "
        "to account for safeguarding all children and young people.",
    )
    partnerships = [f"**{md(data.partner(r.partner).name)}**: {md(r.text)}" for r in data.board.relationships]
    s.add("other-partnerships", "Partnerships", "The Board works with these partnerships:", bullets(partnerships))
    return s


def resources(data: DataSet) -> Section:
    s = Section("resources", "Pooled budgets and shared resources")
    power = next(d for d in data.duties if d.id == "pool-budgets-and-share-resources")  # see QUOTED_RECORDS
    s.add(
        "pooled-budgets",
        "Pooled budgets",
        md(power.summary),
        "Each pooled budget has a written agreement. It names the host body, what each body pays in and how the budget is audited.",
    )
    s.add(
        "shared-resources",
        "Staff, services and premises",
        "Under section 10 of the Children Act 2004, only the local authority and the relevant partners may share "
        "staff, goods, services, accommodation and other resources. The power does not extend to other member bodies.",
        "A written agreement records each arrangement.",
    )
    return s


def conflicts() -> Section:
    s = Section("conflicts", "Conflicts of interest")
    s.add(
        "declaring-interests",
        "Declaring interests",
        "Members declare any personal or business interest in an item before it is discussed. The minutes record it.",
    )
    s.add(
        "register-of-interests",
        "Register of interests",
        "The Board keeps a register of members' interests. Members update it within 28 days of any change.",
    )
    s.add(
        "taking-part",
        "Taking part",
        "A member with a conflict of interest leaves the meeting for that item, unless the chair agrees otherwise.",
    )
    return s


def review(p: Particulars) -> Section:
    s = Section("review", "Review and amendment")
    s.add("review-period", "Review", f"The Board reviews this constitution every {p.review_months} months.")
    s.add(
        "amendment",
        "Amendment",
        f"The Board may amend this constitution if two-thirds of its members agree. Each member body must also agree "
        f"to any change to {ref('core-members')}.",
    )
    s.add(
        "stable-numbers",
        "Clause numbers",
        "An amendment keeps existing clause numbers. A deleted clause's number is not used again.",
    )
    return s


def adoption(data: DataSet, p: Particulars) -> Section:
    s = Section("adoption", "Adoption")
    rows = [[md(partner.name), body, "", "", "", ""] for partner, body in p.seats(data)]
    s.add(
        "adopting",
        "Adopting this constitution",
        f"Each member body listed in {ref('core-members')} signs below to adopt this constitution.",
    )
    s.add("signatures", "Signatures", table(["Partner", "Member body", "Name", "Position", "Signature", "Date"], rows))
    return s


def _rule(data: DataSet, rule_id: str) -> str:
    """The text of a rule the constitution quotes (the loader checks each exists: QUOTED_RECORDS)."""
    return next(r.text for r in data.board.rules if r.id == rule_id)


def _lower_first(text: str) -> str:
    """'Improve the well-being.' -> 'improve the well-being', to follow 'The Board will:' as a list item."""
    text = text.rstrip(".")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _cites(data: DataSet, area: Area | None) -> list[tuple[str, tuple[Cite, ...]]]:
    """What the constitution draws on, for its notes on sources."""
    board = data.board
    out = [
        ("Objectives", tuple(c for o in board.objectives for c in o.cites)),
        ("Functions", tuple(c for f in board.functions for c in f.cites)),
        ("Membership", tuple(c for m in board.membership for c in m.cites)),
        ("Rules", tuple(c for r in board.rules for c in r.cites)),
        ("Relationships", tuple(c for r in board.relationships for c in r.cites)),
        (
            "Pooled budgets and shared resources",
            next(d for d in data.duties if d.id == "pool-budgets-and-share-resources").cites,
        ),
    ]
    if area is not None:
        out.append((f"{area.name}'s choices", area.cites + tuple(c for m in area.additional_members for c in m.cites)))
    return out
