"""Consultations: the data, their state by date, the pages, the response form and the printable form.

Pure functions are called with an explicit "as at" date, so nothing here
depends on the day the tests run.
"""

from __future__ import annotations

import dataclasses
import datetime
import re

import pytest
from bs4 import BeautifulSoup
from tooling import FixedSizes, site_html

from trustdocs.core.clock import as_at_date
from trustdocs.core.dates import PartialDate
from trustdocs.core.escape import md
from trustdocs.core.problems import DataError
from trustdocs.model.consultation_state import consultation_state
from trustdocs.model.consultations import Consultation
from trustdocs.pipeline.generate import generate_pages
from trustdocs.pipeline.load import load_dataset, read_documents, validate
from trustdocs.rendering.consultations.form import respond_page, response_form
from trustdocs.rendering.consultations.pages import (
    consultation_page,
    consultation_pages,
    consultations_index,
    outcome_page,
)
from trustdocs.rendering.consultations.printable import printable_forms
from trustdocs.rendering.pages.guidance import section_page
from trustdocs.rendering.paths import href
from trustdocs.validation.consultations import consultation_problems

GUIDANCE = "statutory-guidance-consultation-2008"
OPTIONS = "legislative-options-consultation-2008"
D = datetime.date


def consultation(dataset, consultation_id: str) -> Consultation:
    return next(c for c in dataset.consultations if c.id == consultation_id)


def html(markdown_text: str) -> BeautifulSoup:
    """A generated page as the site renders it (the same Markdown extensions as mkdocs.yml)."""
    rendered = site_html(markdown_text)
    return BeautifulSoup(rendered, "html.parser")


def with_dates(c: Consultation, opens: str, closes: str, outcome: str | None) -> Consultation:
    dates = dataclasses.replace(
        c.dates,
        opens=PartialDate.parse(opens),
        closes=PartialDate.parse(closes),
        outcome=PartialDate.parse(outcome) if outcome else None,
    )
    return dataclasses.replace(c, dates=dates)


# --- the data -----------------------------------------------------------------


def test_both_2008_consultations_are_data_with_their_outcomes(dataset):
    assert [c.id for c in dataset.consultations] == [OPTIONS, GUIDANCE]
    guidance, options = consultation(dataset, GUIDANCE), consultation(dataset, OPTIONS)
    assert [q.id for q in guidance.questions] == [f"q{n}" for n in range(1, 12)]
    assert guidance.questions[-1].answer == "free-text"
    assert len(guidance.categories) == 14 and len(options.categories) == 10
    assert options.outcome.total == 143
    assert guidance.outcome.findings and guidance.outcome.responses == ()


def test_every_consultation_reference_resolves(root):
    docs, problems = read_documents(root / "data")
    assert problems == []
    assert list(consultation_problems(docs)) == []


# --- state by date ------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_at", "state"),
    [
        (D(2008, 4, 2), "forthcoming"),  # the day before it opens
        (D(2008, 4, 3), "open"),  # the day it opens
        (D(2008, 6, 26), "open"),  # the closing date: responses still accepted
        (D(2008, 6, 27), "closed-being-analysed"),  # the day after
        (D(2008, 6, 30), "closed-being-analysed"),  # the outcome is dated July 2008 ...
        (D(2008, 7, 1), "outcome-published"),  # ... so it counts from 1 July
        (D(2030, 1, 1), "outcome-published"),
    ],
)
def test_state_of_the_guidance_consultation_at_each_boundary(dataset, as_at, state):
    assert consultation_state(consultation(dataset, GUIDANCE), as_at) == state


def test_an_outcome_dated_only_by_year_counts_from_the_day_after_closing(dataset):
    options = consultation(dataset, OPTIONS)  # closes 25 September 2008; outcome "2008"
    assert consultation_state(options, D(2008, 9, 25)) == "open"
    assert consultation_state(options, D(2008, 9, 26)) == "outcome-published"


def test_a_closing_month_means_its_last_day_and_no_outcome_date_means_still_being_analysed(dataset):
    c = with_dates(consultation(dataset, GUIDANCE), "2008-07", "2008-09", None)
    assert consultation_state(c, D(2008, 6, 30)) == "forthcoming"
    assert consultation_state(c, D(2008, 7, 1)) == "open"
    assert consultation_state(c, D(2008, 9, 30)) == "open"
    assert consultation_state(c, D(2008, 10, 1)) == "closed-being-analysed"
    assert consultation_state(c, D(2040, 1, 1)) == "closed-being-analysed"


def test_the_as_at_date_comes_from_the_environment_or_is_the_datas_own_date(dataset):
    assert as_at_date(D(2009, 7, 21), {"TRUSTDOCS_AS_AT": "2008-05-01"}) == D(2008, 5, 1)
    assert as_at_date(D(2009, 7, 21), {}) == D(2009, 7, 21)
    # Neither the build machine's clock nor SOURCE_DATE_EPOCH moves it: the same data gives the same pages.
    assert as_at_date(D(2009, 7, 21), {"SOURCE_DATE_EPOCH": "1230768000"}) == D(2009, 7, 21)
    assert dataset.latest_source_date == D(2009, 7, 21)
    with pytest.raises(ValueError) as caught:
        as_at_date(D(2009, 7, 21), {"TRUSTDOCS_AS_AT": "1 May 2008"})
    assert str(caught.value) == "TRUSTDOCS_AS_AT='1 May 2008' is not a date written as YYYY-MM-DD"


def _groups(index_markdown: str) -> dict[str, list[str]]:
    groups, current = {}, None
    for line in index_markdown.splitlines():
        if line.startswith("## "):
            current = re.sub(r" \{#.*\}$", "", line[3:])
            groups[current] = []
        elif line.startswith("- [") and current:
            groups[current].append(line[3:].split("]")[0])
    return groups


def test_the_index_groups_consultations_by_state(dataset):
    assert _groups(consultations_index(dataset.consultations, D(2008, 5, 1)).markdown) == {
        "Open": ["Statutory guidance for Children's Trusts on the duty to cooperate"],
        "Forthcoming": ["Strengthening Children's Trusts: legislative options"],
        "Closed: responses being analysed": [],
        "Outcome published": [],
    }
    later = consultations_index(dataset.consultations, D(2008, 8, 1)).markdown
    assert _groups(later) == {
        "Open": ["Strengthening Children's Trusts: legislative options"],
        "Forthcoming": [],
        "Closed: responses being analysed": [],
        "Outcome published": ["Statutory guidance for Children's Trusts on the duty to cooperate"],
    }
    assert "Each is shown as it stood on 1 August 2008." in later
    assert "[Respond to this consultation](legislative-options-consultation-2008/respond.md)" in later


def test_the_site_gets_every_page_and_the_as_at_date_from_the_environment(dataset, monkeypatch):
    monkeypatch.setenv("TRUSTDOCS_AS_AT", "2008-05-01")
    pages = {
        p.path: p for p in generate_pages(dataset, FixedSizes(), documents=[]) if p.path.startswith("consultations/")
    }
    assert sorted(pages) == sorted(
        [
            "consultations/index.md",
            *(f"consultations/{c}/{page}.md" for c in (GUIDANCE, OPTIONS) for page in ("index", "respond", "outcome")),
        ]
    )
    assert "Status on 1 May 2008: **Open**." in pages[f"consultations/{GUIDANCE}/index.md"].markdown
    assert pages[f"consultations/{GUIDANCE}/respond.md"].data_files == (f"data/consultations/{GUIDANCE}.yml",)


# --- the consultation page ------------------------------------------------------


def test_a_consultation_page_links_questions_to_guidance_paragraphs_that_exist(dataset):
    for c in dataset.consultations:
        page = consultation_page(dataset, c, D(2025, 1, 1))
        links = re.findall(r"\]\(\.\./\.\./guidance/([a-z0-9-]+)\.md#(para-[0-9-]+)\)", page.markdown)
        assert len(links) >= len([q for q in c.questions if q.about])
        for section_id, anchor in links:
            section = next(s for s in dataset.guidance if s.id == section_id)
            assert f'<span id="{anchor}"></span>' in section_page(dataset, section, D(2025, 1, 1)).markdown


def test_every_citation_links_to_a_paragraph_anchor_the_source_page_has(dataset):
    sources = {
        p.path: p.markdown for p in generate_pages(dataset, FixedSizes(), documents=[]) if p.path.startswith("sources/")
    }
    for page in consultation_pages(dataset, D(2025, 1, 1)):
        for source_id, anchor in re.findall(r"sources/([a-z0-9-]+)\.md#(p-[A-Za-z0-9-]+)\)", page.markdown):
            assert f'<h3 id="{anchor}">' in sources[f"sources/{source_id}.md"], (page.path, source_id, anchor)
    text = consultation_page(dataset, consultation(dataset, GUIDANCE), D(2025, 1, 1)).markdown
    # Consultations' citations are on the source pages too, so even a paragraph
    # nothing else cites (question q1 of the response form) has an anchor.
    assert (
        "[Guidance consultation response form (2008)](../../sources/response-form-2008.md), "
        "question [1](../../sources/response-form-2008.md#p-q1))"
    ) in text
    assert '<h3 id="p-q1">' in sources["sources/response-form-2008.md"]


# --- the response form --------------------------------------------------------


def form_of(dataset, c: Consultation, as_at=None) -> BeautifulSoup:
    """The response form as it was while the consultation was open (by default, on its opening day)."""
    page = respond_page(dataset, c, as_at or c.dates.opens.start)
    return html(page.markdown)


@pytest.mark.parametrize("consultation_id", [GUIDANCE, OPTIONS])
def test_every_question_is_in_the_form_with_a_fieldset_legend_and_labels(dataset, consultation_id):
    c = consultation(dataset, consultation_id)
    soup = form_of(dataset, c)
    form = soup.find("form", id="response-form")
    for q in c.questions:
        fieldset = form.find("fieldset", id=f"response-{q.id}")
        assert fieldset is not None, q.id
        assert fieldset.legend.get_text(" ", strip=True) == f"Question {q.number} of {len(c.questions)} {q.text}"
        radios = fieldset.find_all("input", type="radio")
        assert [(r["name"], r["value"]) for r in radios] == [(q.id, v) for v, _ in q.choices]
        for radio in radios:
            assert form.find("label", attrs={"for": radio["id"]}).get_text() in ("Yes", "No", "Not sure")
        textarea = fieldset.find("textarea")
        assert textarea["name"] == f"{q.id}-comments"
        assert form.find("label", attrs={"for": textarea["id"]}).get_text() == (
            f"Comments on question {q.number} (optional)" if q.choices else f"Your answer to question {q.number}"
        )
    categories = form.find("fieldset", id="response-category")
    assert categories.legend.get_text() == "Which category best describes you?"
    assert [r["value"] for r in categories.find_all("input", type="radio")] == [cat.id for cat in c.categories]


@pytest.mark.parametrize("consultation_id", [GUIDANCE, OPTIONS])
def test_every_control_has_a_label_and_every_id_is_unique(dataset, consultation_id):
    soup = form_of(dataset, consultation(dataset, consultation_id))
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    for control in soup.form.find_all(["input", "textarea", "select"]):
        if control.get("type") == "hidden":
            continue
        assert soup.find("label", attrs={"for": control["id"]}) is not None, control


def test_without_an_endpoint_the_form_saves_files_and_explains_the_way_without_javascript(dataset):
    soup = form_of(dataset, consultation(dataset, GUIDANCE))
    form = soup.form
    assert form.get("action") is None and form["data-mode"] == "download"
    assert "print the page" in form.find(attrs={"data-consultation-no-script": True}).get_text()
    actions = form.find(attrs={"data-consultation-script": True})
    assert actions.has_attr("hidden") and actions.button.get_text() == "Save your answers"
    assert form.find("a", id="response-download-json")["data-filename"] == f"{GUIDANCE}-response.json"
    assert form.find(attrs={"name": "website"}) is None  # no honeypot: nothing is posted
    assert form.find("input", attrs={"name": "confidential"})  # the notice offers confidentiality
    headings = [h.get_text() for h in soup.find_all(["h2", "h3"])]
    assert headings[:6] == [
        "Before you start",
        "Freedom of Information",
        "Confidentiality",
        "Personal information",
        "This website",
        "Your response",
    ]
    assert "Where to send your response" in headings


def test_with_an_endpoint_an_open_consultation_posts_there_with_a_honeypot(dataset):
    c = consultation(dataset, OPTIONS)
    c = dataclasses.replace(
        c, respond=dataclasses.replace(c.respond, endpoint="https://responses.example.gov.uk/submit")
    )
    form = form_of(dataset, c, as_at=D(2008, 8, 1)).form
    assert (form["action"], form["method"], form["data-mode"]) == (
        "https://responses.example.gov.uk/submit",
        "post",
        "post",
    )
    honeypot = form.find("input", attrs={"name": "website"})
    assert honeypot["tabindex"] == "-1" and honeypot["autocomplete"] == "off"
    assert honeypot.find_parent("div")["aria-hidden"] == "true"
    assert form.find("button", type="submit").get_text() == "Send your response"
    assert form.find(id="response-download-json") is None
    closed = respond_page(dataset, c, D(2008, 10, 1))  # once closed: no form, and nothing is posted
    assert "<form" not in closed.markdown and "responses.example.gov.uk" not in closed.markdown


def test_a_closed_consultation_shows_what_it_asked_and_invites_no_response(dataset):
    """A closed consultation's page is a record: no form, no address to send a response to."""
    for c in dataset.consultations:
        page = respond_page(dataset, c, D(2025, 1, 1)).markdown
        assert page.startswith("# What was asked: ")
        assert "<form" not in page and "Where to send" not in page and "Save your answers" not in page
        assert "Responses are no longer accepted" in page
        assert (c.respond.email or "no email") not in page
        for q in c.questions:
            assert f"{q.number}. " in page


def test_the_form_requests_nothing_from_another_origin(dataset):
    for c in dataset.consultations:
        form = form_of(dataset, c).form
        urls = [tag.get(a) for tag in form.find_all(True) for a in ("href", "src", "action") if tag.get(a)]
        assert urls and all(not re.match(r"^[a-z]+:", u) for u in urls), urls
    assert (
        href(f"consultations/{GUIDANCE}/respond.md", "assets/stylesheets/consultations.css")
        == "../../../assets/stylesheets/consultations.css"
    )
    assert (
        href(f"consultations/{GUIDANCE}/respond.md", "guidance/guidance-step-change.md", "para-1-8")
        == "../../../guidance/guidance-step-change/#para-1-8"
    )


def test_editor_text_in_the_form_is_literal(dataset):
    c = consultation(dataset, GUIDANCE)
    hostile = '<script>alert(1)</script> "quoted" {{ 7*7 }} & more'
    question = dataclasses.replace(c.questions[0], text=hostile, hint=hostile)
    c = dataclasses.replace(c, title=hostile, questions=(question, *c.questions[1:]))
    soup = BeautifulSoup(response_form(dataset, c, f"consultations/{c.id}/respond.md"), "html.parser")
    # The scripts are files of ours, loaded by the page that has the form: the error summary both forms share,
    # then the form's own; no editor text runs.
    scripts = soup.find_all("script")
    assert [(s.get("src"), s.get_text()) for s in scripts] == [
        ("../../../assets/javascripts/form-errors.js", ""),
        ("../../../assets/javascripts/consultation-form.js", ""),
    ]
    assert soup.form["data-title"] == hostile
    assert soup.find("fieldset", id="response-q1").legend.get_text(" ", strip=True) == f"Question 1 of 11 {hostile}"


# --- the outcome page -----------------------------------------------------------


def table_rows(table) -> list[list[str]]:
    return [[cell.get_text(strip=True) for cell in row.find_all(["td", "th"])] for row in table.find_all("tr")]


def test_the_legislative_options_outcome_page_shows_143_responses_by_category(dataset):
    c = consultation(dataset, OPTIONS)
    soup = html(outcome_page(dataset, c).markdown)
    heading = soup.find("h2", id="responses")
    assert heading.get_text() == "Responses by category"
    assert table_rows(heading.find_next("table")) == [
        ["Category", "Responses", "Share"],
        ["Children's Trust", "35", "24%"],
        ["Director of Children's Services", "19", "13%"],
        ["Voluntary or community sector", "24", "17%"],
        ["Local authority senior management", "11", "8%"],
        ["School", "14", "10%"],
        ["Strategic Health Authority or Primary Care Trust", "5", "3%"],
        ["Further education or sixth form college", "3", "2%"],
        ["Professional working with young people", "2", "1%"],
        ["Parent", "1", "1%"],
        ["Other", "29", "20%"],
        ["Total", "143", "100%"],
    ]
    assert [h.get_text() for h in soup.find_all("h3")] == [f"Question {n}" for n in range(1, 10)]
    assert (
        soup.find("h3", id="q1").find_next("strong").get_text().startswith("Should the duty to cooperate be extended")
    )
    q9 = soup.find("h3", id="q9")
    assert table_rows(q9.find_next("table")) == [
        ["Answer", "Share of responses"],
        ["Yes", "66%"],
        ["No", "15%"],
        ["Not sure", "19%"],
    ]
    assert soup.find("h2", id="next-steps")


def test_the_outcome_chart_is_an_image_with_a_title_a_description_and_the_table_beside_it(dataset):
    soup = html(outcome_page(dataset, consultation(dataset, OPTIONS)).markdown)
    figure = soup.find("figure", id="chart-responses")
    svg = figure.find("svg")
    assert svg["role"] == "img"
    title, desc = (soup.find(id=i) for i in svg["aria-labelledby"].split())
    assert (title.name, desc.name) == ("title", "desc")
    assert title.get_text() == "Bar chart: Responses by category (143 in all)"
    assert desc.get_text().startswith("Children's Trust: 35 (24%); Director of Children's Services: 19 (13%);")
    assert desc.get_text().endswith("Other: 29 (20%). The table below gives the same numbers.")
    assert len(svg.find_all("rect")) == 10
    assert figure.find_next_sibling("table") is not None


# --- schema and cross-file checks --------------------------------------------------


def only(data_copy) -> list[str]:
    return [str(p) for p in validate(data_copy.path)]


FILE = f"consultations/{GUIDANCE}.yml"


def test_a_wrong_answer_type_names_the_file_line_and_column(data_copy):
    data_copy.replace(FILE, "    answer: free-text\n", "    answer: essay\n")
    line = data_copy.line_of(FILE, "answer: essay")
    assert only(data_copy) == [
        f"data/{FILE}:{line}:13: $.questions[10].answer: 'essay' is not one of: yes-no-not-sure-with-comments, free-text"
    ]


def test_an_endpoint_must_be_https(data_copy):
    data_copy.replace(
        FILE, "  email: childrentrusts", "  endpoint: http://responses.example.gov.uk/\n  email: childrentrusts"
    )
    line = data_copy.line_of(FILE, "endpoint:")
    assert only(data_copy) == [
        f"data/{FILE}:{line}:13: $.respond.endpoint: 'http://responses.example.gov.uk/' is not an https:// web address"
    ]


def test_an_unknown_field_and_a_bad_question_id(data_copy):
    data_copy.replace(FILE, "  - id: q8\n", "  - id: question-8\n    colour: blue\n")
    line = data_copy.line_of(FILE, "id: question-8")
    assert only(data_copy) == [
        f"data/{FILE}:{line}:9: $.questions[7].id: 'question-8' is not in the expected form: "
        "q1, q2 and so on: unique in this file, and the column name in response spreadsheets.",
        f"data/{FILE}:{line + 1}:5: $.questions[7].colour: unknown field 'colour' (allowed here: about, answer, cites, hint, id, text)",
    ]


def test_the_same_question_id_twice_in_one_file(data_copy):
    data_copy.replace(FILE, "  - id: q8\n", "  - id: q7\n")
    first, second = data_copy.line_of(FILE, "- id: q7", 1), data_copy.line_of(FILE, "- id: q7", 2)
    assert only(data_copy) == [
        f"data/{FILE}:{second}:9: $.questions[7].id: id 'q7' is already used at data/{FILE}:{first}"
    ]


def test_cross_file_checks_name_the_line(data_copy):
    outcome = f"consultation-outcomes/{OPTIONS}.yml"
    data_copy.replace(outcome, "{category: parent,", "{category: parents,")
    data_copy.replace(outcome, '{answer: not-sure, percent: "19"}', '{answer: not-sure, percent: "29"}')
    data_copy.replace(FILE, 'paragraphs: ["3.18", "3.20"]', 'paragraphs: ["3.18", "3.99"]')
    data_copy.write("consultation-outcomes/no-such-consultation.yml", "summary: An outcome of nothing.\n")
    docs, problems = read_documents(data_copy.path)
    assert problems == []
    parent = data_copy.line_of(outcome, "category: parents")
    answers = data_copy.line_of(outcome, "answers:")
    about = data_copy.line_of(FILE, '"3.99"')
    assert sorted(str(p) for p in consultation_problems(docs)) == [
        f"data/{outcome}:{answers + 1}:7: $.questions[8].answers: the percentages add up to 110; "
        "rounded percentages should add up to about 100",
        f"data/{outcome}:{parent}:18: $.responses.by_category[8].category: unknown respondent category 'parents': "
        f"data/consultations/{OPTIONS}.yml lists childrens-trust, director-of-childrens-services, voluntary-community-sector, "
        "local-authority-senior-management, school, strategic-health-authority-primary-care-trust, college, "
        "professional-working-with-young-people, parent, other",
        "data/consultation-outcomes/no-such-consultation.yml:1:1: $: no consultation "
        "data/consultations/no-such-consultation.yml: name an outcome file after its consultation's id",
        f"data/{FILE}:{about}:64: $.questions[8].about[0].paragraphs[1]: paragraph 3.99 is not in guidance section "
        "'guidance-making-change' (data/guidance.yml)",
    ]


def test_the_loader_refuses_an_outcome_that_does_not_match_its_consultation(data_copy):
    data_copy.replace(f"consultation-outcomes/{OPTIONS}.yml", "  - question: q7\n", "  - question: q12\n")
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy.path)
    line = data_copy.line_of(f"consultation-outcomes/{OPTIONS}.yml", "question: q12")
    assert [str(p) for p in caught.value.problems] == [
        f"data/consultation-outcomes/{OPTIONS}.yml:{line}:15: $.questions[6].question: unknown question 'q12': "
        f"data/consultations/{OPTIONS}.yml asks q1, q2, q3, q4, q5, q6, q7, q8, q9"
    ]


# --- printable forms -------------------------------------------------------------


def test_a_printable_form_per_consultation_in_the_shared_markdown_subset(dataset):
    forms = printable_forms(dataset)
    assert [f.slug for f in forms] == [f"{OPTIONS}-response-form", f"{GUIDANCE}-response-form"]
    for form, c in zip(forms, dataset.consultations, strict=False):
        assert form.title == f"{c.title}: response form"
        assert form.data_files == (f"data/consultations/{c.id}.yml",)
        assert "<" not in form.markdown  # no raw HTML: editor text is escaped with references
        title, *lines = form.markdown.splitlines()
        # The title becomes the page's title and navigation label: no attribute list (it once showed as
        # "... response form {#response-form}"), as in every other document. Sections have fixed ids.
        assert title == f"# {md(c.title)}: response form", title
        for line in lines:
            if line.startswith("#"):
                assert re.search(r" \{#[a-z0-9-]+\}$", line), line
        soup = html(form.markdown)
        for q in c.questions:
            heading = soup.find("h3", id=q.id)
            assert heading.get_text() == f"Question {q.number}"
            assert heading.find_next("strong").get_text() == q.text
            box = heading.find_next("table")
            expected = ["Yes", "No", "Not sure"] if q.choices else ["Your answer"]
            assert [th.get_text() for th in box.find_all("th")] == expected


def test_the_printable_form_has_the_notices_categories_and_where_to_send_it(dataset, monkeypatch):
    monkeypatch.setenv("TRUSTDOCS_AS_AT", "2008-05-01")  # while it was open
    form = next(f for f in printable_forms(dataset) if f.slug.startswith(GUIDANCE))
    soup = html(form.markdown)
    text = " ".join(soup.get_text(" ").split())
    assert "Send your completed form by 26 June 2008 ." in text
    assert "By email: childrentrusts.consultation@dcsf.gsi.gov.uk" in text
    assert "Do not send this form" not in text
    assert "Freedom of Information Act 2000" in text
    categories = soup.find("th", string="Category").find_parent("table")
    assert len(categories.find_all("tr")) == 1 + 14


def test_a_closed_consultations_printable_form_is_a_record_that_invites_no_response(dataset):
    """On the site's date (21 July 2009) both consultations had closed: the form must not ask for responses."""
    for form in printable_forms(dataset):
        text = " ".join(html(form.markdown).get_text(" ").split())
        assert "This consultation closed on" in text and "Do not send this form" in text, form.slug
        assert "Send your completed form" not in text and "Answer as many questions as you like" not in text
        assert "Responses were due by" in text, form.slug


def test_a_consultation_that_closes_before_it_opens_is_refused(data_copy):
    data_copy.replace(FILE, "  closes: 2008-06-26\n", "  closes: 2008-04-01\n")
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy.path)
    line = data_copy.line_of(FILE, "closes: 2008-04-01")
    assert [str(p) for p in caught.value.problems] == [
        f"data/{FILE}:{line}:11: $.dates.closes: the consultation closes (1 April 2008) before it opens (3 April 2008)",
    ]
