"""Gate: every page passes axe-core in Chromium, loads nothing from another origin,
and the main keyboard journeys work.

Findings:
  * every axe violation of WCAG 2.0/2.1/2.2 level A or AA, on every page;
  * axe best-practice violations of impact serious or critical;
  * every request a page makes to an origin other than the served site's
    (recorded, then aborted so nothing leaves the machine);
  * keyboard journeys that fail (checks/keyboard.py), on the home page and one
    content page, at desktop (1280 px) and mobile (375 px) widths.
It also saves screenshots of those two pages at both widths, for a person to look at.

    python -m checks.accessibility SITE_DIR [--screenshots DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from checks import keyboard
from checks.browser import SETUP_HINT, chromium, missing_browser_tools
from checks.gate import Finding, GateUnavailable, html_pages, url_path
from checks.serve import serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext

GATE = "accessibility"
REPO = Path(__file__).resolve().parent.parent
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
DEFAULT_SCREENSHOTS = REPO / "test-artefacts" / "screenshots"

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Passing rules need not come back in full: only violations become findings.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
WCAG_A_OR_AA = re.compile(r"^wcag2\d?a{1,2}$")  # wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa
WCAG_CRITERION = re.compile(r"^wcag(\d)(\d)(\d+)$")  # wcag143 -> 1.4.3
BEST_PRACTICE_BAR = {"serious", "critical"}
MAX_SELECTORS = 5

DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 812}
NETWORK_SCHEMES = {"http", "https", "ws", "wss", "ftp"}  # data:, blob:, about: never leave the page


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0  # axe over every page
    journey_seconds: float = 0.0
    axe_version: str = "?"
    journeys: list[str] = field(default_factory=list)
    screenshots: list[Path] = field(default_factory=list)

    @property
    def seconds_per_page(self) -> float:
        return self.seconds / self.pages if self.pages else 0.0


def missing_tools() -> list[str]:
    """What this gate needs and this machine lacks, each with how to get it."""
    missing = missing_browser_tools()
    if not AXE_JS.is_file():
        missing.append(f"{AXE_JS} (npm ci; {SETUP_HINT})")
    return missing


def run(
    site_dir: Path, base_url: str, screenshots_dir: Path | None = DEFAULT_SCREENSHOTS, journeys: bool = True
) -> list[Finding]:
    """The gate's findings for a site already served at ``base_url``."""
    return check(site_dir, base_url, screenshots_dir, journeys).findings


def check(
    site_dir: Path, base_url: str, screenshots_dir: Path | None = DEFAULT_SCREENSHOTS, journeys: bool = True
) -> Report:
    missing = missing_tools()
    if missing:
        raise GateUnavailable("missing " + "; ".join(missing))
    pages = html_pages(site_dir)
    if not pages:
        raise GateUnavailable(f"no HTML pages under {site_dir}: build the site first")
    paths = [url_path(site_dir, page) for page in pages]
    report = Report(pages=len(paths))
    with chromium() as browser:
        started = time.monotonic()
        report.findings += _audit(browser, base_url, paths, DESKTOP, report)
        report.seconds = time.monotonic() - started

        started = time.monotonic()
        showcase = _showcase_pages(site_dir, pages)
        # Material's mobile layout is different markup in use (drawer, search
        # overlay), so the showcase pages are audited at mobile width too.
        report.findings += _audit(browser, base_url, showcase, MOBILE, report)
        if journeys:
            report.findings += _journeys(browser, base_url, showcase, report)
        if screenshots_dir is not None:
            report.screenshots = _screenshots(browser, base_url, showcase, screenshots_dir)
        report.journey_seconds = time.monotonic() - started
    report.findings = sorted(set(report.findings))
    return report


def _new_context(browser: Browser, base_url: str, viewport: dict, off_origin: list[str]) -> BrowserContext:
    """A browser context that records, then aborts, every request to another origin."""
    context = browser.new_context(viewport=viewport)
    site = _origin(base_url)

    def leaves_site(url: str) -> bool:
        return urlsplit(url).scheme in NETWORK_SCHEMES and _origin(url) != site

    # Every request, including those from workers, passes the "request" event.
    context.on("request", lambda request: off_origin.append(request.url) if leaves_site(request.url) else None)
    context.route(leaves_site, lambda route: route.abort("blockedbyclient"))
    context.add_init_script(path=str(AXE_JS))
    context.add_init_script(_RECORD_CSP_VIOLATIONS)
    return context


# The page's own Content-Security-Policy must not block anything the page
# needs: the browser reports each blocked script, style, image or request.
_RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline code"}`);
});
"""


# Material fades colours in on load; axe sampling mid-transition once measured
# near-black on near-black (1.15:1). Audit the settled page: end every
# transition and animation at once, and wait for web fonts and a frame.
_NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def _settle(tab) -> None:
    tab.add_style_tag(content=_NO_MOTION)
    tab.evaluate("() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => r())))")


def _audit(browser: Browser, base_url: str, paths: list[str], viewport: dict, report: Report) -> list[Finding]:
    """axe-core and the same-origin rule on each page, one browser tab reused throughout."""
    findings = []
    off_origin: list[str] = []
    context = _new_context(browser, base_url, viewport, off_origin)
    tab = context.new_page()
    narrow = viewport is not DESKTOP
    from playwright.sync_api import Error as PlaywrightError  # imported late: see checks.browser

    try:
        for path in paths:
            where = f"{path} ({viewport['width']}px wide)" if narrow else path
            off_origin.clear()
            try:
                tab.goto(urljoin(base_url, path.lstrip("/")), wait_until="load")
                _settle(tab)
                results = tab.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
            except PlaywrightError as error:  # a page that cannot load or be audited is not accessible
                findings.append(Finding(GATE, where, f"could not be audited: {error.message.splitlines()[0]}"))
                continue
            report.axe_version = results.get("testEngine", {}).get("version", report.axe_version)
            findings += [Finding(GATE, where, _describe(v)) for v in results["violations"] if _counts(v)]
            # Requests seen while the page loaded and axe ran: stylesheets,
            # scripts, images, fonts, and what scripts fetched on load.
            findings += [Finding(GATE, where, f"requests another origin: {url}") for url in dict.fromkeys(off_origin)]
            blocked = tab.evaluate("() => window.__cspViolations || []")
            findings += [Finding(GATE, where, f"its Content-Security-Policy {v}") for v in dict.fromkeys(blocked)]
    finally:
        context.close()
    return findings


def _counts(violation: dict) -> bool:
    """Every WCAG A/AA violation; best-practice ones only when serious or critical."""
    if any(WCAG_A_OR_AA.match(tag) for tag in violation["tags"]):
        return True
    return "best-practice" in violation["tags"] and violation.get("impact") in BEST_PRACTICE_BAR


def _describe(violation: dict) -> str:
    criteria = ["WCAG " + ".".join(m.groups()) for m in map(WCAG_CRITERION.match, violation["tags"]) if m]
    nodes = violation["nodes"]
    selectors = [" >>> ".join(map(str, node["target"])) for node in nodes[:MAX_SELECTORS]]
    more = f" and {len(nodes) - MAX_SELECTORS} more" if len(nodes) > MAX_SELECTORS else ""
    detail = _first_reason(nodes[0]) if nodes else ""
    return (
        f"{violation['id']} ({violation.get('impact') or 'n/a'}; {', '.join(criteria) or 'best practice'}): "
        f"{violation['help']}"
        f"{'. ' + detail if detail else ''}. At: {', '.join(selectors)}{more}"
    )


def _first_reason(node: dict) -> str:
    """axe's own words for the first failing element, e.g. the measured contrast ratio."""
    lines = [line.strip() for line in node.get("failureSummary", "").splitlines()]
    reasons = [line for line in lines if line and not line.startswith("Fix ")]
    return reasons[0][:200] if reasons else ""


def _showcase_pages(site_dir: Path, pages: list[Path]) -> list[str]:
    """The home page and one content page: the largest, as it shows the most components."""
    home = site_dir / "index.html"
    content = [p for p in pages if p != home and p.name != "404.html"]
    chosen = [home] if home in pages else pages[:1]
    if content:
        chosen.append(max(content, key=lambda p: (p.stat().st_size, p.as_posix())))
    return [url_path(site_dir, page) for page in chosen]


def _journeys(browser: Browser, base_url: str, paths: list[str], report: Report) -> list[Finding]:
    findings = []
    for viewport, label in ((DESKTOP, "1280px wide"), (MOBILE, "375px wide")):
        off_origin: list[str] = []
        context = _new_context(browser, base_url, viewport, off_origin)
        tab = context.new_page()
        try:
            tab.goto(urljoin(base_url, paths[-1].lstrip("/")), wait_until="load")
            title = tab.evaluate("() => (document.querySelector('h1') || document.body).textContent")
            word = keyboard.search_word_for(title)
            for path in paths:
                result = keyboard.run_journeys(tab, base_url, path, label, word)
                findings += result.findings
                report.journeys += result.ran
        finally:
            context.close()
    return findings


def _screenshots(browser: Browser, base_url: str, paths: list[str], directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    saved = []
    for viewport, label in ((DESKTOP, "desktop"), (MOBILE, "mobile")):
        context = _new_context(browser, base_url, viewport, [])
        tab = context.new_page()
        try:
            for path, name in zip(paths, ("home", "content"), strict=False):
                tab.goto(urljoin(base_url, path.lstrip("/")), wait_until="load")
                file = directory / f"{name}-{label}.png"
                tab.screenshot(path=str(file), full_page=True)
                saved.append(file)
        finally:
            context.close()
    return saved


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="a built site, e.g. site/")
    parser.add_argument("--screenshots", type=Path, default=DEFAULT_SCREENSHOTS, help="where to save screenshots")
    args = parser.parse_args(argv)
    try:
        with serve(args.site_dir) as base_url:
            report = check(args.site_dir, base_url, args.screenshots)
    except GateUnavailable as error:
        print(f"{GATE}: UNAVAILABLE: {error}", file=sys.stderr)
        return 1
    for line in report.journeys:
        print(f"journey: {line}")
    for file in report.screenshots:
        print(f"screenshot: {file}")
    for finding in report.findings:
        print(finding)
    print(
        f"{GATE}: axe-core {report.axe_version} checked {report.pages} pages in {report.seconds:.1f} s "
        f"({report.seconds_per_page * 1000:.0f} ms/page); mobile audit, keyboard journeys and screenshots "
        f"in {report.journey_seconds:.1f} s: {len(report.findings)} findings"
    )
    return 1 if report.findings else 0


if __name__ == "__main__":
    sys.exit(main())
