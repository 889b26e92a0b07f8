"""Readers' journeys (#14): navigation by task, partner pages that answer first, tables that fit,
search that finds what people type, print, and scripts only where they are used.

These run on the generated Markdown; tests/test_journeys_browser.py checks the built site in Chromium.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml
from tooling import FixedSizes

from trustdocs.pipeline.generate import all_documents, generate_pages
from trustdocs.rendering import navigation as nav
from trustdocs.rendering import paths
from trustdocs.rendering.change_log import HEADING
from trustdocs.rendering.common import FORM_ERRORS_SCRIPT
from trustdocs.rendering.consultations.form import SCRIPT, respond_page
from trustdocs.rendering.pages.duties import binding

ROOT = Path(__file__).resolve().parent.parent
AS_AT = datetime.date(2009, 7, 21)


@pytest.fixture(scope="module")
def site_pages(dataset):
    return {p.path: p for p in generate_pages(dataset, FixedSizes(), documents=all_documents(dataset))}


@pytest.fixture(scope="module")
def site_nav(site_pages, dataset):
    return nav.navigation(site_pages.values(), dataset)


def _in_short(markdown: str) -> str:
    return markdown.split("{#in-short}", 1)[1].split("\n## ", 1)[0]


def _walk(entries):
    for entry in entries:
        ((label, target),) = entry.items()
        yield label, target
        if isinstance(target, list):
            yield from _walk(target)


# --- navigation by task ----------------------------------------------------------------


def test_at_most_seven_top_level_items_in_the_order_readers_need_them(site_nav):
    assert nav.top_level_labels(site_nav) == list(nav.TOP_LEVEL)
    assert len(site_nav) <= 7
    assert site_nav[1] == {nav.ORGANISATION: site_nav[1][nav.ORGANISATION]}
    assert next(iter(site_nav[1][nav.ORGANISATION][0].values())) == "partners/index.md"


def test_every_generated_page_is_in_the_navigation_once(site_nav, site_pages):
    placed = [target for _, target in _walk(site_nav) if isinstance(target, str)]
    assert len(placed) == len(set(placed))
    assert set(placed) == {*site_pages, "index.md"}


def test_partners_are_listed_by_the_name_readers_see(site_nav, dataset):
    section = site_nav[1][nav.ORGANISATION]
    partners = [label for entry in section for label, target in entry.items() if str(target).startswith("partners/")]
    partners = partners[1:]  # the index comes first
    assert partners == sorted(partners, key=nav.sort_key)
    assert len(partners) == len(dataset.partners)
    assert partners.index("Sure Start Children's Centres (SSCCs)") > partners.index("Schools")
    assert partners[:2] == ["0 to 7 partnerships", "14 to 19 partnerships"]


def test_no_title_or_label_carries_markup_or_an_attribute_list(site_nav, site_pages):
    for label, _ in _walk(site_nav):
        assert not re.search(r"[{}\[\]<>*`]", label), label
    for path, page in site_pages.items():
        title = page.markdown.splitlines()[0]
        assert title.startswith("# ") and "{" not in title, (path, title)
    assert "response form" in nav.heading(
        site_pages["documents/legislative-options-consultation-2008-response-form.md"].markdown
    )


def test_a_heading_with_an_attribute_list_stops_the_build():
    with pytest.raises(nav.NavigationError, match="would show markup"):
        nav.heading("# A response form {#response-form}\n\nText.")
    assert nav.heading("# <cite>An Act</cite>\n") == "An Act"


def test_a_page_the_navigation_has_no_place_for_stops_the_build(site_pages, dataset):
    from trustdocs.rendering.common import Page

    stray = Page("somewhere/new.md", "# New\n", ("data/partners.yml",))
    with pytest.raises(nav.NavigationError, match="somewhere/new.md"):
        nav.navigation([*site_pages.values(), stray], dataset)


def test_mkdocs_yml_has_no_nav_the_build_sets_it(root):
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^nav:", config, re.MULTILINE)
    assert "navigation.indexes" in config


def test_the_partners_index_opens_with_every_name_by_group(site_pages, dataset):
    """Every name in a short list, by group and by name, before the groups with what each body is."""
    page = site_pages["partners/index.md"].markdown
    names = page.split("\n## ", 1)[0]
    listed = re.findall(r"^- \[([^\]]+)\]\(([^)]+)\.md\)$", names, re.MULTILINE)
    assert sorted(target for _, target in listed) == sorted(p.id for p in dataset.partners)
    assert names.count('<div class="trustdocs-names" markdown>') == len({p.category for p in dataset.partners})
    relevant = names.split("**Relevant partners under section 10**", 1)[1].split("</div>", 1)[0]
    labels = re.findall(r"^- \[([^\]]+)\]", relevant, re.MULTILINE)
    assert "Police and police authorities" in labels and labels == sorted(labels, key=str.casefold)


# --- partner pages that answer first -----------------------------------------------------


def test_the_police_page_opens_with_what_binds_it_by_status(site_pages):
    page = site_pages["partners/police.md"].markdown
    notice_end = page.index("for the law in force today.")
    assert page.index("## What binds this body on 21 July 2009 {#in-short}") > notice_end
    assert page.index("{#in-short}") < page.index("## About this body")
    short = _in_short(page)
    law = short.split("**In force on 21 July 2009.** Police and police authorities", 1)[1].split("\n\n**", 1)[0]
    assert 'strength-must">must</strong>:' in law
    assert (
        "[cooperate with the local authority to improve well-being](../duties/cooperate-to-improve-well-being.md)"
        in law
    )
    assert "[have regard to the statutory guidance](../duties/have-regard-to-guidance.md)" in law
    assert "**Draft guidance of April 2008.** It said police and police authorities" in short
    proposed = short.split("**Proposed in July 2008, not law.**", 1)[1]
    assert ">would have to</strong>" in proposed and "(../duties/joint-cypp.md)" in proposed
    assert "**On the Board:**" in short and "**In the plan:**" in short


def test_the_summary_is_built_from_the_status_entries_in_effect(site_pages, dataset):
    """Each duty that binds a body on the as-at date is in its summary, under its own status, and
    nothing proposed is ever listed under the law in force."""
    for partner in dataset.partners:
        short = _in_short(site_pages[f"partners/{partner.id}.md"].markdown)
        groups = re.split(r"\n\n(?=\*\*(?:In force|Draft guidance|Proposed))", short)
        start = {"in-force": "**In force", "draft-guidance": "**Draft guidance", "proposed": "**Proposed"}
        for duty in dataset.duties_held_by(partner.id):
            link = f"(../duties/{duty.id}.md)"
            for entry in binding(duty, partner.id, AS_AT):
                if not entry.strength:
                    continue
                holding = [g for g in groups if link in g]
                assert any(g.startswith(start[entry.kind]) for g in holding), (partner.id, duty.id)
        for group in groups:
            if group.startswith("**Proposed"):
                assert ">would " in group, (partner.id, group[:120])
            if group.startswith("**In force"):
                assert ">would " not in group, (partner.id, group[:120])


def test_the_summary_moves_with_the_as_at_date(dataset):
    early = {
        p.path: p.markdown for p in generate_pages(dataset, FixedSizes(), documents=[], as_at=datetime.date(2008, 5, 1))
    }
    short = _in_short(early["partners/schools.md"])
    assert "What binds this body on 1 May 2008" in early["partners/schools.md"]
    assert "Proposed in July 2008" not in short  # not proposed yet
    assert "promote-pupil-well-being.md" in short  # in force from April 2008


def test_partner_pages_have_no_tables_and_each_guidance_paragraph_once(site_pages, dataset):
    """No table in what a reader reads first and the detail; only the change log at the end is one (and
    a table wider than a phone scrolls in its own box, tests/test_journeys_browser.py)."""
    for partner in dataset.partners:
        page = site_pages[f"partners/{partner.id}.md"].markdown
        before_changes = page.split(HEADING.rstrip("\n") + "\n", 1)[0]
        assert "| Fact | Detail |" not in page and "\n|" not in before_changes, partner.id
        guidance = page.split("{#guidance}", 1)[1].split("\n## ", 1)[0] if "{#guidance}" in page else ""
        anchors = re.findall(r"\[Paragraph [^\]]+\]\(([^)]+)\)", guidance)
        assert len(anchors) == len(set(anchors)), partner.id


def test_the_local_authority_page_collapses_its_long_lists_by_topic(site_pages, dataset):
    page = site_pages["partners/local-authority.md"].markdown
    guidance = page.split("{#guidance}", 1)[1]
    for section in dataset.guidance:
        assert f"{{#{section.id} data-search-exclude}}" in guidance
    assert guidance.count('??? abstract "') == len(dataset.guidance)
    # The summary a manager scans: a few lines per status, counts linking to the detail.
    assert len(_in_short(page).splitlines()) < 45


def test_the_duty_matrix_reads_by_partner_and_by_duty(site_pages, dataset):
    page = site_pages["duties/matrix.md"].markdown
    by_partner = page.split("{#by-partner}", 1)[1].split("{#by-duty}", 1)[0]
    by_duty = page.split("{#by-duty}", 1)[1].split("{#table}", 1)[0]
    for partner in dataset.partners:
        if dataset.duties_held_by(partner.id):
            assert f'??? abstract "{partner.name}: ' in by_partner.replace("&#39;", "'"), partner.id
    for duty in dataset.duties:
        assert f"({duty.id}.md)" in by_duty
    assert "scroll it sideways" in page.split("{#table}", 1)[1]


# --- search -------------------------------------------------------------------------------


def test_titles_give_the_abbreviation_of_a_term_they_spell_out(site_pages):
    assert site_pages["cypp.md"].markdown.startswith("# The Children and Young People's Plan (CYPP)\n")
    assert site_pages["documents/cypp-template.md"].markdown.startswith(
        "# Children and Young People's Plan (CYPP) template\n"
    )
    assert site_pages["partners/lscb.md"].markdown.startswith("# Local Safeguarding Children Board (LSCB)\n")
    # Whatever the case the title writes the term in.
    assert site_pages["duties/joint-strategic-needs-assessment.md"].markdown.startswith(
        "# Prepare a joint strategic needs assessment (JSNA)\n"
    )
    # Already in brackets: left alone.
    assert site_pages["duties/partners-have-regard-to-cypp.md"].markdown.startswith(
        "# Have regard to the Children and Young People's Plan (partners)\n"
    )


def test_search_boosts_put_a_things_own_page_first_and_the_register_last(site_pages):
    def boost(path: str) -> float:
        meta = yaml.safe_load(site_pages[path].text.split("---\n")[1])
        return float(meta.get("search", {}).get("boost", 1))

    assert boost("partners/police.md") == boost("cypp.md") == 2
    assert boost("documents/trust-board-constitution.md") > boost("documents/southwark/trust-board-constitution.md")
    assert boost("sources/legislative-options-2008.md") < 1 and boost("sources/index.md") < 1
    assert boost("documents/legislative-options-consultation-2008-response-form.md") == 1


def test_search_splits_words_at_punctuation_so_abbreviations_in_brackets_are_found(root):
    config = yaml.safe_load(re.sub(r"!ENV \[[^\]]*\]", "x", (root / "mkdocs.yml").read_text(encoding="utf-8")))
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    separator = re.compile(search["separator"])
    assert [w for w in separator.split("Plan (CYPP), paragraph 3.21.") if w] == ["Plan", "CYPP", "paragraph", "3.21"]


# --- scripts only where they are used ---------------------------------------------------


def test_the_form_script_is_loaded_only_by_a_page_with_a_form(dataset, site_pages, root):
    config = yaml.safe_load(re.sub(r"!ENV \[[^\]]*\]", "x", (root / "mkdocs.yml").read_text(encoding="utf-8")))
    assert SCRIPT not in config.get("extra_javascript", [])
    c = dataset.consultations[0]
    open_form = respond_page(dataset, c, c.dates.opens.start).markdown
    assert open_form.count(f'<script src="../../../{SCRIPT}"></script>') == 1
    # As at 21 July 2009 both consultations had closed: no page has a form, so none loads the script.
    assert not [path for path, page in site_pages.items() if "consultation-form.js" in page.markdown]
    # The error summary the forms share is loaded by the pages with a form and no other: now only the area form's.
    assert FORM_ERRORS_SCRIPT not in config.get("extra_javascript", [])
    assert (
        open_form.count(f'<script src="../../../{FORM_ERRORS_SCRIPT}"></script><script src="../../../{SCRIPT}">') == 1
    )
    assert [path for path, page in site_pages.items() if "form-errors.js" in page.markdown] == [paths.AREA_FORM]


# --- the theme, with section overview pages -------------------------------------------


def test_an_overview_pages_contents_title_labels_nothing_only_where_the_checkbox_is_missing():
    """navigation.indexes: a section's overview page has no __toc checkbox, so its label must not name one."""
    from trustdocs.pipeline.postprocess import apply_theme_fixes

    label = '<label class="md-nav__title" for="__toc">'
    overview, _ = apply_theme_fixes("partners/index.html", f"<nav>{label}Table of contents</label></nav>")
    assert label not in overview and '<label class="md-nav__title">' in overview
    page = f'<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc"><nav>{label}Contents</label></nav>'
    assert label in apply_theme_fixes("partners/police/index.html", page)[0]
