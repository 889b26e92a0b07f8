"""Each partner's page says what changed for it; the change log has a page and an Atom feed (issue 17)."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from tooling import FixedSizes

from trustdocs.core.problems import DataError
from trustdocs.pipeline.generate import generate_pages
from trustdocs.pipeline.load import load_dataset
from trustdocs.rendering.feed import changes_feed

MINI = Path(__file__).resolve().parent / "fixtures" / "mini_data"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def mini():
    return load_dataset(MINI)


@pytest.fixture(scope="module")
def mini_pages(mini):
    return {p.path: p.markdown for p in generate_pages(mini, FixedSizes(), as_at=datetime.date(2009, 7, 21))}


def _changes_rows(page: str) -> list[list[str]]:
    section = page.split("## Changes to this page\n", 1)[1].split("\n## ", 1)[0]
    return [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in section.splitlines()
        if line.startswith("| ") and not line.startswith("| Date")
    ]


def test_a_partner_page_lists_its_status_its_duties_and_the_change_log_newest_first(mini_pages):
    rows = _changes_rows(mini_pages["partners/health-body.md"])
    # The change to a duty it holds (February), then the one naming it (January), then the law, newest first.
    assert [r[0] for r in rows[:2]] == ["10 February 2026", "5 January 2026"]
    assert [r[1] for r in rows[:2]] == ["This site", "This site"]
    assert "A newer change to the duty to cooperate" in rows[0][2]
    assert "paragraph [3]" in rows[1][3]
    law = rows[2:]
    assert law and all(r[1] == "The law or a proposal" for r in law)
    starts = [r[0] for r in law]
    assert any("Status:" in r[2] for r in law) and any("duties/cooperate.md" in r[2] for r in law)
    years = [int(s.split()[-1]) for s in starts]
    assert years == sorted(years, reverse=True)


def test_a_change_about_another_body_is_not_on_this_page(mini_pages):
    # The council holds the duty to cooperate too, but the January entry names only the health body.
    rows = _changes_rows(mini_pages["partners/council.md"])
    assert [r[0] for r in rows if r[1] == "This site"] == ["10 February 2026"]


def test_the_site_changes_page_lists_the_log_newest_first_with_the_feed(mini_pages):
    page = mini_pages["site-changes.md"]
    assert page.index("10 February 2026") < page.index("5 January 2026")
    assert '<a href="../changes.xml" type="application/atom+xml">' in page
    assert "[The duty to cooperate](duties/cooperate.md)" in page or "(duties/cooperate.md)" in page


def test_the_feed_is_atom_newest_first_with_stable_ids_and_links_to_pages(mini):
    feed = changes_feed(mini)
    assert feed == changes_feed(load_dataset(MINI))  # the same data gives the same bytes
    root = ET.fromstring(feed)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}updated").text for e in entries] == ["2026-02-10T00:00:00Z", "2026-01-05T00:00:00Z"]
    assert root.find(f"{ATOM}updated").text == "2026-02-10T00:00:00Z"
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == ["duties/cooperate/", "partners/health-body/"]
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == 2


def test_the_real_feed_parses_and_links_only_to_pages_that_exist(dataset, root):
    pages = {p.path for p in generate_pages(dataset, FixedSizes())}
    entries = ET.fromstring(changes_feed(dataset)).findall(f"{ATOM}entry")
    assert len(entries) == len(dataset.changes) >= 1
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert href.rstrip("/") + ".md" in pages, href


def test_a_change_naming_an_unknown_record_or_out_of_order_is_refused(data_copy):
    data_copy.replace("changes.yml", "records: [lscb]", "records: [lscbb]")
    data_copy.replace(
        "changes.yml",
        "date: 2026-11-30\n    records: [jobcentre-plus",
        "date: 2026-11-01\n    records: [jobcentre-plus",
    )
    with pytest.raises(DataError) as err:
        load_dataset(data_copy.path)
    messages = [f"{p.file}:{p.line}: {p.path}: {p.message}" for p in err.value.problems]
    assert (
        f"data/changes.yml:{data_copy.line_of('changes.yml', 'lscbb')}: $.changes[1].records[0]: unknown record "
        "'lscbb': no partner in data/partners.yml or duty in data/duties.yml has this id" in messages
    )
    assert any("changes must be listed oldest first" in m for m in messages)
