"""The data reference: every data file, field, type, allowed value and description, from the JSON Schemas.

Editors never need to read a schema file: this page is made from them, so it
cannot fall behind what the validator checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from trustdocs.core.escape import md
from trustdocs.core.markdown import join_or, lower_first, table
from trustdocs.model.kinds import DataKind
from trustdocs.rendering import paths
from trustdocs.rendering.common import Page
from trustdocs.rendering.schemas import Schemas, schemas
from trustdocs.rendering.site import Site

_TYPES = {"string": "text", "array": "list", "object": "mapping", "boolean": "true or false"}
_FORMATS = {"partial-date": "date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`", "https-url": "https:// web address"}


def _text(description: str) -> str:
    """A schema description as Markdown: `code` stays code, everything else is escaped text."""
    parts = description.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: all text
        return md(description)
    return "".join(f"`{part}`" if index % 2 else _spaced(part) for index, part in enumerate(parts))


def _spaced(text: str) -> str:
    """Escaped text keeping the spaces around it, which separate it from the code beside it."""
    core = text.strip()
    if not core:
        return text
    return text[: len(text) - len(text.lstrip())] + md(core) + text[len(text.rstrip()) :]


def _kind_of(node: dict[str, Any], items: dict[str, Any] | None = None) -> str:
    if "enum" in node:
        return "one of the values listed"
    if "const" in node:
        return "the value listed"
    if node.get("format") in _FORMATS:
        return _FORMATS[node["format"]]
    kind = node.get("type", "")
    if kind == "array" and items is not None and "enum" in items:
        return "list of the values listed"
    if kind == "array" and items is not None and items.get("type") == "string":
        return "list of text"
    if isinstance(kind, list):  # a date may be a bare year, for editors; the loader reads text
        kind = kind[0]
    return _TYPES.get(kind, kind)


def _or(values: Sequence[object]) -> str:
    return join_or(f"`{v}`" for v in values)


def _describe(node: dict[str, Any], items: dict[str, Any] | None, schemas: Schemas, here: str) -> str:
    parts = [_text(node["description"])] if node.get("description") else []
    if "enum" in node:
        parts.append("Allowed: " + ", ".join(f"`{v}`" for v in node["enum"]) + ".")
    if "const" in node:
        parts.append(f"Must be `{node['const']}`.")
    if items is not None and "enum" in items:
        parts.append("Each item one of: " + ", ".join(f"`{v}`" for v in items["enum"]) + ".")
    if "pattern" in node and "description" not in node:
        # Every pattern in our schemas has a description (a test holds this); a new one shows as is.
        parts.append(f"Must match the pattern `{node['pattern']}`.")
    if "propertyNames" in node:
        keys, _ = schemas.resolve(node["propertyNames"], here)
        values, _ = schemas.resolve(node.get("additionalProperties") or {}, here)
        key_text = keys.get("description", "a name").rstrip(".")
        parts.append(
            f"Each key is {_text(lower_first(key_text))}. Each value is {_kind_of(values)}."
            + (f" {_text(values['description'])}" if values.get("description") else "")
        )
    if not parts and node.get("type") == "array":
        parts.append("A list; the fields of each item follow." if items and "properties" in items else "A list.")
    if not parts and node.get("type") == "object":
        parts.append("A group of fields; they follow.")
    return " ".join(parts)


def _conditions(node: dict[str, Any]) -> dict[str, list[str]]:
    """Field -> when it is required, from dependentRequired and allOf if/then/else."""
    when: dict[str, list[str]] = {}
    for key, needed in node.get("dependentRequired", {}).items():
        for other in needed:
            when.setdefault(other, []).append(f"with `{key}`")
    for rule in node.get("allOf", ()):
        tests = rule.get("if", {}).get("properties", {})
        if len(tests) != 1:
            continue
        ((field, test),) = tests.items()
        values = test.get("enum") or ([test["const"]] if "const" in test else [])
        if not values:
            continue
        for branch, phrase in (("then", "when"), ("else", "unless")):
            for other in rule.get(branch, {}).get("required", ()):
                when.setdefault(other, []).append(f"{phrase} `{field}` is {_or(values)}")
    return when


def _field_path(pattern: Sequence[str]) -> str:
    """A reference's pattern as this page writes fields: ("bodies", "*", "partner") -> "bodies[].partner"."""
    return ".".join(pattern).replace(".*", "[]")


def _rows(
    schemas: Schemas, node: dict[str, Any], here: str, prefix: str, refers: dict[str, str], depth: int = 0
) -> Iterator[list[str]]:
    node, here = schemas.resolve(node, here)
    required = set(node.get("required", ()))
    conditions = _conditions(node)
    for name, child in node.get("properties", {}).items():
        child, child_here = schemas.resolve(child, here)
        items, items_here = (None, child_here)
        if isinstance(child.get("items"), dict):
            items, items_here = schemas.resolve(child["items"], child_here)
        path = f"{prefix}{name}"
        what = _describe(child, items, schemas, child_here)
        if target := refers.get(path):
            what = f"The id of a record in `data/{target}.yml`."
        if target := refers.get(f"{path}[]"):
            what = f"Each item is the id of a record in `data/{target}.yml`."
        needed = "yes" if name in required else "; ".join(conditions.get(name, ())) or "no"
        yield [f"`{path}`", _kind_of(child, items), needed, what]
        if depth > 6:
            continue
        if child.get("type") == "object" and "properties" in child:
            yield from _rows(schemas, child, child_here, f"{path}.", refers, depth + 1)
        if items is not None and (items.get("type") == "object" or "properties" in items):
            yield from _rows(schemas, items, items_here, f"{path}[].", refers, depth + 1)


def data_reference_page(kinds: Sequence[DataKind]) -> Page:
    every = schemas()
    parts = [
        "# The data reference\n\n"
        "Every data file and every field in it, made from the schema files the validator checks "
        "(`trustdocs/validation/schemas/`). Each "
        "data file's first line names its schema, so editors such as Visual Studio Code offer these fields as you type. "
        "Every value is plain text, written as the source has it.\n"
    ]
    for kind in kinds:
        name = f"{kind.schema}.schema.json"
        refers = {_field_path(ref.pattern): ref.target for ref in kind.references}
        schema = every.files[name]
        # A path is code: NAME is a placeholder, not an abbreviation for the style gate to spell out.
        where = f"`data/{kind.name}/NAME.yml` (one file per record)" if kind.folder else f"`data/{kind.name}.yml`"
        parts.append(f"\n## {where}\n\n")
        if schema.get("title"):
            parts.append(f"{md(schema['title'])}.\n\n")
        parts.append(
            table(["Field", "Type", "Required", "What it holds"], list(_rows(every, schema, name, "", refers)))
        )
    # "Edit this page" goes to the shared definitions: the descriptions most fields use.
    return Page(paths.DATA_REFERENCE, "".join(parts), ("trustdocs/validation/schemas/common.schema.json",))


def pages_for(kinds: Sequence[DataKind]) -> Callable[[Site], Iterator[Page]]:
    """The page generator, given the registry's kinds (this module cannot import the registry)."""

    def pages(site: Site) -> Iterator[Page]:
        yield data_reference_page(kinds)

    return pages
