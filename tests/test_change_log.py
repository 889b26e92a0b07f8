"""Each page says what changed on it; the change log has a page and an Atom feed (issue 17).

Partner and duty pages list the law's changes in the period (not the status the sources start from) and the
change-log entries that name them; the Board, plan, consultation and area pages list the entries naming them.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin

import pytest
from tooling import FixedSizes

from trustdocs.core.dates import PartialDate
from trustdocs.core.problems import DataError
from trustdocs.pipeline.generate import generate_pages
from trustdocs.pipeline.load import load_dataset
from trustdocs.rendering import paths
from trustdocs.rendering.change_log import HEADING, changes_in_period, partner_changes, record_links, record_target
from trustdocs.rendering.feed import changes_feed

MINI = Path(__file__).resolve().parent / "fixtures" / "mini_data"
ATOM = "{http://www.w3.org/2005/Atom}"
AS_AT = datetime.date(2009, 7, 21)

CHANGES = HEADING.strip() + "\n"  # the section's heading line, as pages write it


@pytest.fixture(scope="module")
def mini():
    return load_dataset(MINI)


@pytest.fixture(scope="module")
def mini_pages(mini):
    return {p.path: p.markdown for p in generate_pages(mini, FixedSizes(), as_at=AS_AT)}


def _changes_rows(page: str) -> list[list[str]]:
    section = page.split(CHANGES, 1)[1].split("\n## ", 1)[0]
    return [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in section.splitlines()
        if line.startswith("| ") and not line.startswith("| Date")
    ]


def _site_rows(rows: list[list[str]]) -> list[list[str]]:
    return [r for r in rows if r[1] == "Change to this site"]


def test_a_partner_page_lists_its_status_changes_its_duties_and_the_change_log_newest_first(mini_pages):
    rows = _changes_rows(mini_pages["partners/health-body.md"])
    # The entry naming it (January), then the law, newest first.
    assert [r[0] for r in _site_rows(rows)] == ["5 January 2026"]
    assert rows[0][0] == "5 January 2026" and "paragraph [3]" in rows[0][3]
    law = rows[1:]
    assert law and all(r[1] == "Law or proposal" for r in law)
    # Its second status (July 2008) is a change; its first (2005) is where the sources start, not a change.
    assert [r[0] for r in law if r[2].startswith("Status:")] == ["July 2008"]
    assert law[0][2] == "Status: Relevant partner: under the duty to cooperate."
    # The duty it holds changed in July 2008, but only for the district councils: that is on the duty's page.
    assert not any("duties/cooperate.md" in r[2] for r in law)
    assert not any(r[0] == "2005" for r in rows)


def test_a_change_about_another_body_is_not_on_this_page(mini_pages):
    # The January entry names only the health body; the February one names only the duty to cooperate, which
    # the council and the health body hold: it is on the duty's page, not on the pages of its holders.
    assert _site_rows(_changes_rows(mini_pages["partners/council.md"])) == []
    assert [r[0] for r in _site_rows(_changes_rows(mini_pages["partners/health-body.md"]))] == ["5 January 2026"]
    duty = _changes_rows(mini_pages["duties/cooperate.md"])
    assert [r[0] for r in _site_rows(duty)] == ["10 February 2026"]
    assert "A newer change to the duty to cooperate" in duty[0][2]


def test_the_real_partner_pages_show_only_the_entries_that_name_them(dataset):
    pages = {p.path: p.markdown for p in generate_pages(dataset, FixedSizes())}
    for partner in dataset.partners:
        named = {c.id for c in dataset.changes if partner.id in c.records}
        shown = _site_rows(_changes_rows(pages[f"partners/{partner.id}.md"]))
        assert len(shown) == len(named), partner.id
    # The Academies correction names Academies alone: not the Schools page, though both hold the same duties.
    academies = next(c for c in dataset.changes if c.id == "change-academies-future-only")
    schools = pages["partners/schools.md"].split("## Changes to this page", 1)[1]
    assert academies.records == ("academies",) and "future Academies" not in schools


def test_a_duty_page_lists_its_status_changes_and_the_change_log(mini_pages):
    rows = _changes_rows(mini_pages["duties/cooperate.md"])
    assert [r[1] for r in rows] == ["Change to this site", "Law or proposal"]
    assert rows[1][0] == "July 2008" and "would have to" in rows[1][2]
    # A duty whose only status began with the earliest source has nothing to list, and says so.
    pool = mini_pages["duties/pool-budgets-and-share-resources.md"].split(CHANGES, 1)[1].lstrip()
    assert pool.startswith("No change is recorded after the earliest source was published (July 2008).")
    assert "[Status over time](#status-over-time)" in pool


def test_a_first_status_counts_as_a_change_only_if_it_began_after_the_earliest_source(mini):
    # The district councils' only status began in July 2008, the month of the earliest source: not a change.
    district = mini.partner("district")
    assert mini.sources_begin == datetime.date(2008, 7, 31)
    assert changes_in_period(district.status_history, mini) == []
    assert "No change is recorded" in partner_changes("partners/district.md", district, mini, AS_AT)
    # Had it begun in 2009, after the earliest source, it would be a change in the period.
    later = replace(district.status_history[0], start=PartialDate.parse("2009-01"))
    moved = replace(district, status_history=(later,))
    assert changes_in_period(moved.status_history, mini) == [later]
    rows = _changes_rows(CHANGES + partner_changes("partners/district.md", moved, mini, AS_AT))
    assert rows[0][:2] == ["January 2009", "Law or proposal"]


def test_the_real_pages_do_not_list_a_status_the_sources_start_from(dataset):
    pages = {p.path: p.markdown for p in generate_pages(dataset, FixedSizes())}
    assert dataset.sources_begin == datetime.date(2008, 4, 3)  # the draft guidance, not the analysis dated '2008'
    police = _changes_rows(pages["partners/police.md"])
    assert not any(r[2].startswith("Status:") for r in police)  # a relevant partner since 2005
    centres = pages["partners/childrens-centres.md"].split(CHANGES, 1)[1].split("\n## ", 1)[0]
    assert "Status: Other partner" not in centres  # April 2008: no source is earlier
    schools = _changes_rows(pages["partners/schools.md"])
    assert ["July 2008", "Law or proposal", "Status: Proposed for the duty to cooperate."] == schools[
        [r[2] for r in schools].index("Status: Proposed for the duty to cooperate.")
    ][:3]
    # The proposals that would bind schools are on their page; police are bound by the joint plan, not the extension.
    assert any(r[0] == "July 2008" and "duties/extend-duty-to-cooperate.md" in r[2] for r in schools)
    assert any("duties/joint-cypp.md" in r[2] for r in police)
    assert not any("duties/extend-duty-to-cooperate.md" in r[2] for r in police)
    # A body first named by the July 2008 proposals: the proposal is the change.
    prus = _changes_rows(pages["partners/pupil-referral-units.md"])
    assert any(r[0] == "July 2008" and r[2].startswith("Status:") for r in prus)
    # The well-being duty schools already had by April 2008 is not presented as changing then.
    duty = _changes_rows(pages["duties/promote-pupil-well-being.md"])
    assert duty and {r[1] for r in duty} == {"Change to this site"}


def test_board_plan_consultation_and_area_pages_list_the_entries_naming_them(mini_pages):
    for path in (
        "board.md",
        "cypp.md",
        "consultations/test-consultation/index.md",
        "consultations/test-consultation/outcome.md",
        "areas/testshire.md",
    ):
        section = mini_pages[path].split(CHANGES, 1)[1]
        assert "| 15 March 2026 | A correction to the Board, the plan, the consultation and the area. |" in section, (
            path
        )
        assert "January 2026" not in section and "February 2026" not in section, path
    # Pages no entry names have no such section.
    assert "## Changes to this page" not in mini_pages["consultations/test-consultation/respond.md"]


def test_the_records_an_entry_names_link_to_their_pages(mini):
    ids = ("member-health", "board", "req-one", "cypp", "testshire", "test-consultation", "health-body", "cooperate")
    # One link per page, in the entry's order: a Board item or plan requirement links to its anchor.
    assert record_links(paths.SITE_CHANGES, mini, ids) == (
        "[The Children's Trust Board](board.md#member-health), "
        "[The Children and Young People's Plan: Needs assessment](cypp.md#req-one), "
        "[Testshire (fictional example)](areas/testshire.md), "
        "[A made-up consultation on working together](consultations/test-consultation/index.md), "
        "[Health bodies](partners/health-body.md) and [Cooperate](duties/cooperate.md)"
    )
    assert record_target(mini, "board").page == record_target(mini, "rule-separate-chairs").page == paths.BOARD
    assert record_target(mini, "cypp").anchor == ""


def test_the_site_changes_page_lists_the_log_newest_first_with_the_feed(mini_pages):
    page = mini_pages["site-changes.md"]
    assert page.index("15 March 2026") < page.index("10 February 2026") < page.index("5 January 2026")
    assert '<span id="change-second"></span>10 February 2026' in page
    assert '<a href="../changes.xml" type="application/atom+xml">' in page
    assert "[Cooperate](duties/cooperate.md)" in page  # one record: a link; several: a list, one per page
    assert '<ul><li><a href="../board/#member-health">The Children\'s Trust Board</a></li><li>' in page


def test_the_feed_is_atom_newest_first_with_stable_ids_and_links_to_each_change(mini):
    feed = changes_feed(mini)
    assert feed == changes_feed(load_dataset(MINI))  # the same data gives the same bytes
    root = ET.fromstring(feed)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}updated").text for e in entries] == [
        "2026-03-15T00:00:00Z",
        "2026-02-10T00:00:00Z",
        "2026-01-05T00:00:00Z",
    ]
    assert root.find(f"{ATOM}updated").text == "2026-03-15T00:00:00Z"
    # Each entry links to its own row on the Changes to this site page, whatever records it names.
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [
        "site-changes/#change-third",
        "site-changes/#change-second",
        "site-changes/#change-first",
    ]
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == 3


def test_the_real_feed_parses_and_links_only_to_rows_that_exist(dataset, root):
    page = {p.path: p.markdown for p in generate_pages(dataset, FixedSizes())}[paths.SITE_CHANGES]
    anchors = set(re.findall(r'<span id="([^"]+)"></span>', page))
    entries = ET.fromstring(changes_feed(dataset)).findall(f"{ATOM}entry")
    assert len(entries) == len(dataset.changes) >= 1
    for entry in entries:
        target, _, anchor = entry.find(f"{ATOM}link").get("href").partition("#")
        assert target == paths.page_url(paths.SITE_CHANGES) and anchor in anchors, anchor


def test_a_change_naming_an_unknown_record_or_out_of_order_is_refused(data_copy):
    data_copy.replace("changes.yml", "records: [lscb, rule-separate-chairs", "records: [lscbb, rule-separate-chair")
    data_copy.replace("changes.yml", "records: [southwark]", "records: [southwarke]")
    data_copy.replace(
        "changes.yml",
        "date: 2026-11-30\n    records: [jobcentre-plus",
        "date: 2026-11-01\n    records: [jobcentre-plus",
    )
    with pytest.raises(DataError) as err:
        load_dataset(data_copy.path)
    messages = [f"{p.file}:{p.line}: {p.path}: {p.message}" for p in err.value.problems]
    line = data_copy.line_of("changes.yml", "lscbb")
    unknown = (
        "no partner, duty, Board item (data/board.yml), plan requirement (data/cypp.yml), consultation or area has "
        "this id. Use 'board' or 'cypp' for the whole Board or plan"
    )
    assert f"data/changes.yml:{line}: $.changes[0].records[0]: unknown record 'lscbb': {unknown}" in messages
    assert (
        f"data/changes.yml:{line}: $.changes[0].records[1]: unknown record 'rule-separate-chair': {unknown}" in messages
    )
    assert (
        f"data/changes.yml:{data_copy.line_of('changes.yml', 'southwarke')}: $.changes[8].records[0]: "
        f"unknown record 'southwarke': {unknown}" in messages
    )
    assert any("changes must be listed oldest first" in m for m in messages)


def test_a_change_may_name_the_board_the_plan_their_items_a_consultation_and_an_area(data_copy):
    data_copy.replace(
        "changes.yml",
        "records: [southwark]",
        "records: [southwark, wessex, board, cypp, member-schools, cypp-annual-review,"
        " legislative-options-consultation-2008]",
    )
    data = load_dataset(data_copy.path)
    pages = {p.path: p.markdown for p in generate_pages(data, FixedSizes())}
    for path in (
        "areas/wessex.md",
        "board.md",
        "cypp.md",
        "consultations/legislative-options-consultation-2008/index.md",
    ):
        assert "In July 2009 Southwark was recruiting an independent chair" in pages[path], path


@pytest.mark.slow  # uses the built site
def test_every_page_names_the_feed_in_its_head_and_the_link_resolves(built_site):
    feed = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="([^"]+)" href="([^"]+)">')
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        found = feed.findall(head)
        assert len(found) == 1, page
        title, href = found[0]
        assert title == "Children&#39;s Trusts guidance: changes to this site", page
        url = "/" + page.relative_to(built_site).as_posix()
        assert urljoin(url, href) == "/changes.xml", (page, href)
    assert (built_site / "changes.xml").is_file()
