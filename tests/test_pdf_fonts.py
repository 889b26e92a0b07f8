"""PDFs do not depend on the machine's fonts.

The print stylesheet names only the faces shipped in
``trustdocs/assets/fonts/``; a character those faces cannot draw is an
error, never a silent fall-back to a machine font. The proof: the same
documents rendered under three fontconfig set-ups (no fonts at all; Debian's
``fonts-liberation`` alone; that plus the conflicting ``fonts-liberation2`` and
``fonts-dejavu-core``) are byte-identical, and pdffonts lists only our faces,
embedded and subset.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tooling import require_commands, require_tools

from trustdocs.core import fonts
from trustdocs.rendering.documents.pdf import render_pdf
from trustdocs.rendering.documents.source import ASSETS, DocumentError

pytestmark = pytest.mark.slow  # renders PDFs in three processes

# The Debian packages whose fonts would otherwise be picked for "Liberation Sans" or sans-serif.
SYSTEM_FONT_DIRS = {
    "fonts-liberation": Path("/usr/share/fonts/truetype/liberation"),
    "fonts-liberation2": Path("/usr/share/fonts/truetype/liberation2"),
    "fonts-dejavu-core": Path("/usr/share/fonts/truetype/dejavu"),
}
SETUPS = {
    "no fonts": (),
    "fonts-liberation alone": ("fonts-liberation",),
    "liberation, liberation2 and dejavu": ("fonts-liberation", "fonts-liberation2", "fonts-dejavu-core"),
}


def _fontconfig(tmp: Path, name: str, packages: tuple[str, ...]) -> Path:
    dirs = "".join(f"<dir>{SYSTEM_FONT_DIRS[p]}</dir>" for p in packages)
    config = tmp / f"{name.replace(' ', '-').replace(',', '')}.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig>{dirs}<cachedir>{tmp / ('cache-' + config.stem)}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return config


@pytest.fixture(scope="module")
def renders(tmp_path_factory, root) -> dict[str, dict[str, bytes]]:
    """The generic model documents as PDF, rendered in a fresh process under each fontconfig set-up."""
    require_tools(
        [f"{p} (run make setup-checks): {d} is missing" for p, d in SYSTEM_FONT_DIRS.items() if not d.is_dir()]
    )
    tmp = tmp_path_factory.mktemp("fontconfig")
    out: dict[str, dict[str, bytes]] = {}
    for name, packages in SETUPS.items():
        target = tmp / f"out-{len(out)}"
        env = {
            **os.environ,
            "FONTCONFIG_FILE": str(_fontconfig(tmp, name, packages)),
            "TRUSTDOCS_DOCUMENT_CACHE": "off",
            "PYTHONWARNINGS": "ignore",
        }
        env.pop("SOURCE_DATE_EPOCH", None)
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "trustdocs.cli",
                "--data",
                str(root / "data"),
                "documents",
                "--format",
                "pdf",
                "--out",
                str(target),
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        out[name] = {p.name: p.read_bytes() for p in sorted(target.glob("*.pdf"))}
    return out


def test_pdfs_are_identical_whatever_fonts_the_machine_has(renders):
    digests = {name: {f: hashlib.sha256(b).hexdigest() for f, b in files.items()} for name, files in renders.items()}
    first = digests["no fonts"]
    assert sorted(first) == ["model-cypp-template.pdf", "model-trust-board-constitution.pdf"]
    for name, files in digests.items():
        assert files == first, f"PDFs made with {name} differ from those made with no machine fonts"


def test_pdffonts_lists_only_the_bundled_faces_embedded_and_subset(renders, tmp_path):
    require_commands("pdffonts")
    pdf = tmp_path / "constitution.pdf"
    pdf.write_bytes(renders["liberation, liberation2 and dejavu"]["model-trust-board-constitution.pdf"])
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert lines, "pdffonts found no fonts"
    for line in lines:
        name, *_, emb, sub, _uni, _obj, _gen = line.split()
        assert re.fullmatch(r"[A-Z]{6}\+TrustDocs-Sans(-Bold|-Italic|-BoldItalic)?", name), line
        assert (emb, sub) == ("yes", "yes"), line


def test_the_stylesheet_names_only_the_bundled_family():
    css = (ASSETS / "print.css").read_text(encoding="utf-8")
    families = set(re.findall(r"font-family:\s*([^;}]+)", css))
    assert families == {f'"{fonts.FAMILY}"'}
    for (weight, style), file in fonts.FACES.items():
        assert f'src: url("fonts/{file}"); font-weight: {weight}; font-style: {style};' in css
        assert (fonts.FONTS_DIR / file).is_file()
    assert "SIL OPEN FONT LICENSE Version 1.1" in (fonts.FONTS_DIR / "OFL.txt").read_text(encoding="utf-8")


def test_the_fonts_cover_what_the_data_uses():
    assert fonts.uncovered("Children’s Trust – £5, “quorum”: café") == []
    assert fonts.uncovered("Plan 中文 ✓ 中") == ["中", "文", "✓"]


def test_a_character_the_fonts_cannot_draw_stops_the_pdf():
    page = '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><p>Tick ✓</p></body></html>'
    with pytest.raises(DocumentError, match=r"tick\.pdf: .*U\+2713 CHECK MARK"):
        render_pdf(page, "tick")


def test_a_character_the_fonts_cannot_draw_is_a_data_error(data_copy):
    data_copy.replace("partners.yml", "name: Police", "name: Police ✓")
    line = data_copy.line_of("partners.yml", "name: Police ✓")
    result = subprocess.run(
        [sys.executable, "-m", "trustdocs.cli", "validate"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert re.search(
        rf"^data/partners\.yml:{line}:\d+: \$\.partners\[\d+\]\.name: the documents' font cannot print "
        r"U\+2713 CHECK MARK",
        result.stderr,
        re.M,
    ), result.stderr


def test_a_pdf_is_the_same_whatever_the_process_rendered_before():
    """The stylesheet and fonts are set up once per process and shared: nothing one document does may reach the next."""
    from trustdocs.rendering.documents import pdf
    from trustdocs.rendering.documents.convert import render
    from trustdocs.rendering.documents.source import DocumentSource

    def source(slug: str, body: str) -> DocumentSource:
        return DocumentSource(slug, f"Document {slug}", f"# Document {slug}\n\n{body}\n", ("data/board.yml",))

    plain = source("plain", "Plain text.")
    other = source("other", "**Bold**, *italic*, `code`.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n## A heading")
    pdf._set_up.cache_clear()
    first = render(plain, "pdf")  # in a fresh set-up
    render(other, "pdf")
    assert render(plain, "pdf") == first  # after another document, with the same set-up
