"""The model documents, read back from every format.

DOCX with python-docx, ODT with odfpy, PDF with pypdf and poppler's pdfinfo;
every DOCX and ODT also opens in LibreOffice. The documents are rendered once
per run from the real data, with the cache off.
"""

from __future__ import annotations

import html
import io
import re
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest
from odf import teletype
from odf.namespaces import TEXTNS, XLINKNS
from odf.opendocument import load as load_odt
from odf.text import A, BookmarkStart, H, P
from pypdf import PdfReader
from tooling import require_commands

from trustdocs.core.clock import DEFAULT_EPOCH
from trustdocs.pipeline.generate import all_documents as documents
from trustdocs.rendering import paths
from trustdocs.rendering.documents.catalogue import render_documents
from trustdocs.rendering.documents.clauses import Section, UnknownClause, ref, render_sections
from trustdocs.rendering.documents.constitution import constitution
from trustdocs.rendering.documents.convert import render
from trustdocs.rendering.documents.cypp_template import cypp_template
from trustdocs.rendering.documents.fills import same_everywhere, uses
from trustdocs.rendering.documents.source import DocumentSource
from trustdocs.rendering.documents.text import table as markdown_table

pytestmark = pytest.mark.slow  # renders every document and opens them in LibreOffice

AREAS = ("southwark", "wessex")


@pytest.fixture(scope="module")
def rendered(dataset, monkeypatch_module) -> dict[str, bytes]:
    monkeypatch_module.setenv("TRUSTDOCS_DOCUMENT_CACHE", "off")
    monkeypatch_module.delenv("SOURCE_DATE_EPOCH", raising=False)
    return render_documents(documents(dataset))  # the models, each area's set and the printable response forms


@pytest.fixture(scope="module")
def sources(dataset) -> dict[str, DocumentSource]:
    return {s.slug: s for s in documents(dataset)}


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def _download(slug: str, fmt: str) -> str:
    """Where a document's file is: its name says whose it is (an area's id, or 'model')."""
    owner = slug.split("/")[0] if "/" in slug else ("" if slug.endswith("-response-form") else "model")
    return paths.download(slug, fmt, owner)


def _docx(rendered, slug):
    return docx.Document(io.BytesIO(rendered[_download(slug, "docx")]))


def _docx_headings(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


def _docx_cells(document) -> list[str]:
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def _odt(rendered, slug):
    return load_odt(io.BytesIO(rendered[_download(slug, "odt")]))


def _odt_headings(document) -> list[tuple[str, str]]:
    return [(h.getAttrNS(TEXTNS, "outline-level"), teletype.extractText(h)) for h in document.getElementsByType(H)]


def _odt_text(document) -> str:
    return "\n".join(teletype.extractText(p) for p in document.getElementsByType(P))


# --- the document sources --------------------------------------------------


def test_every_area_gets_both_documents(dataset):
    slugs = [d.slug for d in documents(dataset)]
    for area in AREAS:
        assert f"{area}/trust-board-constitution" in slugs
        assert f"{area}/cypp-template" in slugs
    assert slugs[:2] == ["trust-board-constitution", "cypp-template"]


def test_constitution_has_every_required_part_in_order(dataset):
    headings = re.findall(r"^## (\d+)\. (.+?) \{#", constitution(dataset).markdown, re.M)
    assert [h for _, h in headings] == [
        "Name and status",
        "Purpose and objectives",
        "Functions",
        "Membership",
        "Chair and vice-chair",
        "Quorum and decisions",
        "Meetings and papers",
        "Sub-groups",
        "Relationships with other partnerships",
        "Pooled budgets and shared resources",
        "Conflicts of interest",
        "Review and amendment",
        "Adoption",
    ]
    assert [n for n, _ in headings] == [str(i) for i in range(1, 14)]


def test_clause_numbers_are_the_same_in_generic_and_area_documents_except_two_tier_extras(dataset):
    def clauses(markdown):
        return re.findall(r"^### (\d+\.\d+) .+? \{#([a-z0-9-]+)\}", markdown, re.M)

    generic = clauses(constitution(dataset).markdown)
    unitary = clauses(constitution(dataset, dataset.area("southwark")).markdown)
    two_tier = clauses(constitution(dataset, dataset.area("wessex")).markdown)
    assert two_tier == generic
    assert unitary == [c for c in generic if c[1] != "district-councils"]


def test_generic_documents_use_placeholders_and_area_documents_fill_them(dataset):
    generic = constitution(dataset).markdown
    southwark = constitution(dataset, dataset.area("southwark")).markdown
    assert "&#91;Name of local authority&#93;" in generic
    assert "&#91;" not in southwark.split("## Notes")[0]  # no placeholder left in a filled-in set
    assert "Southwark Council sets up and maintains the Board." in southwark
    assert "The Executive Member for Children's Services chairs the Board." in southwark
    assert "The Leader of the Council" in southwark
    assert "Chair of the safeguarding board: An independent chair." in southwark


def test_district_councils_appear_only_for_a_two_tier_area(dataset):
    southwark = constitution(dataset, dataset.area("southwark")).markdown
    wessex = constitution(dataset, dataset.area("wessex")).markdown
    assert "District councils" not in southwark
    for district in (
        "Casterbridge District Council",
        "Budmouth Borough Council",
        "Melchester City Council",
        "Sandbourne Borough Council",
    ):
        assert wessex.count(district) == 2  # a seat in clause 4.1 and a signature row in 13.2


@pytest.mark.parametrize("area_id", ["southwark", "wessex"])
def test_each_value_of_an_area_file_is_shown_in_a_clause_that_says_so(dataset, area_id):
    """The area page's "Where the documents use it" column: every choice is found in the clauses that claim it."""
    area = dataset.area(area_id)
    used = uses(dataset, area)
    for field in ("local_authority", "trust_name", "chair", "vice_chair", "lscb_chair", "quorum", "plan_period"):
        assert used.get(field), field
    text = constitution(dataset, area).markdown + cypp_template(dataset, area).markdown
    for use in used["chair"] + used["lscb_chair"]:
        assert f"{{#{use.clause_id}}}" in text
    assert "The Executive Member for Children's Services chairs the Board." in text or area_id == "wessex"
    same = {u.clause_id for u in same_everywhere(dataset, area)}
    claimed = {u.clause_id for found in used.values() for u in found}
    assert same and not same & claimed
    assert "quorum" in claimed and "quorum" not in same


def test_a_cross_reference_to_a_missing_clause_is_an_error():
    section = Section("one", "One")
    section.add("first", "First", f"See {ref('nowhere')}.")
    with pytest.raises(UnknownClause, match="clause 'nowhere'"):
        render_sections([section])


def test_ids_in_each_document_are_unique(dataset):
    for source in documents(dataset):
        ids = re.findall(r"\{#([a-z0-9-]+)\}", source.markdown)
        assert len(ids) == len(set(ids)), source.slug


def test_cypp_template_has_a_section_per_requirement_and_the_tables(dataset):
    markdown = cypp_template(dataset, dataset.area("southwark")).markdown
    for requirement in dataset.cypp.requirements:
        assert f"{{#{requirement.id}}}" in markdown
        for prompt in requirement.prompts:
            assert prompt.replace("'", "'") in markdown
    assert "| Partner | Body | Contribution to the plan | Spend each year | Budget |" in markdown
    assert "| Primary Care Trusts | NHS Southwark |" in markdown
    assert "## 10. People and bodies to consult {#consultation}" in markdown
    assert re.findall(r"\| Yearly review \| (\d{4}) \|", markdown) == ["2011", "2012", "2013"]


# --- DOCX --------------------------------------------------------------------


@pytest.mark.parametrize("area", AREAS)
def test_docx_has_real_heading_styles_with_clause_numbers(rendered, area):
    headings = _docx_headings(_docx(rendered, f"{area}/trust-board-constitution"))
    assert ("Heading 2", "4. Membership") in headings
    assert ("Heading 3", "4.1 Core members") in headings
    assert ("Heading 3", "6.1 Quorum") in headings
    numbers = [text.split(" ")[0] for style, text in headings if style == "Heading 3"]
    assert numbers[:3] == ["1.1", "1.2", "1.3"]


def test_docx_cross_references_point_at_bookmarks_that_exist(rendered):
    document = _docx(rendered, "wessex/trust-board-constitution")
    body = document.element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    bookmarks = {b.get(f"{w}name") for b in body.iter(f"{w}bookmarkStart")}
    anchors = [h.get(f"{w}anchor") for h in body.iter(f"{w}hyperlink") if h.get(f"{w}anchor")]
    assert "quorum" in anchors and "core-members" in anchors
    assert set(anchors) <= bookmarks


def test_docx_members_come_from_the_data(rendered, dataset):
    cells = _docx_cells(_docx(rendered, "southwark/trust-board-constitution"))
    for names in dataset.area("southwark").bodies.values():
        for name in names:
            assert name in cells
    assert "Primary Care Trusts" in cells


def test_docx_uses_the_accessible_reference_styles(rendered):
    package = zipfile.ZipFile(io.BytesIO(rendered["downloads/model-trust-board-constitution.docx"]))
    theme = package.read("word/theme/theme1.xml").decode()
    styles = package.read("word/styles.xml").decode()
    assert re.findall(r'<a:latin typeface="([^"]*)"', theme)[:2] == ["Arial", "Arial"]
    assert 'w:val="en-GB"' in styles
    assert "1D70B8" in styles  # link colour with 5.2:1 contrast


# --- ODT ---------------------------------------------------------------------


@pytest.mark.parametrize("area", AREAS)
def test_odt_has_outline_headings_with_clause_numbers(rendered, area):
    headings = _odt_headings(_odt(rendered, f"{area}/trust-board-constitution"))
    assert ("2", "4. Membership") in headings
    assert ("3", "4.1 Core members") in headings
    assert ("3", "13.2 Signatures") in headings


def test_odt_cross_references_point_at_bookmarks_that_exist(rendered):
    document = _odt(rendered, "wessex/trust-board-constitution")
    bookmarks = {b.getAttrNS(TEXTNS, "name") for b in document.getElementsByType(BookmarkStart)}
    targets = [a.getAttrNS(XLINKNS, "href") for a in document.getElementsByType(A)]
    internal = [t[1:] for t in targets if t.startswith("#")]
    assert "quorum" in internal and "core-members" in internal
    assert set(internal) <= bookmarks


def test_odt_members_come_from_the_data(rendered):
    text = _odt_text(_odt(rendered, "wessex/trust-board-constitution"))
    for name in ("Wessex County Council", "Casterbridge District Council", "Wessex Constabulary", "NHS Wessex"):
        assert name in text


# --- PDF ---------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["trust-board-constitution", "southwark/cypp-template"])
def test_pdf_is_tagged_with_language_and_title(rendered, slug, tmp_path):
    pdf = rendered[_download(slug, "pdf")]
    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert reader.metadata.title.startswith(("Model constitution", "Children and Young People's Plan template"))
    require_commands("pdfinfo")
    (tmp_path / "doc.pdf").write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(tmp_path / "doc.pdf")], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Title:\s+\S", info, re.M)


def test_pdf_text_has_clause_numbers_and_members(rendered):
    text = "".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(rendered["downloads/wessex/wessex-trust-board-constitution.pdf"])).pages
    )
    assert "4.1 Core members" in text
    assert "Melchester City Council" in text


# --- LibreOffice ---------------------------------------------------------------


@pytest.fixture(scope="module")
def office_pdfs(rendered, tmp_path_factory) -> dict[str, Path]:
    """Every DOCX and ODT converted to PDF by LibreOffice, as a council officer would open it: {download path: PDF}."""
    require_commands("soffice", "pdftotext")
    tmp = tmp_path_factory.mktemp("libreoffice")
    inputs = {}
    for path, content in rendered.items():
        if path.endswith((".docx", ".odt")):
            stem, _, fmt = path.rpartition(".")
            target = tmp / "in" / f"{stem.replace('/', '--')}--{fmt}.{fmt}"  # DOCX and ODT of one document: two PDFs
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            inputs[path] = target
    out = tmp / "out"
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, inputs.values()),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stdout + result.stderr, result.stdout + result.stderr
    return {path: out / f"{source.stem}.pdf" for path, source in inputs.items()}


def _pages(pdf: Path) -> list[str]:
    """The text of each page, as poppler's pdftotext lays it out."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def _pdf_pages(content: bytes, tmp_path: Path) -> list[str]:
    (tmp_path / "doc.pdf").write_bytes(content)
    return _pages(tmp_path / "doc.pdf")


def test_every_docx_and_odt_opens_cleanly_in_libreoffice(office_pdfs):
    assert len(office_pdfs) == 2 * (2 * (1 + len(AREAS)) + 2)  # two formats: models, area sets, two response forms
    for path, converted in office_pdfs.items():
        assert converted.is_file() and converted.stat().st_size > 5000, f"LibreOffice could not convert {path}"


def _page_texts(rendered, office_pdfs, slug: str, fmt: str, tmp_path: Path) -> list[str]:
    """Each page's text: our PDF as made, a Word or ODT file as LibreOffice lays it out."""
    if fmt == "pdf":
        return _pdf_pages(rendered[_download(slug, fmt)], tmp_path)
    return _pages(office_pdfs[_download(slug, fmt)])


CONSTITUTIONS = ["trust-board-constitution", *(f"{a}/trust-board-constitution" for a in AREAS)]
OFFICE = [(slug, fmt) for slug in CONSTITUTIONS for fmt in ("docx", "odt")]


@pytest.mark.parametrize(("slug", "fmt"), [*OFFICE, *((s, "pdf") for s in CONSTITUTIONS)])
def test_every_page_has_the_title_and_page_x_of_y_in_its_footer(sources, rendered, office_pdfs, slug, fmt, tmp_path):
    pages = _page_texts(rendered, office_pdfs, slug, fmt, tmp_path)
    title = sources[slug].title
    assert len(pages) > 3
    for number, text in enumerate(pages, 1):
        footer = " ".join(text.split()[-12:])  # the last line of the page
        assert footer.endswith(f"Page {number} of {len(pages)}"), (fmt, number, footer)
        assert " ".join(title.split()[:4]) in " ".join(text.split()[-25:]), (fmt, number, footer)


@pytest.mark.parametrize(("slug", "fmt"), [*OFFICE, *((s, "pdf") for s in CONSTITUTIONS)])
def test_the_signatures_start_a_page_and_split_no_word(rendered, office_pdfs, dataset, slug, fmt, tmp_path):
    pages = _page_texts(rendered, office_pdfs, slug, fmt, tmp_path)
    start = next(i for i, text in enumerate(pages) if "13.2 Signatures" in text)
    assert pages[start].split()[:2] == ["13.", "Adoption"], "the adoption section starts a page of its own"
    block = pages[start].split("13.2 Signatures", 1)[1].split("Notes\n", 1)[0]
    words = set(block.split())
    area = dataset.area(slug.split("/")[0]) if "/" in slug else None
    expected = ["Seat", "Member", "body", "Name", "Role", "Signature", "Date"]
    if area is not None:
        expected += [word for names in area.bodies.values() for name in names for word in name.split()]
    missing = [w for w in expected if w not in words]
    assert not missing, f"{fmt}: words split or missing in the signature table: {missing}"


def _docx_table_after(document, bookmark: str):
    body = document.element.body
    names = [b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")]
    assert bookmark in names
    seen = False
    for element in body.iterchildren():
        if element.tag == f"{W}bookmarkStart" and element.get(f"{W}name") == bookmark:
            seen = True
        if seen and element.tag == f"{W}tbl":
            return element
        if (
            seen
            and element.tag == f"{W}p"
            and any(b.get(f"{W}name") == bookmark for b in element.iter(f"{W}bookmarkStart"))
        ):
            seen = True
    raise AssertionError(f"no table after {bookmark}")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.mark.parametrize("slug", CONSTITUTIONS)
def test_docx_tables_have_borders_header_rows_that_repeat_and_rows_that_keep_together(rendered, slug):
    document = _docx(rendered, slug)
    table_style = document.styles["Table"].element
    borders = table_style.find(f"{W}tblPr/{W}tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = borders.find(f"{W}{side}")
        assert border.get(f"{W}val") == "single" and int(border.get(f"{W}sz")) >= 4, side
    shading = table_style.find(f"{W}tblStylePr/{W}tcPr/{W}shd")
    assert shading.get(f"{W}fill") == "F3F2F1"  # the header row is shaded
    assert document.tables
    for table in document.tables:
        tbl = table._tbl
        assert tbl.tblPr.find(f"{W}tblStyle").get(f"{W}val") == "Table"
        rows = tbl.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None  # repeats on each page; Word's checker wants it
        assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
        assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)


@pytest.mark.parametrize("slug", CONSTITUTIONS)
def test_docx_signature_block_has_room_to_sign(sources, rendered, dataset, slug):
    document = _docx(rendered, slug)
    table = _docx_table_after(document, "signatures")
    rows = table.findall(f"{W}tr")
    header = ["".join(t.text for t in c.iter(f"{W}t")) for c in rows[0].findall(f"{W}tc")]
    assert header == ["Seat", "Member body", "Name", "Role", "Signature", "Date"]
    seats = re.findall(
        r"^\| (\d+) \|",
        sources[slug].markdown.split("{#core-members}")[1].split("###")[0],
        re.M,
    )
    assert len(rows) - 1 == len(seats)
    for row in rows[1:]:
        height = row.find(f"{W}trPr/{W}trHeight")
        assert (
            height is not None and int(height.get(f"{W}val")) >= 850 and height.get(f"{W}hRule") == "atLeast"
        )  # 1.5 cm
        cells = row.findall(f"{W}tc")
        assert ["".join(t.text for t in c.iter(f"{W}t")) for c in cells[2:]] == ["", "", "", ""]  # space to write
    widths = [int(c.get(f"{W}w")) for c in table.find(f"{W}tblGrid").findall(f"{W}gridCol")]
    assert widths[1] > widths[0] and widths[2] > widths[0]  # the member body has room; the seat number little


@pytest.mark.parametrize("slug", CONSTITUTIONS)
def test_docx_footer_page_and_headings(sources, rendered, slug):
    document = _docx(rendered, slug)
    source = sources[slug]
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7  # A4
    footer = section.footer
    assert not footer.is_linked_to_previous
    xml = footer._element.xml
    for field in ("TITLE", "PAGE", "NUMPAGES"):
        assert f"> {field} </w:instrText>" in xml, field
    assert "Page" in footer.paragraphs[0].text and source.title in footer.paragraphs[0].text
    styles = document.styles
    size = {n: styles[f"Heading {n}"].font.size.pt for n in (2, 3, 4)}
    assert size[2] > size[3] >= size[4]  # section, clause, sub-clause
    assert all(styles[f"Heading {n}"].font.bold for n in (2, 3, 4))
    assert styles["Heading 4"].font.italic and not styles["Heading 3"].font.italic
    assert "w:pBdr" in styles["Heading 2"].element.xml  # a rule under each section heading
    assert document.core_properties.title == source.title  # Word's checker: the document has a title
    assert document.paragraphs[1].text.startswith("Version 1 ")


@pytest.mark.parametrize("slug", CONSTITUTIONS)
def test_odt_tables_have_borders_header_rows_and_room_to_sign(rendered, slug):
    package = zipfile.ZipFile(io.BytesIO(rendered[_download(slug, "odt")]))
    content = package.read("content.xml").decode()
    cells = {e.get(f"{ODF_STYLE}name"): e for e in ElementTree.fromstring(content).iter(f"{ODF_STYLE}style")}
    for cell in ("TableHeaderRowCell", "TableRowCell"):
        border = cells[cell].find(f"{ODF_STYLE}table-cell-properties").get(f"{ODF_FO}border")
        assert border == "0.75pt solid #505a5f", cell
    tables = re.findall(r"<table:table .*?</table:table>", content, re.S)
    assert tables
    for table in tables:
        assert "<table:table-header-rows>" in table  # LibreOffice repeats these on each page
        assert "<table:table-row>" not in table  # every row has a style: none may split
    signatures = content.split('text:name="signatures"', 1)[1]
    table = re.search(r"<table:table .*?</table:table>", signatures, re.S)[0]
    body = table.split("</table:table-header-rows>")[1]
    assert body.count('<table:table-row table:style-name="TrustDocsSignatureRow">') == body.count("<table:table-row")
    assert (
        cells["TrustDocsSignatureRow"].find(f"{ODF_STYLE}table-row-properties").get(f"{ODF_STYLE}min-row-height")
        == "1.5cm"
    )
    assert cells["TrustDocsNewPage"].find(f"{ODF_STYLE}paragraph-properties").get(f"{ODF_FO}break-before") == "page"
    assert 'text:style-name="TrustDocsNewPage"' in content


@pytest.mark.parametrize("slug", CONSTITUTIONS)
def test_odt_footer_page_and_headings(sources, rendered, slug):
    package = zipfile.ZipFile(io.BytesIO(rendered[_download(slug, "odt")]))
    styles = package.read("styles.xml").decode()
    source = sources[slug]
    footer = re.search(r"<style:footer>.*?</style:footer>", styles, re.S)[0]
    assert "<text:page-number" in footer and "<text:page-count" in footer and "<text:title>" in footer
    assert html.escape(source.title, quote=False) in footer
    assert 'fo:page-width="21cm"' in styles and 'fo:page-height="29.7cm"' in styles

    root = ElementTree.fromstring(styles)
    headings = {
        e.get(f"{ODF_STYLE}name"): e
        for e in root.iter(f"{ODF_STYLE}style")
        if e.get(f"{ODF_STYLE}name", "").startswith("Heading_20_")
    }

    def text(level: int, name: str) -> str | None:
        return headings[f"Heading_20_{level}"].find(f"{ODF_STYLE}text-properties").get(f"{ODF_FO}{name}")

    def paragraph(level: int, name: str) -> str | None:
        return headings[f"Heading_20_{level}"].find(f"{ODF_STYLE}paragraph-properties").get(f"{ODF_FO}{name}")

    sizes = [float(text(level, "font-size").removesuffix("pt")) for level in (2, 3, 4)]
    assert sizes[0] > sizes[1] >= sizes[2]  # section, clause, sub-clause
    assert all(text(level, "font-weight") == "bold" for level in (2, 3, 4))
    assert paragraph(2, "border-bottom")  # a rule under each section heading
    assert text(4, "font-style") == "italic" and text(3, "font-style") is None


ODF_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
ODF_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"


def test_header_rows_repeat_when_a_table_runs_on_to_the_next_page(tmp_path):
    """A table longer than a page (made up here) shows its header row again at the top of the next page."""
    require_commands("soffice", "pdftotext")
    rows = [[str(i), f"Body {i}", ""] for i in range(1, 70)]
    source = DocumentSource(
        slug="long-table",
        title="A long table",
        markdown="# A long table\n\n" + markdown_table(["Seat", "Member body", "Notes"], rows, (10, 45, 45)),
        data_files=(),
    )
    for fmt in ("docx", "odt", "pdf"):
        path = tmp_path / f"long.{fmt}"
        path.write_bytes(render(source, fmt))
        if fmt != "pdf":
            subprocess.run(
                [
                    "soffice",
                    "--headless",
                    "--norestore",
                    f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(tmp_path / fmt),
                    str(path),
                ],
                capture_output=True,
                check=True,
                timeout=300,
            )
            path = tmp_path / fmt / "long.pdf"
        pages = _pages(path)
        assert len(pages) >= 2, fmt
        for text in pages[1:]:
            first = next(line for line in text.splitlines() if line.strip())
            assert first.split()[:3] == ["Seat", "Member", "body"], (fmt, first)


# --- determinism ---------------------------------------------------------------


def test_the_same_data_gives_byte_identical_documents(dataset, monkeypatch):
    monkeypatch.setenv("TRUSTDOCS_DOCUMENT_CACHE", "off")
    source = constitution(dataset, dataset.area("wessex"))
    for fmt in ("docx", "odt", "pdf"):
        assert render(source, fmt) == render(source, fmt), fmt


def test_zip_members_carry_source_date_epoch(dataset, monkeypatch):
    source = cypp_template(dataset)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    default = render(source, "odt")
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(default)).infolist()} == {(1980, 1, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(DEFAULT_EPOCH + 86400 * 400))
    stamped = render(source, "docx")
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(stamped)).infolist()} == {(1981, 2, 4, 0, 0, 0)}
    assert b"1981-02-04T00:00:00Z" in zipfile.ZipFile(io.BytesIO(stamped)).read("docProps/core.xml")
    pdf = render(source, "pdf")
    assert PdfReader(io.BytesIO(pdf)).metadata["/CreationDate"].startswith("D:19810204")


def test_odt_mimetype_is_stored_first_uncompressed(rendered):
    first = zipfile.ZipFile(io.BytesIO(rendered["downloads/model-cypp-template.odt"])).infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
