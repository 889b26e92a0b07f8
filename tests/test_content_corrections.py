"""Corrections to the data checked against the sources, pinned so they cannot come back.

Each test states one fact the sources give (the paragraph is named in the
test) and fails on the wording or value that got it wrong before. Short forms:
LO = legislative options (July 2008), DG = the April 2008 draft guidance,
GC = the guidance consultation page, SW = Southwark's report of 21 July 2009.
"""

from __future__ import annotations

import re

import pytest
from tooling import FixedSizes

from trustdocs.model.status import in_force_on
from trustdocs.pipeline.generate import all_documents, generate_pages
from trustdocs.rendering.documents.constitution import constitution


@pytest.fixture(scope="module")
def pages(dataset):
    return {p.path: p.markdown for p in generate_pages(dataset, FixedSizes(), documents=all_documents(dataset))}


def _record(records, record_id):
    return next(r for r in records if r.id == record_id)


def _paragraphs(dataset):
    return {p.id: p for s in dataset.guidance for p in s.paragraphs}


# --- 1. The Trust holds the LSCB to account, not the other way round (SW 4) ----


def test_separate_chairs_rule_says_the_trust_holds_the_lscb_to_account(dataset):
    text = _record(dataset.board.rules, "rule-separate-chairs").text
    assert "would report to the Children's Trust" in text
    assert "The Trust would hold it, and the wider system, to account" in text
    assert "would not be able to have the same chair" in text
    assert "hold the Trust to account" not in text  # the reversed reading of SW 4
    assert "2008" not in text  # a 2009 change, not a July 2008 proposal


def test_the_lscb_relationship_records_that_the_trust_holds_it_to_account(dataset):
    text = _record(dataset.board.relationships, "relationship-lscb").text
    assert "challenges the Children's Trust" not in text  # DG 3.48: its view is of local safeguarding
    assert "independent view of local safeguarding" in text
    assert "which would hold it to account" in text


# --- 2. The model constitution (DG 3.48; SW 4; LO 48, 50) ----------------------


def test_the_constitution_no_longer_says_the_board_answers_to_the_lscb(dataset):
    for area in (None, dataset.area("southwark"), dataset.area("wessex")):
        markdown = constitution(dataset, area).markdown
        assert "answers to the safeguarding board" not in markdown
        assert "hold the Trust to account" not in markdown
        clauses = markdown.split("## Notes")[0]
        assert "It reports to the Board." in clauses
        assert "The Board holds it to account for safeguarding all children and young people" in clauses


def test_the_constitution_limits_sharing_resources_to_the_local_authority_and_relevant_partners(dataset):
    for area in (None, dataset.area("southwark")):
        markdown = constitution(dataset, area).markdown
        assert "Member bodies may share staff" not in markdown  # schools, the voluntary sector... could not (LO 48, 50)
        assert "Only the local authority and its relevant partners may pool budgets or share staff" in markdown
        assert "Other member bodies cannot take part." in markdown
        pooling = markdown.split("{#note-pooling}")[1]
        assert "The power did not extend to other partners" in pooling
        assert "Sources: Children Act 2004, section 10; Legislative options (2008), paragraphs 14, 48 and 50" in pooling


# --- 3. Whom the DCS and Lead Member hold to account (SW 10.1) ------------------


def test_the_dcs_and_lead_member_hold_departments_partners_and_members_to_account(dataset):
    role = _record(dataset.board.membership, "member-local-authority").role
    assert "hold the local authority to account" not in role
    assert "council departments, partners and Members with duties to cooperate" in role


# --- 4. The proposed new relevant partners would own the joint plan (LO 34) ----

NEW_RELEVANT_PARTNERS = {  # LO 23 (amend section 10) and LO 24 (Schools Forums)
    "schools",
    "pupil-referral-units",
    "sixth-form-colleges",
    "further-education-colleges",
    "schools-forums",
}


def test_the_joint_plan_owners_include_the_new_relevant_partners_as_a_condition(dataset):
    plan = dataset.cypp.plan
    duty = _record(dataset.duties, "joint-cypp")
    assert {e.kind for e in duty.status} == {"proposed"}  # the ids are added only to records that are proposals
    for owners, summary in ((plan.owners, plan.summary), (duty.holders, duty.summary)):
        assert NEW_RELEVANT_PARTNERS <= set(owners)
        assert "jobcentre-plus" not in owners  # LO never names it (SW appendix-1 only)
        assert "only if section 10 were amended" in " ".join(summary.split())
    assert "asked whether" in _paragraphs(dataset)["g4-16"].text  # LO 34 invites views; it decides nothing


# --- 5. When the guidance consultation's outcome came out (GC 5.1; LO 7, 16) ---


def _cited(cites):
    return {(c.source, c.para) for c in cites}


def test_the_guidance_consultation_outcome_is_dated_by_the_july_2008_key_issues_only(dataset):
    c = next(c for c in dataset.consultations if c.id == "statutory-guidance-consultation-2008")
    # The only outcome the sources hold is LO 7's list of key issues (July 2008).
    assert str(c.dates.outcome) == "July 2008"
    assert ("legislative-options-2008", "7") in _cited(c.dates.cites)
    # GC 5.1 planned August 2008, and LO 16 moved that to the autumn: neither supports July.
    assert ("guidance-consultation-2008", "5.1") not in _cited(c.dates.cites)
    summary = " ".join(c.outcome.summary.split())
    assert "This is not its full response." in summary
    assert "August 2008" in summary and "autumn" in summary


def test_the_timeline_agrees_on_the_guidance_consultation_outcome(dataset):
    events = {e.id: e for e in dataset.timeline}
    key_issues = events["event-guidance-consultation-key-issues"]
    assert str(key_issues.date) == "July 2008" and ("legislative-options-2008", "7") in _cited(key_issues.cites)
    august = events["event-guidance-consultation-results"]
    assert "moved this to the autumn" in " ".join(august.summary.split())
    assert ("legislative-options-2008", "16") in _cited(august.cites)
    assert str(events["event-revised-guidance-autumn-2008"].date) == "July 2008"  # when LO 8 and 16 said so


# --- 6. Jobcentre Plus: what the 2008 guidance said, not an LO proposal (SW appendix-1) --


def test_jobcentre_plus_holds_the_duty_the_2008_guidance_named_it_for_and_no_lo_proposal(dataset):
    from trustdocs.rendering.pages.partners import partner_page

    assert "jobcentre-plus" not in _record(dataset.duties, "extend-duty-to-cooperate").holders  # LO 11, 23, 24
    held = dataset.duties_held_by("jobcentre-plus")
    assert [d.id for d in held] == ["intended-relevant-partners-2008-guidance"]
    assert {e.kind for e in held[0].status} == {"proposed"}
    assert ("southwark-2009", "appendix-1") in _cited(held[0].cites)
    page = partner_page(dataset, dataset.partner("jobcentre-plus"), dataset.latest_source_date).markdown
    assert "No duty or power in the data names this body." not in page
    proposed = next(
        s for s in dataset.partner("jobcentre-plus").status_history if s.status == "proposed-relevant-partner"
    )
    assert "do not say when in 2008" in " ".join(proposed.note.split())


# --- 7. Unsupported or overstated claims -----------------------------------------


def test_the_pupil_well_being_duty_has_no_invented_start_or_legal_basis(dataset):
    duty = _record(dataset.duties, "promote-pupil-well-being")
    # DG 3.29 (April 2008): schools 'now have' the duty; no source names its Act or start.
    (entry,) = duty.status
    assert entry.basis == "Not stated in the sources"
    assert str(entry.start) == "April 2008"
    summary = " ".join(duty.summary.split())
    assert "By April 2008" in summary and "House of Lords" in summary  # SW 5 conflicts
    assert ("southwark-2009", "5") in _cited(duty.cites)


def _summary(dataset, partner_id):
    return " ".join(dataset.partner(partner_id).summary.split())


def test_partner_summaries_say_no_more_than_their_sources(dataset):
    # DG 3.52 says only that probation is represented in youth offending teams.
    assert "young and adult offenders" not in _summary(dataset, "probation")
    # DG 3.48: the LSCB's independent view is of local safeguarding, not of the Trust; SW 4 reverses the line.
    lscb = _summary(dataset, "lscb")
    assert "independent view of the Children's Trust" not in lscb
    assert "independent view of the quality of local safeguarding" in lscb
    assert "which would hold it to account" in lscb
    # DG 3.38: the private sector 'may provide a significant proportion' of full day care.
    private = _summary(dataset, "private-sector")
    assert "much of the full day care" not in private and "may have provided a significant share" in private
    # DG 3.35: 'It is increasingly the case that neither ...'.
    assert "Increasingly, neither" in _summary(dataset, "primary-care-trusts")
    # DG 3.35 calls GPs 'key players', not 'central'; DG 3.36 is good practice, not an SHA role.
    assert "central to children's health" not in _summary(dataset, "gp-practices")
    assert "As good practice" in _summary(dataset, "strategic-health-authorities")
    # LO 47: the Board place is a July 2008 proposal; LO 21: Raising Expectations made the legal-category proposal.
    assert "The July 2008 proposals said they should have a place" in _summary(
        dataset, "voluntary-and-community-sector"
    )
    assert "Raising Expectations proposed" in _summary(dataset, "sixth-form-colleges")
    # LO 29 ties Strong and Prosperous Communities to the plan's performance framework, not to the LSP.
    assert dataset.partner("lsp").statutory_basis == "None stated in the sources"


def test_status_dates_are_not_taken_from_a_later_document(dataset):
    import datetime

    # DG 3.12 and 3.14 (April 2008) already treat children's centres as Trust settings; LO 26 (July) only asks how.
    centres = dataset.partner("childrens-centres")
    assert centres.status_on(datetime.date(2008, 6, 30)) == "other-partner"
    assert ("draft-guidance-2008", "3.12") in _cited(centres.status_history[0].cites)
    # DG 3.46: 14-19 partnerships already existed in April 2008; no source gives a start.
    assert "no start date" in " ".join(dataset.partner("partnerships-14-19").status_history[0].note.split())
    # DG 3.45: 0-7 partnerships were only planned pilots.
    assert "Only planned" in dataset.partner("partnerships-0-7").status_history[0].note
    # The 2005 lists (relevant partners, schools, the private sector) are in SW appendix-1, not in 2008 texts.
    for pid in ("district-councils", "police", "learning-and-skills-council", "schools", "private-sector"):
        first = dataset.partner(pid).status_history[0]
        assert str(first.start) == "2005" and ("southwark-2009", "appendix-1") in _cited(first.cites), pid


def _text(dataset, paragraph_id):
    return " ".join(_paragraphs(dataset)[paragraph_id].text.split())


def test_guidance_paragraphs_keep_the_force_and_hedges_of_their_sources(dataset):
    assert "matters most for public health" not in _text(dataset, "g1-10")  # DG 1.9: 'many public health agendas'
    assert "particularly important for many public health" in _text(dataset, "g1-10")
    assert "potential to succeed" in _text(dataset, "g1-9")  # DG fn-1
    # DG 2.6: schools 'have to be' active partners and it is 'essential' they are engaged.
    g2_11 = _paragraphs(dataset)["g2-11"]
    assert [e.strength for e in g2_11.status] == ["must"] and "have to be active partners" in _text(dataset, "g2-11")
    # DG 3.38: 'may provide a significant proportion of all full day-care'.
    assert "much of the full day care" not in _text(dataset, "g3-29")
    assert "significant share of all full day care" in _text(dataset, "g3-29")
    assert "Increasingly, neither" in _text(dataset, "g3-25")  # DG 3.35
    assert "sometimes draw learners from over 100 authorities" in _text(dataset, "g4-8")  # LO 22
    assert "sometimes be hard to engage" in _text(dataset, "g4-6")  # LO 7
    guidance = next(c for c in dataset.consultations if c.id == "statutory-guidance-consultation-2008")
    assert any("can sometimes be hard to engage" in f.text for f in guidance.outcome.findings)


def test_plan_variation_is_not_blamed_on_the_regulations(dataset):
    # LO 32 reads the variation as local ownership; LO 33 gives consistency as a remedy, not a cause.
    text = _text(dataset, "g4-15")
    assert "partly because the regulations" not in text
    assert "locally owned" in text


def test_pooling_by_the_voluntary_and_private_sectors_is_not_shown_as_the_section_10_power(dataset):
    g3_20 = _paragraphs(dataset)["g3-20"]  # DG 3.27 says pool 'wherever possible'; LO 14 and 50 say they could not
    assert "only the local authority and its relevant partners pool budgets" in _text(dataset, "g3-20")
    assert "pool-budgets-and-share-resources" not in g3_20.duties


def test_planned_16_to_19_commissioning_is_not_presented_as_in_force(dataset):
    text = _text(dataset, "g3-22")  # LO 21: from 2010; DG 3.32: its legal framework was still to come
    assert "the local authority must commission provision for every young person" not in text
    assert "from 2010" in text and "still to be put in place" in text
    assert ("legislative-options-2008", "21") in _cited(_paragraphs(dataset)["g3-22"].cites)


def test_the_trust_is_not_said_to_replace_the_drug_action_team(dataset):
    text = _text(dataset, "g2-20")  # DG fn-9: 'a departure from previous practice'; DG 2.15: a role in aligning
    assert "should now lead" not in text and "not the Drug Action Team" not in text
    assert "departure from past practice" in text


def test_citations_point_at_the_paragraph_that_says_it(dataset):
    options = next(c for c in dataset.consultations if c.id == "legislative-options-consultation-2008")
    q2 = next(q for q in options.questions if q.id == "q2")  # the FE barrier ('over 100 authorities') is LO 22
    assert ("legislative-options-2008", "22") in _cited(q2.cites)
    assert ("legislative-options-2008", "21") not in _cited(q2.cites)
    closes = next(e for e in dataset.timeline if e.id == "event-draft-guidance-consultation-closes")
    assert ("response-form-2008", "consultation-criteria") not in _cited(closes.cites)  # the date is not there
    terms = {t.id: t for t in dataset.glossary}
    assert ("legislative-options-2008", "14") in _cited(terms["pooled-budget"].cites)  # 'a pooled fund' (LO 14)
    assert "relevant partners" in terms["pooled-budget"].definition


def test_small_overstatements_are_gone(dataset):
    joint = _record(dataset.cypp.requirements, "cypp-joint-commissioning")
    assert "areas such as child health" in joint.text  # LO 36 gives examples, not a closed list
    assert "pooled where that helps" not in _record(dataset.features, "integrated-strategy").summary  # DG 1.15
    stay_safe = " ".join(_record(dataset.outcomes, "stay-safe").summary.split())
    assert "harm and neglect" not in stay_safe  # DG 2.5: 'protected', 'safe environments'
    guidance = next(c for c in dataset.consultations if c.id == "statutory-guidance-consultation-2008")
    assert "no longer exists" not in guidance.respond.note  # no source says so


# --- 8. Guidance read today: no "now" or present tense from 2008 ------------------


def test_no_guidance_paragraph_speaks_of_2008_as_now(dataset):
    import re

    for pid, p in _paragraphs(dataset).items():
        text = " ".join(p.text.split())
        assert not re.search(r"\bnow\b", text, re.IGNORECASE), pid
        assert not re.search(r"\b(?:is|are) being\b", text), pid  # 'is being developed', 'is being set up'
    for pid, stale in [
        ("g1-4", "remains in force"),  # DG 1.3, as at April 2008
        ("g1-7", "The 2008 guidance is issued"),  # it was a consultation draft
        ("g3-16", "remains the single strategic plan"),
        ("g3-31", "is patchy"),
        ("g3-36", "The age rises"),  # a plan (DG 3.46)
        ("g4-11", "represent health on the Children's Trust Board"),
        ("g4-26", "are already important partners"),
    ]:
        assert stale not in _text(dataset, pid), pid
    assert "substantially in place" in _text(dataset, "g1-7")  # DG 1.8's 'substantially' restored
    assert "begin to show faster improvement" in _text(dataset, "g3-2")  # DG 3.4


# --- 9. Plurals of glossary expansions ---------------------------------------------


def test_abbreviation_plurals_are_made_only_when_correct(dataset):
    from trustdocs.rendering.pages.framework import abbreviations

    lines = abbreviations(dataset)
    assert "Matterss" not in lines and "Servicess" not in lines and "Familiess" not in lines
    assert "*[ECMs]" not in lines and "*[DCSFs]" not in lines  # no regular plural: none is made
    assert "*[DCSs]: Directors of Children's Services" in lines  # the head noun takes the s
    assert "*[PCTs]: Primary Care Trusts" in lines


# --- 10. Timeline order within a year ------------------------------------------------


def test_dated_timeline_events_sit_after_what_came_before_them(dataset):
    ids = [e.id for e in dataset.timeline]
    events = {e.id: e for e in dataset.timeline}
    # DG 3.14: 'by the end of 2008' is December 2008, not the first day of 2008.
    assert str(events["event-targeted-youth-support"].date) == "December 2008"
    assert ids.index("event-targeted-youth-support") > ids.index("event-legislative-options-consultation-closes")
    # The autumn promise is July 2008 (LO 8, 16), after the draft closed on 26 June (LO 7).
    assert ids.index("event-revised-guidance-autumn-2008") > ids.index("event-draft-guidance-consultation-closes")
    # A year-only date still sorts first in its year (a code matter), so the analysis says when it came.
    assert "after the consultation closed on 25 September 2008" in " ".join(
        events["event-analysis-of-responses"].summary.split()
    )


# --- 11. Southwark: recruiting, not recruited (SW 4) -------------------------------


def test_southwark_lscb_chair_was_being_recruited(dataset):
    southwark = dataset.area("southwark")
    # 'we are recruiting': the area's summary says so; the constitution's clause states only the rule (issue 15)
    assert southwark.lscb_chair == "An independent chair"
    assert "It was recruiting an independent chair" in " ".join(southwark.summary.split())
    markdown = constitution(dataset, southwark).markdown
    assert "recruited in 2009" not in markdown and "being recruited" not in markdown


# --- 7 (continued). Academies -------------------------------------------------------


def test_the_academies_proposal_is_for_future_academies_only(dataset):
    # LO 23: 'Future Academies would be brought within scope'; AR: a third asked for existing ones too.
    proposed = next(s for s in dataset.partner("academies").status_history if s.status == "proposed-relevant-partner")
    assert "Existing Academies were not included" in " ".join(proposed.note.split())


# --- Present tense only for the law (issue 13) ------------------------------------------

# "must", "shall", "is required", "may not", "has to" and "have to" not after "would": an obligation
# stated as the law of the day. "would have to", "were to" and "could not" say a proposal's effect.
PRESENT_OBLIGATION = re.compile(
    r"\b(must|shall|(is|are) required|may not|has to|(?<!would )have to)\b"
    # and the present-tense statements a review found in such records (a draft's words are reported: "said ... keeps")
    r"|^(?!The 2008 draft guidance said).*\b(keeps|stays|engages|sits within|works within|sets out)\b",
    re.I,
)


def test_no_record_that_was_not_law_states_an_obligation_in_the_present_tense(dataset):
    """A Board seat, rule, objective or function, a plan requirement or a duty whose statuses on the as-at
    date are only draft guidance or proposals says what it would require, not what it requires ('Schools must be
    represented on the Board' was a July 2008 proposal, LO 46; the plan's yearly review, LO 36)."""
    as_at = dataset.latest_source_date  # the site's as-at date
    records = [
        *((m.id, m.role, m.status) for m in dataset.board.membership),
        *((r.id, r.text, r.status) for r in dataset.board.rules),
        *((r.id, r.text, r.status) for r in dataset.board.relationships),
        *((o.id, o.text, o.status) for o in (*dataset.board.objectives, *dataset.board.functions)),
        *((r.id, r.text, r.status) for r in dataset.cypp.requirements),
        *((d.id, d.summary, d.status) for d in dataset.duties),
    ]
    assert len(records) > 40
    found = [
        (record_id, match.group(0))
        for record_id, text, status in records
        if status and not in_force_on(status, as_at)
        for match in [PRESENT_OBLIGATION.search(text)]
        if match
    ]
    assert found == []


def test_no_board_seat_is_labelled_as_the_law(dataset):
    """No law required a Children's Trust Board before 2009 (LO 38): a seat on it was never in force. The
    Strategic Health Authority's seat was shown as 'In force from 2005' from its section 10 partnership."""
    for member in dataset.board.membership:
        assert not any(e.is_law for e in member.status), member.id


# --- Start dates the sources do not give (issue 13 review) -------------------------------


def test_a_law_whose_start_the_sources_do_not_give_is_in_force_by_a_date_not_from_it(dataset, pages):
    """DG 3.27 (April 2008) calls the joint needs assessment 'now a statutory requirement'; 2007 was only its Act's
    year. DG 1.13 calls the pupil well-being duty new in April 2008. DG 1.4: guidance under section 10 was issued
    in 2005, so section 10 was in force by then. None gives a start: pages say 'by', and never 'not yet' before."""
    duties = {d.id: d for d in dataset.duties}
    jsna = duties["joint-strategic-needs-assessment"].status[0]
    assert (str(jsna.start), jsna.dated_by) == ("April 2008", True)
    assert duties["promote-pupil-well-being"].status[0].dated_by
    for duty_id in ("make-cooperation-arrangements", "cooperate-to-improve-well-being"):
        entry = duties[duty_id].status[0]
        assert entry.dated_by and ("draft-guidance-2008", "1.4") in {(c.source, c.para) for c in entry.cites}
    assert "In force by April 2008" in pages["duties/joint-strategic-needs-assessment.md"]
    row = next(line for line in pages["framework-on-a-date.md"].splitlines() if "promote-pupil-well-being" in line)
    assert "Not yet" not in row and "Not stated: in force by April 2008" in row
