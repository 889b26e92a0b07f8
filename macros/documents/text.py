"""Markdown pieces every document uses: lists, tables and notes on sources."""

from __future__ import annotations

from collections.abc import Iterable

from ..escape import md
from ..models import Cite, DataSet


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items) + "\n"


def table(headers: list[str], rows: Iterable[list[str]]) -> str:
    """A pipe table; cells are escaped Markdown. An empty cell is left blank to write in."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell if cell else " " for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def source_notes(data: DataSet, groups: list[tuple[str, tuple[Cite, ...]]]) -> str:
    """A closing section naming the source paragraphs each part draws on, in plain text for every format."""
    lines = []
    for label, cites in groups:
        if not cites:
            continue
        by_source: dict[str, list[str]] = {}
        for c in cites:
            paras = by_source.setdefault(c.source, [])
            if c.para not in paras:
                paras.append(c.para)
        lines.append(f"**{md(label)}**:\n\n" + bullets(
            f"{md(data.source(s).short_title)}, {'paragraph' if len(paras) == 1 else 'paragraphs'} {', '.join(md(p) for p in paras)}"
            for s, paras in by_source.items()))
    return "## Sources {#sources}\n\n" + "\n\n".join(lines) + "\n"
