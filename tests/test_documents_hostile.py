"""Editor text in the model documents stays text, in every format; the PDF renderer fetches nothing.

An area file full of markup, template syntax and script is rendered to DOCX,
ODT and PDF, and built into the site: each string must appear exactly as
written, and none may act.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys

import docx
import pytest
from bs4 import BeautifulSoup
from odf import teletype
from odf.opendocument import load as load_odt
from odf.text import P
from pypdf import PdfReader

from trustdocs.pipeline.load import load_with_area
from trustdocs.rendering.documents.catalogue import area_documents
from trustdocs.rendering.documents.convert import render
from trustdocs.rendering.documents.pdf import render_pdf
from trustdocs.rendering.documents.source import DocumentError

pytestmark = pytest.mark.slow  # renders documents from hostile data and builds the site

HOSTILE = {
    "name": "Evil <script>alert(1)</script>",
    "local_authority": "Council | with | pipes",
    "chair": '{{ config }} {: onclick="alert(1)" } *stars*',
    "vice_chair": "[click](javascript:alert(1)) <img src=x onerror=alert(1)>",
    "lscb_chair": "# not a heading &amp; @cite $x$ ~sub~ ^sup^",
}

AREA = """id: evil
name: {name}
summary: A made-up area whose fields are full of markup.
area_type: unitary
fictional: "true"
local_authority: '{local_authority}'
trust_name: Evil Trust Board
bodies:
  - partner: local-authority
    names: ['{local_authority}']
  - partner: police
    names: [Police]
  - partner: probation
    names: [Probation]
  - partner: youth-offending-teams
    names: [YOT]
  - partner: strategic-health-authorities
    names: [SHA]
  - partner: primary-care-trusts
    names: [PCT]
  - partner: connexions
    names: [Connexions]
  - partner: learning-and-skills-council
    names: [LSC]
chair: '{chair}'
vice_chair: '{vice_chair}'
lscb_chair: '{lscb_chair}'
schools_representatives: "3"
voluntary_sector_representatives: "2"
quorum: "6"
meetings_per_year: "6"
papers_days: "5"
review_months: "12"
plan_period: {{from: "2010", to: "2013"}}
cites:
  - {{source: southwark-2009, para: "4"}}
"""


@pytest.fixture(scope="module")
def evil(tmp_path_factory, root):
    folder = tmp_path_factory.mktemp("hostile")
    area_file = folder / "evil.yml"
    area_file.write_text(AREA.format(**{k: v.replace("'", "''") for k, v in HOSTILE.items()}), encoding="utf-8")
    data, area_id = load_with_area(root / "data", area_file)
    return data, data.area(area_id), area_file


@pytest.fixture(scope="module")
def constitution_files(evil):
    data, area, _ = evil
    source = area_documents(data, area)[0]
    return {fmt: render(source, fmt) for fmt in ("docx", "odt", "pdf")}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_docx_shows_editor_text_literally(constitution_files):
    document = docx.Document(io.BytesIO(constitution_files["docx"]))
    text = _squash(
        "\n".join(p.text for p in document.paragraphs)
        + " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    )
    for value in HOSTILE.values():
        assert value in text, value
    core = document.tables[0]
    assert all(len(row.cells) == 3 for row in core.rows)  # the pipes did not split a cell
    assert ["Council | with | pipes"] == [c.text for c in core.rows[1].cells][2:]
    assert not re.search(rb"<w:hyperlink[^>]*r:id", constitution_files["docx"])  # no external link was made


def test_odt_shows_editor_text_literally(constitution_files):
    text = _squash(
        "\n".join(teletype.extractText(p) for p in load_odt(io.BytesIO(constitution_files["odt"])).getElementsByType(P))
    )
    for value in HOSTILE.values():
        assert value in text, value
    assert b"javascript:" not in constitution_files["odt"].replace(b"(javascript:alert(1))", b"")


def test_pdf_shows_editor_text_literally(constitution_files):
    text = _squash(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(constitution_files["pdf"])).pages))
    for value in HOSTILE.values():
        assert _squash(value) in text, value
    reader = PdfReader(io.BytesIO(constitution_files["pdf"]))
    uris = [
        a.get_object()["/A"].get("/URI")
        for page in reader.pages
        for a in page.get("/Annots", []) or []
        if "/A" in a.get_object()
    ]
    assert not [u for u in uris if u], uris  # links are internal only


QUESTION = 'Is <b>this</b> [safe](javascript:alert(1)) | {{ config }} {: onclick="x" } *really*?'
GUIDANCE_CONSULTATION = "consultations/statutory-guidance-consultation-2008.yml"
Q1 = """    text: >-
      Does the guidance help bring about the step change and cultural change
      needed to meet the ambitions of the Children's Plan?
"""


def test_site_page_shows_editor_text_literally(data_copy, tmp_path):
    evil_area = AREA.format(**{k: v.replace("'", "''") for k, v in HOSTILE.items()})
    data_copy.write("areas/evil.yml", evil_area)
    data_copy.replace(GUIDANCE_CONSULTATION, Q1, "    text: '" + QUESTION.replace("'", "''") + "'\n")
    result, out = data_copy.build_site()
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "respond/index.html"):
        built = BeautifulSoup(
            (out / "consultations" / "statutory-guidance-consultation-2008" / page).read_text(), "html.parser"
        )
        article = built.find("article")
        assert QUESTION in _squash(article.get_text()), page
        assert article.find_all("b") == [] and article.find_all("script") == []
        assert not [a for a in article.find_all("a", href=True) if a["href"].startswith("javascript:")]
        assert [(t.name, a) for t in article.find_all(True) for a in t.attrs if a.startswith("on")] == []
    page = (out / "documents" / "evil" / "trust-board-constitution" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    # Material's <title> used to decode the escaped name back into a real <script> element.
    assert soup.title.get_text().startswith(
        "Model constitution for a Children's Trust Board: Evil <script>alert(1)</script>"
    )
    assert len(soup.find_all("script", string=lambda text: text and "alert(1)" in text)) == 0
    article = soup.find("article")
    assert article.find_all("script") == [] and article.find_all("img") == []
    assert [(tag.name, attr) for tag in article.find_all(True) for attr in tag.attrs if attr.startswith("on")] == []
    assert [
        a["href"] for a in article.find_all("a", href=True) if a["href"].strip().lower().startswith("javascript:")
    ] == []
    text = _squash(article.get_text())
    for value in HOSTILE.values():
        assert value in text, value
    core = article.find("h3", id="core-members").find_next("table")
    assert {len(row.find_all(["td", "th"])) for row in core.find_all("tr")} == {3}


def test_printable_response_form_shows_a_question_literally_in_every_format(root):
    import dataclasses

    from trustdocs.pipeline.load import load_dataset
    from trustdocs.rendering.consultations.printable import printable_form

    data = load_dataset(root / "data")
    c = data.consultations[0]
    c = dataclasses.replace(c, questions=(dataclasses.replace(c.questions[0], text=QUESTION), *c.questions[1:]))
    source = printable_form(data, c)
    files = {fmt: render(source, fmt) for fmt in ("docx", "odt", "pdf")}
    docx_text = _squash("\n".join(p.text for p in docx.Document(io.BytesIO(files["docx"])).paragraphs))
    odt_text = _squash(
        "\n".join(teletype.extractText(p) for p in load_odt(io.BytesIO(files["odt"])).getElementsByType(P))
    )
    pdf_text = _squash(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(files["pdf"])).pages))
    for text in (docx_text, odt_text, pdf_text):
        assert QUESTION in text


# --- the PDF renderer's fetcher ------------------------------------------------

PAGE = '<!DOCTYPE html><html lang="en-GB"><head><title>t</title>{head}</head><body><p>x</p>{body}</body></html>'


@pytest.mark.parametrize(
    "head, body, refused",
    [
        ("", '<img src="https://example.org/tracker.png" alt="">', "https://example.org/tracker.png"),
        ("", '<img src="http://127.0.0.1:9/x.png" alt="">', "http://127.0.0.1:9/x.png"),
        ('<link rel="stylesheet" href="file:///etc/passwd">', "", "file:///etc/passwd"),
        ('<link rel="stylesheet" href="../convert.py">', "", "convert.py"),
        ("<style>@import url('https://example.org/x.css');</style>", "", "https://example.org/x.css"),
        (
            "<style>@font-face { font-family: x; src: url(ftp://example.org/f.ttf); }</style>"
            "<style>p { font-family: x; }</style>",
            "",
            "ftp://example.org/f.ttf",
        ),
    ],
)
def test_pdf_rendering_refuses_anything_but_own_assets(head, body, refused):
    with pytest.raises(DocumentError, match=re.escape(refused)):
        render_pdf(PAGE.format(head=head, body=body), "test")


def test_pdf_rendering_reads_its_own_stylesheet():
    pdf = render_pdf(PAGE.format(head='<link rel="stylesheet" href="print.css">', body=""), "test")
    assert pdf.startswith(b"%PDF-")


# --- the command line ------------------------------------------------------------


def _documents(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "trustdocs.cli", "documents", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_documents_command_writes_an_areas_set_with_progress(root, tmp_path):
    out = tmp_path / "out"
    result = _documents(
        "--area", "data/areas/southwark.yml", "--format", "docx", "--format", "md", "--out", str(out), cwd=root
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "southwark-cypp-template.docx",
        "southwark-cypp-template.md",
        "southwark-trust-board-constitution.docx",
        "southwark-trust-board-constitution.md",
    ]
    assert "[4/4] downloads/southwark/southwark-cypp-template.md" in result.stderr
    assert "Southwark Council" in (out / "southwark-trust-board-constitution.md").read_text(encoding="utf-8")


def test_documents_command_rejects_a_bad_area_and_writes_nothing(root, tmp_path):
    area = tmp_path / "mine.yml"
    text = (root / "data" / "areas" / "wessex.yml").read_text(encoding="utf-8")
    area.write_text(text.replace("id: wessex", "id: mine").replace('quorum: "8"', 'quorum: "eight"'), encoding="utf-8")
    out = tmp_path / "out"
    result = _documents("--area", str(area), "--out", str(out), cwd=root)
    assert result.returncode == 1
    line = text.splitlines().index('quorum: "8"') + 1
    assert (
        result.stderr.splitlines()[0]
        == f"{area}:{line}:9: $.quorum: 'eight' is not in the expected form: A whole number from 1 to 99."
    )
    assert "Traceback" not in result.stderr
    assert not out.exists()
