"""Notes on sources for every document; lists and tables come from :mod:`trustdocs.core.markdown`."""

from __future__ import annotations

from trustdocs.core.escape import md
from trustdocs.core.markdown import bullet_list as bullets
from trustdocs.core.markdown import (
    table,  # noqa: F401 - the document modules import it from here
)
from trustdocs.model.citations import Cite
from trustdocs.model.dataset import DataSet
from trustdocs.rendering.common import grouped_labels, reader_label

_PER_LINE = 5  # paragraphs named on one line: a longer list is hard to read (and fails the style gate)


def source_notes(data: DataSet, groups: list[tuple[str, tuple[Cite, ...]]]) -> str:
    """A closing section naming the source paragraphs each part draws on, in plain text for every format.

    Labels read as they do on the site: 'paragraph 14', 'footnote 2', 'question 1'.
    """
    lines = []
    for label, cites in groups:
        if not cites:
            continue
        by_source: dict[str, list[str]] = {}
        for c in cites:
            paras = by_source.setdefault(c.source, [])
            if c.para not in paras:
                paras.append(c.para)
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
