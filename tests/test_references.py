"""The cross-record checks (trustdocs/validation/references.py), each called directly on small files.

tests/test_validation.py runs them through `trustdocs validate` on a copy of the
real data; these give each check the least input that shows one behaviour, with
the exact message and position, so a bug in one line fails one test quickly
(make mutation runs these for every mutant of the module).
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from textwrap import dedent

import pytest

from trustdocs.core.strict_yaml import parse_yaml
from trustdocs.model.kinds import DataKind, Reference
from trustdocs.model.records import WHOLE_BOARD, WHOLE_PLAN
from trustdocs.pipeline.load import LOADER
from trustdocs.validation import references as r
from trustdocs.validation.tree import walk


def docs(**files: str) -> dict:
    """Name -> parsed document; a name with "__" is a collection record (areas__x is data/areas/x.yml)."""
    out = {}
    for name, text in files.items():
        name = name.replace("__", "/")
        doc, problems = parse_yaml(f"data/{name}.yml", dedent(text).encode())
        assert problems == [], problems
        out[name] = doc
    return out


def said(problems) -> list[str]:
    return [str(p) for p in problems]


# duplicate_ids


def test_ids_in_the_single_files_share_one_namespace_and_name_the_first_use():
    found = said(
        r.duplicate_ids(
            docs(
                partners="partners:\n  - id: police\n  - id: health\n",
                duties="duties:\n  - id: x\n\n  - id: police\n",
            )
        )
    )
    assert found == ["data/duties.yml:4:9: $.duties[1].id: id 'police' is already used at data/partners.yml:2"]


def test_the_same_id_twice_in_one_file_is_reported_each_time_after_the_first():
    found = said(r.duplicate_ids(docs(partners="partners:\n  - id: a\n  - id: a\n  - id: a\n")))
    assert found == [
        "data/partners.yml:3:9: $.partners[1].id: id 'a' is already used at data/partners.yml:2",
        "data/partners.yml:4:9: $.partners[2].id: id 'a' is already used at data/partners.yml:2",
    ]


def test_a_collection_record_adds_only_its_own_id_to_the_namespace():
    found = said(
        r.duplicate_ids(
            docs(
                partners="partners:\n  - id: q1\n  - id: southwark\n",
                consultations__one="id: one\nquestions:\n  - id: q1\n  - id: q2\n",
                consultations__two="id: two\nquestions:\n  - id: q1\n  - id: q2\n  - id: q2\n",
                areas__southwark="id: southwark\n",
            )
        )
    )
    assert found == [
        "data/consultations/two.yml:5:9: $.questions[2].id: id 'q2' is already used at data/consultations/two.yml:4",
        "data/areas/southwark.yml:1:5: $.id: id 'southwark' is already used at data/partners.yml:3",
    ]


def test_ids_are_found_at_any_depth_and_only_when_they_are_text():
    found = said(
        r.duplicate_ids(docs(board="a:\n  b:\n    - id: x\n    - c:\n        id: x\n    - id: [x]\n    - id: {x: x}\n"))
    )
    assert found == ["data/board.yml:5:13: $.a.b[1].c.id: id 'x' is already used at data/board.yml:3"]


# unknown_references

KINDS = [
    DataKind("duties", "duties", references=(Reference("partners", ("duties", "*", "holders", "*")),)),
    DataKind("areas", "area", folder=True, references=(Reference("partners", ("bodies", "*", "partner")),)),
    DataKind("board", "board", references=(Reference("duties", ("rules", "*", "duty")),)),
]


def test_a_reference_must_name_a_record_of_its_target_kind():
    found = said(
        r.unknown_references(
            KINDS,
            docs(
                partners="partners:\n  - id: police\n  - {name: no id}\n  - id: [x]\n",
                duties="duties:\n  - id: d1\n    holders: [police, polic, [7], d1]\n",
                board="rules:\n  - duty: d1\n  - duty: police\n",
                areas__x="bodies:\n  - partner: police\n  - partner: health\n",
            ),
        )
    )
    assert found == [
        "data/duties.yml:3:23: $.duties[0].holders[1]: unknown partner 'polic': "
        "no partner in data/partners.yml has this id",
        "data/duties.yml:3:35: $.duties[0].holders[3]: unknown partner 'd1': no partner in data/partners.yml has this id",
        "data/board.yml:3:11: $.rules[1].duty: unknown duty 'police': no duty in data/duties.yml has this id",
        "data/areas/x.yml:3:14: $.bodies[1].partner: unknown partner 'health': "
        "no partner in data/partners.yml has this id",
    ]


def test_references_to_a_missing_or_malformed_target_file_are_all_unknown():
    for partners in ("partners: not a list\n", "- id: police\n", None):
        files = {"duties": "duties:\n  - holders: [police]\n"}
        if partners is not None:
            files["partners"] = partners
        assert said(r.unknown_references(KINDS, docs(**files))) == [
            "data/duties.yml:2:15: $.duties[0].holders[0]: unknown partner 'police': "
            "no partner in data/partners.yml has this id"
        ]


# duplicate_guidance_numbers


def test_section_and_paragraph_numbers_are_each_unique_in_their_own_kind():
    guidance = """\
        sections:
          - number: "1"
            paragraphs:
              - number: "1.1"
              - number: "1"
          - number: "2"
            paragraphs:
              - number: [x]
              - number: "1.1"
          - number: [2]
          - number: "1"
    """
    assert said(r.duplicate_guidance_numbers(docs(guidance=guidance))) == [
        "data/guidance.yml:11:13: $.sections[3].number: section number 1 is already used on line 2",
        "data/guidance.yml:9:17: $.sections[1].paragraphs[1].number: paragraph number 1.1 is already used on line 4",
    ]
    assert said(r.duplicate_guidance_numbers(docs(partners="partners: []\n"))) == []


# unregistered_citations


def test_a_citation_names_a_registered_source_and_one_of_its_paragraphs():
    files = docs(
        sources="""\
            sources:
              - id: dg
                paragraphs: ["1.1", "3.1-3.3"]
              - id: bad
                paragraphs: [[1]]
              - id: [x]
              - paragraphs: ["1"]
            """,
        partners="""\
            partners:
              - cites: [{source: dg, para: "3.2"}, {source: dg, para: "3.4"}]
              - cites: [{source: lo, para: "1"}, {source: bad, para: "1"}, {source: dg, para: [3]}]
              - cites: [{source: dg}, {source: [5], para: "1"}]
            """,
    )
    assert said(r.unregistered_citations(files)) == [
        "data/partners.yml:2:59: $.partners[0].cites[1].para: paragraph '3.4' is not in the register "
        "for source 'dg' (data/sources.yml)",
        "data/partners.yml:3:22: $.partners[1].cites[0].source: unknown source 'lo': add it to data/sources.yml "
        "or fix the id",
        "data/partners.yml:3:58: $.partners[1].cites[1].para: paragraph '1' is not in the register for source 'bad' "
        "(data/sources.yml)",  # its paragraphs are not a list of text, so none is registered
    ]


def test_without_a_register_every_citation_is_unknown():
    for sources in (None, "- id: dg\n", "title: no list of sources\n", "sources:\n  - id: dg\n"):
        files = {"duties": "duties:\n  - {source: dg, para: '1'}\n"}
        if sources is not None:
            files["sources"] = sources
        expected = (
            "data/duties.yml:2:24: $.duties[0].para: paragraph '1' is not in the register for source 'dg' "
            "(data/sources.yml)"
            if sources == "sources:\n  - id: dg\n"
            else "data/duties.yml:2:14: $.duties[0].source: unknown source 'dg': add it to data/sources.yml "
            "or fix the id"
        )
        assert said(r.unregistered_citations(docs(**files))) == [expected]


# timeline_order and change_log's order


def test_timeline_events_run_oldest_first_by_their_start():
    timeline = """\
        events:
          - date: "2008-07"
          - date: "2008-06-30"
          - date: "2008"
          - {date: "not a date"}
          - {}
          - date: "2008-06-30"
          - date: "2009"
          - date: "2009-01-01"
          - {date: "2009-13"}
          - date: "2008-12"
    """
    assert said(r.timeline_order(docs(timeline=timeline))) == [
        "data/timeline.yml:3:11: $.events[1].date: events must be listed oldest first; "
        "this one starts before the one above it",
        "data/timeline.yml:4:11: $.events[2].date: events must be listed oldest first; "
        "this one starts before the one above it",
        "data/timeline.yml:11:11: $.events[9].date: events must be listed oldest first; "
        "this one starts before the one above it",  # after an impossible date, compared with the last good one
    ]
    assert said(r.timeline_order(docs(timeline="events: 5\n"))) == []
    assert said(r.timeline_order(docs(timeline="- 1\n"))) == []
    assert said(r.timeline_order(docs(partners="partners: []\n"))) == []


# change_log


def test_a_change_log_entry_names_records_with_a_page_and_runs_oldest_first():
    files = docs(
        partners="partners:\n  - id: police\n",
        duties="duties:\n  - id: d1\n",
        board="members:\n  - id: seat-a\n    items:\n      - id: deep\n",
        cypp="requirements:\n  - id: req-a\n",
        consultations__c1="id: c1\nquestions:\n  - id: q1\n",
        areas__southwark="id: southwark\n",
        changes=f"""\
            changes:
              - date: "2009-01-02"
                records: [police, d1, seat-a, deep, req-a, c1, southwark, {WHOLE_BOARD}, {WHOLE_PLAN}, q1, [5]]
              - date: "2009-01-01"
                records: [nobody]
            """,
    )
    found = said(r.change_log(files))
    assert found[0] == (
        "data/changes.yml:4:11: $.changes[1].date: changes must be listed oldest first; "
        "this one starts before the one above it"
    )
    assert [p.split(": unknown record")[0] for p in found[1:]] == [
        "data/changes.yml:3:76: $.changes[0].records[9]",
        "data/changes.yml:5:15: $.changes[1].records[0]",
    ]
    assert found[2].endswith(
        ": unknown record 'nobody': no partner, duty, Board item (data/board.yml), plan requirement "
        f"(data/cypp.yml), consultation or area has this id. Use '{WHOLE_BOARD}' or '{WHOLE_PLAN}' for "
        "the whole Board or plan"
    )
    assert said(r.change_log(docs(changes="- 1\n"))) == []
    assert said(r.change_log(docs(partners="partners: []\n"))) == []


def test_a_consultation_or_area_without_a_text_id_gives_the_change_log_nothing_to_name():
    files = docs(
        consultations__c1="id: [c1]\n",
        areas__a="- id: a\n",
        timeline="id: t1\n",
        changes="changes:\n  - date: '2009'\n    records: [c1, a, t1]\n",
    )
    assert [p.split(": unknown record ")[1][:4] for p in said(r.change_log(files))] == ["'c1'", "'a':", "'t1'"]


# area_bodies

PARTNERS = """\
    partners:
      - {id: la, category: local-authority, area_types: [unitary, county]}
      - {id: police, category: relevant-partner, area_types: [unitary]}
      - {id: schools, category: proposed-partner}
      - {category: relevant-partner, area_types: [unitary]}
      - {id: probation, category: relevant-partner}
      - not a record
"""


def test_an_area_names_the_body_of_every_seat_in_its_kind_of_area_once_and_no_other():
    area = """\
        area_type: unitary
        bodies:
          - partner: la
          - partner: la
          - partner: schools
          - partner: probation
          - partner: nobody
          - {name: no partner}
    """
    assert said(r.area_bodies(docs(partners=PARTNERS, areas__x=area))) == [
        "data/areas/x.yml:4:14: $.bodies[1].partner: partner 'la' is already listed in bodies[0]",
        "data/areas/x.yml:5:14: $.bodies[2].partner: 'schools' does not have a seat of its own on the Board; "
        "only the local authority and relevant partners are named here",
        "data/areas/x.yml:6:14: $.bodies[3].partner: 'probation' has no seat on the Board in a unitary area: remove it",
        "data/areas/x.yml:2:1: $.bodies: name the body for each Board seat in a unitary area; missing: police",
    ]


def test_a_body_without_a_seat_in_that_kind_of_area_is_refused():
    area = "area_type: county\nbodies:\n  - partner: la\n  - partner: police\n  - partner: la\n  - partner: police\n"
    assert said(r.area_bodies(docs(partners=PARTNERS, areas__x=area))) == [
        "data/areas/x.yml:4:14: $.bodies[1].partner: 'police' has no seat on the Board in a county area: remove it",
        "data/areas/x.yml:5:14: $.bodies[2].partner: partner 'la' is already listed in bodies[0]",
        "data/areas/x.yml:6:14: $.bodies[3].partner: partner 'police' is already listed in bodies[1]",
        "data/areas/x.yml:6:14: $.bodies[3].partner: 'police' has no seat on the Board in a county area: remove it",
    ]


def test_area_bodies_skip_what_the_schema_reports():
    good = "area_type: unitary\nbodies:\n  - partner: la\n  - partner: police\n"
    assert said(r.area_bodies(docs(partners=PARTNERS, areas__x=good))) == []
    for partners in ("partners: 5\n", "- 1\n"):
        assert said(r.area_bodies(docs(partners=partners, areas__x="area_type: unitary\nbodies: []\n"))) == []
    for area in ("- 1\n", "area_type: unitary\nbodies: 5\n", "area_type: [unitary]\nbodies:\n  - partner: la\n"):
        assert said(r.area_bodies(docs(partners=PARTNERS, areas__x=area))) == []
    after_bad_type = docs(
        partners=PARTNERS, areas__a="area_type: [unitary]\nbodies: []\n", areas__b="area_type: unitary\nbodies: []\n"
    )
    assert [p.file for p in r.area_bodies(after_bad_type)] == ["data/areas/b.yml"]  # the next area is still checked
    # Partners whose id or area types broke the schema: no seat, and no crash.
    odd = "partners:\n  - {id: [la], category: local-authority}\n  - {id: la, category: local-authority, area_types: unitary}\n"
    assert said(r.area_bodies(docs(partners=odd, areas__x=good))) == [
        "data/areas/x.yml:3:14: $.bodies[0].partner: 'la' has no seat on the Board in a unitary area: remove it",
    ]  # police is no partner here: unknown_references reports that
    not_areas = docs(partners=PARTNERS, board="area_type: unitary\nbodies: []\n", areas__y="- 1\n", areas__z=good)
    assert said(r.area_bodies(not_areas)) == []
    not_areas["areas/z"] = docs(areas__z="area_type: unitary\nbodies: []\n")["areas/z"]
    assert said(r.area_bodies(not_areas)) == [
        "data/areas/z.yml:2:1: $.bodies: name the body for each Board seat in a unitary area; missing: la, police"
    ]


# note_clauses and rule_clauses


def test_a_constitution_note_names_clauses_the_document_has():
    board = "constitution_notes:\n  - clauses: [c1, c9, [5]]\n  - clauses: [introduction]\n"
    found = said(r.note_clauses(frozenset({"c1", "introduction"}), "the doc", "mod.py", docs(board=board)))
    assert found == [
        "data/board.yml:2:19: $.constitution_notes[0].clauses[1]: 'c9' is not a clause of the doc: "
        "use a clause id from mod.py, or 'introduction'"
    ]
    assert said(r.note_clauses(frozenset(), "d", "m", docs(board="- 1\n"))) == []
    assert said(r.note_clauses(frozenset(), "d", "m", docs(partners="partners: []\n"))) == []


def test_each_rule_clause_is_worded_by_exactly_one_rule():
    board = """\
        rules:
          - constitution: {clause: [5]}
          - constitution: {clause: c1}
          - constitution: {clause: c1}
          - constitution: {clause: c9}
          - {}
    """
    found = said(r.rule_clauses(("c1", "c2", "c3"), "the doc", "mod.py", docs(board=board)))
    assert found == [
        "data/board.yml:4:28: $.rules[2].constitution.clause: another rule already gives the wording of clause 'c1'",
        "data/board.yml:5:28: $.rules[3].constitution.clause: 'c9' is not a clause of the doc worded by a rule; "
        "those are: c1, c2, c3 (mod.py, RULE_CLAUSES)",
        "data/board.yml:1:1: $.rules: the doc takes the wording of clause(s) c2, c3 from a rule: give one rule "
        "a 'constitution' with that clause id, a heading and the text",
    ]
    assert said(r.rule_clauses(("c1",), "d", "m", docs(board="rules: 5\n"))) == []
    assert said(r.rule_clauses(("c1",), "d", "m", docs(board="- 1\n"))) == []
    assert said(r.rule_clauses(("c1",), "d", "m", docs(partners="partners: []\n"))) == []


# area_chairs


def test_the_board_and_the_lscb_may_not_share_a_chair_whatever_the_case_or_spaces():
    same = docs(areas__x="chair: ' Ann Smith'\nlscb_chair: 'ann smith '\n")
    assert said(r.area_chairs(same)) == [
        "data/areas/x.yml:2:13: $.lscb_chair: the Local Safeguarding Children Board needs a different chair "
        "from the Board"
    ]
    for other in (
        "chair: Ann\nlscb_chair: Bob\n",
        "chair: Ann\n",
        "lscb_chair: Ann\n",
        "chair: [Ann]\nlscb_chair: [Ann]\n",
    ):
        assert said(r.area_chairs(docs(areas__x=other))) == []
    others = docs(board="chair: Ann\nlscb_chair: Ann\n", areas__y="- 1\n", areas__z="chair: Ann\nlscb_chair: ANN\n")
    assert [p.file for p in r.area_chairs(others)] == ["data/areas/z.yml"]


# Every cross-file check (the registry's CHECKS: these and the status, character and consultation checks)
# runs on files that broke their schema, so none may crash on a field of the wrong type.

MINI_DOCS, _ = LOADER.read_documents(Path(__file__).parent / "fixtures" / "mini_data")  # as validate reads them


def _replaced(data, path, value):
    if not path:
        return value
    data = copy.deepcopy(data)
    inner = data
    for key in path[:-1]:
        inner = inner[key]
    inner[path[-1]] = value
    return data


@pytest.mark.parametrize("name", sorted(MINI_DOCS))
def test_no_check_crashes_on_any_field_of_any_type(name):
    doc = MINI_DOCS[name]
    tried = 0
    for path, _ in walk(doc.data):
        for value in ("x", ["x"], {"x": "x"}):
            changed = dataclasses.replace(doc, data=_replaced(doc.data, path, value))
            for check in LOADER.checks:
                try:
                    list(check({**MINI_DOCS, name: changed}))
                except Exception as err:  # noqa: BLE001: the message names the case
                    pytest.fail(f"{check} crashed on data/{name}.yml {path} = {value!r}: {err!r}")
                tried += 1
    assert tried >= len(LOADER.checks) * 3
