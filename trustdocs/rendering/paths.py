"""Where every generated page and file lives on the site: the one place paths are built.

Paths are relative to ``docs/`` (``partners/police.md``); MkDocs serves a page
at its directory URL (``partners/police/``). Markdown links use ``.md`` paths,
which MkDocs rewrites; raw HTML is not rewritten, so :func:`href` gives the
final relative URL for it.
"""

from __future__ import annotations

import posixpath

HOME = "index.md"
PARTNERS = "partners/index.md"
DUTIES = "duties/index.md"
DUTY_MATRIX = "duties/matrix.md"
GUIDANCE = "guidance/index.md"
SOURCES = "sources/index.md"
SOURCES_DIR = "sources"
PARTNERS_DIR = "partners"
DOCUMENTS_DIR = "documents"
BOARD = "board.md"
CYPP = "cypp.md"
TIMELINE = "timeline.md"
GLOSSARY = "glossary.md"
OUTCOMES = "outcomes.md"
FEATURES = "features.md"
CHANGES = "what-would-change.md"
ON_A_DATE = "framework-on-a-date.md"
DATA = "data.md"
DATA_REFERENCE = "data-reference.md"
SITE_CHANGES = "site-changes.md"
CHANGES_FEED = "changes.xml"  # at the root: its links are page URL paths
DOCUMENTS = "documents/index.md"
AREA_FORM = "documents/your-area.md"  # Get documents for your area
AREA_TEMPLATE = "downloads/your-area.yml"  # the area file to fill in by hand, for the page above
CONSULTATIONS = "consultations/index.md"

EXPORT_JSON = "exports/trustdocs-data.json"
EXPORT_PARTNERS_CSV = "exports/partners.csv"
EXPORT_DUTIES_CSV = "exports/duties.csv"


def partner(partner_id: str) -> str:
    return f"{PARTNERS_DIR}/{partner_id}.md"


def duty(duty_id: str) -> str:
    return f"duties/{duty_id}.md"


def source(source_id: str) -> str:
    return f"{SOURCES_DIR}/{source_id}.md"


def paragraph_anchor(para: str) -> str:
    """A source paragraph's anchor on its source page: '3.21' -> 'p-3-21'."""
    return "p-" + para.replace(".", "-")


def guidance_section(section_id: str) -> str:
    return f"guidance/{section_id}.md"


def area(area_id: str) -> str:
    return f"areas/{area_id}.md"


def document(slug: str) -> str:
    """A model document's page: ``trust-board-constitution`` or ``southwark/cypp-template``."""
    return f"{DOCUMENTS_DIR}/{slug}.md"


def area_documents(area_id: str) -> str:
    """The folder of an area's copies of the model documents: ``documents/southwark``."""
    return f"{DOCUMENTS_DIR}/{area_id}"


def download(slug: str, fmt: str, owner: str = "") -> str:
    """A rendered document, its file name saying whose it is: ``downloads/southwark/southwark-cypp-template.pdf``
    for an area's, ``downloads/model-cypp-template.pdf`` for the generic model (owner ``model``). A document
    with no owner keeps its slug (a consultation's printable form already names its consultation)."""
    folder, _, name = slug.rpartition("/")
    stem = f"{owner}-{name}" if owner else name
    return f"downloads/{folder}/{stem}.{fmt}" if folder else f"downloads/{stem}.{fmt}"


def consultation(consultation_id: str) -> str:
    return f"consultations/{consultation_id}/index.md"


def consultation_form(consultation_id: str) -> str:
    return f"consultations/{consultation_id}/respond.md"


def consultation_outcome(consultation_id: str) -> str:
    return f"consultations/{consultation_id}/outcome.md"


def printable_form_slug(consultation_id: str) -> str:
    """The document pipeline's name for a printable response form (documents/SLUG.md, downloads/SLUG.pdf ...)."""
    return f"{consultation_id}-response-form"


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative Markdown link target from one docs/ path to another."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


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


def page_url(page: str) -> str:
    """The URL path a page is served at, from the site root: 'partners/police.md' -> 'partners/police/'."""
    return _directory_url(page)
