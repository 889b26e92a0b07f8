"""Read consultation responses, from a spreadsheet (CSV) or the response form's JSON files,
and check each one against the consultation's questions and respondent categories.

Every problem is one line that says where it is and what to do:

- CSV: ``FILE:LINE: column: message``, where LINE is the line the record starts on
  (the header is line 1);
- JSON: ``FILE: record N: field: message``, counting records from 1 (a file holds
  one response, or a list of them).

CSV columns: ``category`` (required), ``category-detail``, ``name``,
``organisation``, ``email``, ``confidential`` (yes or no), then for each question
``qN`` (yes, no or not sure; not for free-text questions) and ``qN-comments``.
Values may be written as the forms show them: ``Not sure`` reads as ``not-sure``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from trustdocs.model.consultations import CHOICE_LABELS, Consultation

FORMAT = "trustdocs-consultation-response"
VERSIONS = ("1",)
NO_CHOICE = ""  # an answer with comments only, or a choice that could not be read
RESPONDENT_FIELDS = ("name", "organisation", "email", "category", "category-detail", "confidential")
_QUESTION_COLUMN = re.compile(r"^(q[0-9]+)(-comments)?$")


@dataclass(frozen=True)
class Answer:
    question: str
    choice: str  # yes | no | not-sure, or "" when not chosen
    comments: str


@dataclass(frozen=True)
class Response:
    where: str  # FILE:LINE or FILE: record N
    category: str
    answers: tuple[Answer, ...]  # only the questions answered


class ResponseProblems(Exception):
    """The responses cannot be counted: carries every problem found, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def _choice(value: str) -> str | None:
    """'Yes', 'not sure', 'Not-Sure' -> yes / not-sure; None if it is not an answer."""
    normal = "-".join(value.strip().lower().split())
    return normal if normal in CHOICE_LABELS else None


def _listed(values: Iterable[str]) -> str:
    return ", ".join(values)


class _Checker:
    """The rules shared by both formats, as (field, message) problems."""

    def __init__(self, consultation: Consultation) -> None:
        self.categories = [cat.id for cat in consultation.categories]
        self.questions = {q.id: q for q in consultation.questions}

    def unknown_question(self, question_id: str) -> str:
        return f"unknown question '{question_id}' (this consultation asks {_listed(self.questions)})"

    def category(self, value: str) -> str | None:
        if not value.strip():
            return f"missing respondent category (categories: {_listed(self.categories)})"
        if value.strip() not in self.categories:
            return f"unknown respondent category '{value.strip()}' (categories: {_listed(self.categories)})"
        return None

    def confidential(self, value: str) -> str | None:
        return None if value.strip().lower() in ("", "yes", "no") else f"'{value}' is not yes or no"

    def choice(self, question_id: str, value: str) -> tuple[str, str | None]:
        """(the normal form, or a problem)."""
        if not value.strip():
            return NO_CHOICE, None
        if not self.questions[question_id].choices:
            return NO_CHOICE, f"question {question_id} asks for comments only"
        normal = _choice(value)
        if normal is None:
            return NO_CHOICE, f"unknown answer '{value.strip()}' (answers: {_listed(CHOICE_LABELS)})"
        return normal, None


def read_csv(path: Path, display: str, consultation: Consultation) -> tuple[list[Response], list[str]]:
    check = _Checker(consultation)
    problems: list[str] = []
    text = path.read_text(encoding="utf-8-sig")  # a spreadsheet's byte-order mark is not part of the first column
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        return [], [f"{display}:1: columns: the file is empty; its first line must name the columns"]
    columns = [h.strip().lower() for h in header]  # "Category" and "Q1" are what a spreadsheet user may type
    allowed = (
        set(RESPONDENT_FIELDS)
        | {f"{q.id}-comments" for q in consultation.questions}
        | {q.id for q in consultation.questions if q.choices}
    )
    for i, column in enumerate(columns):
        if column in columns[:i]:
            problems.append(f"{display}:1: {column}: the column appears twice")
        elif column not in allowed:
            match = _QUESTION_COLUMN.match(column)
            if match and match.group(1) not in check.questions:
                problems.append(f"{display}:1: {column}: {check.unknown_question(match.group(1))}")
            elif match:
                problems.append(
                    f"{display}:1: {column}: question {column} asks for comments only; "
                    f"put its answers in the column {column}-comments"
                )
            else:
                problems.append(
                    f"{display}:1: {column or '(blank)'}: unknown column (columns: "
                    f"{_listed(RESPONDENT_FIELDS)}, then qN and qN-comments for each question)"
                )
    if "category" not in columns:
        problems.append(f"{display}:1: category: missing column 'category'")
    if problems:
        return [], problems
    responses = []
    end = reader.line_num
    for row in reader:
        start, end = end + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            problems.append(
                f"{display}:{start}: columns: the record has {len(row)} values but the header names {len(columns)} columns"
            )
            continue
        values = {column: row[i] if i < len(row) else "" for i, column in enumerate(columns)}  # short rows: empty cells
        found = [
            (field, message)
            for field, message in (
                ("category", check.category(values["category"])),
                ("confidential", check.confidential(values.get("confidential", ""))),
            )
            if message
        ]
        answers = []
        for q in consultation.questions:
            choice, message = check.choice(q.id, values.get(q.id, "")) if q.choices else ("", None)
            if message:
                found.append((q.id, message))
            comments = values.get(f"{q.id}-comments", "").strip()
            if choice or comments:
                answers.append(Answer(q.id, choice, comments))
        problems += [f"{display}:{start}: {field}: {message}" for field, message in found]
        if not found:
            responses.append(Response(f"{display}:{start}", values["category"].strip(), tuple(answers)))
    return responses, problems


def _json_record(
    record: object, check: _Checker, consultation: Consultation
) -> tuple[tuple[str, tuple[Answer, ...]] | None, list[tuple[str, str]]]:
    """(the category and answers, or None), and the (field, message) problems of one JSON record."""
    if not isinstance(record, dict):
        return None, [("$", "expected a response: a mapping with respondent and answers")]
    found: list[tuple[str, str]] = []
    for key in sorted(set(record) - {"format", "version", "consultation", "respondent", "answers"}):
        found.append((key, "unknown field (fields: format, version, consultation, respondent, answers)"))
    if record.get("format") != FORMAT:
        found.append(("format", f"expected '{FORMAT}': this is not a file the response form saved"))
    elif record.get("version") not in VERSIONS:
        found.append(
            ("version", f"version {record.get('version')!r} is not one this command reads ({_listed(VERSIONS)})")
        )
    if record.get("consultation") != consultation.id:
        found.append(("consultation", f"this response is for {record.get('consultation')!r}, not '{consultation.id}'"))
    respondent = record.get("respondent")
    if not isinstance(respondent, dict):
        found.append(("respondent", "missing: expected a mapping with the respondent's category"))
        respondent = {}
    for key, value in respondent.items():
        if key not in RESPONDENT_FIELDS:
            found.append((f"respondent.{key}", f"unknown field (fields: {_listed(RESPONDENT_FIELDS)})"))
        elif not isinstance(value, str):
            found.append((f"respondent.{key}", "expected text"))
    category = respondent.get("category", "")
    if isinstance(category, str) and (message := check.category(category)):
        found.append(("respondent.category", message))
    confidential = respondent.get("confidential")  # absent: nothing to check
    if isinstance(confidential, str) and (message := check.confidential(confidential)):
        found.append(("respondent.confidential", message))
    raw_answers = record.get("answers", {})
    if not isinstance(raw_answers, dict):
        found.append(("answers", "expected a mapping from question ids to answers"))
        raw_answers = {}
    answers = []
    for question_id, answer in raw_answers.items():
        field = f"answers.{question_id}"
        if question_id not in check.questions:
            found.append((field, check.unknown_question(question_id)))
            continue
        if not isinstance(answer, dict):
            found.append((field, "expected a mapping with choice and comments"))
            continue
        for key in sorted(set(answer) - {"choice", "comments"}):
            found.append((f"{field}.{key}", "unknown field (fields: choice, comments)"))
        choice, comments = answer.get("choice", ""), answer.get("comments", "")
        if not isinstance(choice, str) or not isinstance(comments, str):
            found.append((field, "choice and comments must be text"))
            continue
        normal, message = check.choice(question_id, choice)
        if message:
            found.append((f"{field}.choice", message))
        elif normal or comments.strip():
            answers.append(Answer(question_id, normal, comments.strip()))
    if found:
        return None, found
    order = {q.id: q.number for q in consultation.questions}
    return (category.strip(), tuple(sorted(answers, key=lambda a: order[a.question]))), []


def read_json(path: Path, display: str, consultation: Consultation) -> tuple[list[Response], list[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as err:
        return [], [f"{display}:{err.lineno}: json: not valid JSON: {err.msg} (column {err.colno})"]
    records = data if isinstance(data, list) else [data]
    check = _Checker(consultation)
    responses, problems = [], []
    for n, record in enumerate(records, start=1):
        read, found = _json_record(record, check, consultation)
        problems += [f"{display}: record {n}: {field}: {message}" for field, message in found]
        if read is not None:
            responses.append(Response(f"{display}: record {n}", *read))
    return responses, problems


def read_responses(
    paths: list[Path], consultation: Consultation, display: Callable[[Path], str] = str
) -> list[Response]:
    """Every response in every file, or :class:`ResponseProblems` listing every problem in all of them."""
    responses: list[Response] = []
    problems: list[str] = []
    for path in paths:
        name = display(path)
        if not path.is_file():
            problems.append(f"{name}: file not found")
            continue
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".json"):
            problems.append(f"{name}: cannot read a {suffix or 'file without an extension'}: give .csv or .json files")
            continue
        try:
            found, bad = (read_csv if suffix == ".csv" else read_json)(path, name, consultation)
        except UnicodeDecodeError as err:
            found, bad = [], [f"{name}: not UTF-8 text ({err.reason}); save it as UTF-8"]
        responses += found
        problems += bad
    if problems:
        raise ResponseProblems(problems)
    return responses
