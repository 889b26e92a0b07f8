"""The accessibility gate finds axe violations and off-origin requests, runs the
keyboard journeys, and passes accessible pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.gate_tools import FIXTURES, build_material_sample, require_tools

from checks import accessibility, keyboard
from checks.gate import Finding, GateUnavailable
from checks.serve import serve


def audit(site: Path, **options) -> accessibility.Report:
    require_tools(accessibility.missing_tools())
    with serve(site) as base_url:
        return accessibility.check(site, base_url, **{"screenshots_dir": None, "journeys": False, **options})


def on_page(findings: list[Finding], location: str) -> list[str]:
    return [f.message for f in findings if f.location == location]


@pytest.fixture(scope="module")
def broken() -> accessibility.Report:
    return audit(FIXTURES / "a11y_broken")


@pytest.mark.browser
def test_low_contrast_text_is_found(broken):
    messages = on_page(broken.findings, "/low-contrast.html")
    assert any(m.startswith("color-contrast (serious; WCAG 1.4.3)") and "#faint" in m for m in messages), messages


@pytest.mark.browser
def test_an_image_without_alt_is_found(broken):
    messages = on_page(broken.findings, "/missing-alt.html")
    assert any(m.startswith("image-alt (critical; WCAG 1.1.1)") and "#no-alt" in m for m in messages), messages


@pytest.mark.browser
def test_a_request_to_another_origin_is_recorded_even_though_it_fails(broken):
    messages = on_page(broken.findings, "/external-request.html")
    assert "requests another origin: http://example.invalid/x.png" in messages, messages


@pytest.mark.browser
def test_something_the_pages_own_policy_blocks_is_found(broken):
    messages = on_page(broken.findings, "/csp-blocked.html")
    assert messages == ["its Content-Security-Policy script-src-elem blocked inline"], messages


@pytest.mark.browser
def test_each_broken_page_has_only_its_own_problem(broken):
    pages = {f.location.removesuffix(" (375px wide)") for f in broken.findings}  # showcase pages: mobile too
    assert pages == {"/low-contrast.html", "/missing-alt.html", "/external-request.html", "/csp-blocked.html"}
    assert broken.pages == 4 and broken.axe_version.startswith("4.")


@pytest.mark.browser
def test_a_good_page_has_no_findings():
    assert audit(FIXTURES / "good").findings == []


@pytest.mark.browser
def test_journeys_report_a_page_without_skip_link_or_search():
    report = audit(FIXTURES / "good", journeys=True)
    messages = on_page(report.findings, "/ (1280px wide)")
    assert any("first Tab should focus a skip link" in m for m in messages), report.findings
    assert any("never reach the search box" in m for m in messages), report.findings


@pytest.mark.browser
def test_material_site_passes_every_check_with_the_theme_overrides(tmp_path):
    """Stock Material fails contrast, the search dialog's name, keyboard focus on
    mobile and the same-origin rule; overrides/ must fix all of them."""
    require_tools(accessibility.missing_tools())
    site = build_material_sample(tmp_path)
    shots = tmp_path / "screenshots"
    report = audit(site, journeys=True, screenshots_dir=shots)
    assert report.findings == []
    # 3 journeys x 2 pages x 2 widths, each of which did something
    assert len(report.journeys) == 12
    assert not [line for line in report.journeys if "not applicable" in line]
    assert sorted(p.name for p in shots.glob("*.png")) == [
        "content-desktop.png",
        "content-mobile.png",
        "home-desktop.png",
        "home-mobile.png",
    ]


@pytest.mark.browser
def test_stock_materials_drawer_loses_the_keyboard_focus_on_narrow_screens(tmp_path, monkeypatch):
    """Without overrides/'s accessibility fixes, Material's closed drawer and its
    closed contents panel keep their links in the tab order off screen: the
    journey must say so, naming this page's own contents links as well."""
    require_tools(accessibility.missing_tools())
    # Each unseen link is waited on for SETTLE_MS; the stock drawer never slides
    # in, so a shorter wait tells as much (10 unseen links: 20 s, not 50 s).
    monkeypatch.setattr(keyboard, "SETTLE_MS", 2000)
    site = build_material_sample(tmp_path)
    (site / "assets" / "stylesheets" / "accessibility-fixes.css").write_text("", encoding="utf-8")
    report = audit(site, journeys=True)
    unseen = [m for m in on_page(report.findings, "/ (375px wide)") if "take keyboard focus unseen" in m]
    assert unseen, report.findings
    assert "href=#who-this-is-for" in unseen[0], unseen
    assert not [m for m in on_page(report.findings, "/ (1280px wide)") if "keyboard focus unseen" in m], report.findings


@pytest.mark.parametrize(
    ("tags", "impact", "counts"),
    [
        (["wcag2aa", "wcag143"], "minor", True),
        (["wcag22aa", "wcag258"], None, True),
        (["best-practice"], "serious", True),
        (["best-practice"], "critical", True),
        (["best-practice"], "moderate", False),
        (["wcag2aaa", "wcag146"], "serious", False),
    ],
)
def test_which_violations_count(tags, impact, counts):
    assert accessibility._counts({"tags": tags, "impact": impact}) is counts


def test_missing_axe_is_a_failure_not_a_pass(monkeypatch):
    monkeypatch.setattr(accessibility, "AXE_JS", Path("/nonexistent/axe.min.js"))
    with pytest.raises(GateUnavailable, match="axe.min.js"):
        accessibility.run(FIXTURES / "good", "http://127.0.0.1:1/")
