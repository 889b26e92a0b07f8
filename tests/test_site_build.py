"""The whole site builds with --strict, and shows real data."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_home_page_shows_the_outcomes_and_features(built_site, dataset):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    for item in dataset.outcomes + dataset.features:
        assert f"<strong>{item.name}</strong>" in html.replace("&#39;", "'").replace("&rsquo;", "'")
    assert 'href="sources/draft-guidance-2008/#p-1-1"' in html


def test_footer_states_the_licences(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Open Government Licence v3.0" in html
    assert "MIT licence" in html


def test_no_page_asks_google_fonts_for_anything(built_site):
    for page in built_site.rglob("*.html"):
        assert "fonts.googleapis.com" not in page.read_text(encoding="utf-8"), page


def test_the_sources_page_lists_every_source(built_site, dataset):
    html = (built_site / "sources" / "index.html").read_text(encoding="utf-8")
    for source in dataset.sources:
        assert f'id="{source.id}"' in html


def test_every_citation_on_every_page_reaches_its_source_paragraph(built_site, dataset):
    """From any statement to its source paragraph, and back: each cited paragraph has its anchor on the
    source's page, and under it a list of the statements resting on it. Every citation in the data set
    is walked (every kind of record), not only those of a few kinds."""
    from test_pages import every_cite

    by_source: dict[str, set[str]] = {}
    for cite in every_cite(dataset):
        by_source.setdefault(cite.source, set()).add(cite.para)
    assert len(by_source) == len(dataset.sources)
    for source_id, paras in by_source.items():
        html = (built_site / "sources" / source_id / "index.html").read_text(encoding="utf-8")
        for para in paras:
            anchor = f'id="p-{para.replace(".", "-")}"'
            assert anchor in html, (source_id, para)
            section = html.split(anchor, 1)[1].split("<h3", 1)[0]
            assert "What rests on it on this site:" in section and "<li>" in section, (source_id, para)


def test_a_data_problem_stops_mkdocs_with_the_message_and_no_traceback(data_copy):
    data_copy.replace("duties.yml", "kind: power", "kind: privilege")
    result, out = data_copy.build_site()
    assert result.returncode == 1
    assert (
        "data/duties.yml:" in result.stderr
        and "$.duties[6].kind: 'privilege' is not one of: duty, power" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (out / "index.html").exists()


def test_the_published_address_comes_from_the_environment(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://guidance.childrens-trusts.org.uk/partners/police/</loc>" in sitemap
    assert "127.0.0.1" not in sitemap
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://guidance.childrens-trusts.org.uk/">' in home


def test_edit_this_page_on_a_generated_page_goes_to_its_data_file(built_site):
    police = (built_site / "partners" / "police" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/childrens-trusts/guidance/edit/main/data/partners.yml"' in police
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/childrens-trusts/guidance/edit/main/docs/index.md"' in home


def test_abbreviations_show_their_expansion_on_hover(built_site):
    page = (built_site / "partners" / "gp-practices" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="General practitioner">GP</abbr>' in page


def test_exports_are_published(built_site, dataset):
    import csv
    import json

    data = json.loads((built_site / "exports" / "trustdocs-data.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in data["partners"]] == [p.id for p in dataset.partners]
    rows = list(csv.DictReader((built_site / "exports" / "duties.csv").open(encoding="utf-8", newline="")))
    assert list(dict.fromkeys(r["id"] for r in rows)) == [d.id for d in dataset.duties]
    # One row per status entry: a strength never appears without its status.
    assert all(r["status"] for r in rows) and not any(r["strength"] and not r["status"] for r in rows)


def test_every_partner_and_duty_has_a_page(built_site, dataset):
    for partner in dataset.partners:
        assert (built_site / "partners" / partner.id / "index.html").is_file(), partner.id
    for duty in dataset.duties:
        assert (built_site / "duties" / duty.id / "index.html").is_file(), duty.id


def test_download_links_state_the_size_of_the_published_file(built_site):
    """The sizes a page shows are measured from the very files the build published."""
    import re

    from trustdocs.rendering.sizes import size_label

    page = (built_site / "documents" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="\.\./(downloads/[^"]+)"[^>]*>[^<(]+\(([^)]+)\)</a>', page)
    assert len(links) >= 6, page
    for path, shown in links:
        assert shown == size_label((built_site / path).stat().st_size), path


def test_the_search_index_has_the_generic_models_but_not_each_areas_copies(built_site, dataset):
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    for area in dataset.areas:
        assert not [loc for loc in locations if loc.startswith(f"documents/{area.id}/")], area.id
        assert f"areas/{area.id}/" in locations  # the area's own page is still found
    quorum = [
        doc["location"]
        for doc in index["docs"]
        if "quorum" in (doc["title"] + doc["text"]).lower() and doc["location"].startswith("documents/")
    ]
    assert "documents/trust-board-constitution/#quorum" in quorum


def test_the_search_index_leaves_out_what_every_page_or_area_repeats(built_site, dataset):
    """The period notice, "Changes to this page", an area's sections after its summary, a source's
    back-links and quoted guidance: in the index, each would match on every page or grow with every area."""
    import json

    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = {doc["location"]: doc["title"] + " " + doc["text"] for doc in docs}
    assert not [loc for loc, t in text.items() if "Which period this page describes" in t]
    assert not [loc for loc in text if loc.endswith("#changes-to-this-page")]
    assert not [loc for loc, t in text.items() if "What rests on it on this site" in t]
    for area in dataset.areas:
        assert [loc for loc in text if loc.startswith(f"areas/{area.id}/")] == [f"areas/{area.id}/"], area.id
        assert area.summary.split(".")[0] in text[f"areas/{area.id}/"]
    # Still found: the site's change log, and what a source paragraph says.
    assert any(loc.startswith("site-changes/") for loc in text)
    assert "the appendix quoted" in text["sources/southwark-2009/#p-appendix-1"].lower()


def test_the_post_process_stage_runs_on_a_built_site(built_site, tmp_path, monkeypatch, capsys):
    """`trustdocs postprocess SITE` (stage 3 for any engine) once crashed on the changes feed, which lives
    outside exports/ (KeyError: 'changes.xml'), and `make zensical` ignored its exit status."""
    import shutil

    from trustdocs.cli import main

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    assert main(["postprocess", str(site)]) == 0
    assert "Post-processed" in capsys.readouterr().out
