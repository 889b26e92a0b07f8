"""The form "Get documents for your area": its rules come from the schema, and a file it saves round-trips.

The browser tests fill in the form in Debian's Chromium, as a council officer
would: the error summary first, then a saved ``data/areas/NAME.yml`` that
``trustdocs validate`` accepts, that ``trustdocs documents --area`` turns into
every document, and that, added to ``data/areas/``, gives the area its own
published set with its name in every file name.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tooling import require_tools, site_html

from checks.accessibility import AXE_JS, AXE_OPTIONS, _counts, _describe
from checks.accessibility import missing_tools as missing_accessibility_tools
from checks.browser import chromium
from checks.serve import serve
from trustdocs.core import fonts
from trustdocs.core.escape import md
from trustdocs.pipeline.load import load_dataset, load_with_area
from trustdocs.rendering import paths
from trustdocs.rendering.documents.catalogue import download_path, model_documents
from trustdocs.rendering.documents.constitution import constitution
from trustdocs.rendering.pages.area_form import (
    MODELINE,
    area_form,
    area_form_page,
    form_cites,
    illustrative_fields,
    members_cites,
    printable_ranges,
    rule,
    taken_ids,
    template,
    template_file,
)

ROOT = Path(__file__).resolve().parent.parent


# --- the page, without a browser -------------------------------------------------------


def test_the_form_checks_what_the_schema_says(dataset):
    form = area_form(dataset)
    assert f'data-pattern="{rule("count")["pattern"]}"' in form
    assert f'data-pattern="{rule("year")["pattern"]}"' in form
    assert f'data-pattern="{rule("id")["pattern"]}"' in form
    assert f'data-maxlength="{rule("name")["maxLength"]}"' in form
    assert f'data-maxlength="{rule("summary")["maxLength"]}"' in form
    assert f'data-max-names="{rule("bodies")["items"]["properties"]["names"]["maxItems"]}"' in form
    for p in dataset.partners:
        if p.category in ("local-authority", "relevant-partner"):
            assert f'data-partner="{p.id}" data-area-types="{" ".join(p.area_types)}"' in form
    assert 'data-taken-ids="' in form and " southwark " in f" {' '.join(taken_ids(dataset))} "
    assert "police" in taken_ids(dataset) and "note-safeguarding" in taken_ids(dataset)
    for field in ("quorum", "chair", "plan_period", "bodies"):
        assert field in illustrative_fields()
    assert "additional_members" not in illustrative_fields()
    # The other members: optional, each role as long as the schema allows, as many lines as it allows.
    role = rule("additional_members", "items", "properties", "role")
    assert role["maxLength"] == rule("name")["maxLength"]
    assert (
        f'name="additional_members" rows="4" aria-describedby="area-additional-members-hint" '
        f'data-label="Other members of the Board" data-maxlength="{role["maxLength"]}"'
    ) in form
    assert f'data-max-lines="{rule("additional_members")["maxItems"]}"' in form
    assert 'name="additional_members"' in form.split('id="area-board"')[1].split("</fieldset>")[0]  # "The Board"
    # The page lists every field in the schema's order; the script drops the other members when there are none.
    assert illustrative_fields(members=True) == rule("illustrative")["items"]["enum"]
    assert f'data-illustrative="{" ".join(illustrative_fields(members=True))}"' in form


def test_the_form_knows_which_characters_the_documents_can_print():
    ranges = printable_ranges()
    covered = set()
    for item in ranges.split():
        first, _, last = item.partition("-")
        covered |= set(range(int(first, 16), int(last or first, 16) + 1))
    assert covered == set(fonts.covered())


def test_a_saved_file_cites_the_2008_paragraphs_on_the_members_an_area_chooses(dataset):
    assert [(c.source, c.para) for c in form_cites(dataset)] == [
        ("legislative-options-2008", "46"),
        ("legislative-options-2008", "47"),
    ]


def test_the_page_gives_the_command_line_route_and_the_areas(dataset):
    page = area_form_page(dataset)
    assert page.path == paths.AREA_FORM == "documents/your-area.md"
    assert page.markdown.startswith("# Get documents for your area\n")
    assert "    trustdocs documents --area your-area.yml --out your-documents\n" in page.markdown
    assert "[Southwark](../areas/southwark.md)" in page.markdown
    # The scripts are files from the site's assets, loaded by this page only: the error summary the two forms
    # share, then the form's own.
    assert page.markdown.count("<script") == 2
    assert (
        '</form><script src="../../assets/javascripts/form-errors.js"></script>'
        '<script src="../../assets/javascripts/area-form.js"></script>\n'
    ) in page.markdown


def test_the_file_to_fill_in_by_hand_is_itself_a_valid_area_file_for_either_kind_of_area(dataset, tmp_path):
    """The route without JavaScript: the template loads as a unitary area, and as a two-tier one once its
    district council lines are uncommented as its notes say."""
    text = template(dataset)
    assert text.startswith(MODELINE + "\n")
    unitary = tmp_path / "your-area.yml"
    unitary.write_text(text, encoding="utf-8")
    data, area_id = load_with_area(ROOT / "data", unitary)
    area = data.area(area_id)
    assert area.area_type == "unitary" and not area.fictional
    assert set(illustrative_fields()) <= area.illustrative
    assert [(c.source, c.para) for c in area.cites] == [(c.source, c.para) for c in form_cites(dataset)]
    # each seat in clause 4.1 and its row in the signature table
    assert constitution(data, area).markdown.count("Name of the body") == 2 * (len(data.seat_partners("unitary")) - 1)

    # As its notes say, removing the # from the other members' lines adds them to the constitution.
    assert "# additional_members:\n" in text and "  # - additional_members\n" in text
    members = text.replace("# additional_members:", "additional_members:").replace("#   - role:", "  - role:")
    members = members.replace("#     cites:", "    cites:").replace("#       - {source", "      - {source")
    members = members.replace("  # - additional_members", "  - additional_members")
    (tmp_path / "members").mkdir()
    (tmp_path / "members" / "your-area.yml").write_text(members, encoding="utf-8")
    data, area_id = load_with_area(ROOT / "data", tmp_path / "members" / "your-area.yml")
    area = data.area(area_id)
    assert [m.role for m in area.additional_members] == ["The Leader of the Council"]
    assert area.is_illustrative("additional_members")
    markdown = constitution(data, area).markdown
    assert "The Board also includes:\n\n- The Leader of the Council" in markdown
    # No source states them: each cites what the 2008 proposals said about seats beyond the core (not the
    # schools and voluntary sector paragraphs the file cites), and no note says a source reports them.
    cited = {(c.source, c.para) for m in area.additional_members for c in m.cites}
    assert (
        cited
        == {(c.source, c.para) for c in members_cites(dataset)}
        == {("legislative-options-2008", "44"), ("legislative-options-2008", "45")}
    )
    assert "{#note-other-members}" not in markdown and "reports them as" not in markdown
    assert "{#note-local-members}" in markdown and "Every value for Your area is illustrative" in markdown

    two_tier = text.replace('area_type: "unitary"', 'area_type: "two-tier"').replace("  # - partner:", "  - partner:")
    two_tier = two_tier.replace("  #   names:", "    names:")
    (tmp_path / "two").mkdir()
    (tmp_path / "two" / "your-area.yml").write_text(two_tier, encoding="utf-8")
    data, area_id = load_with_area(ROOT / "data", tmp_path / "two" / "your-area.yml")
    assert data.area(area_id).bodies["district-councils"] == ("First District Council", "Second District Council")


def test_the_file_to_fill_in_is_published_beside_the_downloads_and_linked_for_those_without_javascript(dataset):
    files = template_file(dataset)
    assert list(files) == [paths.AREA_TEMPLATE] == ["downloads/your-area.yml"]
    page = area_form_page(dataset, {paths.AREA_TEMPLATE: 2_300})
    assert "[your-area.yml](../downloads/your-area.yml) (text file, 2 KB)" in page.markdown
    assert "download the file to fill in</a>" in area_form(dataset)  # in the message shown without JavaScript


@pytest.mark.slow
def test_an_area_file_added_to_data_areas_publishes_its_own_set_named_after_it(dataset, data_copy):
    """What an editor does with a saved file: add it to data/areas/ and build; the site then has its set."""
    text = template(dataset).replace('id: "your-area"', 'id: "mercia"').replace('name: "Your area"', 'name: "Mercia"')
    data_copy.write("areas/mercia.yml", text)
    result, out = data_copy.build_site()
    assert result.returncode == 0, result.stderr
    published = sorted(p.name for p in (out / "downloads" / "mercia").iterdir())
    assert published == sorted(
        f"mercia-{doc}.{fmt}" for doc in ("cypp-template", "trust-board-constitution") for fmt in ("docx", "odt", "pdf")
    )
    area_page = (out / "areas" / "mercia" / "index.html").read_text(encoding="utf-8")
    assert "Before you adopt its documents" in area_page and "mercia-trust-board-constitution.docx" in area_page
    constitution_page = (out / "documents" / "mercia" / "trust-board-constitution" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "Every value for Mercia is illustrative" in constitution_page
    form_page = (out / "documents" / "your-area" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../areas/mercia/"' in form_page  # listed among the areas on the site
    assert (out / paths.AREA_TEMPLATE).read_text(encoding="utf-8") == template(load_dataset(data_copy.path))


# --- in a browser --------------------------------------------------------------------


def build_page(dataset, site: Path) -> str:
    """The page as MkDocs renders it, with the site's script and stylesheet; returns its path."""
    body = site_html(area_form_page(dataset).markdown)
    target = site / "documents" / "your-area"
    target.mkdir(parents=True)
    (target / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Your area</title></head><body><main>'
        f"{body}</main></body></html>",  # the page loads the form's script itself
        encoding="utf-8",
    )
    for asset in ("javascripts/form-errors.js", "javascripts/area-form.js", "stylesheets/consultations.css"):
        (site / "assets" / asset).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / "assets" / asset, site / "assets" / asset)
    return "documents/your-area/"


def focused_id(tab) -> str:
    return tab.evaluate("() => document.activeElement && document.activeElement.id")


def axe_violations(tab) -> list[str]:
    """What the accessibility gate would report for the form as it stands (errors shown, file offered).

    Only the form: this page has none of the theme's styles, which the gate's audit of the built page includes.
    """
    results = tab.evaluate("(options) => axe.run('#area-form', options)", AXE_OPTIONS)
    return [_describe(v) for v in results["violations"] if _counts(v)]


# Two other members of the Board: the first needs quoting in YAML (a colon and a space, and quotation marks).
LEADER = 'The Leader of the Council: schools, "attainment" and post-16'
CONSTABLE = "The Chief Constable"


def fill_two_tier(tab) -> None:
    """A made-up two-tier county, with names the YAML loader would misread if they were written bare."""
    tab.fill("#area-name", "Mercia: North & East")
    tab.fill("#area-summary", 'A county "of the shires", with #hashes and: colons.\nOn two lines.')
    tab.check("#area-area-type-two-tier")
    tab.check("#area-fictional-true")
    tab.fill("#area-local-authority", "Mercia County Council")
    tab.fill("#area-trust-name", "Mercia Children's Trust Board")
    tab.fill("#area-chair", "The Lead Member for Children's Services")
    tab.fill("#area-vice-chair", "NO")  # YAML 1.1 would read a bare NO as false
    tab.fill("#area-lscb-chair", "An independent chair")
    tab.fill("#area-additional-members", f"{LEADER}\n\n  {CONSTABLE}  \n")  # blank lines and spaces go
    tab.fill("#area-body-district-councils", "Tamworth Borough Council\n\nLichfield District Council\n")
    for partner, name in (
        ("police", "Mercia Constabulary"),
        ("probation", "Mercia Probation Area"),
        ("youth-offending-teams", "Mercia Youth Offending Team"),
        ("strategic-health-authorities", "NHS West Mercia"),
        ("primary-care-trusts", "NHS Mercia"),
        ("connexions", "Connexions Mercia"),
        ("learning-and-skills-council", "Learning and Skills Council (Mercia)"),
    ):
        tab.fill(f"#area-body-{partner}", name)
    for field, value in (
        ("schools-representatives", "4"),
        ("voluntary-sector-representatives", "2"),
        ("quorum", "07"),  # fixed below: 07 is not a count
        ("meetings-per-year", "6"),
        ("papers-days", "5"),
        ("review-months", "12"),
        ("plan-from", "2011"),
        ("plan-to", "2014"),
    ):
        tab.fill(f"#area-{field}", value)


@pytest.mark.browser
@pytest.mark.slow
def test_a_file_saved_from_the_form_validates_and_makes_every_document(dataset, tmp_path):
    require_tools(missing_accessibility_tools())
    path = build_page(dataset, tmp_path / "site")
    requests: list[str] = []
    with serve(tmp_path / "site") as base_url, chromium() as browser:
        without = browser.new_context(java_script_enabled=False)
        plain = without.new_page()
        plain.goto(base_url + path, wait_until="load")
        assert plain.is_visible("[data-area-no-script]") and not plain.is_visible("#area-name")
        assert plain.get_attribute("[data-area-no-script] a", "href") == "../../downloads/your-area.yml"
        without.close()

        context = browser.new_context(accept_downloads=True)
        context.add_init_script(path=str(AXE_JS))
        context.on("request", lambda request: requests.append(request.url))
        tab = context.new_page()
        tab.goto(base_url + path, wait_until="load")
        assert tab.is_visible("button:has-text('Make the file')")
        assert not tab.is_visible("[data-area-no-script]")
        assert not tab.is_visible("#area-body-district-councils")  # until a two-tier area is chosen

        tab.click("button:has-text('Make the file')")
        summary = tab.locator("#area-errors")
        assert summary.is_visible() and focused_id(tab) == "area-errors"
        assert tab.title() == "Error: Your area"
        messages = summary.locator("a").all_inner_texts()
        assert messages[:2] == ["Enter the name of your area", "Enter a short name for the file"]
        assert "Select the kind of area" in messages and "Enter the quorum" in messages
        assert "Enter the name of the body for police and police authorities" in messages
        assert not [
            m for m in messages if "role" in m or "other members" in m.lower()
        ]  # the other members are optional
        assert tab.locator("#area-name-error").text_content() == "Error: Enter the name of your area"
        assert "area-name-error" in tab.get_attribute("#area-name", "aria-describedby")
        assert axe_violations(tab) == []  # the gate audits pages as they load; this is the form with its errors
        summary.locator("a").first.click()
        assert focused_id(tab) == "area-name"

        fill_two_tier(tab)
        assert tab.input_value("#area-id") == "mercia-north-and-east"  # made from the name
        assert tab.input_value("#area-body-local-authority") == "Mercia County Council"  # copied from the council
        tab.fill("#area-lscb-chair", "the lead member for children's services")
        tab.fill("#area-id", "police")
        tab.click("button:has-text('Make the file')")
        assert summary.locator("a").all_inner_texts() == [  # in the order of the form
            "The short name police is already used on the site: choose another",
            "The Local Safeguarding Children Board needs a different chair from the Board",
            "Quorum must be a whole number from 1 to 99",
        ]

        tab.fill("#area-quorum", "7")
        tab.fill("#area-id", "mercia")
        tab.fill("#area-lscb-chair", "An independent chair \u202e")  # the loader refuses bidirectional controls
        tab.click("button:has-text('Make the file')")
        assert summary.locator("a").all_inner_texts() == [
            "Who chairs the Local Safeguarding Children Board has a character the documents cannot print "
            "(U+202E): use a plain letter or punctuation mark"
        ]
        tab.fill("#area-lscb-chair", "An independent chair")
        tab.click("button:has-text('Make the file')")
        assert not summary.is_visible() and tab.title() == "Your area"
        assert tab.is_visible("#area-saved") and focused_id(tab) == "area-saved"
        assert axe_violations(tab) == []
        with tab.expect_download() as download:
            tab.click("#area-download")
        assert download.value.suggested_filename == "mercia.yml"
        saved = tmp_path / "mercia.yml"
        download.value.save_as(saved)
        shown = tab.text_content("#area-file")
        context.close()

    assert all(url.startswith(base_url) or url.startswith("blob:") for url in requests), requests
    text = saved.read_text(encoding="utf-8")
    assert shown == text
    assert text.startswith(MODELINE + "\n# Mercia: North & East: the choices")  # the schema line every data file has
    assert 'vice_chair: "NO"' in text and 'names: ["Tamworth Borough Council", "Lichfield District Council"]' in text
    cites = "".join(f'      - {{source: {c.source}, para: "{c.para}"}}\n' for c in members_cites(dataset))
    assert (
        f'lscb_chair: "An independent chair"\nadditional_members:\n'
        f'  - role: "{LEADER.replace(chr(34), chr(92) + chr(34))}"\n    cites:\n{cites}'
        f'  - role: "{CONSTABLE}"\n    cites:\n{cites}schools_representatives:'
    ) in text
    assert "  - lscb_chair\n  - additional_members\n  - schools_representatives\n" in text

    # The saved file passes `trustdocs validate` as an area file, and `trustdocs documents --area` makes every document.
    result = subprocess.run(
        [sys.executable, "-m", "trustdocs.cli", "documents", "--area", str(saved), "--out", str(tmp_path / "out")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    made = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert made == sorted(
        f"mercia-{doc}.{fmt}"
        for doc in ("cypp-template", "trust-board-constitution")
        for fmt in ("docx", "md", "odt", "pdf")
    )
    constitution = (tmp_path / "out" / "mercia-trust-board-constitution.md").read_text(encoding="utf-8")
    assert "Mercia County Council sets up and maintains the Board." in constitution
    assert "Lichfield District Council" in constitution and "NO is vice-chair" in constitution
    assert f"The Board also includes:\n\n- {md(LEADER)}\n- {CONSTABLE}\n" in constitution
    assert "Mercia: North &amp; East is a made-up area" in constitution or "Mercia: North" in constitution

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.copy(saved, data / "areas" / "mercia.yml")
    result = subprocess.run(
        [sys.executable, "-m", "trustdocs.cli", "--data", str(data), "validate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    added = load_dataset(data)
    area = added.area("mercia")
    assert area.area_type == "two-tier" and area.fictional and area.quorum == 7
    assert area.is_illustrative("chair") and area.is_illustrative("bodies")
    assert [m.role for m in area.additional_members] == [LEADER, CONSTABLE]
    assert area.is_illustrative("additional_members")
    assert all(m.cites == members_cites(added) for m in area.additional_members)
    published = [download_path(s, "pdf") for s in model_documents(added) if s.slug.startswith("mercia/")]
    assert published == [
        "downloads/mercia/mercia-trust-board-constitution.pdf",
        "downloads/mercia/mercia-cypp-template.pdf",
    ]


@pytest.mark.browser
@pytest.mark.slow
def test_the_other_members_are_optional_but_each_role_is_checked(dataset, tmp_path):
    require_tools(missing_accessibility_tools())
    path = build_page(dataset, tmp_path / "site")
    role = rule("additional_members", "items", "properties", "role")["maxLength"]
    most = rule("additional_members")["maxItems"]
    with serve(tmp_path / "site") as base_url, chromium() as browser:
        tab = browser.new_page()
        tab.goto(base_url + path, wait_until="load")
        summary = tab.locator("#area-errors")

        def errors() -> list[str]:
            tab.click("button:has-text('Make the file')")
            return [m for m in summary.locator("a").all_inner_texts() if "role" in m or "other members" in m.lower()]

        tab.fill("#area-additional-members", "\n  \n")  # blank lines are no one
        assert errors() == []
        tab.fill("#area-additional-members", "The Chief Constable\n" + "x" * (role + 1))
        assert errors() == [f"Each role must be {role} characters or fewer"]
        assert tab.locator("#area-additional-members-error").text_content() == (
            f"Error: Each role must be {role} characters or fewer"
        )
        described = tab.get_attribute("#area-additional-members", "aria-describedby").split()
        assert described == ["area-additional-members-hint", "area-additional-members-error"]
        summary.locator("a", has_text="Each role must be").click()
        assert focused_id(tab) == "area-additional-members"

        tab.fill("#area-additional-members", "x" * role)  # exactly the limit is allowed
        assert errors() == []
        assert tab.get_attribute("#area-additional-members", "aria-describedby") == "area-additional-members-hint"
        tab.fill("#area-additional-members", "\n".join(f"Member {n}" for n in range(most + 1)))
        assert errors() == [f"Enter no more than {most} other members"]
        tab.fill("#area-additional-members", "The Chief Constable\nthe chief constable")
        assert errors() == ["Each role must be different: the chief constable is there twice"]
        tab.fill("#area-additional-members", "The Chief Constable \u200b")  # the loader refuses zero-width spaces
        assert errors() == [
            "Other members of the Board has a character the documents cannot print (U+200B): "
            "use a plain letter or punctuation mark"
        ]
