"""Data tests on the real data set: everything the site is generated from holds together."""

from __future__ import annotations

import datetime

from trustdocs.pipeline.load import validate
from trustdocs.validation.references import _ids, duplicate_ids


def test_the_real_data_has_no_problems(root):
    assert [str(p) for p in validate(root / "data")] == []


def test_ids_are_unique_across_files(root):
    from trustdocs.pipeline.load import read_documents

    docs, _ = read_documents(root / "data")
    assert [str(p) for p in duplicate_ids(docs)] == []
    assert sum(1 for doc in docs.values() for _ in _ids(doc)) > 100  # every record was seen, not just a few


def test_every_citation_is_in_the_register(dataset):
    register = {s.id: set(s.paragraphs) for s in dataset.sources}
    cites = [c for o in dataset.outcomes for c in o.cites]
    cites += [c for p in dataset.partners for c in p.cites]
    cites += [c for p in dataset.partners for s in p.status_history for c in s.cites]
    cites += [c for d in dataset.duties for c in d.cites]
    cites += [c for m in dataset.board.membership for c in m.cites]
    cites += [c for r in dataset.cypp.requirements for c in r.cites]
    assert len(cites) > 150
    assert [c for c in cites if c.para not in register[c.source]] == []


def test_there_are_five_outcomes_and_five_features(dataset):
    assert [o.name for o in dataset.outcomes] == [
        "Be healthy",
        "Stay safe",
        "Enjoy and achieve",
        "Make a positive contribution",
        "Achieve economic well-being",
    ]
    assert len(dataset.features) == 5


def test_the_seven_relevant_partner_groups_of_section_10_are_there(dataset):
    on = datetime.date(2008, 6, 1)
    relevant = {p.id for p in dataset.partners_with_status("relevant-partner", on)}
    assert relevant == {
        "district-councils",
        "police",
        "probation",
        "youth-offending-teams",
        "strategic-health-authorities",
        "primary-care-trusts",
        "connexions",
        "learning-and-skills-council",
    }


def test_the_2008_proposals_add_schools_and_colleges(dataset):
    before = {p.id for p in dataset.partners_with_status("proposed-relevant-partner", datetime.date(2008, 6, 30))}
    after = {p.id for p in dataset.partners_with_status("proposed-relevant-partner", datetime.date(2008, 7, 1))}
    july_2008 = {
        "schools",
        "pupil-referral-units",
        "sixth-form-colleges",
        "further-education-colleges",
        "schools-forums",
        "academies",
    }
    assert before & july_2008 == set()
    assert july_2008 <= after


def test_district_councils_exist_only_in_two_tier_areas(dataset):
    assert dataset.partner("district-councils").area_types == ("two-tier",)
    assert all("unitary" in p.area_types for p in dataset.partners if p.id != "district-councils")


def test_status_histories_run_oldest_first(dataset):
    for partner in dataset.partners:
        starts = [s.start.start for s in partner.status_history]
        assert starts == sorted(starts), partner.id


def test_board_lists_objectives_functions_and_members_from_paragraphs_44_to_47(dataset):
    assert {c.para for o in dataset.board.objectives for c in o.cites} == {"44"}
    assert {c.para for f in dataset.board.functions for c in f.cites} == {"45"}
    members = {m.partner for m in dataset.board.membership}
    assert {"schools", "schools-forums", "voluntary-and-community-sector"} <= members


def test_cypp_is_due_by_april_2010(dataset):
    assert str(dataset.cypp.plan.due) == "April 2010"
