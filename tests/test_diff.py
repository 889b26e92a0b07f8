"""`trustdocs diff`: what a data change does, most important first (issue 17)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from tooling import NEW_PARTNER

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
    # No model document states the power's strength, but the data exports do.
    downloads = text.split("### Downloads changed\n", 1)[1]
    assert "exports/duties.csv" in downloads and "exports/trustdocs-data.json" in downloads
    assert "downloads/" not in downloads
    # The partner pages show a correction only from the change log: the report says none names it.
    assert "**No new entry in `data/changes.yml` names `pool-budgets-and-share-resources`.**" in text


def test_a_change_the_change_log_names_gets_no_reminder(base, data_copy):
    data_copy.replace("duties.yml", "        strength: may", "        strength: must")
    log = data_copy.path / "changes.yml"  # entries oldest first: a new one goes at the end
    log.write_text(
        log.read_text(encoding="utf-8") + "  - id: change-pooling-strength\n    date: 2026-12-01\n"
        "    records: [pool-budgets-and-share-resources]\n    summary: The power is now a duty.\n",
        encoding="utf-8",
    )
    text = as_markdown(compare(base, data_copy.path))
    assert "### Changes readers will notice most" in text and "No new entry in `data/changes.yml`" not in text


def test_a_changed_board_objective_lists_the_downloads_it_changes(base, data_copy):
    """The constitution lists the Board's objectives from board.yml: every copy of it changes."""
    data_copy.replace(
        "board.yml",
        "as defined by the five Every Child Matters outcomes",
        "as the five Every Child Matters outcomes define it",
    )
    text = as_markdown(compare(base, data_copy.path))
    assert "(`objective-improve-well-being` in `data/board.yml`): `text`" in text
    downloads = text.split("### Downloads changed", 1)[1]
    for fmt in ("pdf", "docx", "odt"):
        assert f"downloads/model-trust-board-constitution.{fmt}" in downloads
        assert f"downloads/southwark/southwark-trust-board-constitution.{fmt}" in downloads


def test_a_rules_constitution_wording_is_a_change_readers_notice_most(base, data_copy):
    """A rule's 'constitution' is a clause councils adopt: it comes first, with every copy of the constitution."""
    data_copy.replace(
        "board.yml",
        "        The Board's chair does not chair the Local Safeguarding Children\n",
        "        The Board's chair never chairs the Local Safeguarding Children\n",
    )
    text = as_markdown(compare(base, data_copy.path))
    most = text.split("### Changes readers will notice most\n", 1)[1].split("###", 1)[0]
    assert "(`rule-separate-chairs` in `data/board.yml`): `constitution`" in most
    assert "`constitution.text`: `The Board's chair does not chair" in most
    downloads = text.split("### Downloads changed", 1)[1]
    assert "downloads/wessex/wessex-trust-board-constitution.pdf" in downloads


def test_a_new_partner_is_an_added_record_with_its_new_page(base, data_copy):
    data_copy.write(
        "partners.yml",
        data_copy.text("partners.yml") + NEW_PARTNER,
    )
    report = compare(base, data_copy.path)
    assert [r.id for r in report.added] == ["test-new-partner"]
    assert "partners/test-new-partner.md" in report.pages["added"]
    assert "- **Newly added partners** (`test-new-partner` in `data/partners.yml`)" in as_markdown(report)


def test_a_removed_citation_is_a_changed_field(base, data_copy):
    data_copy.replace(
        "partners.yml",
        '      - {source: draft-guidance-2008, para: "1.12"}\n',
        "",
    )
    report = compare(base, data_copy.path)
    changed = {old.id: fields for old, _, fields in report.changed}
    assert changed["police"] == ["cites"]
    assert "- `cites[]`: removed `{source: draft-guidance-2008, para: 1.12}`" in as_markdown(report)


def test_a_citation_added_at_the_top_is_one_addition_not_every_index_shifted(base, data_copy):
    data_copy.replace(
        "partners.yml",
        '    cites:\n      - {source: legislative-options-2008, para: "14"}\n      - {source: draft-guidance-2008, para: "1.12"}\n',
        '    cites:\n      - {source: legislative-options-2008, para: "44"}\n      - {source: legislative-options-2008, para: "14"}\n'
        '      - {source: draft-guidance-2008, para: "1.12"}\n',
    )
    text = as_markdown(compare(base, data_copy.path))
    police = text.split("(`police` in `data/partners.yml`): `cites`", 1)[1].split("\n- ", 1)[0]
    assert police.split("\n\n")[0].strip() == "- `cites[]`: added `{source: legislative-options-2008, para: 44}`"
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


def test_ids_repeated_in_other_files_are_told_apart(base, data_copy):
    """Question q1 is in every consultation: a copied consultation adds records, it changes none elsewhere."""
    stem = "statutory-guidance-consultation-2008"
    text = data_copy.text(f"consultations/{stem}.yml").replace(f"id: {stem}", "id: example-consultation-2008")
    data_copy.write("consultations/example-consultation-2008.yml", text)
    report = compare(base, data_copy.path)
    assert report.changed == []
    assert {r.file for r in report.added} == {"data/consultations/example-consultation-2008.yml"}
    # and a change to one file's q1 is reported against that file
    data_copy.replace(f"consultations/{stem}.yml", "ambitions of the Children's Plan?", "ambitions of the Plan?")
    report = compare(base, data_copy.path)
    assert [(old.file, old.id) for old, _, _ in report.changed] == [(f"data/consultations/{stem}.yml", "q1")]


def test_a_citation_removed_inside_a_status_entry_is_one_removal(base, data_copy):
    data_copy.replace(
        "duties.yml",
        '          - {source: legislative-options-2008, para: "50"}\n          - {source: children-act-2004',
        "          - {source: children-act-2004",
    )
    text = as_markdown(compare(base, data_copy.path))
    assert "`status[0].cites[]`: removed `{source: legislative-options-2008, para: 50}`" in text
    assert "→" not in text.split("### Pages", 1)[0]


def test_a_base_that_does_not_load_with_this_code_is_compared_record_by_record(base, data_copy):
    (base / "changes.yml").unlink()  # as main was before the change log: the code now needs the file
    data_copy.replace("duties.yml", "        strength: may", "        strength: must")
    report = compare(base, data_copy.path)
    assert report.base_problems >= 1 and report.pages == {} and report.downloads == {}
    text = as_markdown(report)
    assert "**The base's data does not load with this version of the code**" in text
    assert "`status[0].strength`: `may` → `must`" in text


def test_links_need_no_trailing_slash_and_a_long_report_is_cut_saying_so(base, data_copy):
    data_copy.replace("duties.yml", "        strength: may", "        strength: must")
    report = compare(base, data_copy.path)
    assert "(https://example.org/trusts/duties/)" in as_markdown(report, "https://example.org/trusts")
    short = as_markdown(report, limit=400)
    assert len(short) <= 400 and short.endswith("the rest is in the job's summary.\n")


def test_a_malformed_change_log_entry_and_a_hostile_id_neither_crash_the_report_nor_break_it():
    """The records are read as written, before validation: a change log entry's records may be anything, and an
    id may hold Markdown. Ids show as the project's code() shows them, and nothing crashes."""
    from trustdocs.pipeline.diff import Record, Report

    old = Record("pool`*x*`<b>", "data/duties.yml", "duties", {"id": "pool`*x*`<b>", "status": [{"strength": "may"}]})
    new = Record(old.id, old.file, old.kind, {**old.fields, "status": [{"strength": "must"}]})
    bad_log = Record("change-bad", "data/changes.yml", "changes", {"id": "change-bad", "records": 5})
    text = as_markdown(Report(added=[bad_log], changed=[(old, new, ["status"])]))
    assert "`pool`*x*`<b>`" not in text
    assert "pool&#96;&#42;x&#42;&#96;&lt;b&gt; in `data/duties.yml`" in text
    assert "No new entry in `data/changes.yml` names pool&#96;" in text
