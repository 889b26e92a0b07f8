"""Gate: every link in the built site leads somewhere.

Two passes over the site, side by side (LinkChecker in its own process):

- LinkChecker crawls the served site over HTTP, starting from every page, and
  reports each internal link that does not load (404, connection refused...).
  HTTP rather than files, because MkDocs' directory URLs (``/a/``) only mean
  ``/a/index.html`` to a web server. With ``--external`` it also fetches
  external links; the offline gate never does.
- This module parses every page once and checks each internal link's
  ``#anchor`` against the ids of the page it points to, and the syntax of
  every external link (checks/external_links.py).

Anchors are checked twice: by LinkChecker's AnchorCheck plugin (on in
checks/linkcheckerrc) and here, from one parse per page. LinkChecker names only
the first page it met a broken URL on; findings here name every page that has
the link.

    python -m checks.links SITE_DIR              # the offline gate
    python -m checks.links --external SITE_DIR   # also fetch external links
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

from checks.external_links import syntax_problem
from checks.gate import Finding, GateUnavailable, html_pages, url_path
from checks.serve import serve

GATE = "links"
# The LinkChecker of this Python environment (it is a pinned pip dependency).
LINKCHECKER = [sys.executable, "-m", "linkcheck"]
CHECKS_DIR = Path(__file__).resolve().parent
LINKCHECKERRC = CHECKS_DIR / "linkcheckerrc"
# Remote servers wait on the network, not on Python, so threads help there.
EXTERNAL_THREADS = 10
# Far above the ~10 s a 300-page site takes; only a hung LinkChecker hits it.
LINKCHECKER_TIMEOUT_SECONDS = 900
# The CSV report's last line: its presence means LinkChecker finished the check.
STOPPED = "# Stopped checking at"

# Where HTML puts URLs a reader's browser will load or follow.
LINK_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "object": ("data",),
    "form": ("action",),
    "button": ("formaction",),
    "blockquote": ("cite",),
    "q": ("cite",),
    "ins": ("cite",),
    "del": ("cite",),
}


@dataclass(frozen=True)
class Link:
    page: str  # URL path of the page the link is on, e.g. /a/
    raw: str  # the attribute value as written
    url: str  # made absolute against the page


@dataclass
class SiteScan:
    """Every page's links and anchor targets, from one parse of each page."""

    links: list[Link] = field(default_factory=list)
    ids: dict[str, set[str]] = field(default_factory=dict)  # site file path -> ids in it


@dataclass(frozen=True)
class CrawlProblem:
    """A problem LinkChecker reported, for the first link to the URL it met."""

    page: str  # URL path of that page
    raw: str  # that link as written
    url: str  # absolute, made the same way as Link.url
    reason: str
    about_target: bool  # an error is true of every link to the target, whatever its #anchor


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    pages: int = 0
    links: int = 0  # link occurrences in all pages
    internal_urls: int = 0  # distinct, without #anchor
    anchors: int = 0  # distinct internal page#anchor
    external_urls: int = 0  # distinct
    seconds: float = 0.0
    scan_seconds: float = 0.0  # our one parse per page, alongside the crawl


# A problem is keyed by (page URL path, link as written): the same bad link
# repeated on a page is one finding, and the passes agree on which link it is.
Problems = dict[tuple[str, str], str]


def run(site_dir: Path, base_url: str) -> list[Finding]:
    """The offline gate's findings for the site served at ``base_url``."""
    return check(site_dir, base_url).findings


def check(site_dir: Path, base_url: str, external: bool = False) -> Report:
    """Check every link of ``site_dir``, served at ``base_url``."""
    started = time.monotonic()
    site_dir = site_dir.resolve()
    pages = html_pages(site_dir)
    if not pages:
        raise GateUnavailable(f"no HTML pages under {site_dir}: build the site first")
    page_urls = [urljoin(base_url, url_path(site_dir, page).lstrip("/")) for page in pages]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        crawl = _start_linkchecker(page_urls, external, out, err)
        try:
            # Parse the pages while LinkChecker runs: it has a core of its own.
            scan = scan_site(site_dir, base_url, pages)
            scan_seconds = time.monotonic() - started
            crawl_problems = _linkchecker_problems(_wait(crawl, out, err), base_url)
        finally:
            if crawl.poll() is None:
                crawl.kill()
                crawl.wait()
    internal = [link for link in scan.links if link.url.startswith(base_url)]
    external_links = [link for link in scan.links if not link.url.startswith(base_url)]
    syntax_problems = _syntax_problems(external_links)
    crawl_findings = _every_page_with(crawl_problems, scan.links)
    # A malformed URL is reported once, in our words, even if LinkChecker also tripped on it.
    crawl_findings = {key: text for key, text in crawl_findings.items() if key not in syntax_problems}
    problems = {**crawl_findings, **syntax_problems, **_anchor_problems(scan, internal, base_url)}
    return Report(
        findings=sorted({Finding(GATE, page, f"link {raw!r} {text}") for (page, raw), text in problems.items()}),
        pages=len(pages),
        links=len(scan.links),
        internal_urls=len({urldefrag(link.url)[0] for link in internal}),
        anchors=len({link.url for link in internal if urldefrag(link.url)[1]}),
        external_urls=len({link.url for link in external_links}),
        seconds=time.monotonic() - started,
        scan_seconds=scan_seconds,
    )


def scan_site(site_dir: Path, base_url: str, pages: list[Path]) -> SiteScan:
    scan = SiteScan()
    for page in pages:
        page_path = url_path(site_dir, page)
        soup = BeautifulSoup(page.read_bytes(), "html.parser")
        scan.ids[page.relative_to(site_dir).as_posix()] = _anchor_targets(soup)
        base = soup.find("base", href=True)
        page_url = urljoin(base_url, page_path.lstrip("/"))
        if base is not None:
            page_url = urljoin(page_url, base["href"])
        for tag in soup.find_all(list(LINK_ATTRIBUTES)):
            for attribute in LINK_ATTRIBUTES[tag.name]:
                for raw in _urls_in(tag, attribute):
                    scan.links.append(Link(page_path, raw, _absolute(page_url, raw)))
    return scan


def _absolute(page_url: str, raw: str) -> str:
    """``raw`` made absolute, as a browser would; a URL with a scheme is kept as written.

    urljoin would read ``http:/x`` on an http page as the relative path ``/x``,
    hiding a malformed external link among the internal ones.
    """
    url = raw.strip()
    try:
        return url if urlsplit(url).scheme else urljoin(page_url, url)
    except ValueError:  # not a URL at all, e.g. "http://[::1"; the syntax check says so
        return url


def _anchor_targets(soup: BeautifulSoup) -> set[str]:
    """What a #fragment can land on: any element's id, and <a name> (as AnchorCheck counts them)."""
    targets = {tag["id"] for tag in soup.find_all(id=True)}
    targets |= {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
    return targets


def _urls_in(tag, attribute: str) -> list[str]:
    value = tag.get(attribute)
    if value is None:
        return []
    if attribute == "srcset":  # "a.png 1x, b.png 2x"
        return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
    return [value]


def _anchor_problems(scan: SiteScan, internal: list[Link], base_url: str) -> Problems:
    problems = {}
    base_path = urlsplit(base_url).path
    for link in internal:
        target_url, fragment = urldefrag(link.url)
        if not fragment:
            continue
        target = _served_file(unquote(urlsplit(target_url).path)[len(base_path) :], scan.ids)
        # A missing page is LinkChecker's finding; a non-HTML target has no anchors to check.
        if target is not None and unquote(fragment) not in scan.ids[target]:
            target_path = "/" + target.removesuffix("index.html")
            problems[link.page, link.raw.strip()] = (
                f"points to a missing anchor: #{fragment} not found on {target_path}"
            )
    return problems


def _served_file(relative: str, pages: dict[str, set[str]]) -> str | None:
    """The HTML page a site-relative URL path gets from a static web server, if any."""
    if relative == "" or relative.endswith("/"):
        candidates = [relative + "index.html"]
    else:  # /a is redirected to /a/ when a/ is a directory
        candidates = [relative, relative + "/index.html"]
    return next((c for c in candidates if c in pages), None)


def _syntax_problems(external: list[Link]) -> Problems:
    problems = {}
    for link in external:
        problem = syntax_problem(link.raw, link.url)
        if problem:
            problems[link.page, link.raw.strip()] = problem
    return problems


def _every_page_with(crawl: list[CrawlProblem], links: list[Link]) -> Problems:
    """Each crawl problem, on every page with a link to that URL.

    LinkChecker checks a URL once and reports it for the first page it met it
    on; the readers of the other pages hit the same dead link.
    """
    by_target = {urldefrag(p.url)[0]: p for p in crawl if p.about_target}
    by_url = {p.url: p for p in crawl if not p.about_target}
    problems, placed = {}, set()
    for link in links:
        problem = by_target.get(urldefrag(link.url)[0]) or by_url.get(link.url)
        if problem:
            problems[link.page, link.raw.strip()] = problem.reason
            placed.add(problem)
    # One our scan did not see (a URL LinkChecker spelt differently) stays where LinkChecker put it.
    for problem in set(crawl) - placed:
        problems[problem.page, problem.raw] = problem.reason
    return problems


def _linkchecker_command(start_urls: list[str], external: bool) -> list[str]:
    command = [*LINKCHECKER, "--config", str(LINKCHECKERRC)]
    command += ["--output", "csv", "--no-status", "--recursion-level", "-1"]
    if external:
        command += ["--check-extern", "--threads", str(EXTERNAL_THREADS)]
    # Every page is a start URL, so a page no other page links to is checked too.
    return command + start_urls


def _linkchecker_env() -> dict[str, str]:
    return dict(os.environ)


def _start_linkchecker(start_urls: list[str], external: bool, out, err) -> subprocess.Popen:
    command = _linkchecker_command(start_urls, external)
    try:
        return subprocess.Popen(command, stdout=out, stderr=err, env=_linkchecker_env())
    except OSError as error:
        raise GateUnavailable(f"could not start LinkChecker: {error}") from error


def _wait(crawl: subprocess.Popen, out, err) -> str:
    """LinkChecker's CSV report; GateUnavailable if it did not finish its check."""
    try:
        code = crawl.wait(timeout=LINKCHECKER_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        raise GateUnavailable(f"LinkChecker did not finish in {LINKCHECKER_TIMEOUT_SECONDS} s") from None
    out.seek(0)
    err.seek(0)
    report = out.read().decode("utf-8", "replace")
    # 0: no problems, 1: problems found; anything else (2, or python's 1 for a
    # missing module, which prints no report) means the check did not happen.
    if code not in (0, 1) or STOPPED not in report or "urlname;" not in report:
        stderr = err.read().decode("utf-8", "replace").strip()
        raise GateUnavailable(f"LinkChecker failed (exit {code}): {stderr[-2000:] or report[-2000:]}")
    return report


def _linkchecker_problems(report: str, base_url: str) -> list[CrawlProblem]:
    # The rows sit between the header and the closing "# Stopped checking" comment;
    # a row itself may start with "#" (a same-page link like #top).
    rows = report[report.index("urlname;") : report.rindex(STOPPED)]
    problems = []
    for row in csv.DictReader(io.StringIO(rows), delimiter=";"):
        error = row["valid"] != "True"
        reasons = [row["result"]] if error else []
        reasons += [warning for warning in row["warningstring"].splitlines() if warning.strip()]
        if not reasons:
            continue
        parent = urldefrag(row["parentname"])[0]
        page = parent or urldefrag(row["url"])[0]  # a start URL has no parent
        problems.append(
            CrawlProblem(
                page="/" + page[len(base_url) :] if page.startswith(base_url) else page,
                raw=row["urlname"].strip(),
                url=_absolute(parent, row["urlname"]) if parent else row["urlname"].strip(),
                reason="is broken: " + "; ".join(reasons),
                about_target=error,
            )
        )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="a built site, e.g. site/")
    parser.add_argument("--external", action="store_true", help="also fetch external links (needs the network)")
    args = parser.parse_args(argv)
    try:
        with serve(args.site_dir) as base_url:
            report = check(args.site_dir, base_url, external=args.external)
    except GateUnavailable as error:
        print(f"{GATE}: UNAVAILABLE: {error}", file=sys.stderr)
        return 1
    for finding in report.findings:
        print(finding)
    print(
        f"{GATE}: checked {report.pages} pages, {report.links} links "
        f"({report.internal_urls} internal URLs, {report.anchors} anchors, {report.external_urls} external URLs"
        f"{', fetched' if args.external else ', syntax only'}) in {report.seconds:.1f} s "
        f"(page scan {report.scan_seconds:.1f} s, alongside the LinkChecker crawl): {len(report.findings)} findings"
    )
    return 1 if report.findings else 0


if __name__ == "__main__":
    sys.exit(main())
