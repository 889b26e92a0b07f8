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


def table(headers: list[str], rows: Iterable[list[str]], widths: tuple[int, ...] = ()) -> str:
    """A pipe table. An empty cell stays empty: a space to write in, in a printable document.

    ``widths``: each column's share of the page, in per cent (they add up to
    100). Pandoc sizes a table's columns by the dashes under its header row
    once that row is longer than 72 characters, so these are written as that
    many dashes; the site's Markdown reader ignores them.
    """
    if widths and (len(widths) != len(headers) or sum(widths) != 100 or min(widths) < 3):
        raise ValueError(f"widths {widths} must give each of {len(headers)} columns at least 3 per cent, 100 in all")
    rules = ["-" * w for w in widths] if widths else ["---" for _ in headers]
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join(rules) + "|"]
    out += ["| " + " | ".join(cells) + " |" for cells in rows]
    return "\n".join(out) + "\n"


def lower_first(text: str) -> str:
    """'Cooperate with ...' -> 'cooperate with ...', to go inside a sentence. A name keeps its capitals: an
    abbreviation ('LSCB ...'), or words capitalised together ('Children's Trusts ...')."""
    words = text.split()
    if not words or words[0] == "I":
        return text
    abbreviation = len(words[0]) > 1 and not words[0][1:2].islower()
    if abbreviation or (len(words) > 1 and words[1][:1].isupper()):
        return text
    return text[:1].lower() + text[1:]


def join_and(items: Iterable[str]) -> str:
    """'A', 'A and B', 'A, B and C': a list in running text, GOV.UK style (no serial comma)."""
    return _join(items, "and")


def join_or(items: Iterable[str]) -> str:
    """'A', 'A or B', 'A, B or C': alternatives in running text, GOV.UK style (no serial comma)."""
    return _join(items, "or")


def _join(items: Iterable[str], word: str) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]
