"""Notes on sources for every document; lists and tables come from :mod:`trustdocs.core.markdown`."""

from __future__ import annotations

from trustdocs.core.escape import md
from trustdocs.core.markdown import bullet_list as bullets
from trustdocs.core.markdown import table  # noqa: F401 - the document modules import it from here
from trustdocs.model.citations import Cite
from trustdocs.model.dataset import DataSet
from trustdocs.rendering.common import para_label


def source_notes(data: DataSet, groups: list[tuple[str, tuple[Cite, ...]]]) -> str:
    """A closing section naming the source paragraphs each part draws on, in plain text for every format.

    Named sections ('next-steps') are shown as code, as in the site's citations.
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
                f"{md(data.source(s).short_title)}, {'paragraph' if len(paras) == 1 else 'paragraphs'} {', '.join(para_label(p) for p in paras)}"
                for s, paras in by_source.items()
            )
        )
    return "## Sources {#sources}\n\n" + "\n\n".join(lines) + "\n"
