"""Markdown building blocks shared by the site's pages and the downloadable documents.

Both read the result: Python-Markdown for the site, pandoc for DOCX, ODT and
PDF. Cells and items must already be escaped (:func:`trustdocs.core.escape.md`) or
built from safe parts.
"""

from __future__ import annotations

from collections.abc import Iterable


def bullet_list(lines: Iterable[str]) -> str:
    items = [f"- {line}" for line in lines]
    return "\n".join(items) + "\n" if items else ""


def table(headers: list[str], rows: Iterable[list[str]]) -> str:
    """A pipe table. An empty cell stays empty: a space to write in, in a printable document."""
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(cells) + " |" for cells in rows]
    return "\n".join(out) + "\n"


def join_and(items: Iterable[str]) -> str:
    """'A', 'A and B', 'A, B and C': a list in running text, GOV.UK style (no serial comma)."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
