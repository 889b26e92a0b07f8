"""Where the consultation pages live, links between them, and citations that never break.

Markdown links use ``.md`` paths (MkDocs rewrites them). Raw HTML, such as the
response form, is not rewritten, so :func:`href` gives the final relative URL
of a page built with directory URLs (``guidance/x.md`` is served at
``guidance/x/``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from itertools import groupby

from ..escape import code, md
from ..models import Cite, DataSet
from ..pages.base import link

INDEX = "consultations/index.md"


def consultation_path(consultation_id: str) -> str:
    return f"consultations/{consultation_id}/index.md"


def form_path(consultation_id: str) -> str:
    return f"consultations/{consultation_id}/respond.md"


def outcome_path(consultation_id: str) -> str:
    return f"consultations/{consultation_id}/outcome.md"


def printable_slug(consultation_id: str) -> str:
    """The document pipeline's name for the printable form (documents/SLUG.md, downloads/SLUG.pdf ...)."""
    return f"{consultation_id}-response-form"


def _directory_url(page: str) -> str:
    """'guidance/x.md' -> 'guidance/x/'; 'consultations/a/index.md' -> 'consultations/a/'."""
    stem = page[: -len(".md")] if page.endswith(".md") else page
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return stem


def href(from_page: str, to: str, anchor: str = "") -> str:
    """A relative URL for raw HTML, from one docs/ page to a page (``.md``) or a file such as a stylesheet."""
    base = _directory_url(from_page)
    target = _directory_url(to) if to.endswith(".md") else to
    relative = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") and not relative.endswith("/"):
        relative += "/"
    if relative == "./":
        relative = ""
    return f"{relative}#{anchor}" if anchor else (relative or "./")


def anchored_paragraphs(data: DataSet) -> set[Cite]:
    """The source paragraphs that have an anchor on their source page: those the source pages list."""
    from ..pages.sources import cited_by

    return set(cited_by(data))


def para_label(para: str) -> str:
    """A paragraph label as text: numbers as they are, named sections ('next-steps') as code, like the source pages."""
    return code(para) if any(ch.isalpha() for ch in para) else md(para)


def citation(from_page: str, cites: Iterable[Cite], data: DataSet, anchored: set[Cite]) -> str:
    """'(Source title, paragraphs 1.1 and 2.3)', as on every other page.

    A paragraph links to its anchor only when the source page has one (the
    source pages list the paragraphs other pages cite); otherwise the number is
    plain text after the link to the source, so no link ever points nowhere.
    """
    parts = []
    for source_id, group in groupby(cites, key=lambda c: c.source):
        source = data.source(source_id)
        page = link(from_page, f"sources/{source.id}.md")
        paras = []
        for c in dict.fromkeys(group):
            label = para_label(c.para)
            paras.append(f"[{label}]({page}#p-{c.para.replace('.', '-')})" if c in anchored else label)
        word = "paragraph" if len(paras) == 1 else "paragraphs"
        listed = paras[0] if len(paras) == 1 else ", ".join(paras[:-1]) + " and " + paras[-1]
        parts.append(f"[{md(source.short_title)}]({page}), {word} {listed}")
    return "(" + "; ".join(parts) + ")" if parts else ""
