"""The Children's Trust Board page: objectives, functions, membership, rules, relationships."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from trustdocs.core.escape import attr, md
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import WHOLE_BOARD
from trustdocs.rendering import paths
from trustdocs.rendering.change_log import site_changes_section
from trustdocs.rendering.common import Page, cites, partner_link
from trustdocs.rendering.site import Citing, Site, citations_of
from trustdocs.rendering.status import nested_status

HERE = paths.BOARD


def _anchored(item_id: str, body: str) -> str:
    """A list item with a stable anchor, so any statement can be linked to."""
    return f'- <span id="{attr(item_id)}"></span>{body}'


def _item(item_id: str, body: str, entries: tuple, data: DataSet, as_at: datetime.date) -> str:
    return _anchored(item_id, body) + nested_status(entries, data, HERE, as_at)


def board_page(data: DataSet, as_at: datetime.date) -> Page:
    b = data.board
    parts = [
        "# The Children's Trust Board\n\n"
        "In July 2008 the government proposed a statutory Children's Trust Board in every area. "
        "The local authority would set it up and keep it, and partners would be expected to cooperate. "
        f"{cites(HERE, b.objectives[0].cites, data)} Each item below says whether it was proposed, "
        "reported later or already the law, and when.\n",
        "\n## Objectives\n\nThe law would set the Board's objectives, for example:\n\n",
        "\n".join(
            _item(o.id, f"{md(o.text)} {cites(HERE, o.cites, data)}", o.status, data, as_at) for o in b.objectives
        )
        + "\n",
        "\n## Functions\n\nRegulations would set the Board's functions, such as:\n\n",
        "\n".join(_item(f.id, f"{md(f.text)} {cites(HERE, f.cites, data)}", f.status, data, as_at) for f in b.functions)
        + "\n",
        "\n## Core membership\n\n",
        "\n".join(
            _item(
                m.id,
                f"{partner_link(HERE, data, m.partner)}. {md(m.role)} {cites(HERE, m.cites, data)}",
                m.status,
                data,
                as_at,
            )
            for m in b.membership
        )
        + "\n",
        "\n## Rules\n\n",
        "\n".join(_item(r.id, f"{md(r.text)} {cites(HERE, r.cites, data)}", r.status, data, as_at) for r in b.rules)
        + "\n",
        "\n## Relationships with other partnerships\n\n",
        "\n".join(
            _item(
                r.id,
                f"{partner_link(HERE, data, r.partner)}. {md(r.text)} {cites(HERE, r.cites, data)}",
                r.status,
                data,
                as_at,
            )
            for r in b.relationships
        )
        + "\n",
        site_changes_section(HERE, data, {WHOLE_BOARD, *data.board_item_ids}),
    ]
    return Page(HERE, "".join(parts), ("data/board.yml",))


def pages(site: Site) -> Iterator[Page]:
    yield board_page(site.data, site.as_at)


def citations(data: DataSet) -> Iterator[Citing]:
    b = data.board
    for kind, items in (("Board objective", b.objectives), ("Board function", b.functions), ("Board rule", b.rules)):
        for item in items:
            yield from citations_of(f"{kind}: {item.text}", paths.BOARD, item.cites, item.id, item.status)
    for m in b.membership:
        yield from citations_of(f"Board member: {data.partner(m.partner).name}", paths.BOARD, m.cites, m.id, m.status)
    for r in b.relationships:
        yield from citations_of(
            f"Board relationship: {data.partner(r.partner).name}", paths.BOARD, r.cites, r.id, r.status
        )
