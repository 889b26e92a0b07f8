"""Partner pages: one per partner ("what applies to me"), and an index grouped by category."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from itertools import groupby

from trustdocs.core.escape import md
from trustdocs.core.markdown import bullet_list, join_and, table
from trustdocs.model.dataset import SEAT_CATEGORIES, DataSet
from trustdocs.model.records import Partner, StatusPeriod
from trustdocs.rendering import paths
from trustdocs.rendering.change_log import partner_changes
from trustdocs.rendering.common import AREA_LABELS, CATEGORY_LABELS, STATUS_LABELS, Page, cites, duty_link
from trustdocs.rendering.pages.duties import binding
from trustdocs.rendering.pages.guidance import guidance_list
from trustdocs.rendering.paths import link
from trustdocs.rendering.site import Citing, Site, citations_of
from trustdocs.rendering.status import describe, nested_status

# The Board rule that makes every partner under the duty a member (legislative options 40), for partners
# the proposals do not name one by one.
ALL_PARTNERS_RULE = "rule-partners-are-members"

DATA_FILE = "data/partners.yml"


def _is_abbreviation(partner: Partner) -> bool:
    """PCTs, LSCB: shown after the name in the heading, so the page defines it first (GOV.UK style)."""
    return bool(re.fullmatch(r"[A-Z]{2,6}s?", partner.short_name))


def _status_table(here: str, partner: Partner, data: DataSet) -> str:
    def basis(period: StatusPeriod) -> str:
        if period.basis:
            return f"Under {md(period.basis)}"
        if period.by:
            return f"Proposed by {md(data.source(period.by).short_title)}"
        return ""

    rows = [
        [
            md(str(period.start)),
            md(STATUS_LABELS[period.status]),
            " ".join(part if part.endswith(".") else part + "." for part in (basis(period), md(period.note)) if part),
            cites(here, period.cites, data),
        ]
        for period in partner.status_history
    ]
    return table(["From", "Status", "Basis and notes", "Source"], rows)


def _duties_section(here: str, partner: Partner, data: DataSet, as_at: datetime.date) -> str:
    duties = data.duties_held_by(partner.id)
    if not duties:
        return "No duty or power in the data names this body.\n"
    lines = []
    for d in duties:
        entries = binding(d, partner.id, as_at)
        lines.append(
            f"{duty_link(here, d.name, d.id)}."
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
        for r in data.board.relationships
        if r.partner == partner.id
    ]
    if not lines:
        return "The 2008 proposals do not name this body in the Board's core membership or relationships.\n"
    return bullet_list(lines)


def _cypp_section(here: str, partner: Partner, data: DataSet) -> str:
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
    return out + bullet_list(
        f"[{md(r.heading)}]({cypp}#{r.id}). {md(r.text)} {cites(here, r.cites, data)}" for r in requirements
    )


def _sources_section(here: str, partner: Partner, data: DataSet) -> str:
    all_cites = list(partner.cites) + [c for p in partner.status_history for c in p.cites]
    seen, unique = set(), []
    for c in all_cites:
        if c not in seen:
            seen.add(c)
            unique.append(c)
    unique.sort(key=lambda c: (c.source, c.para))
    return bullet_list(cites(here, group, data) for _, group in groupby(unique, key=lambda c: c.source))


def partner_page(data: DataSet, partner: Partner, as_at: datetime.date, guidance_section: str = "") -> Page:
    here = paths.partner(partner.id)
    areas = join_and(AREA_LABELS[a] for a in partner.area_types)
    markdown = (
        f"# {md(partner.name)}" + (f" ({md(partner.short_name)})" if _is_abbreviation(partner) else "") + "\n\n"
        f"{md(partner.summary)} {cites(here, partner.cites, data)}\n\n"
        + table(
            ["Fact", "Detail"],
            [
                ["Group", md(CATEGORY_LABELS[partner.category])],
                *(
                    [["Short name", md(partner.short_name)]]
                    if partner.short_name and not _is_abbreviation(partner)
                    else []
                ),
                ["Statutory basis", md(partner.statutory_basis)],
                ["Where it applies", md(areas.capitalize())],
            ],
        )
        + "\n## Status over time\n\n"
        + _status_table(here, partner, data)
        + "\n## Duties and powers that apply\n\n"
        + _duties_section(here, partner, data, as_at)
        + "\n## Place on the Children's Trust Board\n\n"
        + _board_section(here, partner, data, as_at)
        + "\n## What the Children and Young People's Plan asks\n\n"
        + _cypp_section(here, partner, data)
        + (f"\n## Guidance that concerns this body\n\n{guidance_section}" if guidance_section else "")
        + "\n## Changes to this page\n\n"
        + partner_changes(here, partner, data, as_at)
        + "\n## Sources\n\n"
        + _sources_section(here, partner, data)
    )
    return Page(here, markdown, (DATA_FILE,))


def partners_index(data: DataSet) -> Page:
    here = paths.PARTNERS
    parts = [
        "# Partners\n\nFind your organisation to see what applies to it. Each page gives its status, duties "
        "and powers, its place on the Board and what the Children and Young People's Plan asks of it.\n"
    ]
    for category, label in CATEGORY_LABELS.items():
        members = [p for p in data.partners if p.category == category]
        if members:
            parts.append(
                f"\n## {md(label)}\n\n"
                + bullet_list(f"[{md(p.name)}]({link(here, paths.partner(p.id))}). {md(p.summary)}" for p in members)
            )
    return Page(here, "".join(parts), (DATA_FILE,))


def pages(site: Site) -> Iterator[Page]:
    data = site.data
    yield partners_index(data)
    for p in data.partners:
        yield partner_page(
            data,
            p,
            site.as_at,
            guidance_list(paths.partner(p.id), data, data.guidance_concerning(p.id), site.as_at, focus=p.id),
        )


def citations(data: DataSet) -> Iterator[Citing]:
    for p in data.partners:
        yield from citations_of(p.name, paths.partner(p.id), p.cites)
        for s in p.status_history:
            yield from citations_of(
                f"{p.name}: status from {s.start}", paths.partner(p.id), s.cites, "status-over-time"
            )
