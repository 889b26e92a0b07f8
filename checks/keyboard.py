"""Keyboard journeys in a real browser: what a person without a mouse must be able to do.

Each journey presses real keys (Tab, Enter, typing) and checks what a sighted
keyboard user would see: the focused element must be painted inside the
viewport, not merely focused somewhere off screen. Used by checks.accessibility.

  skip link   the first Tab focuses a visible link to the main content
  navigation  Tab reaches a site-navigation link to another page; Enter loads it
  search      Tab reaches the search box; typing a word shows results
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from checks.gate import Finding

if TYPE_CHECKING:
    from playwright.sync_api import Page

GATE = "keyboard"
MAX_TABS = 200  # a page's header and navigation come well before this many stops
# Material animates focus changes (skip link fade, drawer slide: 250 ms). A loaded CI
# machine once took longer than 1.5 s to paint the mobile drawer; polling ends as soon
# as the focus is painted, so a generous limit costs nothing on a passing page.
SETTLE_MS = 5000
REPORTED_UNSEEN = 5  # unseen navigation links named in a finding; the walk stops there

# Material's markup, named once here: the site navigation and the search results.
SITE_NAV = ".md-nav--primary"
SEARCH_INPUT = "[role=search] input, input[type=search]"
SEARCH_RESULT = ".md-search-result__item"

# Painted: has a box that overlaps the viewport, is opaque, and is what the
# browser hits at its centre (nothing covers it).
FOCUSED_IS_PAINTED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return false;
  const r = e.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return false;
  if (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) return false;
  for (let n = e; n; n = n.parentElement) {
    const s = getComputedStyle(n);
    if (s.visibility === 'hidden' || parseFloat(s.opacity) < 0.9) return false;
  }
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  return !!hit && (hit === e || e.contains(hit) || hit.contains(e));
}"""

DESCRIBE_FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return 'nothing (body)';
  const text = (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  const href = e.getAttribute('href');
  return `<${e.tagName.toLowerCase()}${e.id ? ' id=' + e.id : ''}${href ? ' href=' + href : ''}> "${text}"`;
}"""


@dataclass
class JourneyResult:
    findings: list[Finding] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)  # one line per journey, for the gate's summary


def run_journeys(page: Page, base_url: str, page_path: str, width_label: str, search_word: str) -> JourneyResult:
    """All journeys starting from one page, in the page's current viewport."""
    result = JourneyResult()
    where = f"{page_path} ({width_label})"
    for journey in (_skip_link, _navigation, _search):
        url = urljoin(base_url, page_path.lstrip("/"))
        page.goto(url, wait_until="load")
        problem, done = journey(page, search_word)
        result.ran.append(f"{journey.__name__.strip('_')} from {where}: {problem or done}")
        if problem:
            result.findings.append(Finding(GATE, where, problem))
    return result


def _tab(page: Page) -> None:
    page.keyboard.press("Tab")


def _becomes_true(page: Page, script: str, arg: object = None, timeout_ms: int | None = None) -> bool:
    """Whether ``script`` turns truthy within the timeout (SETTLE_MS unless given: waiting out animations)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout  # imported late: see checks.browser

    try:
        page.wait_for_function(script, arg=arg, timeout=SETTLE_MS if timeout_ms is None else timeout_ms)
    except PlaywrightTimeout:
        return False
    return True


def _focused_is_painted(page: Page) -> bool:
    return _becomes_true(page, FOCUSED_IS_PAINTED)


def _skip_link(page: Page, _word: str) -> tuple[str | None, str]:
    _tab(page)
    focused = page.evaluate(DESCRIBE_FOCUSED)
    target = page.evaluate(
        """() => {
          const e = document.activeElement;
          if (!e || e.tagName !== 'A') return {error: 'is not a link'};
          const href = e.getAttribute('href') || '';
          if (!href.startsWith('#') || href.length < 2) return {error: 'does not link within the page'};
          const t = document.getElementById(decodeURIComponent(href.slice(1)));
          if (!t) return {error: `links to ${href}, which is not on the page`};
          if (!t.closest('main, [role=main]')) return {error: `links to ${href}, which is not in the main content`};
          return {id: t.id};
        }"""
    )
    if "error" in target:
        why = target["error"]
        return f"first Tab should focus a skip link to the main content; it focuses {focused}, which {why}", ""
    if not _focused_is_painted(page):
        return f"first Tab focuses the skip link {focused}, but it is not visible on screen", ""
    page.keyboard.press("Enter")
    moved = _becomes_true(
        page,
        """(id) => {
          const t = document.getElementById(id), r = t.getBoundingClientRect();
          return decodeURIComponent(location.hash) === '#' + id && r.bottom > 0 && r.top < innerHeight;
        }""",
        target["id"],
    )
    if not moved:
        return f"Enter on the skip link {focused} does not bring #{target['id']} into view", ""
    return None, f"Tab focuses {focused}; Enter shows #{target['id']}"


def _navigation(page: Page, _word: str) -> tuple[str | None, str]:
    from playwright.sync_api import Error as PlaywrightError

    here = urlsplit(page.url).path
    other_pages = page.evaluate(
        """([nav, here]) => [...document.querySelectorAll(nav + ' a[href]')]
             .map(a => new URL(a.href, location.href))
             .filter(u => u.origin === location.origin && u.pathname !== here)
             .map(u => u.pathname)""",
        [SITE_NAV, here],
    )
    if not other_pages:
        return None, "not applicable: the site navigation links to no other page"
    unseen = []
    for _ in range(MAX_TABS):
        _tab(page)
        link = page.evaluate(
            """(nav) => {
              const e = document.activeElement;
              if (!e || e.tagName !== 'A' || !e.closest(nav)) return null;
              const u = new URL(e.href, location.href);  // a page of this site, not e.g. the repository
              return u.origin === location.origin ? u.pathname : null;
            }""",
            SITE_NAV,
        )
        if not link:
            continue
        focused = page.evaluate(DESCRIBE_FOCUSED)
        if focused in unseen or len(unseen) == REPORTED_UNSEEN:
            break  # Tab has come round again, or enough is known: each unseen link costs SETTLE_MS
        if not _focused_is_painted(page):
            unseen.append(focused)  # a sighted user loses the focus here (WCAG 2.4.7)
            continue
        if link == here:  # this page's own contents: seen, but Enter would not leave the page
            continue
        try:
            with page.expect_navigation(wait_until="load", timeout=10_000):
                page.keyboard.press("Enter")
        except PlaywrightError as error:
            return f"Enter on navigation link {focused} does not load {link}: {error.message.splitlines()[0]}", ""
        arrived = urlsplit(page.url).path
        if arrived != link:
            return f"Enter on navigation link {focused} loaded {arrived}, not {link}", ""
        if unseen:
            return f"navigation links take keyboard focus unseen, off screen or covered: {', '.join(unseen)}", ""
        return None, f"Tab reaches navigation link {focused}; Enter loads {arrived}"
    if unseen:
        return f"navigation links take keyboard focus unseen, off screen or covered: {', '.join(unseen)}", ""
    return f"{MAX_TABS} presses of Tab never reach a navigation link to another page", ""


def _search(page: Page, word: str) -> tuple[str | None, str]:
    for _ in range(MAX_TABS):
        _tab(page)
        if page.evaluate("(sel) => !!document.activeElement && document.activeElement.matches(sel)", SEARCH_INPUT):
            break
    else:
        return f"{MAX_TABS} presses of Tab never reach the search box", ""
    if not _focused_is_painted(page):
        return "the search box takes keyboard focus but is not visible when focused", ""
    page.keyboard.type(word)
    if not _becomes_true(
        page,
        "(sel) => [...document.querySelectorAll(sel)].some(e => e.getClientRects().length > 0)",
        SEARCH_RESULT,
        timeout_ms=10_000,
    ):
        return f"typing {word!r} into the search box shows no visible results within 10 s", ""
    count = page.locator(SEARCH_RESULT).count()
    return None, f"Tab reaches the search box; typing {word!r} shows {count} result(s)"


def search_word_for(title: str) -> str:
    """A word the site surely contains: the longest word of a page's title."""
    words = re.findall(r"[A-Za-z]{4,}", title)
    return max(words, key=len).lower() if words else "the"
