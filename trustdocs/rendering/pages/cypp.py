"""The Children and Young People's Plan page: what it must contain, by when, who owns it."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from trustdocs.core.escape import attr, md
from trustdocs.core.markdown import bullet_list
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import WHOLE_PLAN
from trustdocs.rendering import paths
from trustdocs.rendering.change_log import site_changes_section
from trustdocs.rendering.common import Page, cites, partner_link
from trustdocs.rendering.site import Citing, Site, citations_of
from trustdocs.rendering.status import status_list

HERE = paths.CYPP


def cypp_page(data: DataSet, as_at: datetime.date) -> Page:
    plan = data.cypp.plan
    parts = [
        "# The Children and Young People's Plan\n\n",
        f"{md(plan.summary)} {cites(HERE, plan.cites, data)}\n\n",
        "## Status\n\n",
        status_list(plan.status, data, HERE, as_at),
        f"\nThe joint plan was to be in place by {md(str(plan.due))}.\n\n",
        "## Who would own the joint plan\n\n",
        bullet_list(partner_link(HERE, data, owner) for owner in plan.owners),
        "\n## What the joint plan would contain\n\n",
        "Each requirement gives its status: what was proposed, when, and whom it would bind.\n",
    ]
    for r in data.cypp.requirements:
        parts.append(f'\n<h3 id="{attr(r.id)}">{md(r.heading)}</h3>\n\n')
        parts.append(f"{md(r.text)} {cites(HERE, r.cites, data)}\n\n")
        parts.append(status_list(r.status, data, HERE, as_at) + "\n")
        if r.concerns:
            parts.append(
                "This asks something in particular of: "
                + ", ".join(partner_link(HERE, data, p) for p in r.concerns)
                + ".\n\n"
            )
        if r.prompts:
            parts.append("Questions for your plan:\n\n" + bullet_list(md(q) for q in r.prompts))
    parts.append(site_changes_section(HERE, data, {WHOLE_PLAN, *(r.id for r in data.cypp.requirements)}))
    return Page(HERE, "".join(parts), ("data/cypp.yml",))


def pages(site: Site) -> Iterator[Page]:
    yield cypp_page(site.data, site.as_at)


def citations(data: DataSet) -> Iterator[Citing]:
    yield from citations_of(
        "The Children and Young People's Plan", paths.CYPP, data.cypp.plan.cites, status=data.cypp.plan.status
    )
    for r in data.cypp.requirements:
        yield from citations_of(f"Plan requirement: {r.heading}", paths.CYPP, r.cites, r.id, r.status)
