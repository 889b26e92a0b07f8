"""What is law, and when: no page or document presents a proposal or draft guidance as law.

Pins #13: statuses are data, a strength never appears without its status, every
page and document says which period it describes and where today's law is, the
framework on a date is worked out from the data, citations land on what their
paragraph says, and the corrections found by checking the data against the
sources stay corrected.
"""

from __future__ import annotations

import datetime
import re

import pytest
from tooling import FixedSizes

from trustdocs.core.dates import PartialDate
from trustdocs.model.citations import Cite
from trustdocs.model.status import Status, in_force_on, statuses_on
from trustdocs.pipeline.generate import all_documents, generate_pages
from trustdocs.pipeline.load import validate
from trustdocs.rendering.notice import NOTICE_TITLE
from trustdocs.rendering.status import NAMES, strength_badge

D = datetime.date
AS_AT = D(2009, 7, 21)


@pytest.fixture(scope="module")
def pages(dataset):
    return {p.path: p.markdown for p in generate_pages(dataset, FixedSizes(), documents=all_documents(dataset))}


def _entry(kind: str, start: str, strength: str = "must") -> Status:
    return Status(kind, PartialDate.parse(start), (Cite("x", "1"),), strength, ("local-authority",))


# --- the model ---------------------------------------------------------------------------


def test_entries_add_up_a_law_ends_the_proposals_before_it_and_a_repeal_ends_everything():
    in_force, proposed = _entry("in-force", "2005"), _entry("proposed", "2008-07")
    enacted, repealed = _entry("enacted", "2010-04"), _entry("repealed", "2011")
    entries = (in_force, proposed, enacted, repealed)
    assert statuses_on(entries, D(2004, 12, 31)) == ()
    assert statuses_on(entries, D(2008, 6, 30)) == (in_force,)
    assert statuses_on(entries, D(2008, 7, 1)) == (in_force, proposed)
    assert statuses_on(entries, D(2010, 5, 1)) == (in_force, enacted)
    assert statuses_on(entries, D(2011, 1, 1)) == (repealed,)
    assert not in_force_on(entries, D(2011, 1, 1)) and in_force_on(entries, D(2010, 5, 1))


@pytest.mark.parametrize(
    "kind, words",
    [
        ("in-force", "must"),
        ("enacted", "must"),
        ("draft-guidance", "must"),
        ("proposed", "would have to"),
    ],
)
def test_a_strength_is_worded_by_its_status(kind, words):
    entry = _entry(kind, "2005")
    assert f">{words}</strong>" in strength_badge(entry, (entry,), AS_AT)


def test_the_law_reads_in_the_past_once_it_has_ended():
    law, repeal = _entry("in-force", "2005"), _entry("repealed", "2009")
    assert ">had to</strong>" in strength_badge(law, (law, repeal), D(2010, 1, 1))


def test_every_proposal_in_the_data_is_worded_as_a_proposal(dataset):
    records = [
        *dataset.duties,
        *dataset.board.membership,
        *dataset.board.rules,
        *dataset.cypp.requirements,
        *(p for s in dataset.guidance for p in s.paragraphs),
    ]
    proposals = [(r, e) for r in records for e in r.status if e.kind == "proposed" and e.strength]
    assert len(proposals) > 20
    for record, entry in proposals:
        assert ">would " in strength_badge(entry, record.status, AS_AT), record.id


# --- every page and document -------------------------------------------------------------


def test_no_page_shows_a_strength_without_its_status(pages):
    """Each line with a styled strength also names the status it belongs to."""
    names = tuple(NAMES.values())
    checked = 0
    for path, markdown in pages.items():
        for line in markdown.splitlines():
            if 'class="strength' in line:
                checked += 1
                assert any(name in line for name in names), (path, line[:200])
    assert checked > 200


def test_no_page_or_document_says_a_proposal_is_a_legal_requirement(pages, dataset):
    for path, markdown in pages.items():
        assert "(Strength:" not in markdown and "legal requirement" not in markdown, path
    for source in all_documents(dataset):
        assert "legal requirement" not in source.markdown, source.slug


def test_every_page_says_its_period_and_where_todays_law_is(pages):
    for path, markdown in pages.items():
        assert NOTICE_TITLE in markdown and markdown.count(NOTICE_TITLE) == 1, path
        assert "Statuses are shown as at 21 July 2009." in markdown, path
        assert "[legislation.gov.uk](https://www.legislation.gov.uk/)" in markdown, path
    assert "as its sources set it out, April 2008 to July 2009" in pages["partners/police.md"]


def test_every_model_document_says_its_status_date_and_where_todays_law_is(dataset):
    documents = [s for s in all_documents(dataset) if "response-form" not in s.slug]
    assert len(documents) >= 6
    for source in documents:
        assert "## Status of this document {#document-status}" in source.markdown, source.slug
        assert "It is dated 21 July 2009" in source.markdown, source.slug
        assert "https://www.legislation.gov.uk/" in source.markdown, source.slug


def test_the_as_at_date_moves_the_whole_site(dataset):
    early = {p.path: p.markdown for p in generate_pages(dataset, FixedSizes(), documents=[], as_at=D(2008, 5, 1))}
    row = next(line for line in early["duties/index.md"].splitlines() if "extend-duty-to-cooperate" in line)
    assert "None yet" in row  # proposed in July 2008
    assert "Statuses are shown as at 1 May 2008." in early["partners/schools.md"]


# --- the framework on a date ---------------------------------------------------------


def test_the_framework_on_a_date_is_worked_out_from_the_statuses(pages, dataset):
    page = pages["framework-on-a-date.md"]
    header = next(line for line in page.splitlines() if line.startswith("| Body |"))
    for label in ("2005", "April 2008", "July 2008", "21 July 2009"):
        assert f"| {label} |" in header + "|", (label, header)
    schools = next(line for line in page.splitlines() if line.startswith("| [Schools](partners/schools.md)"))
    cells = [c.strip() for c in schools.split("|")[2:-1]]
    labels = [c.strip() for c in header.split("|")[2:-1]]
    by_date = dict(zip(labels, cells, strict=True))
    assert by_date["2005"].startswith("Other partner")
    assert by_date["July 2008"] == "Proposed for the duty to cooperate"
    extend = next(line for line in page.splitlines() if "duties/extend-duty-to-cooperate.md" in line)
    assert "Not yet" in extend.split("|")[labels.index("April 2008") + 2]
    assert "would have to" in extend.split("|")[labels.index("July 2008") + 2]
    # Jobcentre Plus was proposed 'in 2008', month unknown: in April 2008 the page says it does not know when.
    jobcentre = next(line for line in page.splitlines() if line.startswith("| [Jobcentre Plus]"))
    april = jobcentre.split("|")[labels.index("April 2008") + 2]
    assert april.strip() == "Proposed for the duty to cooperate (2008, month not stated)", april
    assert "not stated" not in jobcentre.split("|")[labels.index("21 July 2009") + 2]


# --- citations land on their paragraph ------------------------------------------------


def test_a_citation_lands_on_its_paragraph_which_says_what_it_says(pages):
    lo = pages["sources/legislative-options-2008.md"]
    after = lo.split('<h3 id="p-14">Paragraph 14</h3>', 1)[1].split("<h3", 1)[0]
    assert "restates it." in after and "What rests on it on this site" in after
    form = pages["sources/response-form-2008.md"]
    q1 = form.split('<h3 id="p-q1">Question 1</h3>', 1)[1].split("<h3", 1)[0]
    assert "Question 1 asked" in q1
    for path, markdown in pages.items():
        assert "shared/sources" not in markdown, path
        assert not re.search(r"\[(fn-\d+|q\d+)\]", markdown), path


def test_a_guidance_paragraph_restates_only_what_it_cites_in_its_own_document(pages):
    """Draft guidance 3.20 cites legislative options 14 for a point of its own: what it says is not what 14 says.

    Paragraph 14's section shows the section-4 paragraphs that restate it, never 3.20; the analysis of
    responses, which only guidance paragraphs of another document cite, shows its register restatement.
    """
    lo = pages["sources/legislative-options-2008.md"]
    after = lo.split('<h3 id="p-14">Paragraph 14</h3>', 1)[1].split("<h3", 1)[0]
    restating = re.findall(r"\[Guidance paragraph ([0-9.]+)\]\([^)]*\) restates it\.", after)
    assert restating and all(n.startswith("4.") for n in restating), restating
    analysis = pages["sources/analysis-of-responses-2008.md"]
    background = analysis.split('id="p-background"', 1)[1].split("<h3", 1)[0]
    assert "restates it." not in background and "The analysis said the consultation sought views" in background


def test_a_paragraph_cited_only_from_another_documents_guidance_needs_a_restatement(data_copy):
    data_copy.replace("sources.yml", '      "next-steps": >-\n', '      "next-steps-x": >-\n')
    data_copy.replace("sources.yml", "      - next-steps\n", "      - next-steps\n      - next-steps-x\n")
    problems = [str(p) for p in validate(data_copy.path)]
    assert len(problems) == 1 and problems[0].startswith("data/guidance.yml:"), problems
    assert problems[0].endswith(
        "paragraph 'next-steps' of 'analysis-of-responses-2008' is cited, but nothing says what it says: add it "
        "to that source's restatements in data/sources.yml"
    )


def test_the_act_links_to_its_official_address(pages):
    act = pages["sources/children-act-2004.md"]
    assert "https://www.legislation.gov.uk/ukpga/2004/31/contents" in act
    assert "(https://www.legislation.gov.uk/ukpga/2004/31/section/10)" in act


# --- the corrections stay corrected ----------------------------------------------------


def test_separate_chairs_is_a_2009_change_reported_by_southwark_not_a_2008_proposal(dataset, pages):
    rule = next(r for r in dataset.board.rules if r.id == "rule-separate-chairs")
    assert [(e.kind, str(e.start), e.by) for e in rule.status] == [("proposed", "2009", "southwark-2009")]
    assert "holds it, and the wider system, to account" in rule.text or "hold it" in rule.text
    board = pages["board.md"]
    item = board.split('<span id="rule-separate-chairs"></span>', 1)[1].split("\n- ", 1)[0]
    assert "Proposed in 2009" in item and "Southwark" in item
    # Southwark's report passed the proposal on; the government made it.
    assert (
        "by the government, in its response to the Laming inquiry, as reported in Southwark executive report (2009)"
        in item
    )


def test_no_page_says_a_report_proposed_what_it_only_reported(pages):
    """A proposal a registered source only reports names its proposer: 'Proposed ..., by Southwark's report' is wrong."""
    for path, markdown in pages.items():
        assert not re.search(r"Proposed( in [^,*]+\*\*)?,? by Southwark", markdown), path


def test_the_police_page_and_the_constitution_agree_on_the_board(pages):
    police = pages["partners/police.md"].split("## Place on the Children's Trust Board", 1)[1].split("\n## ", 1)[0]
    assert "do not name this body" not in police
    assert "members of the Board" in police
    assert "Police" in pages["documents/trust-board-constitution.md"]


def test_southwarks_clauses_say_which_values_are_illustrative(dataset):
    """Issue 13: label Southwark's illustrative values wherever they appear: the clause, not only the status list."""
    from trustdocs.rendering.documents.constitution import constitution

    text = constitution(dataset, dataset.area("southwark")).markdown
    clause = {block.split(" {#", 1)[0]: block for block in text.split("\n### ")[1:]}
    flag = "A value in this clause is illustrative: check it before adoption"
    assert flag in clause["5.2 Vice-chair"]  # SW does not state the vice-chair
    assert flag in clause["6.1 Quorum"]
    assert flag not in clause["5.1 Chair"]  # SW 10.2 states the chair
    generic = constitution(dataset, None).markdown
    assert flag not in generic


def test_southwark_marks_what_its_report_does_not_state(pages):
    area = pages["areas/southwark.md"]
    assert "| Vice-chair | The Director of Children's Services | Illustrative |" in area
    assert "| Chair | The Executive Member for Children's Services | The area's source |" in area
    constitution = pages["documents/southwark/trust-board-constitution.md"]
    assert "Some of the values for Southwark are illustrative" in constitution
    assert "- the quorum" in constitution


def test_a_partner_summary_says_the_law_binds_not_the_draft_that_describes_it(pages):
    """Under 'In force on ...', the paragraphs of the draft guidance that describe the law are not what binds."""
    schools = pages["partners/schools.md"]
    in_force = schools.split("**In force on 21 July 2009.**", 1)[1].split("\n**", 1)[0]
    assert "do what the law requires, as [" in in_force and "guidance paragraphs](#guidance) say" not in in_force
    for path, markdown in pages.items():
        if path.startswith("partners/") and "**In force on" in markdown:
            block = markdown.split("**In force on", 1)[1].split("\n**", 1)[0]
            assert not re.search(r"guidance paragraphs?\]\(#guidance\) says?\b", block), path
