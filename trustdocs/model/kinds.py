"""The kinds of data: where each lives in data/, its schema, and which of its fields name other records.

The registry (:mod:`trustdocs.registry`) lists one :class:`DataKind` per kind;
the loader reads what they name and the reference checks follow their
:class:`Reference` fields, so neither keeps a list of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

Pattern = tuple[str, ...]  # a JSON path with "*" for every list item: ("duties", "*", "holders", "*")


@dataclass(frozen=True)
class Reference:
    """A field whose values must be ids of records of another kind (``target``: partners, duties or sources)."""

    target: str
    pattern: Pattern


@dataclass(frozen=True)
class DataKind:
    """One kind of data: ``data/NAME.yml``, or with ``folder`` one record per ``data/NAME/ID.yml``."""

    name: str
    schema: str  # validation/schemas/SCHEMA.schema.json
    folder: bool = False
    references: tuple[Reference, ...] = ()

    @property
    def location(self) -> str:
        return f"data/{self.name}/" if self.folder else f"data/{self.name}.yml"


# The kinds whose ids other records refer to: (data file, the list it keeps them in, what one is called).
TARGETS = {
    "partners": ("partners", "partners", "partner"),
    "duties": ("duties", "duties", "duty"),
    "sources": ("sources", "sources", "source"),
}
