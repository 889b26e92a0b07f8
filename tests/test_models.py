"""The typed models and their queries."""

from __future__ import annotations

import datetime

import pytest

from trustdocs.core.dates import PartialDate
from trustdocs.model.citations import expand_paragraphs


@pytest.mark.parametrize(
    ("text", "shown", "start"),
    [
        ("2005", "2005", datetime.date(2005, 1, 1)),
        ("2008-07", "July 2008", datetime.date(2008, 7, 1)),
        ("2008-04-03", "3 April 2008", datetime.date(2008, 4, 3)),
    ],
)
def test_partial_dates(text, shown, start):
    date = PartialDate.parse(text)
    assert str(date) == shown
    assert date.start == start
    assert date.iso == text


@pytest.mark.parametrize(
    ("specs", "expected"),
    [
        (["1-3"], ("1", "2", "3")),
        (["1.1-1.3", "2.1"], ("1.1", "1.2", "1.3", "2.1")),
        (["fn-1-fn-3"], ("fn-1", "fn-2", "fn-3")),
        (["q1-q3"], ("q1", "q2", "q3")),
        (["appendix-1"], ("appendix-1",)),
        (["6.0-6.2"], ("6.0", "6.1", "6.2")),
        (["responses-received"], ("responses-received",)),
    ],
)
def test_paragraph_ranges_expand(specs, expected):
    assert expand_paragraphs(specs) == expected


def test_duties_held_by_a_partner(dataset):
    ids = [d.id for d in dataset.duties_held_by("primary-care-trusts")]
    assert "cooperate-to-improve-well-being" in ids
    assert "joint-strategic-needs-assessment" in ids
    assert "make-cooperation-arrangements" not in ids


def test_status_on_a_date(dataset):
    schools = dataset.partner("schools")
    assert schools.status_on(datetime.date(2004, 12, 31)) is None
    assert schools.status_on(datetime.date(2007, 1, 1)) == "other-partner"
    assert schools.status_on(datetime.date(2008, 7, 1)) == "proposed-relevant-partner"


def test_board_roles_and_plan_requirements_for_a_partner(dataset):
    assert [m.id for m in dataset.board_roles_of("schools-forums")] == ["member-schools-forum"]
    assert len(dataset.requirements_concerning("police")) == len(dataset.cypp.requirements)  # an owner
    assert len(dataset.requirements_concerning("schools")) == len(dataset.cypp.requirements)  # a new owner (LO 34)
    assert [r.id for r in dataset.requirements_concerning("childrens-centres")] == [
        "cypp-consultation-list",
        "cypp-early-intervention",
        "cypp-joint-commissioning",
    ]
