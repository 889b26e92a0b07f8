"""The JSON Schemas as pages read them: every schema by file name, with references followed.

The data reference page and the "Get documents for your area" form both describe
fields from the schemas the validator checks, so neither can fall behind it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from trustdocs.validation.schema import SCHEMA_DIR, load_schema


class Schemas:
    """Every schema by file name, and references between them resolved."""

    def __init__(self) -> None:
        self.files = {p.name: load_schema(p) for p in sorted(SCHEMA_DIR.glob("*.schema.json"))}

    def resolve(self, node: dict[str, Any], here: str) -> tuple[dict[str, Any], str]:
        """``node`` with its ``$ref`` followed (and the referring node's own keys kept), and the file it is in."""
        while "$ref" in node:
            target, _, pointer = node["$ref"].partition("#")
            here = target or here
            node = {**self._at(self.files[here], pointer), **{k: v for k, v in node.items() if k != "$ref"}}
        return node, here

    @staticmethod
    def _at(document: dict[str, Any], pointer: str) -> dict[str, Any]:
        for part in filter(None, pointer.split("/")):
            document = document[part]
        return document


@cache
def schemas() -> Schemas:
    """Read once per process."""
    return Schemas()
