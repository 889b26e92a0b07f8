"""The response readers, called directly: every message exactly, every branch, and what a good record gives.

Written for the survivors of `make mutation` in trustdocs/responses/read.py (30 November 2026): the tests
through `trustdocs analyse` checked a sample of the messages, not each branch of the JSON reader, the
confidential column, short CSV rows or a byte-order mark.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trustdocs.responses.read import FORMAT, Answer, ResponseProblems, read_csv, read_json, read_responses

C = "legislative-options-consultation-2008"


@pytest.fixture(scope="module")
def consultation(dataset):
    return next(c for c in dataset.consultations if c.id == C)


def _record(**changes):
    record = {"format": FORMAT, "version": "1", "consultation": C, "respondent": {"category": "school"}, "answers": {}}
    record.update(changes)
    return record


def _json(tmp_path: Path, data, name: str = "r.json", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_text(("\ufeff" if bom else "") + json.dumps(data), encoding="utf-8")
    return path


def test_every_problem_a_json_record_can_have_is_named_exactly(tmp_path, consultation):
    path = _json(
        tmp_path,
        [
            "a string",
            _record(version="2"),
            _record(respondent={"category": "school", "name": 5, "confidential": "maybe"}, answers=[]),
            _record(
                answers={
                    "q99": {"choice": "yes"},  # unknown: reported, and the next answers are still checked
                    "q1": "yes",  # not a mapping: the same
                    "q5": {"choice": "no", "extra": 1},
                    "q6": {"choice": "yes", "comments": 5},  # one of the two is not text
                    "q8": {"choice": 7, "comments": "x"},
                    "q9": {"choice": "maybe"},
                }
            ),
        ],
    )
    responses, problems = read_json(path, "F", consultation)
    assert responses == []
    assert problems == [
        "F: record 1: $: expected a response: a mapping with respondent and answers",
        "F: record 2: version: version '2' is not one this command reads (1)",
        "F: record 3: respondent.name: expected text",
        "F: record 3: respondent.confidential: 'maybe' is not yes or no",
        "F: record 3: answers: expected a mapping from question ids to answers",
        "F: record 4: answers.q99: unknown question 'q99' (this consultation asks q1, q2, q3, q4, q5, q6, q7, q8, q9)",
        "F: record 4: answers.q1: expected a mapping with choice and comments",
        "F: record 4: answers.q5.extra: unknown field (fields: choice, comments)",
        "F: record 4: answers.q6: choice and comments must be text",
        "F: record 4: answers.q8: choice and comments must be text",
        "F: record 4: answers.q9.choice: unknown answer 'maybe' (answers: yes, no, not-sure)",
    ]


def test_a_good_json_record_gives_its_place_category_and_answers_in_question_order(tmp_path, consultation):
    path = _json(
        tmp_path,
        [
            _record(
                respondent={"category": " parent ", "confidential": " Yes "},
                answers={
                    "q5": {"choice": "Not sure", "comments": "  later  "},
                    "q1": {"choice": "yes"},
                    "q2": {"comments": "words"},
                    "q6": {"choice": "", "comments": ""},  # nothing said: not an answer
                    "q8": {"choice": "", "comments": "only comments"},
                },
            ),
            _record(respondent={"category": "school", "confidential": "NO"}),
        ],
        bom=True,  # a byte-order mark, as some editors write, is not part of the JSON
    )
    responses, problems = read_json(path, "F", consultation)
    assert problems == []
    assert [(r.where, r.category) for r in responses] == [("F: record 1", "parent"), ("F: record 2", "school")]
    assert responses[0].answers == (
        Answer("q1", "yes", ""),
        Answer("q2", "", "words"),
        Answer("q5", "not-sure", "later"),
        Answer("q8", "", "only comments"),
    )


def test_the_csv_reader_checks_the_confidential_column_and_pads_short_rows(tmp_path, consultation):
    sheet = tmp_path / "r.csv"
    sheet.write_text("category,confidential,q1,q1-comments,q2-comments\nschool,maybe\nparent,YES,yes\nother\n")
    responses, problems = read_csv(sheet, "F", consultation)
    assert problems == ["F:2: confidential: 'maybe' is not yes or no"]
    assert [(r.where, r.category, r.answers) for r in responses] == [
        ("F:3", "parent", (Answer("q1", "yes", ""),)),  # the missing comment cells read as empty
        ("F:4", "other", ()),
    ]
    sheet.write_text("category,confidential,q2-comments\nparent,no,just words\n")
    responses, problems = read_csv(sheet, "F", consultation)
    assert problems == [] and responses[0].answers == (Answer("q2", "", "just words"),)  # comments only: no choice


def test_read_responses_reports_every_file_it_cannot_read(tmp_path, consultation):
    (tmp_path / "README").write_text("x")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "latin1.csv").write_bytes("category\nÉcole\n".encode("latin-1"))
    with pytest.raises(ResponseProblems) as caught:
        read_responses([tmp_path / "README", tmp_path / "notes.txt", tmp_path / "latin1.csv"], consultation)
    assert caught.value.problems == [
        f"{tmp_path / 'README'}: cannot read a file without an extension: give .csv or .json files",
        f"{tmp_path / 'notes.txt'}: cannot read a .txt: give .csv or .json files",
        f"{tmp_path / 'latin1.csv'}: not UTF-8 text (invalid continuation byte); save it as UTF-8",
    ]
