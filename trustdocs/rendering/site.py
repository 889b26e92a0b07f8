"""What page generators are given, and the one walk over every citation on the site.

A page generator takes a :class:`Site` and yields :class:`~trustdocs.rendering.common.Page`
records; the registry lists them. A citation walker yields a :class:`Citing`
for every citation a page shows, so the source pages can list, under each
paragraph, every statement that rests on it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from trustdocs.model.citations import Cite
from trustdocs.model.dataset import DataSet
from trustdocs.model.status import Status
from trustdocs.rendering.common import Page
from trustdocs.rendering.documents.source import DocumentSource
from trustdocs.rendering.sizes import Sizes


@dataclass(frozen=True)
class Citing:
    """A statement on the site that cites a source paragraph: its label, page and anchor."""

    cite: Cite
    label: str
    page: str
    anchor: str = ""


CitationWalker = Callable[[DataSet], Iterable[Citing]]


def citations_of(
    label: str, page: str, cites: Iterable[Cite], anchor: str = "", status: Iterable[Status] = ()
) -> Iterable[Citing]:
    """A statement's citations, its status entries' citations included."""
    every = [*cites, *(c for entry in status for c in entry.cites)]
    return (Citing(c, label, page, anchor) for c in dict.fromkeys(every))


def index_citations(data: DataSet, walkers: Iterable[CitationWalker]) -> dict[Cite, tuple[Citing, ...]]:
    """Cite -> the statements citing it, each once, in walker order."""
    index: dict[Cite, dict[Citing, None]] = {}
    for walker in walkers:
        for citing in walker(data):
            key = Citing(citing.cite, citing.label, citing.page, citing.anchor)
            index.setdefault(citing.cite, {})[key] = None
    return {cite: tuple(statements) for cite, statements in index.items()}


@dataclass(frozen=True)
class Site:
    """Everything a page generator may use: the data, the as-at date, the downloads and exports."""

    data: DataSet
    as_at: datetime.date
    sizes: Sizes
    documents: tuple[DocumentSource, ...] = ()
    exports: tuple[str, ...] = ()
    cited_by: Mapping[Cite, tuple[Citing, ...]] = field(default_factory=dict)


PageGenerator = Callable[[Site], Iterable[Page]]
