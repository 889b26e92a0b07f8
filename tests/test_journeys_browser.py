"""Readers' journeys in a real browser (Debian's Chromium), on the site as built (#14).

* no page scrolls sideways on a 375 px phone (narrower than the issue's 390 px), and a table wider than its column
  scrolls in its own box, which shows a cue (a shadow at the edge it scrolls to);
* at most seven top-level navigation items, all on a phone's first screen of the menu;
* a police manager reaches "what the police must do" in two clicks from the
  home page, finding the name on the partners index's first screen, and reads
  it on the first screen, at 1280 and at 390 px;
* search, through Material's own search worker and the built index, puts first the
  page a reader wants, and never shows a source-register code;
* a printout names the site, the page's address and the as-at date, with its title in black.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from tooling import require_tools

from checks.browser import chromium, missing_browser_tools
from checks.gate import html_pages, url_path
from checks.serve import serve

pytestmark = [pytest.mark.slow, pytest.mark.browser]

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# The narrowest phone in common use (375 px): a page that does not scroll sideways here does not at 390 px.
NARROW = {"width": 375, "height": 667}
SITE_URL = "https://guidance.childrens-trusts.org.uk/"  # conftest PUBLISHED


@pytest.fixture(scope="module")
def browser_site(built_site):
    require_tools(missing_browser_tools())
    with serve(built_site) as base_url, chromium() as browser:
        yield browser, base_url


# Every table wider than the page's column: is it in a box that scrolls sideways, and does the box
# cast the shadow that says so? The page itself must not scroll sideways.
OVERFLOW = """() => {
  const doc = document.documentElement;
  const tables = [...document.querySelectorAll('article table')].filter(t => t.scrollWidth > t.parentElement.clientWidth + 1
    || t.getBoundingClientRect().width > doc.clientWidth);
  const unboxed = tables.filter(t => {
    for (let n = t.parentElement; n && n !== doc; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (['auto', 'scroll'].includes(s.overflowX) && n.clientWidth < doc.clientWidth + 1)
        return !s.backgroundImage.includes('gradient');
    }
    return true;
  });
  return {page: doc.scrollWidth - doc.clientWidth, wide: tables.length, unboxed: unboxed.length};
}"""


def test_no_page_scrolls_sideways_on_a_phone_and_wide_tables_scroll_in_a_box_with_a_cue(browser_site, built_site):
    browser, base_url = browser_site
    context = browser.new_context(viewport=NARROW)
    tab = context.new_page()
    problems, wide = [], 0
    try:
        for page in html_pages(built_site):
            path = url_path(built_site, page)
            tab.goto(base_url + path.lstrip("/"), wait_until="load")
            found = tab.evaluate(OVERFLOW)
            wide += found["wide"]
            if found["page"] > 0 or found["unboxed"]:
                problems.append((path, found))
    finally:
        context.close()
    assert not problems
    assert wide > 0  # the duty matrix at least: the check looked at real wide tables


def _top_level(tab) -> list[str]:
    return tab.evaluate(
        """() => [...document.querySelectorAll('.md-nav--primary > .md-nav__list > .md-nav__item')]
             .map(li => li.querySelector('.md-nav__link').textContent.trim().replace(/\\s+/g, ' '))"""
    )


def test_at_most_seven_top_level_items_all_on_a_phones_first_screen(browser_site):
    browser, base_url = browser_site
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    try:
        tab.goto(base_url, wait_until="load")
        labels = _top_level(tab)
        assert len(labels) <= 7, labels
        assert labels[:2] == ["Home", "What your organisation must do"]
        tab.click(".md-header label[for=__drawer]")
        tab.wait_for_timeout(400)  # the drawer slides in
        bottom = tab.evaluate(
            """() => Math.max(...[...document.querySelectorAll('.md-nav--primary > .md-nav__list > .md-nav__item')]
                 .map(li => li.getBoundingClientRect().bottom))"""
        )
        assert bottom <= PHONE["height"], bottom
    finally:
        context.close()


# The "must" list of the summary: its last line is on the first screen.
MUST_LIST_BOTTOM = """() => {
  const must = document.querySelector('#in-short ~ p .strength-must');
  const list = must.closest('p').nextElementSibling;
  const end = (list && list.tagName === 'UL' ? list : must.closest('p')).getBoundingClientRect();
  return {bottom: end.bottom, lead: must.closest('p').textContent};
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
def test_a_police_manager_reads_what_the_police_must_do_two_clicks_from_home(browser_site, viewport):
    browser, base_url = browser_site
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    try:
        tab.goto(base_url, wait_until="load")
        with tab.expect_navigation(wait_until="load"):
            tab.click("article a:text-is('What your organisation must do')")
        # On the partners index, the police's name is on the first screen: no scrolling to find it.
        police = tab.locator("article a:text-is('Police and police authorities')").first
        box = police.bounding_box()
        assert box and box["y"] + box["height"] <= viewport["height"], box
        with tab.expect_navigation(wait_until="load"):
            police.click()
        assert urlsplit(tab.url).path == "/partners/police/"
        seen = tab.evaluate(MUST_LIST_BOTTOM)
        assert seen["lead"].startswith("In force on 21 July 2009. Police and police authorities must")
        assert seen["bottom"] <= viewport["height"], seen
        assert tab.evaluate("() => scrollY") == 0
    finally:
        context.close()


# Material's own search worker and the built index, sent the query as typed, as the search box sends it.
SEARCH = """async (queries) => {
  const config = JSON.parse(document.getElementById('__config').textContent);
  const worker = new Worker(new URL(config.search, location.href));
  const index = await (await fetch(new URL('search/search_index.json', location.href))).json();
  const next = () => new Promise(done => worker.addEventListener('message', e => done(e.data), {once: true}));
  worker.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  await next();
  const results = {};
  for (const query of queries) {
    worker.postMessage({type: 2, data: query});
    const found = await next();
    results[query] = found.data.items.map(group => ({
      page: group[0].location.split('#')[0],
      shown: group.map(item => item.title + ' ' + (item.text || '')).join(' ').replace(/<[^>]+>/g, '')
    }));
  }
  worker.terminate();
  return results;
}"""

# What a reader types, and the page that must come first (then others that must come before the rest).
QUERIES = {
    "CYPP": ["cypp/", "documents/cypp-template/"],
    "Children and Young People's Plan": ["cypp/", "documents/cypp-template/"],
    "LSCB": ["partners/lscb/"],
    "Local Safeguarding Children Board": ["partners/lscb/"],
    "JSNA": ["duties/joint-strategic-needs-assessment/"],
    "joint strategic needs assessment": ["duties/joint-strategic-needs-assessment/"],
    "PCT": ["partners/primary-care-trusts/"],
    "primary care trust": ["partners/primary-care-trusts/"],
    "police": ["partners/police/"],
    "quorum": ["documents/trust-board-constitution/"],
    "constitution": ["documents/trust-board-constitution/"],
}
# What a reader types, and the pages that must come first, in either order: the two halves of section 10,
# which duties.yml calls "duty to cooperate" (also_called), before the consultation with it in its title.
FIRST_IN_ANY_ORDER = {
    "duty to cooperate": {"duties/cooperate-to-improve-well-being/", "duties/make-cooperation-arrangements/"},
}
# Codes of the source register and its paragraph anchors: never shown in a result.
CODE = re.compile(r"\b(?:p-[0-9a-z]|fn-\d|q\d+\b|section-\d|appendix-\d)|[a-z]+-[a-z]+-20\d\d\b")


def test_search_finds_what_people_type_and_shows_no_register_codes(browser_site):
    browser, base_url = browser_site
    tab = browser.new_page()
    try:
        tab.goto(base_url, wait_until="load")
        results = tab.evaluate(SEARCH, list(QUERIES) + list(FIRST_IN_ANY_ORDER))
    finally:
        tab.close()
    for query, wanted_set in FIRST_IN_ANY_ORDER.items():
        pages = [r["page"] for r in results[query]]
        assert set(pages[: len(wanted_set)]) == wanted_set, (query, pages[:8])
    for query, wanted in QUERIES.items():
        pages = [r["page"] for r in results[query]]
        assert pages[: len(wanted)] == wanted, (query, pages[:8])
        for result in results[query][:10]:
            assert not CODE.search(result["shown"]), (query, result["page"], CODE.search(result["shown"]))


def test_a_printout_names_the_site_the_address_and_the_date_with_the_title_in_black(browser_site):
    browser, base_url = browser_site
    tab = browser.new_page()
    try:
        tab.goto(base_url + "partners/police/", wait_until="load")
        assert not tab.is_visible(".trustdocs-print-header")
        tab.emulate_media(media="print")
        header = tab.locator(".trustdocs-print-header")
        assert header.is_visible()
        text = header.inner_text()
        assert "Children's Trusts guidance" in text
        assert f"{SITE_URL}partners/police/" in text
        assert "as at 21 July 2009" in text
        assert tab.evaluate("() => getComputedStyle(document.querySelector('article h1')).color") == "rgb(0, 0, 0)"
        # A collapsed list prints open.
        hidden = tab.evaluate(
            """() => [...document.querySelectorAll('article details:not([open]) li')]
                 .filter(li => li.getBoundingClientRect().height === 0).length"""
        )
        assert hidden == 0
    finally:
        tab.close()


def test_every_printed_sheet_has_a_footer_naming_the_site_the_date_and_the_sheet(browser_site):
    """The header is on the first sheet only; a footer on every sheet says where the paper came from."""
    import io

    from pypdf import PdfReader

    browser, base_url = browser_site
    tab = browser.new_page()
    try:
        tab.goto(base_url + "partners/police/", wait_until="load")
        sheets = PdfReader(io.BytesIO(tab.pdf(format="A4"))).pages
    finally:
        tab.close()
    assert len(sheets) >= 2
    for number, sheet in enumerate(sheets, 1):
        text = " ".join(sheet.extract_text().split())
        assert f"Page {number} of {len(sheets)}" in text, (number, text[:200])
        assert "Children's Trusts guidance. Statuses as at 21 July 2009." in text, (number, text[:200])
