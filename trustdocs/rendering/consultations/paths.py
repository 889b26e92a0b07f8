"""Where the consultation pages live, and links between them.

Markdown links use ``.md`` paths (MkDocs rewrites them). Raw HTML, such as the
response form, is not rewritten, so :func:`href` gives the final relative URL
of a page built with directory URLs (``guidance/x.md`` is served at
``guidance/x/``).
"""

from __future__ import annotations

import posixpath


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
