"""The response form in a real browser (Debian's Chromium): the error summary, then the two
saved files, the machine-readable one read back by ``trustdocs analyse``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tooling import require_tools, site_html

from checks.browser import chromium, missing_browser_tools
from checks.serve import serve
from trustdocs.rendering.consultations.form import respond_page
from trustdocs.responses.analysis import tally
from trustdocs.responses.read import read_responses

OPTIONS = "legislative-options-consultation-2008"
ROOT = Path(__file__).resolve().parent.parent


def build_page(dataset, site: Path) -> str:
    """The respond page rendered as MkDocs would; the form brings its own script and stylesheet. Returns its path."""
    c = next(c for c in dataset.consultations if c.id == OPTIONS)
    page = respond_page(dataset, c, c.dates.opens.start)  # the form as it was while the consultation was open
    body = site_html(page.markdown)
    target = site / "consultations" / OPTIONS / "respond"
    target.mkdir(parents=True)
    (target / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Respond</title></head><body><main>'
        f"{body}</main></body></html>",
        encoding="utf-8",
    )
    for asset in ("javascripts/form-errors.js", "javascripts/consultation-form.js", "stylesheets/consultations.css"):
        (site / "assets" / asset).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / "assets" / asset, site / "assets" / asset)
    return f"consultations/{OPTIONS}/respond/"


def focused_id(tab) -> str:
    return tab.evaluate("() => document.activeElement && document.activeElement.id")


@pytest.mark.browser
def test_the_form_shows_an_error_summary_then_saves_answers_that_analyse_reads(dataset, tmp_path):
    require_tools(missing_browser_tools())
    path = build_page(dataset, tmp_path / "site")
    requests: list[str] = []
    with serve(tmp_path / "site") as base_url, chromium() as browser:
        context = browser.new_context(accept_downloads=True)
        context.on("request", lambda request: requests.append(request.url))
        tab = context.new_page()
        tab.goto(base_url + path, wait_until="load")
        assert tab.is_visible("button:has-text('Save your answers')")
        assert not tab.is_visible("[data-consultation-no-script]")

        tab.click("button:has-text('Save your answers')")
        summary = tab.locator("#response-errors")
        assert summary.is_visible() and focused_id(tab) == "response-errors"
        assert summary.locator("h2").inner_text() == "There is a problem"
        assert summary.locator("a").all_inner_texts() == [
            "Select the category that best describes you",
            "Answer at least one question",
        ]
        assert tab.title() == "Error: Respond"
        assert (
            tab.locator("#response-category-error").text_content()
            == "Error: Select the category that best describes you"
        )
        assert "response-category-error" in tab.get_attribute("#response-category", "aria-describedby")
        summary.locator("a").first.click()
        assert focused_id(tab) == "response-category-childrens-trust"

        tab.check("#response-category-school")
        tab.fill("#response-email", "not an address")
        tab.check("#response-q1-yes")
        tab.click("button:has-text('Save your answers')")
        assert summary.locator("a").all_inner_texts() == [
            "Enter an email address in the correct format, like name@example.com"
        ]
        assert not tab.is_visible("#response-category-error")

        tab.fill("#response-email", "")
        tab.fill("#response-q1-comments", "Include Academies too.")
        tab.fill("#response-q7-comments", "Different priorities get in the way.")
        tab.check("#response-q9-not-sure")
        tab.click("button:has-text('Save your answers')")
        assert not summary.is_visible() and tab.title() == "Respond"
        assert tab.is_visible("#response-saved") and focused_id(tab) == "response-saved"
        with tab.expect_download() as download:
            tab.click("#response-download-json")
        assert download.value.suggested_filename == f"{OPTIONS}-response.json"
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        readable = tab.evaluate(
            "() => fetch(document.getElementById('response-download-text').href).then(r => r.text())"
        )
        context.close()

    assert all(url.startswith(base_url) or url.startswith("blob:") for url in requests), requests
    response = json.loads(saved.read_text(encoding="utf-8"))
    assert response["respondent"]["category"] == "school"
    assert response["answers"] == {
        "q1": {"choice": "yes", "comments": "Include Academies too."},
        "q7": {"comments": "Different priorities get in the way."},
        "q9": {"choice": "not-sure"},
    }
    c = next(c for c in dataset.consultations if c.id == OPTIONS)
    counts = tally(c, read_responses([saved], c))
    assert counts.total == 1 and dict(counts.by_category)["school"] == 1
    by_question = {q.question: q for q in counts.questions}
    assert by_question["q1"].answers == (("yes", 1), ("no", 0), ("not-sure", 0)) and by_question["q1"].comments == 1
    assert by_question["q9"].answers == (("yes", 0), ("no", 0), ("not-sure", 1))
    assert by_question["q7"].comments == 1
    assert "\nQuestion 1 of 9: Should the duty to cooperate be extended to schools," in readable
    assert "Answer: Yes\nComments: Include Academies too.\n" in readable
    assert "Category: School\n" in readable
