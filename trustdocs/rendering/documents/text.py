"""Notes on sources, source lines for numbered notes and the version line, for every document.

Lists and tables come from :mod:`trustdocs.core.markdown`.
"""

from __future__ import annotations

from collections.abc import Iterable

from trustdocs.core.escape import md
from trustdocs.core.markdown import bullet_list as bullets
from trustdocs.core.markdown import (
    table,  # noqa: F401 - the document modules import it from here
)
from trustdocs.model.citations import Cite
from trustdocs.model.dataset import DataSet
from trustdocs.rendering.common import format_day, grouped_labels, reader_label

_PER_LINE = 5  # paragraphs named on one line: a longer list is hard to read (and fails the style gate)
VERSION = "1"  # the models' version: raise it when their wording changes, so an adopted copy says which it began from


def _by_source(cites: Iterable[Cite]) -> dict[str, list[str]]:
    """Each source's paragraphs, in the order first cited, without repeats."""
    out: dict[str, list[str]] = {}
    for c in cites:
        paras = out.setdefault(c.source, [])
        if c.para not in paras:
            paras.append(c.para)
    return out


def sources_line(data: DataSet, cites: Iterable[Cite]) -> str:
    """'Legislative options (2008), paragraphs 44 and 45; Draft statutory guidance (2008), paragraph 3.21'."""
    by_source = _by_source(cites)
    if not by_source:
        raise ValueError("a note must cite at least one source")
    return "; ".join(
        f"{md(data.source(s).short_title)}, "
        + grouped_labels(reader_label(p, data.source(s).labels) for p in sorted(paras, key=_paragraph_order))
        for s, paras in by_source.items()
    )


def _paragraph_order(para: str) -> tuple[int, tuple[int, ...], str]:
    """'3.7' before '3.21' before '24'; labels that are not numbers ('fn-2', 'section-10') after them."""
    parts = para.split(".")
    if all(part.isdigit() for part in parts):
        return (0, tuple(int(part) for part in parts), "")
    return (1, (), para)


def version_line(data: DataSet, area_name: str | None) -> str:
    """The document's version and date, first under its title: what a council's own records need."""
    whose = f"for {area_name}" if area_name else "of the model"
    return f"Version {VERSION} {whose}, dated {format_day(data.latest_source_date)}. Not yet adopted.\n"


def source_notes(data: DataSet, groups: list[tuple[str, tuple[Cite, ...]]]) -> str:
    """A closing section naming the source paragraphs each part draws on, in plain text for every format.

    Labels read as they do on the site: 'paragraph 14', 'footnote 2', 'question 1'.
    """
    lines = []
    for label, cites in groups:
        if not cites:
            continue
        by_source = _by_source(cites)
        lines.append(
            f"**{md(label)}**:\n\n"
            + bullets(
                f"{md(data.source(s).short_title)}, "
                + grouped_labels(reader_label(p, data.source(s).labels) for p in paras[i : i + _PER_LINE])
                for s, paras in by_source.items()
                for i in range(0, len(paras), _PER_LINE)
            )
        )
    return "## Sources {#sources}\n\n" + "\n\n".join(lines) + "\n"
