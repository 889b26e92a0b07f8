"""The link gate finds dead links, missing anchors and malformed external URLs, and passes a good site.

Each fixture in link_fixtures/ is a tiny built site with MkDocs-style directory
URLs (``a/index.html`` served as ``/a/``), checked over HTTP like the real one.
"""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path

import pytest
from fixtures.gate_tools import build_material_sample

from checks import links
from checks.external_links import syntax_problem
from checks.gate import GateUnavailable
from checks.serve import serve

pytestmark = pytest.mark.slow  # runs LinkChecker against a local server

SITES = Path(__file__).resolve().parent / "link_fixtures"


def check_now(site: Path, **kwargs) -> links.Report:
    with serve(site) as base_url:
        return links.check(site, base_url, **kwargs)


@functools.cache
def check(site: str) -> links.Report:
    """The gate's report on a fixture site; each LinkChecker start costs a second, so once per site."""
    return check_now(SITES / site)


def flagged(findings) -> set[tuple[str, str]]:
    """(page, link as written) of each finding."""
    return {(f.location, re.match(r"link ('.*?'|\".*?\") ", f.message).group(1)[1:-1]) for f in findings}


def test_a_good_site_has_no_findings():
    report = check("good")
    assert report.findings == []
    assert report.pages == 2
    assert report.anchors == 4  # #main (from both pages), a/#duties, a/index.html#duties, a/#na%C3%AFve
    assert report.external_urls == 5


def test_a_material_site_has_no_findings(tmp_path):
    """Material's own markup (navigation, search, permalinks) links only to what exists."""
    report = check_now(build_material_sample(tmp_path))
    assert report.findings == []
    assert report.pages >= 4
    assert report.anchors > 0


def test_run_is_the_offline_gate():
    with serve(SITES / "good") as base_url:
        assert links.run(SITES / "good", base_url) == []


def test_a_dead_internal_link_names_the_page_and_the_url():
    findings = check("dead_link").findings
    dead = [f for f in findings if f.location == "/a/"]
    assert len(dead) == 1, findings
    assert dead[0].gate == "links"
    assert "'../missing/'" in dead[0].message
    assert "404" in dead[0].message


def test_every_page_with_the_dead_link_is_named_not_just_the_first():
    # LinkChecker checks /missing/ once and names one page; both pages link to it.
    findings = flagged(check("dead_link").findings)
    assert ("/", "missing/#duties") in findings
    assert ("/a/", "../missing/") in findings


def test_a_page_no_other_page_links_to_is_checked_too():
    findings = check("dead_link").findings
    assert flagged(findings) == {("/", "missing/#duties"), ("/a/", "../missing/"), ("/unlinked/", "/gone.html")}


def test_a_missing_anchor_on_a_directory_url_is_a_finding():
    findings = check("bad_anchor").findings
    assert flagged(findings) == {("/", "a/#missing"), ("/", "/a/#gone"), ("/", "#nowhere")}
    missing = next(f for f in findings if "'a/#missing'" in f.message)
    assert missing.gate == "links"
    assert "#missing not found on /a/" in missing.message


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://exa mple.com", "contains whitespace"),
        ("htps:/x", "unknown scheme 'htps:'"),
        ("https://localhost/", "host without a dot"),
        ("mailto:", "without a valid address"),
        ("javascript:void(0)", "javascript:"),
    ],
)
def test_a_malformed_external_url_is_a_finding(url, reason):
    findings = check("bad_external").findings
    messages = [f.message for f in findings if f.location == "/" and f"'{url}'" in f.message]
    assert len(messages) == 1, findings
    assert reason in messages[0]


def test_only_the_malformed_external_urls_are_findings():
    findings = check("bad_external").findings
    assert len(findings) == 5
    assert not any("www.gov.uk" in f.message for f in findings)


@pytest.mark.parametrize("site", ["good", "bad_anchor"])
def test_anchors_agree_with_linkcheckers_own_anchorcheck(site, tmp_path, monkeypatch):
    """Our one-parse-per-page anchor check flags exactly what AnchorCheck flags, each on its own."""
    theirs_rc = links.LINKCHECKERRC
    with monkeypatch.context() as only_theirs:
        only_theirs.setattr(links, "_anchor_problems", lambda *args: {})
        theirs = flagged(check_now(SITES / site).findings)
    rc = tmp_path / "linkcheckerrc"
    rc.write_text(theirs_rc.read_text(encoding="utf-8").replace("[AnchorCheck]", ""), encoding="utf-8")
    monkeypatch.setattr(links, "LINKCHECKERRC", rc)
    ours = flagged(check_now(SITES / site).findings)
    assert ours == theirs


@pytest.mark.parametrize(
    "url",
    [
        "https://www.gov.uk/government/publications",
        "http://www.example.org:8080/a?b=c#d",
        "https://bücher.example/",
        "https://127.0.0.1:8000/",
        "https://[::1]/",
        "mailto:a@example.org,b@example.org?subject=Hi",
        "tel:+441234567890",
    ],
)
def test_well_formed_external_urls_pass_the_syntax_check(url):
    assert syntax_problem(url, url) is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        (" https://www.gov.uk/", "whitespace"),
        ("https://www.gov.uk:port/", "invalid port"),
        ("https://www..gov.uk/", "invalid host name"),
        ("https://-bad.example/", "invalid host name"),
        ("https://example.123/", "invalid host name"),
        ("https:///path", "no host"),
        ("http://[::1", "not a valid URL"),
        ("ftp://files.example.org/", "unknown scheme"),
        ("mailto:nobody", "without a valid address"),
        ("tel:", "without a number"),
    ],
)
def test_malformed_external_urls_fail_the_syntax_check(url, reason):
    assert reason in syntax_problem(url, url.strip())


def test_external_mode_asks_linkchecker_to_fetch_external_links():
    command = links._linkchecker_command(["http://127.0.0.1:1/"], external=True)
    assert "--check-extern" in command
    assert "--check-extern" not in links._linkchecker_command(["http://127.0.0.1:1/"], external=False)


def test_the_crawl_checks_anchors_and_is_not_throttled():
    """AnchorCheck must be on; and without the LinkChecker header our server sends, LinkChecker
    pauses ~0.35 s per request to it: minutes on a real site."""
    with serve(SITES / "good") as base_url:
        crawl = subprocess.run(
            [*links._linkchecker_command([base_url], external=False), "--debug", "all"],
            env=links._linkchecker_env(),
            capture_output=True,
            text=True,
            check=True,
        )
    assert "Enable content plugin AnchorCheck" in crawl.stderr
    assert "'LinkChecker': 'trustdocs check server'" in crawl.stderr
    assert "Min wait time: 0.0001 Max wait time: 0.0006" in crawl.stderr  # not LinkChecker's default 0.1-0.6 s


def test_linkchecker_that_cannot_run_is_a_failure_not_a_pass(monkeypatch):
    monkeypatch.setattr(links, "LINKCHECKER", [links.sys.executable, "-m", "no_such_linkchecker"])
    with pytest.raises(GateUnavailable, match="LinkChecker"):
        check_now(SITES / "good")


def test_an_empty_site_is_a_failure_not_a_pass(tmp_path):
    with pytest.raises(GateUnavailable, match="no HTML pages"):
        links.run(tmp_path, "http://127.0.0.1:1/")
