"""Walking parsed YAML: every value with its path, or the values a pattern selects."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def walk(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every value with its path, parents before children, in document order.

    With a stack, not nested generators: each value is handed out once, where
    ``yield from`` passed it up through every level above it (several checks
    walk every file, and this was a quarter of validation's time).
    """
    stack: list[tuple[tuple, Any]] = [(path, data)]
    while stack:
        here, value = stack.pop()
        yield here, value
        if isinstance(value, dict):
            stack.extend(reversed([(here + (key,), child) for key, child in value.items()]))
        elif isinstance(value, list):
            stack.extend(reversed([(here + (i,), child) for i, child in enumerate(value)]))


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
