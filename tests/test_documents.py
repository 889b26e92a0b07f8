"""The model documents, read back from every format.

DOCX with python-docx, ODT with odfpy, PDF with pypdf and poppler's pdfinfo;
every DOCX and ODT also opens in LibreOffice. The documents are rendered once
per run from the real data, with the cache off.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

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
from trustdocs.rendering.documents.catalogue import render_documents
from trustdocs.rendering.documents.clauses import Section, UnknownClause, ref, render_sections
from trustdocs.rendering.documents.constitution import constitution
from trustdocs.rendering.documents.convert import render
from trustdocs.rendering.documents.cypp_template import cypp_template

pytestmark = pytest.mark.slow  # renders every document and opens them in LibreOffice

AREAS = ("southwark", "wessex")


@pytest.fixture(scope="module")
def rendered(dataset, monkeypatch_module) -> dict[str, bytes]:
    monkeypatch_module.setenv("TRUSTDOCS_DOCUMENT_CACHE", "off")
    monkeypatch_module.delenv("SOURCE_DATE_EPOCH", raising=False)
    return render_documents(documents(dataset))  # the models, each area's set and the printable response forms


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def _docx(rendered, slug):
    return docx.Document(io.BytesIO(rendered[f"downloads/{slug}.docx"]))


def _docx_headings(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


def _docx_cells(document) -> list[str]:
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def _odt(rendered, slug):
    return load_odt(io.BytesIO(rendered[f"downloads/{slug}.odt"]))


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
    assert "&#91;" not in southwark.split("## Sources")[0]  # no placeholder left in a filled-in set
    assert "Southwark Council sets up and maintains the Board." in southwark
    assert "The Executive Member for Children's Services chairs the Board." in southwark
    assert "The Leader of the Council" in southwark
    assert "An independent chair, being recruited in July 2009" in southwark


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
        assert wessex.count(district) == 2  # a seat in clause 4.1 and a signature line in 13.2


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
    package = zipfile.ZipFile(io.BytesIO(rendered["downloads/trust-board-constitution.docx"]))
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
    pdf = rendered[f"downloads/{slug}.pdf"]
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
        for page in PdfReader(io.BytesIO(rendered["downloads/wessex/trust-board-constitution.pdf"])).pages
    )
    assert "4.1 Core members" in text
    assert "Melchester City Council" in text


# --- LibreOffice -------------------------------------------------------------


def test_every_docx_and_odt_opens_cleanly_in_libreoffice(rendered, tmp_path):
    require_commands("soffice")
    inputs = []
    for path, content in rendered.items():
        if path.endswith((".docx", ".odt")):
            target = tmp_path / "in" / path.replace("/", "--")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            inputs.append(target)
    assert len(inputs) == 2 * (2 * (1 + len(AREAS)) + 2)  # two formats: models, area sets, two response forms
    out = tmp_path / "out"
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, inputs),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stdout + result.stderr, result.stdout + result.stderr
    for source in inputs:
        converted = out / f"{source.stem}.pdf"
        assert converted.is_file() and converted.stat().st_size > 5000, f"LibreOffice could not convert {source.name}"


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
    first = zipfile.ZipFile(io.BytesIO(rendered["downloads/cypp-template.odt"])).infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
