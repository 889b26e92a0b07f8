"""Pages for the model documents: one per document, one per area, and the downloads page.

Each document page is the document's own Markdown (the same source as its
Word, OpenDocument and PDF files) with links to those files and their sizes.
"""

from __future__ import annotations

from collections.abc import Iterator

from trustdocs.core.escape import md
from trustdocs.core.markdown import bullet_list, table
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import Area
from trustdocs.rendering import paths
from trustdocs.rendering.change_log import site_changes_section
from trustdocs.rendering.common import Page, cites
from trustdocs.rendering.documents.catalogue import FORMAT_LABELS, area_documents, download_path
from trustdocs.rendering.documents.constitution import SLUG as CONSTITUTION_SLUG
from trustdocs.rendering.documents.convert import FORMATS
from trustdocs.rendering.documents.fills import Use, same_everywhere, uses
from trustdocs.rendering.documents.particulars import area_title
from trustdocs.rendering.documents.source import DocumentSource
from trustdocs.rendering.notice import CURRENT_LAW
from trustdocs.rendering.paths import link
from trustdocs.rendering.search import unsearched_heading
from trustdocs.rendering.site import Citing, Site, citations_of
from trustdocs.rendering.sizes import Sizes, size_label


def format_links(here: str, source: DocumentSource, sizes: Sizes) -> str:
    """'PDF (24 KB), Word (11 KB), OpenDocument text (8 KB)': each a download link."""
    links = []
    for fmt in ("pdf", "docx", "odt"):
        path = download_path(source, fmt)
        links.append(f"[{FORMAT_LABELS[fmt]} ({size_label(sizes[path])})]({link(here, path)})")
    return ", ".join(links)


def document_page(source: DocumentSource, sizes: Sizes, searchable: bool = True) -> Page:
    here = paths.document(source.slug)
    heading, _, body = source.markdown.partition("\n")
    markdown = f"{heading}\n\nDownload this document: {format_links(here, source, sizes)}.\n{body}"
    return Page(here, markdown, source.data_files, searchable=searchable)


KINDS_OF_AREA = {"unitary": "Unitary", "two-tier": "Two-tier (county and district councils)"}


def _used_in(here: str, found: list[Use]) -> str:
    """'[constitution 6.1](...#quorum), [plan template 1.1](...#plan-period)': links to the clauses."""
    if not found:
        return "Not shown in the documents"
    return ", ".join(f"[{u.document} {u.number}]({link(here, paths.document(u.slug), u.clause_id)})" for u in found)


def _choices(area: Area) -> list[tuple[str, str, str]]:
    """(label, value as Markdown, field) for each value the area's file sets."""
    rows = [
        ("Lead council", md(area.local_authority), "local_authority"),
        ("Kind of area", KINDS_OF_AREA[area.area_type], "area_type"),
        ("The Board's name", md(area.trust_name), "trust_name"),
        ("Chair", md(area.chair), "chair"),
        ("Vice-chair", md(area.vice_chair), "vice_chair"),
        ("Chair of the Local Safeguarding Children Board", md(area.lscb_chair), "lscb_chair"),
        ("Head teachers on the Board", str(area.schools_representatives), "schools_representatives"),
        (
            "Members from the voluntary and community sector",
            str(area.voluntary_sector_representatives),
            "voluntary_sector_representatives",
        ),
        ("Quorum", f"{area.quorum} members", "quorum"),
        ("Meetings each year", str(area.meetings_per_year), "meetings_per_year"),
        ("Papers sent before a meeting", f"{area.papers_days} days", "papers_days"),
        ("Review of the constitution", f"every {area.review_months} months", "review_months"),
        ("Plan period", f"{area.plan_from} to {area.plan_to}", "plan_period"),
    ]
    if area.additional_members:
        rows.append(("Other members", "; ".join(md(m.role) for m in area.additional_members), "additional_members"))
    return rows


def area_page(data: DataSet, area: Area, sizes: Sizes) -> Page:
    """An area's page. Search indexes only its name and summary: every other section has the same
    shape for every area, and the index, which every page loads, grew by about 3 KB with each area."""
    here = paths.area(area.id)
    used = uses(data, area)
    constitution_page = paths.document(f"{area.id}/{CONSTITUTION_SLUG}")
    parts = [f"# {md(area_title(area))}\n\n"]
    if area.fictional:
        parts.append("This is a made-up area. It shows how the documents change for this kind of area.\n\n")
    parts += [
        f"{md(area.summary)} {cites(here, area.cites, data)}\n\n",
        unsearched_heading(2, "Before you adopt its documents", "before-you-adopt") + "\n\n",
        "Check these before the Board adopts the documents:\n\n",
        bullet_list(
            [
                "each value marked illustrative in the table below, as the area's source does not state it",
                "the [clauses that are the same for every area](#same-for-every-area), and change them as the "
                "Board decides",
                f"the law in force today, at [legislation.gov.uk]({CURRENT_LAW}): the documents rest on "
                "proposals and draft guidance of 2008, which were not law",
            ]
        ),
        "\n" + unsearched_heading(2, "What the documents take from its file", "its-choices") + "\n\n",
        (
            "Every value is illustrative: this area is made up.\n\n"
            if area.fictional
            else "Values marked illustrative are not stated by the area's source. They are examples of what an area "
            "would decide: check each before you adopt the documents.\n\n"
        ),
        table(
            ["Choice", "For this area", "Where it comes from", "Where the documents use it"],
            [
                [
                    label,
                    value,
                    "Illustrative" if area.is_illustrative(field) else "The area's source",
                    _used_in(here, used.get(field, [])),
                ]
                for label, value, field in _choices(area)
            ],
        ),
        "\n" + unsearched_heading(2, "Its named partner bodies", "bodies") + "\n\n",
        "These names are illustrative.\n\n" if area.is_illustrative("bodies") else "",
        bullet_list(md(name) for names in area.bodies.values() for name in names),
        f"\nThe documents use them in {_used_in(here, used.get('bodies', []))}.\n",
        "\n" + unsearched_heading(2, "The clauses that are the same for every area", "same-for-every-area") + "\n\n",
        "These clauses of its constitution take nothing from its file. Some follow the proposals and draft "
        f"guidance of 2008, and the rest are model wording. The [notes]({link(here, constitution_page, 'notes')}) "
        "at the end of the constitution say which.\n\n",
        bullet_list(
            f"[{u.number} {u.heading}]({link(here, paths.document(u.slug), u.clause_id)})"
            for u in same_everywhere(data, area)
        ),
        "\n" + unsearched_heading(2, "Its documents", "documents") + "\n\n",
        _document_table(here, area_documents(data, area), sizes),
        site_changes_section(here, data, {area.id}),
    ]
    return Page(here, "".join(parts), (f"data/areas/{area.id}.yml",))


def _document_table(here: str, sources: list[DocumentSource], sizes: Sizes) -> str:
    rows = [[f"[{md(s.title)}]({link(here, paths.document(s.slug))})", format_links(here, s, sizes)] for s in sources]
    return table(["Document", "Download"], rows)


def documents_index(data: DataSet, sources: list[DocumentSource], sizes: Sizes) -> Page:
    """Every document and format with its size, then the areas."""
    area_slugs = {f"{a.id}/" for a in data.areas}
    model_slugs = {s.slug for s in area_documents(data, None)}
    generic = [s for s in sources if s.slug in model_slugs]
    others = [s for s in sources if s.slug not in model_slugs and not any(s.slug.startswith(p) for p in area_slugs)]
    parts = [
        "# Model documents\n\n",
        "Download a model constitution for a Children's Trust Board and a template for the Children and Young "
        "People's Plan. Adapt them, then adopt them. Each is also a page on this site.\n\n",
        "The Word and OpenDocument files are for editing. The PDF files are tagged for screen readers.\n\n",
        "## Models for any area\n\n",
        _document_table(paths.DOCUMENTS, generic, sizes),
        "\n## Documents for your own area {#your-area}\n\n",
        f"[Get documents for your area]({link(paths.DOCUMENTS, paths.AREA_FORM)}): a form makes the file that fills "
        "in a constitution and plan template with your area's bodies and choices. Once the file is added to the "
        "site, your area has its own set here, each file named after your area.\n",
    ]
    if others:
        parts.append("\n## Printable consultation response forms\n\n")
        parts.append(_document_table(paths.DOCUMENTS, others, sizes))
    if data.areas:
        parts.append("\n## Filled in for an area\n\n")
        for area in data.areas:
            # Out of search, like the copies it lists: the area's own page is found by its name.
            title = f"[{md(area_title(area))}]({link(paths.DOCUMENTS, paths.area(area.id))})"
            parts.append(unsearched_heading(3, title, area.id) + "\n\n")
            parts.append(
                _document_table(paths.DOCUMENTS, [s for s in sources if s.slug.startswith(f"{area.id}/")], sizes) + "\n"
            )
    return Page(paths.DOCUMENTS, "".join(parts), ("data/board.yml",))


def pages(site: Site) -> Iterator[Page]:
    """The downloads page, a page per document and a page per area.

    An area's copies of the model documents are left out of the search index:
    each repeats a generic model (which stays in) with the area's values, so
    they would grow the index, which every page loads, with every area. The
    area's own page, which links to them, stays in.
    """
    assert set(FORMATS) == {"pdf", "docx", "odt"}, "format_links lists these three"
    sources = list(site.documents)
    area_copies = tuple(f"{area.id}/" for area in site.data.areas)
    yield documents_index(site.data, sources, site.sizes)
    for source in sources:
        yield document_page(source, site.sizes, searchable=not source.slug.startswith(area_copies))
    for area in site.data.areas:
        yield area_page(site.data, area, site.sizes)


def citations(data: DataSet) -> Iterator[Citing]:
    """The model constitution's notes (on the generic model's page) and each area's choices."""
    constitution_page = paths.document(CONSTITUTION_SLUG)
    for n in data.board.constitution_notes:
        yield from citations_of(f"Model constitution, note: {n.heading}", constitution_page, n.cites, n.id)
    for a in data.areas:
        yield from citations_of(
            f"Area: {a.name}", paths.area(a.id), (*a.cites, *(c for m in a.additional_members for c in m.cites))
        )
