"""The HTML validity gate finds invalid markup, points at it, and passes valid pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.gate_tools import FIXTURES, build_material_sample, require_tools

from checks import html_validity
from checks.gate import GateUnavailable

pytestmark = pytest.mark.slow  # runs the Nu HTML Checker (Java)


@pytest.fixture(scope="module")
def invalid_report() -> html_validity.Report:
    require_tools(html_validity.missing_tools())
    return html_validity.check(FIXTURES / "invalid_html")


@pytest.mark.parametrize(
    ("location", "words"),
    [
        ("index.html:10:5", "Duplicate ID"),
        ("index.html:11:17", "Unclosed element “span”"),
        ("index.html:12:5", "Attribute “autocomplete” is only allowed"),
    ],
)
def test_each_error_is_a_finding_at_its_file_line_and_column(invalid_report, location, words):
    messages = [f.message for f in invalid_report.findings if f.location == location]
    assert any(words in message for message in messages), invalid_report.findings
    assert all(f.gate == "html-validity" for f in invalid_report.findings)


def test_warnings_are_reported_but_are_not_findings(invalid_report):
    assert any("first occurrence of ID" in w for w in invalid_report.warnings)
    assert not any("first occurrence of ID" in f.message for f in invalid_report.findings)


def test_a_good_page_has_no_findings():
    require_tools(html_validity.missing_tools())
    assert html_validity.run(FIXTURES / "good", "http://127.0.0.1:1/") == []


def test_material_pages_are_valid_with_the_theme_overrides(tmp_path):
    """Stock Material puts autocomplete on checkboxes; overrides/ must remove every error."""
    require_tools(html_validity.missing_tools())
    site = build_material_sample(tmp_path)
    report = html_validity.check(site)
    assert report.pages >= 4
    assert report.findings == []


def test_all_pages_go_to_one_checker_run(monkeypatch, tmp_path):
    for n in range(5):
        (tmp_path / f"page{n}.html").write_text("<!doctype html>", encoding="utf-8")
    batches = []
    monkeypatch.setattr(html_validity, "missing_tools", lambda: [])
    monkeypatch.setattr(html_validity, "_run_vnu", lambda pages: batches.append(pages) or ("test", []))
    assert html_validity.check(tmp_path).pages == 5
    assert [len(batch) for batch in batches] == [5]


def test_a_missing_checker_is_a_failure_not_a_pass(monkeypatch):
    monkeypatch.setattr(html_validity, "VNU_JAR", Path("/nonexistent/vnu.jar"))
    with pytest.raises(GateUnavailable, match="vnu.jar"):
        html_validity.run(FIXTURES / "good", "http://127.0.0.1:1/")
