"""Check each data file against the JSON Schema beside it, in words an editor can act on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from trustdocs.core.dates import PartialDate
from trustdocs.core.markdown import join_or
from trustdocs.core.problems import Problem
from trustdocs.core.strict_yaml import Document

SCHEMA_BASE = "https://schemas.trustdocs.invalid/"
# The JSON Schemas ship with the code (package data): one per data file or collection.
SCHEMA_DIR = Path(__file__).parent / "schemas"
_TYPE_NAMES = {"object": "a mapping of fields", "array": "a list", "string": "text"}
# What the strict loader gives, in words.
_FOUND_NAMES: dict[type, str] = {dict: "a mapping of fields", list: "a list", str: "text"}

format_checker = FormatChecker(formats=())


@format_checker.checks("partial-date")
def is_partial_date(value: object) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a date that exists (no 30 February)."""
    if not isinstance(value, str):
        return True  # the type check reports non-strings
    try:
        PartialDate.parse(value)
    except ValueError:
        return False
    return True


@format_checker.checks("https-url")
def is_https_url(value: object) -> bool:
    """An absolute https URL with a real-looking host and no spaces."""
    if not isinstance(value, str):
        return True
    if any(ch.isspace() for ch in value):
        return False
    parts = urlsplit(value)
    return parts.scheme == "https" and "." in (parts.hostname or "")


def load_schema(path: Path) -> dict:
    """A schema file with its $id: set here, not in the file, so that an editor's YAML language server
    (which the data files point at these files) resolves "common.schema.json" beside it."""
    return {"$id": SCHEMA_BASE + path.name, **json.loads(path.read_text(encoding="utf-8"))}


@cache
def _registry(schema_dir: Path) -> Registry:
    resources = [
        (SCHEMA_BASE + path.name, Resource.from_contents(load_schema(path)))
        for path in sorted(schema_dir.glob("*.schema.json"))
    ]
    return Registry().with_resources(resources)


@cache
def validator_for(name: str) -> Draft202012Validator:
    """The validator for ``data/NAME.yml``, resolving references between our schemas."""
    schema = load_schema(SCHEMA_DIR / f"{name}.schema.json")
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=_registry(SCHEMA_DIR), format_checker=format_checker)


# A strength on its own reads as law. It stands only inside a status entry,
# which says whether it was the law, draft guidance or a proposal, and when.
BARE_STRENGTH = (
    "a bare strength is not allowed: put it in a status entry, which says when, by what source and whom it binds "
    "(a proposal reads 'proposed in July 2008: would be required')"
)


def _value(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _expected_type(expected: str | list[str]) -> str:
    """In words; "integer" is left out because the loader reads every number as text
    (a schema allows it only for editors' YAML 1.2 language servers)."""
    names = [expected] if isinstance(expected, str) else [name for name in expected if name != "integer"]
    return join_or(_TYPE_NAMES.get(name, name) for name in names)


def _messages(error: ValidationError) -> Iterator[tuple[tuple, str, bool]]:
    """(path, message, at_key) for one schema error; one error can mean several problems."""
    path = tuple(error.absolute_path)
    kind, value = error.validator, error.instance
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        for key in sorted(set(value) - set(allowed)):
            if key == "strength" and "status" in allowed:
                yield path + (key,), BARE_STRENGTH, True
            else:
                yield path + (key,), f"unknown field '{key}' (allowed here: {', '.join(allowed)})", True
    elif kind == "dependentRequired":
        for key, needed in error.validator_value.items():
            if key in value:
                for other in needed:
                    if other not in value:
                        yield path + (other,), f"'{key}' needs '{other}': say whom the {key} applies to", False
    elif kind == "required":
        for key in error.validator_value:
            if key not in value:
                yield path + (key,), f"missing required field '{key}'", False
    elif kind == "type":
        expected = _expected_type(error.validator_value)
        yield path, f"expected {expected}, found {_FOUND_NAMES.get(type(value), type(value).__name__)}", False
    elif kind == "enum":
        yield path, f"{_value(value)} is not one of: {', '.join(map(str, error.validator_value))}", False
    elif kind == "pattern":
        hint = error.schema.get("description", "")
        yield path, f"{_value(value)} is not in the expected form" + (f": {hint}" if hint else ""), False
    elif kind == "format" and error.validator_value == "partial-date":
        yield path, f"{_value(value)} is not a real date written as YYYY, YYYY-MM or YYYY-MM-DD", False
    elif kind == "format" and error.validator_value == "https-url":
        yield path, f"{_value(value)} is not an https:// web address", False
    elif kind == "minLength" and error.validator_value == 1:
        yield path, "must not be empty", False
    elif kind == "maxLength":
        yield path, f"is {len(value)} characters long; the limit is {error.validator_value}", False
    elif kind == "minItems":
        yield path, f"needs at least {error.validator_value} item(s), found {len(value)}", False
    elif kind == "maxItems":
        yield path, f"allows at most {error.validator_value} item(s), found {len(value)}", False
    elif kind == "uniqueItems":
        yield path, "lists the same value more than once", False
    else:
        yield path, error.message, False


_checked: dict[tuple[str, str, str], list[Problem]] = {}  # (schema, file, digest) -> problems


def schema_problems(doc: Document, name: str) -> list[Problem]:
    """Every way ``doc`` breaks ``schemas/NAME.schema.json``.

    A file whose bytes were checked before in this process is not checked
    again: ``mkdocs serve`` re-validates only the files an edit changed.
    """
    key = (name, doc.file, doc.digest)
    if doc.digest and key in _checked:
        return list(_checked[key])
    problems = []
    for error in validator_for(name).iter_errors(doc.data):
        for path, message, at_key in _messages(error):
            problems.append(doc.problem(path, message, at_key=at_key))
    if doc.digest:
        _checked[key] = list(problems)
    return problems
