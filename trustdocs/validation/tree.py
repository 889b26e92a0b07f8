"""Walking parsed YAML: every value with its path, or the values a pattern selects."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def walk(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from walk(value, path + (i,))


def select(data: Any, pattern: tuple, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*" and isinstance(data, list):
        for i, item in enumerate(data):
            yield from select(item, rest, path + (i,))
    elif isinstance(data, dict) and head in data:
        yield from select(data[head], rest, path + (head,))
