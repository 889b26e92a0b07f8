"""The model constitution for a Children's Trust Board, from board.yml, partners.yml and duties.yml.

Every clause states a rule of the Board, as a model for a Board to adopt
("The Board will ..."). Where a clause comes from, its status in 2008 and
2009 (a proposal or draft guidance, not law) and any history or commentary
are in a numbered note at the end, each with its sources: a clause never
says what the guidance "should" be or what happened after a report.

One function per section keeps each short and in document order. The Board's
objectives and functions are listed from the data, and the clauses that state
a rule in board.yml (RULE_CLAUSES) take that rule's ``constitution`` wording;
the procedure (quorum, meetings, review) is model wording with the area's
choices filled in. Each
clause names the area fields it shows (``fills``), for the area's page.
Clauses that only two-tier areas need come last in their section, so a
unitary area's numbers match the generic model's.
"""

from __future__ import annotations

from trustdocs.core.escape import md
from trustdocs.core.markdown import join_and, lower_first
from trustdocs.model.citations import Cite
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import Area
from trustdocs.rendering.documents.clauses import Clause, Note, Section, note, ref, render_sections, with_notes
from trustdocs.rendering.documents.particulars import Particulars, area_title, particulars
from trustdocs.rendering.documents.source import DocumentSource
from trustdocs.rendering.documents.text import bullets, sources_line, table, version_line
from trustdocs.rendering.notice import document_notice, every_value_illustrative

SLUG = "trust-board-constitution"
TITLE = "Model constitution for a Children's Trust Board"
INTRODUCTION = "introduction"  # what a note in board.yml names to be referred to from the introduction
# Every clause id, for the check on board.yml's notes (a test keeps it equal to what sections() makes).
CLAUSE_IDS = frozenset(
    {
        INTRODUCTION,
        *("name", "status", "partners-keep-functions", "objectives", "board-functions"),
        *("core-members", "schools", "voluntary-sector", "other-members", "substitutes", "district-councils"),
        *("chair-appointment", "vice-chair", "separate-chairs", "quorum", "making-decisions", "binding-decisions"),
        *("meeting-frequency", "papers", "minutes", "quorum-failure", "setting-up-sub-groups", "sub-group-terms"),
        *("safeguarding-board", "local-strategic-partnership", "other-partnerships", "pooled-budgets"),
        *("written-agreements", "declaring-interests", "register-of-interests", "taking-part", "review-period"),
        *("amendment", "stable-numbers", "adopting", "signatures"),
    }
)
# Clauses that state a rule in board.yml: their heading and wording come from that
# rule's ``clause`` (checked: exactly one rule gives each), so editing the rule's
# clause changes the constitution. The document adds only what depends on an area.
RULE_CLAUSES = ("partners-keep-functions", "district-councils", "separate-chairs", "safeguarding-board")
AREA_NOTE = "note-area-values"
MEMBERS_NOTE = "note-other-members"
NOTES_INTRO = (
    "These notes are not part of the constitution. Each says where a clause comes from and what its status "
    "was when this document was made, with its sources. Delete them when the Board adopts the constitution."
)
# Column widths, in per cent of the page: the seat number is short, the names are not.
SEAT_WIDTHS = (10, 45, 45)
SIGNATURE_WIDTHS = (10, 24, 18, 18, 18, 12)


def sections(data: DataSet, area: Area | None = None) -> list[Section]:
    """The constitution's numbered sections and clauses, generic (area None) or filled in for an area."""
    p = particulars(area)
    return [
        name_and_status(data, p),
        purpose(data, p),
        functions(data),
        membership(data, p),
        chairing(data, p),
        decisions(p),
        meetings(p),
        sub_groups(),
        relationships(data, p),
        resources(),
        conflicts(),
        review(p),
        adoption(data, p),
    ]


def constitution(data: DataSet, area: Area | None = None) -> DocumentSource:
    """The generic model (area None) or an area's filled-in constitution."""
    p = particulars(area)
    title = f"{TITLE}: {area_title(area)}" if area else TITLE
    numbered, intro_notes = _with_note_references(sections(data, area), data, area)
    present = {c.id for s in numbered for c in s.clauses} | {INTRODUCTION}
    body = (
        f"# {md(title)}\n\n{version_line(data, p.area_name if area else None)}\n{introduction(p, intro_notes)}\n"
        f"{document_notice(data, area)}\n{render_sections(numbered)}"
    )
    return DocumentSource(
        slug=f"{area.id}/{SLUG}" if area else SLUG,
        title=title,
        markdown=with_notes(body, notes(data, area, present), NOTES_INTRO),
        data_files=(f"data/areas/{area.id}.yml",) if area else ("data/board.yml",),
        owner=area.id if area else "model",
    )


def introduction(p: Particulars, intro_notes: list[tuple[str, str]]) -> str:
    """The opening paragraph; it names the notes board.yml attaches to the introduction by their headings."""
    see = "".join(f" See {note(i)}: {md(heading[:1].lower() + heading[1:])}." for i, heading in intro_notes)
    if p.area is None:
        return (
            "This is a model. Replace every part in square brackets with your area's details, "
            "then delete this paragraph. Clause numbers are fixed, so keep them when you leave a clause out. "
            f"The notes at the end say where each clause comes from.{see}\n"
        )
    return (
        f"This is the model constitution filled in for {p.area_name}. Check each choice with the member bodies "
        f"before the Board adopts it. See {note(AREA_NOTE)} for where its values come from.{see}\n"
    )


def name_and_status(data: DataSet, p: Particulars) -> Section:
    s = Section("name-and-status", "Name and status")
    s.add(
        "name",
        "Name",
        f"The Board is called {p.trust_name}. In this constitution it is called the Board.",
        fills=("trust_name",),
    )
    s.add(
        "status",
        "Status",
        f"{p.local_authority} sets up and maintains the Board. It leads the arrangements for cooperation "
        f"under section 10 of the Children Act 2004 in {p.area_name}. The Board is the governing body of the "
        f"Children's Trust for {p.area_name}.",
        fills=("local_authority", "name"),
    )
    kept = data.board.rule_clause("partners-keep-functions")
    s.add(kept.clause, md(kept.heading), md(kept.text))
    return s


def purpose(data: DataSet, p: Particulars) -> Section:
    s = Section("purpose", "Purpose and objectives")
    s.add(
        "objectives",
        "Objectives",
        f"The Board brings the member bodies together in {p.area_name} to:",
        bullets(_list_item(md(o.text)) for o in data.board.objectives),
        fills=("name",),
    )
    return s


def functions(data: DataSet) -> Section:
    s = Section("functions", "Functions")
    s.add(
        "board-functions",
        "What the Board does",
        "The Board will:",
        bullets(_list_item(md(f.text)) for f in data.board.functions),
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
        table(["Seat", "Partner", "Member body"], rows, SEAT_WIDTHS),
        f"Schools and the voluntary and community sector also have members. See {ref('schools')} and {ref('voluntary-sector')}.",
        fills=("bodies", "area_type"),  # the kind of area decides which seats there are
    )
    s.add(
        "schools",
        "Schools and the Schools Forum",
        f"Schools in the area choose {p.schools_representatives} head teachers to represent them. "
        "Between them they represent primary, secondary and special schools.",
        "The Schools Forum appoints one member. The Board treats the Schools Forum as a full partner.",
        fills=("schools_representatives",),
    )
    s.add(
        "voluntary-sector",
        "Voluntary and community sector",
        f"The voluntary and community sector chooses {p.voluntary_sector_representatives} members. "
        f"They report back to the organisations they represent.",
        fills=("voluntary_sector_representatives",),
    )
    extra = [md(m.role) for m in p.area.additional_members] if p.area else [placeholder_list()]
    s.add(
        "other-members",
        "Other members",
        ("The Board also includes:\n\n" + bullets(extra))
        if extra
        else "No other bodies or people have a seat on the Board.",
        "The Board may invite other people to attend for particular items. They do not vote.",
        fills=("additional_members",),
    )
    s.add(
        "substitutes",
        "Substitutes",
        "A member body may send a named substitute. The substitute must be senior enough to make decisions for that body.",
    )
    if "two-tier" in p.area_types:
        districts = data.board.rule_clause("district-councils")
        heading = md(districts.heading) if p.area else md(f"{districts.heading} (two-tier areas only)")
        s.add(
            districts.clause,
            heading,
            f"Each district council in the area has its own seat (see {ref('core-members')}). {md(districts.text)}",
            fills=("area_type",),
        )
    return s


def placeholder_list() -> str:
    return md("[Other members, by role, or delete this clause]")


def chairing(data: DataSet, p: Particulars) -> Section:
    s = Section("chair", "Chair and vice-chair")
    s.add("chair-appointment", "Chair", f"{p.chair} chairs the Board.", fills=("chair",))
    s.add(
        "vice-chair",
        "Vice-chair",
        f"{p.vice_chair} is vice-chair and chairs meetings when the chair is absent.",
        fills=("vice_chair",),
    )
    chairs = data.board.rule_clause("separate-chairs")
    s.add(
        chairs.clause,
        md(chairs.heading),
        f"{md(chairs.text)} Chair of the safeguarding board: {p.lscb_chair}. See {ref('safeguarding-board')}.",
        fills=("lscb_chair",),
    )
    return s


def decisions(p: Particulars) -> Section:
    s = Section("decisions", "Quorum and decisions")
    s.add(
        "quorum",
        "Quorum",
        f"A meeting can make decisions when {p.quorum} members are present. They must include the chair or "
        f"vice-chair, a member for {p.local_authority} and a health member.",
        fills=("quorum", "local_authority"),
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
        f"See {ref('partners-keep-functions')} and {ref('pooled-budgets')}.",
    )
    return s


def meetings(p: Particulars) -> Section:
    s = Section("meetings", "Meetings and papers")
    s.add(
        "meeting-frequency",
        "How often the Board meets",
        f"The Board meets {p.meetings_per_year} times a year. The chair may call an extra meeting with 10 working days' notice.",
        fills=("meetings_per_year",),
    )
    s.add(
        "papers",
        "Papers",
        f"The agenda and papers go to members {p.papers_days} working days before each meeting.",
        fills=("papers_days",),
    )
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


def relationships(data: DataSet, p: Particulars) -> Section:
    s = Section("relationships", "Relationships with other partnerships")
    lscb = data.board.rule_clause("safeguarding-board")
    s.add(lscb.clause, md(lscb.heading), md(lscb.text))
    s.add(
        "local-strategic-partnership",
        "Local Strategic Partnership",
        "The Board works within the Local Strategic Partnership and speaks there for children and young people. "
        "It keeps the Children and Young People's Plan consistent with the Sustainable Community Strategy.",
    )
    s.add(
        "other-partnerships",
        "Partnerships for ages 0 to 7 and 14 to 19",
        "The area's 14 to 19 partnership and any 0 to 7 partnerships work within the framework the Board sets. "
        "The Board takes their views into account in its decisions.",
    )
    return s


def resources() -> Section:
    s = Section("resources", "Pooled budgets and shared resources")
    s.add(
        "pooled-budgets",
        "Who may pool budgets and share resources",
        "Only the local authority and its relevant partners may pool budgets or share staff, goods, services, "
        "accommodation and other resources. Other member bodies cannot take part.",
    )
    s.add(
        "written-agreements",
        "Written agreements",
        "A written agreement records each of these arrangements. It names the host body, what each body "
        "contributes and how the arrangement is audited.",
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
    s.add(
        "review-period",
        "Review",
        f"The Board reviews this constitution every {p.review_months} months.",
        fills=("review_months",),
    )
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
    rows = [[str(i), body, "", "", "", ""] for i, (_, body) in enumerate(p.seats(data), 1)]
    s.add(
        "adopting",
        "Adopting this constitution",
        f"This constitution takes effect when a person authorised by each member body in {ref('core-members')} "
        "has signed it below. The seat numbers are those in that clause.",
    )
    # The table comes straight after the heading: the print stylesheet and the office layout find it there.
    s.add(
        "signatures",
        "Signatures",
        table(["Seat", "Member body", "Name", "Role", "Signature", "Date"], rows, SIGNATURE_WIDTHS),
        fills=("bodies",),
    )
    return s


# --- notes ------------------------------------------------------------------------


def notes(data: DataSet, area: Area | None, present: set[str]) -> list[Note]:
    """The numbered notes: board.yml's for the clauses this document has, then the area's own."""
    out = [
        Note(n.id, md(n.heading), md(n.text), sources_line(data, n.cites))
        for n in data.board.constitution_notes
        if present & set(n.clauses)
    ]
    if area is not None:
        name = md(area.name)
        out.append(
            Note(AREA_NOTE, f"Where {name}'s values come from", _area_text(area), sources_line(data, area.cites))
        )
        members = _sourced_members(area)
        if members:
            reported = max((data.source(c.source).date for c in members), key=lambda d: d.start)
            out.append(
                Note(
                    MEMBERS_NOTE,
                    f"{name}'s other members",
                    f"The other members come from {name}'s file. Its source, dated {reported}, reports them as "
                    f"{name}'s own arrangement.",
                    sources_line(data, members),
                )
            )
    return out


def _sourced_members(area: Area) -> tuple[Cite, ...]:
    """What the area's file cites for its other members, when a source states them (not illustrative).

    Where they are illustrative (a file from the area form), no source states
    them: the introduction's note on the area's values and the status list say so.
    """
    if "additional_members" in area.illustrative:
        return ()
    return tuple(c for m in area.additional_members for c in m.cites)


def _with_note_references(
    sections: list[Section], data: DataSet, area: Area | None
) -> tuple[list[Section], list[tuple[str, str]]]:
    """Each clause ends with 'See note N.' for the notes that explain it; the introduction's notes are returned."""
    explains: dict[str, list[str]] = {}
    for n in data.board.constitution_notes:
        for clause_id in n.clauses:
            explains.setdefault(clause_id, []).append(n.id)
    if area is not None and _sourced_members(area):
        explains.setdefault("other-members", []).append(MEMBERS_NOTE)
    # Where only some of an area's values are illustrative, each clause holding one says so (where all
    # are, the status section says it once).
    flag = area is not None and not every_value_illustrative(area)
    out = []
    for section in sections:
        clauses = []
        for clause in section.clauses:
            ids = explains.get(clause.id, [])
            blocks = clause.blocks
            said = _see(ids) if ids else ""
            if flag and area is not None and any(area.is_illustrative(f) for f in clause.fills):
                said = f"{said} {_illustrative_here()}".strip()
            if said and blocks[-1].startswith(("|", "- ")):  # after a table or a list: a paragraph of its own
                blocks = (*blocks, said)
            elif said:
                blocks = (*blocks[:-1], f"{blocks[-1].rstrip()} {said}")
            clauses.append(Clause(clause.id, clause.heading, blocks, clause.fills))
        out.append(Section(section.id, section.heading, clauses))
    headings = {n.id: n.heading for n in data.board.constitution_notes}
    return out, [(i, headings[i]) for i in explains.get(INTRODUCTION, [])]


def _illustrative_here() -> str:
    return f"A value in this clause is illustrative: check it before adoption (see {note(AREA_NOTE)})."


def _see(note_ids: list[str]) -> str:
    return "See " + join_and(note(i) for i in note_ids) + "."


def _area_text(area: Area) -> str:
    name = md(area.name)
    if area.fictional:
        return f"{name} is a made-up area, so every value for it is illustrative. Its file cites these sources."
    if every_value_illustrative(area):
        return (
            f"Every value for {name} is illustrative: no source on the site states them. Its file cites the "
            "paragraphs of the 2008 proposals on the choices it makes."
        )
    if area.illustrative:
        return (
            f"The values for {name} come from its file. Those its source does not state are illustrative, and the "
            "status section at the start lists them. The others come from these sources."
        )
    return f"The values for {name} come from its file, which cites these sources."


def _list_item(text: str) -> str:
    """'Improve the well-being.' -> 'improve the well-being', to follow 'The Board will:' as a list item."""
    return lower_first(text.rstrip("."))
