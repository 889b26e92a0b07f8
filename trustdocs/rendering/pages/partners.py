"""Partner pages: one per partner ("what applies to me"), and an index grouped by category.

A partner page answers first. Under its heading and the period notice comes
"In short": what binds the body on the site's as-at date, built from the
status entries of every duty, Board statement, plan requirement and guidance
paragraph that binds it, grouped by status (the law in force, what the draft
guidance said, what was proposed) and worded by it; then its place on the
Board and in the plan. The detail follows, the long lists collapsed by topic,
each guidance paragraph once, labelled with whom it binds.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby

from trustdocs.core.escape import md
from trustdocs.core.markdown import bullet_list, join_and, lower_first
from trustdocs.model.dataset import SEAT_CATEGORIES, DataSet
from trustdocs.model.records import GuidanceParagraph, GuidanceSection, Partner, StatusPeriod
from trustdocs.model.status import DRAFT, LAW, PROPOSED, Status
from trustdocs.rendering import paths
from trustdocs.rendering.change_log import HEADING, partner_changes
from trustdocs.rendering.common import AREA_LABELS, CATEGORY_LABELS, STATUS_LABELS, Page, cites, duty_link, format_day
from trustdocs.rendering.pages.duties import binding, by_name, collapsed
from trustdocs.rendering.pages.guidance import inline_status, paragraph_link
from trustdocs.rendering.paths import link
from trustdocs.rendering.site import Citing, Site, citations_of
from trustdocs.rendering.status import (
    current,
    describe,
    in_sentence,
    nested_status,
    proposed_by,
    status_name,
    strength_badge,
)

# The Board rule that makes every partner under the duty a member (legislative options 40), for partners
# the proposals do not name one by one.
ALL_PARTNERS_RULE = "rule-partners-are-members"

DATA_FILE = "data/partners.yml"

# The body's status on the as-at date, in a few words (STATUS_LABELS says it at length).
SHORT_STATUS = {
    "lead-authority": "the lead authority, which makes the arrangements to cooperate",
    "relevant-partner": "a relevant partner, under the duty to cooperate",
    "proposed-relevant-partner": "proposed for the duty to cooperate, but not under it",
    "other-partner": "another partner, with no statutory duty to cooperate",
    "related-partnership": "a related partnership",
}

# Anchors of the page's sections, linked from "In short".
IN_SHORT, BOARD, PLAN, GUIDANCE = "in-short", "board", "plan", "guidance"
# A list longer than this is collapsed, so the page can be scanned.
OPEN_LIST = 3
# The class of the partners index's short lists of names (docs/stylesheets/trustdocs.css).
NAMES = "trustdocs-names"


def _is_abbreviation(partner: Partner) -> bool:
    """PCTs, LSCB: shown after the name in the heading, so the page defines it first (GOV.UK style)."""
    return bool(re.fullmatch(r"[A-Z]{2,6}s?", partner.short_name))


def _plural(count: int, word: str, plural: str = "") -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


# --- In short: what binds this body, by status -------------------------------------------


@dataclass(frozen=True)
class _Binding:
    """One thing that binds the body: an entry in effect on the as-at date, and how the summary names it."""

    entry: Status
    entries: tuple[Status, ...]  # the record's whole history, for the wording of its strength
    kind: str  # duty | board | plan | guidance
    text: str = ""  # a duty: its link
    topic: str = ""  # a guidance paragraph: its section's id


_GROUPS = ("law", DRAFT, PROPOSED)


def _group(entry: Status) -> str:
    if entry.kind in LAW:
        return "law"
    return entry.kind if entry.kind in (DRAFT, PROPOSED) else ""


def _binds(entries: Sequence[Status], partner_id: str, as_at: datetime.date) -> list[Status]:
    return [e for e in current(entries, as_at) if e.strength and partner_id in e.binds and _group(e)]


def _board_records(partner: Partner, data: DataSet) -> list:
    """The Board statements the page shows for this body: its roles, else the all-partners rule; its relationships."""
    records: list = list(data.board_roles_of(partner.id))
    if not records and partner.category in SEAT_CATEGORIES:
        records = [r for r in data.board.rules if r.id == ALL_PARTNERS_RULE]
    return records + [r for r in data.board.relationships if r.partner == partner.id]


def _guidance_items(
    partner: Partner, data: DataSet, as_at: datetime.date
) -> list[tuple[GuidanceSection, GuidanceParagraph]]:
    """Every paragraph that concerns the body or binds it on the as-at date, once each, in document order."""
    return [
        (s, p)
        for s in data.guidance
        for p in s.paragraphs
        if partner.id in p.concerns or _binds(p.status, partner.id, as_at)
    ]


def _bindings(here: str, partner: Partner, data: DataSet, as_at: datetime.date) -> list[_Binding]:
    found = []
    for d in data.duties_held_by(partner.id):
        for e in binding(d, partner.id, as_at):
            if e.strength and _group(e):
                found.append(_Binding(e, d.status, "duty", duty_link(here, lower_first(d.name), d.id)))
    for record in _board_records(partner, data):
        found += [_Binding(e, record.status, "board") for e in _binds(record.status, partner.id, as_at)]
    for r in data.requirements_concerning(partner.id):
        found += [_Binding(e, r.status, "plan") for e in _binds(r.status, partner.id, as_at)]
    for s, p in _guidance_items(partner, data, as_at):
        found += [_Binding(e, p.status, "guidance", topic=s.id) for e in _binds(p.status, partner.id, as_at)]
    return found


def _says(count: int, what: str, anchor: str, plural: str = "") -> str:
    """'do what [3 guidance paragraphs](#guidance) say': counted things, linked to their detail below."""
    return f"do what [{_plural(count, what, plural)}](#{anchor}) {'says' if count == 1 else 'say'}"


def _items(bindings: list[_Binding], group: str) -> list[str]:
    """What the body must (or should, or may) do: duties by name, the rest counted, linked to the detail."""
    items = list(dict.fromkeys(b.text for b in bindings if b.kind == "duty"))
    plan = len({id(b.entries) for b in bindings if b.kind == "plan"})
    if plan:
        items.append(f"meet [{_plural(plan, 'requirement')} of the joint plan](#{PLAN})")
    board = len({id(b.entries) for b in bindings if b.kind == "board"})
    if board:
        items.append(_says(board, "statement about the Board", BOARD, "statements about the Board"))
    guidance = len({id(b.entries) for b in bindings if b.kind == "guidance"})
    if guidance:
        if group == DRAFT:
            items.append(_says(guidance, "of its paragraphs", GUIDANCE, "of its paragraphs"))
        elif group == "law":  # paragraphs of draft guidance that describe the law: the law binds, not the draft
            described = _plural(guidance, "guidance paragraph")
            items.append(
                f"do what the law requires, as [{described}](#{GUIDANCE}) {'describes' if guidance == 1 else 'describe'} it"
            )
        else:
            items.append(_says(guidance, "guidance paragraph", GUIDANCE))
    return items


def _dates(entries: Sequence[Status]) -> str:
    return join_and(dict.fromkeys(str(e.start) for e in sorted(entries, key=lambda e: e.start.start)))


def _lead(group: str, name: str, badge: str, entries: Sequence[Status], as_at: datetime.date) -> str:
    """The lead-in: the status first, then who and how strongly ('Proposed in July 2008, not law. Schools would have to:')."""
    who = name[:1].upper() + name[1:]
    if group == "law":
        return f"**In force on {format_day(as_at)}.** {who} {badge}:"
    if group == DRAFT:
        return f"**Draft guidance of {_dates(entries)}.** It said {name} {badge}:"
    return f"**Proposed in {_dates(entries)}, not law.** {who} {badge}:"


def in_short(here: str, partner: Partner, data: DataSet, as_at: datetime.date) -> str:
    """What binds the body on the as-at date, by status and strength; then its place on the Board and in the plan."""
    name = md(in_sentence(partner.name))
    status = partner.status_on(as_at)
    parts = [f"## What binds this body on {format_day(as_at)} {{#{IN_SHORT}}}\n\n"]
    if status:
        parts.append(f"**Status:** {SHORT_STATUS[status]}.\n\n")
    bindings = _bindings(here, partner, data, as_at)
    strengths = ("must", "should", "may")
    for group in _GROUPS:
        in_group = [b for b in bindings if _group(b.entry) == group]
        for strength in strengths:
            chosen = [b for b in in_group if b.entry.strength == strength]
            if not chosen:
                continue
            badge = strength_badge(chosen[0].entry, chosen[0].entries, as_at)
            lead = _lead(group, name, badge, [b.entry for b in chosen], as_at)
            items = _items(chosen, group)
            if len(items) == 1:
                parts.append(f"{lead[:-1]} {items[0]}.\n\n")
            else:
                parts.append(f"{lead}\n\n{bullet_list(items)}\n")
    if not bindings:
        parts.append(
            f"Nothing in the data binds it on {format_day(as_at)}. No law in force, draft guidance or proposal "
            "gives it a duty.\n\n"
        )
    parts.append(f"**On the Board:** {_board_place(partner, data, as_at)}\n\n")
    parts.append(f"**In the plan:** {_plan_place(partner, data, as_at)}\n")
    return "".join(parts)


def _statuses(entries: Sequence[Status]) -> str:
    return " (" + "; ".join(lower_first(status_name(e)) for e in entries) + ")" if entries else ""


def _board_place(partner: Partner, data: DataSet, as_at: datetime.date) -> str:
    roles = data.board_roles_of(partner.id)
    if roles:
        entries = [e for m in roles for e in current(m.status, as_at)]
        return f"[named in its core membership](#{BOARD}){_statuses(entries)}."
    rules = [r for r in _board_records(partner, data) if getattr(r, "id", "") == ALL_PARTNERS_RULE]
    if rules:
        entries = list(current(rules[0].status, as_at))
        return f"[a member, as one of the partners under the duty to cooperate](#{BOARD}){_statuses(entries)}."
    relationships = [r for r in data.board.relationships if r.partner == partner.id]
    if relationships:
        entries = [e for r in relationships for e in current(r.status, as_at)]
        return f"not a member, but the Board has [a set relationship with it](#{BOARD}){_statuses(entries)}."
    return "not named in its core membership or relationships."


def _plan_place(partner: Partner, data: DataSet, as_at: datetime.date) -> str:
    plan = data.cypp.plan
    if partner.id in plan.owners:
        entries = [e for e in current(plan.status, as_at) if partner.id in e.binds]
        owner = "the owner" if len(plan.owners) == 1 else f"one of {len(plan.owners)} owners"
        return f"[{owner} of the joint plan](#{PLAN}), due by {md(str(plan.due))}{_statuses(entries)}."
    requirements = data.requirements_concerning(partner.id)
    if requirements:
        return f"[named in {_plural(len(requirements), 'of its requirements', 'of its requirements')}](#{PLAN})."
    return "no requirement of the plan names it."


# --- The detail ------------------------------------------------------------------------


def _facts(here: str, partner: Partner, data: DataSet) -> str:
    """What the body is: a definition list, which reads the same on a phone (no table to scroll)."""
    areas = join_and(AREA_LABELS[a] for a in partner.area_types)
    facts = [("Group", CATEGORY_LABELS[partner.category])]
    if partner.short_name and not _is_abbreviation(partner):
        facts.append(("Short name", partner.short_name))
    facts += [("Statutory basis", partner.statutory_basis), ("Where it applies", areas[:1].upper() + areas[1:])]
    return f"## About this body {{#about}}\n\n{md(partner.summary)} {cites(here, partner.cites, data)}\n\n" + "".join(
        f"{term}\n:   {md(value)}\n\n" for term, value in facts
    )


def _status_history(here: str, partner: Partner, data: DataSet) -> str:
    def basis(period: StatusPeriod) -> str:
        if period.basis:
            return f"Under {md(period.basis)}."
        if period.by and period.proposer:
            return proposed_by(period.proposer, period.by, data)
        if period.by:
            return f"Proposed by {md(data.source(period.by).short_title)}."
        return ""

    lines = [
        " ".join(
            part
            for part in (
                f"**From {md(str(period.start))}:** {md(STATUS_LABELS[period.status])}.",
                basis(period),
                md(period.note) + ("" if period.note.endswith(".") else ".") if period.note else "",
                cites(here, period.cites, data),
            )
            if part
        )
        for period in partner.status_history
    ]
    return "\n### Status over time\n\n" + bullet_list(lines)


def _duties_section(here: str, partner: Partner, data: DataSet, as_at: datetime.date) -> str:
    duties = data.duties_held_by(partner.id)
    if not duties:
        return "No duty or power in the data names this body.\n"
    lines = []
    for d in duties:
        entries = binding(d, partner.id, as_at)
        lines.append(
            f"[{md(d.name)}]({link(here, paths.duty(d.id))})."
            + "".join(f"\n    - {describe(e, d.status, data, here, as_at, partner.id)}" for e in entries)
        )
    return bullet_list(lines)


def _board_section(here: str, partner: Partner, data: DataSet, as_at: datetime.date) -> str:
    board = link(here, paths.BOARD)
    lines = [
        f"{md(m.role)} [Board membership]({board}#{m.id}). {cites(here, m.cites, data)}"
        + nested_status(m.status, data, here, as_at, partner.id)
        for m in data.board_roles_of(partner.id)
    ]
    if not lines and partner.category in SEAT_CATEGORIES:
        lines = [
            f"{md(r.text)} [The Board's rules]({board}#{r.id}). {cites(here, r.cites, data)}"
            + nested_status(r.status, data, here, as_at, partner.id)
            for r in data.board.rules
            if r.id == ALL_PARTNERS_RULE
        ]
    lines += [
        f"{md(r.text)} ([The Board's relationships]({board}#{r.id})) {cites(here, r.cites, data)}"
        + nested_status(r.status, data, here, as_at, partner.id)
        for r in data.board.relationships
        if r.partner == partner.id
    ]
    if not lines:
        return "The 2008 proposals do not name this body in the Board's core membership or relationships.\n"
    return bullet_list(lines)


def _cypp_section(here: str, partner: Partner, data: DataSet, as_at: datetime.date) -> str:
    cypp = link(here, paths.CYPP)
    out = ""
    if partner.id in data.cypp.plan.owners:
        out += (
            f"Under the 2008 proposals this body would share ownership of the joint plan, "
            f"due by {md(str(data.cypp.plan.due))}. Every requirement below applies.\n\n"
        )
    requirements = data.requirements_concerning(partner.id)
    if not requirements:
        return out + "No requirement of the plan names this body.\n"
    items = bullet_list(
        f"[{md(r.heading)}]({cypp}#{r.id}). {md(r.text)} {cites(here, r.cites, data)}" for r in requirements
    )
    if len(requirements) <= OPEN_LIST:
        return out + items
    return out + collapsed(f"The {len(requirements)} requirements", items)


def _paragraph_item(
    here: str, data: DataSet, s: GuidanceSection, p: GuidanceParagraph, partner: Partner, as_at: datetime.date
) -> str:
    label = inline_status(data, p, as_at, partner.id) if current(p.status, as_at) else "*Background: it binds no one.*"
    return f"{paragraph_link(here, s, p)}. {md(p.text)} {label}"


def _guidance_section(here: str, partner: Partner, data: DataSet, as_at: datetime.date) -> str:
    items = _guidance_items(partner, data, as_at)
    if not items:
        return ""
    parts = [
        f"\n## Guidance that concerns this body {{#{GUIDANCE}}}\n\n",
        f"{_plural(len(items), 'paragraph')} of the guidance "
        + ("binds this body or concerns it" if len(items) == 1 else "bind this body or concern it")
        + ", by topic. Each says whom it binds.\n",
    ]
    for section, group in groupby(items, key=lambda item: item[0]):
        paragraphs = [p for _, p in group]
        body = bullet_list(_paragraph_item(here, data, section, p, partner, as_at) for p in paragraphs)
        # Left out of search: each paragraph's own page (the guidance section) is where search finds it.
        parts.append(f"\n### {md(section.number)}. {md(section.title)} {{#{section.id} data-search-exclude}}\n\n")
        parts.append(body if len(paragraphs) <= OPEN_LIST else collapsed(_plural(len(paragraphs), "paragraph"), body))
    return "".join(parts)


def _sources_section(here: str, partner: Partner, data: DataSet) -> str:
    all_cites = list(partner.cites) + [c for p in partner.status_history for c in p.cites]
    unique = sorted(dict.fromkeys(all_cites), key=lambda c: (c.source, c.para))
    return bullet_list(cites(here, group, data) for _, group in groupby(unique, key=lambda c: c.source))


def partner_page(data: DataSet, partner: Partner, as_at: datetime.date) -> Page:
    here = paths.partner(partner.id)
    markdown = (
        f"# {md(partner.name)}"
        + (f" ({md(partner.short_name)})" if _is_abbreviation(partner) else "")
        + "\n\n"
        + in_short(here, partner, data, as_at)
        + "\n"
        + _facts(here, partner, data)
        + _status_history(here, partner, data)
        + "\n## Duties and powers that apply {#duties}\n\n"
        + _duties_section(here, partner, data, as_at)
        + f"\n## Place on the Children's Trust Board {{#{BOARD}}}\n\n"
        + _board_section(here, partner, data, as_at)
        + f"\n## What the Children and Young People's Plan asks {{#{PLAN}}}\n\n"
        + _cypp_section(here, partner, data, as_at)
        + _guidance_section(here, partner, data, as_at)
        + HEADING
        + partner_changes(here, partner, data, as_at)
        + "\n## Sources\n\n"
        + _sources_section(here, partner, data)
    )
    return Page(here, markdown, (DATA_FILE,))


def partners_index(data: DataSet) -> Page:
    here = paths.PARTNERS
    parts = [
        "# What your organisation must do\n\n"
        "Find your organisation. Its page opens with what binds it, by status: the law in force, what the "
        "draft guidance said and what was proposed. Then it gives its place on the Board and in the plan.\n"
    ]
    groups = [
        (label, by_name([p for p in data.partners if p.category == category]))
        for category, label in CATEGORY_LABELS.items()
    ]
    groups = [(label, members) for label, members in groups if members]
    # Every name first, in a few lines (NAMES in docs/stylesheets/trustdocs.css sets each list on a line
    # or two), so a reader finds theirs on a phone's first screen; then each group with what each body is.
    for label, members in groups:
        parts.append(
            f'\n**{md(label)}**\n\n<div class="{NAMES}" markdown>\n\n'
            + bullet_list(f"[{md(p.name)}]({link(here, paths.partner(p.id))})" for p in members)
            + "\n</div>\n"
        )
    parts.append("\nNot sure which is yours? Each group follows, with what each body is.\n")
    for label, members in groups:
        parts.append(
            f"\n## {md(label)}\n\n"
            + bullet_list(f"[{md(p.name)}]({link(here, paths.partner(p.id))}). {md(p.summary)}" for p in members)
        )
    return Page(here, "".join(parts), (DATA_FILE,))


def pages(site: Site) -> Iterator[Page]:
    data = site.data
    yield partners_index(data)
    for p in data.partners:
        yield partner_page(data, p, site.as_at)


def citations(data: DataSet) -> Iterator[Citing]:
    for p in data.partners:
        yield from citations_of(p.name, paths.partner(p.id), p.cites)
        for s in p.status_history:
            yield from citations_of(
                f"{p.name}: status from {s.start}", paths.partner(p.id), s.cites, "status-over-time"
            )
