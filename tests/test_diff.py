"""`trustdocs diff`: what a data change does, most important first (issue 17)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from trustdocs.pipeline.diff import as_markdown, compare

pytestmark = pytest.mark.slow  # generates every page twice


@pytest.fixture
def base(root, tmp_path):
    target = tmp_path / "base" / "data"
    shutil.copytree(root / "data", target)
    return target


def test_a_changed_strength_names_the_duty_the_old_and_new_strength_and_every_page_and_download(base, data_copy):
    data_copy.replace("duties.yml", "        strength: may", "        strength: must")
    report = compare(base, data_copy.path)
    (old, new, fields) = report.changed[0]
    assert old.id == "pool-budgets-and-share-resources" and fields == ["status"]
    text = as_markdown(report, "https://guidance.example.gov.uk/")
    assert text.index("### Changes readers will notice most") < text.index("### Pages changed")
    assert "- **Pool budgets and share resources** (`pool-budgets-and-share-resources` in `data/duties.yml`)" in text
    assert "- `status[0].strength`: `may` → `must`" in text
    assert (
        "[duties/pool-budgets-and-share-resources/](https://guidance.example.gov.uk/duties/pool-budgets-and-share-resources/)"
        in text
    )
    assert "partners/police/" in text and "duties/matrix/" in text
    assert "### Downloads that change" not in text  # no document states the power's strength


def test_a_changed_board_rule_lists_the_downloads_it_changes(base, data_copy):
    data_copy.replace(
        "board.yml",
        "Each partner stays responsible for its own existing functions",
        "Each partner keeps its own functions",
    )
    text = as_markdown(compare(base, data_copy.path))
    assert "(`rule-partners-keep-functions` in `data/board.yml`): `text`" in text
    for fmt in ("pdf", "docx", "odt"):
        assert f"downloads/trust-board-constitution.{fmt}" in text
        assert f"downloads/southwark/trust-board-constitution.{fmt}" in text


def test_a_new_partner_is_an_added_record_with_its_new_page(base, data_copy):
    data_copy.write(
        "partners.yml",
        data_copy.text("partners.yml")
        + """
  - id: test-new-partner
    name: Newly added partners
    category: other-partner
    summary: A partner added only by editing partners.yml.
    statutory_basis: None
    area_types: [unitary]
    status_history:
      - status: other-partner
        from: 2009
        cites:
          - {source: southwark-2009, para: "appendix-1"}
    cites:
      - {source: southwark-2009, para: "appendix-1"}
""",
    )
    report = compare(base, data_copy.path)
    assert [r.id for r in report.added] == ["test-new-partner"]
    assert "partners/test-new-partner.md" in report.pages["added"]
    assert "- `test-new-partner` in `data/partners.yml`: Newly added partners" in as_markdown(report)


def test_a_removed_citation_is_a_changed_field(base, data_copy):
    data_copy.replace(
        "partners.yml",
        '      - {source: draft-guidance-2008, para: "1.12"}\n',
        "",
    )
    report = compare(base, data_copy.path)
    changed = {old.id: fields for old, _, fields in report.changed}
    assert changed["police"] == ["cites"]
    assert '- `cites[]`: removed `{"source": "draft-guidance-2008", "para": "1.12"}`' in as_markdown(report)


def test_a_citation_added_at_the_top_is_one_addition_not_every_index_shifted(base, data_copy):
    data_copy.replace(
        "partners.yml",
        '    cites:\n      - {source: legislative-options-2008, para: "14"}\n      - {source: draft-guidance-2008, para: "1.12"}\n',
        '    cites:\n      - {source: legislative-options-2008, para: "44"}\n      - {source: legislative-options-2008, para: "14"}\n'
        '      - {source: draft-guidance-2008, para: "1.12"}\n',
    )
    text = as_markdown(compare(base, data_copy.path))
    police = text.split("(`police` in `data/partners.yml`): `cites`", 1)[1].split("\n- ", 1)[0]
    assert (
        police.split("\n\n")[0].strip() == '- `cites[]`: added `{"source": "legislative-options-2008", "para": "44"}`'
    )
    assert "The site's date moves" not in text


def test_a_later_source_moves_the_site_date_and_the_report_says_why_every_page_changes(base, data_copy):
    data_copy.write(
        "sources.yml",
        data_copy.text("sources.yml")
        + "  - id: example-report-2009\n    title: An example report\n    publisher: An example publisher\n"
        '    date: 2009-10\n    file: example-report-2009.txt\n    paragraphs: ["1-12"]\n',
    )
    text = as_markdown(compare(base, data_copy.path))
    assert "**The site's date moves from 21 July 2009 to 31 October 2009.**" in text


def test_a_renamed_id_is_reported_as_a_rename_with_a_warning(base, data_copy):
    data_copy.write("duties.yml", data_copy.text("duties.yml").replace("id: joint-cypp\n", "id: joint-plan\n"))
    data_copy.write("guidance.yml", data_copy.text("guidance.yml").replace("joint-cypp", "joint-plan"))
    data_copy.write("changes.yml", data_copy.text("changes.yml").replace("joint-cypp", "joint-plan"))
    report = compare(base, data_copy.path)
    assert [(o.id, n.id) for o, n in report.renamed] == [("joint-cypp", "joint-plan")]
    text = as_markdown(report)
    assert "`joint-cypp` → `joint-plan`" in text and "A published id should never change" in text
    assert "duties/joint-plan.md" in report.pages["added"] and "duties/joint-cypp.md" in report.pages["removed"]


def test_the_command_compares_a_git_revision_with_the_working_data(root):
    result = subprocess.run(
        [sys.executable, "-m", "trustdocs.cli", "diff", "HEAD", "data"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## What this change does")
