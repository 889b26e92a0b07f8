"""The data reference: every data file, field, type, allowed value and description, from the JSON Schemas.

Editors never need to read a schema file: this page is made from them, so it
cannot fall behind what the validator checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from trustdocs.core.escape import md
from trustdocs.core.markdown import table
from trustdocs.model.kinds import DataKind
from trustdocs.rendering import paths
from trustdocs.rendering.common import Page
from trustdocs.rendering.site import Site
from trustdocs.validation.schema import SCHEMA_DIR, load_schema

_TYPES = {"string": "text", "array": "list", "object": "mapping", "boolean": "true or false"}
_FORMATS = {"partial-date": "date: YYYY, YYYY-MM or YYYY-MM-DD", "https-url": "https:// web address"}


class _Schemas:
    """Every schema by file name, and references between them resolved."""

    def __init__(self) -> None:
        self.files = {p.name: load_schema(p) for p in sorted(SCHEMA_DIR.glob("*.schema.json"))}

    def resolve(self, node: dict[str, Any], here: str) -> tuple[dict[str, Any], str]:
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


def _kind_of(node: dict[str, Any]) -> str:
    if "enum" in node:
        return "one of the values listed"
    if "const" in node:
        return "the value listed"
    if node.get("format") in _FORMATS:
        return _FORMATS[node["format"]]
    kind = node.get("type", "")
    return _TYPES.get(kind, kind) if isinstance(kind, str) else "text"


def _describe(node: dict[str, Any]) -> str:
    parts = [md(node["description"])] if node.get("description") else []
    if "enum" in node:
        parts.append("Allowed: " + ", ".join(f"`{v}`" for v in node["enum"]) + ".")
    if "const" in node:
        parts.append(f"Must be `{node['const']}`.")
    if "pattern" in node and "description" not in node:
        # Every pattern in our schemas has a description (a test holds this); a new one shows as is.
        parts.append(f"Must match the pattern `{node['pattern']}`.")
    return " ".join(parts)


def _field_path(pattern: Sequence[str]) -> str:
    """A reference's pattern as this page writes fields: ("bodies", "*", "partner") -> "bodies[].partner"."""
    return ".".join(pattern).replace(".*", "[]")


def _rows(
    schemas: _Schemas, node: dict[str, Any], here: str, prefix: str, refers: dict[str, str], depth: int = 0
) -> Iterator[list[str]]:
    node, here = schemas.resolve(node, here)
    required = set(node.get("required", ()))
    for name, child in node.get("properties", {}).items():
        child, child_here = schemas.resolve(child, here)
        path = f"{prefix}{name}"
        what = _describe(child)
        for target in (refers.get(path), refers.get(f"{path}[]")):
            if target:
                what = f"The id of a record in `data/{target}.yml`."
        yield [f"`{path}`", _kind_of(child), "yes" if name in required else "no", what]
        if depth > 6:
            continue
        if child.get("type") == "object":
            yield from _rows(schemas, child, child_here, f"{path}.", refers, depth + 1)
        items = child.get("items")
        if isinstance(items, dict):
            items, items_here = schemas.resolve(items, child_here)
            if items.get("type") == "object" or "properties" in items:
                yield from _rows(schemas, items, items_here, f"{path}[].", refers, depth + 1)


def data_reference_page(kinds: Sequence[DataKind]) -> Page:
    schemas = _Schemas()
    parts = [
        "# The data reference\n\n"
        "Every data file and every field in it, made from the JSON Schemas the validator checks. Each data "
        "file's first line names its schema, so editors such as VS Code offer these fields as you type. "
        "Every value is plain text, written as the source has it.\n"
    ]
    for kind in kinds:
        name = f"{kind.schema}.schema.json"
        refers = {_field_path(ref.pattern): ref.target for ref in kind.references}
        schema = schemas.files[name]
        where = f"data/{kind.name}/NAME.yml (one file per record)" if kind.folder else f"data/{kind.name}.yml"
        parts.append(f"\n## {md(where)}\n\n")
        if schema.get("title"):
            parts.append(f"{md(schema['title'])}.\n\n")
        parts.append(
            table(["Field", "Type", "Required", "What it holds"], list(_rows(schemas, schema, name, "", refers)))
        )
    # "Edit this page" goes to the shared definitions: the descriptions most fields use.
    return Page(paths.DATA_REFERENCE, "".join(parts), ("trustdocs/validation/schemas/common.schema.json",))


def pages_for(kinds: Sequence[DataKind]) -> Callable[[Site], Iterator[Page]]:
    """The page generator, given the registry's kinds (this module cannot import the registry)."""

    def pages(site: Site) -> Iterator[Page]:
        yield data_reference_page(kinds)

    return pages
