"""``trustdocs analyse``: count responses into an outcome data file.

Counts responses by respondent category and, for each question, the answers
(with percentages) and how many people commented. Writes the counts as a
``data/consultation-outcomes/ID.yml`` file: deterministic YAML in which every
value is a quoted string, checked with the project's own strict reader,
schema and cross-file checks before it is written. Nothing is written when any
response has a problem.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from trustdocs.core.escape import yaml_string
from trustdocs.core.strict_yaml import parse_yaml
from trustdocs.model.consultations import CHOICE_LABELS, Consultation, percent
from trustdocs.model.dataset import DataSet
from trustdocs.responses.read import Response, ResponseProblems, read_responses
from trustdocs.validation.consultations import outcome_problems, raw_documents
from trustdocs.validation.schema import schema_problems


@dataclass(frozen=True)
class QuestionTally:
    question: str
    answers: tuple[tuple[str, int], ...]  # (yes | no | not-sure, count); empty for free-text questions
    comments: int

    @property
    def answered(self) -> int:
        return sum(n for _, n in self.answers)


@dataclass(frozen=True)
class Tally:
    total: int
    by_category: tuple[tuple[str, int], ...]  # every category, in the consultation's order
    questions: tuple[QuestionTally, ...]


def tally(consultation: Consultation, responses: list[Response]) -> Tally:
    by_category = tuple((cat.id, sum(1 for r in responses if r.category == cat.id)) for cat in consultation.categories)
    questions = []
    for q in consultation.questions:
        given = [a for r in responses for a in r.answers if a.question == q.id]
        answers = tuple((value, sum(1 for a in given if a.choice == value)) for value, _ in q.choices)
        questions.append(QuestionTally(q.id, answers, sum(1 for a in given if a.comments)))
    return Tally(len(responses), by_category, tuple(questions))


def outcome_yaml(consultation: Consultation, counts: Tally, files: int) -> str:
    people = "response" if counts.total == 1 else "responses"
    lines = [
        f"# The outcome of data/consultations/{consultation.id}.yml,",
        f"# counted by `trustdocs analyse` from {counts.total} {people} in {files} {'file' if files == 1 else 'files'}.",
        "# Run the command again rather than editing the counts by hand. You may",
        "# add a summary and points to each question, with cites.",
        f"summary: {yaml_string(f'Counted from {counts.total} {people} sent in as files.')}",
        "responses:",
        "  by_category:",
    ]
    lines += [f"    - {{category: {yaml_string(c)}, count: {yaml_string(str(n))}}}" for c, n in counts.by_category]
    lines.append("questions:")
    for q in counts.questions:
        lines.append(f"  - question: {yaml_string(q.question)}")
        if q.answers:
            lines.append("    answers:")
            lines += [f"      - {{answer: {yaml_string(a)}, count: {yaml_string(str(n))}}}" for a, n in q.answers]
        lines.append(f"    comments: {yaml_string(str(q.comments))}")
    return "\n".join(lines) + "\n"


def summary_text(consultation: Consultation, counts: Tally) -> str:
    """The numbers and percentages, for a person reading the terminal."""
    lines = [
        f"{consultation.title}: {counts.total} {'response' if counts.total == 1 else 'responses'}",
        "",
        "Responses by category:",
    ]
    lines += [f"  {consultation.category(c).label}: {n} ({percent(n, counts.total)}%)" for c, n in counts.by_category]
    lines += ["", "Answers by question:"]
    for q in counts.questions:
        question = consultation.question(q.question)
        parts = [f"{CHOICE_LABELS[a]} {n} ({percent(n, q.answered)}%)" for a, n in q.answers]
        parts.append(f"{q.comments} commented")
        lines.append(f"  Question {question.number} ({q.question}): " + ", ".join(parts))
    return "\n".join(lines) + "\n"


def check_outcome(text: str, consultation_raw: dict, outcome_name: str) -> list[str]:
    """The outcome file as the site will read it: strict YAML, its schema and the cross-file checks."""
    doc, problems = parse_yaml(outcome_name, text.encode("utf-8"))
    if doc is not None:
        problems += schema_problems(doc, "consultation-outcome")
        # The outcome as parsed, with its positions, so its problems name their line and column.
        docs = raw_documents([(f"consultations/{consultation_raw['id']}", consultation_raw)])
        docs[f"consultation-outcomes/{consultation_raw['id']}"] = doc
        problems += list(outcome_problems(docs))
    return [str(p) for p in problems]


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def run_analysis(
    data: DataSet,
    consultation_id: str,
    paths: list[Path],
    out: Path | None,
    stdout: TextIO = sys.stdout,
    stderr: TextIO = sys.stderr,
) -> int:
    """The command: 0 when the outcome was written (or printed), 1 with every problem listed and nothing written."""
    consultation = next((c for c in data.consultations if c.id == consultation_id), None)
    if consultation is None:
        known = ", ".join(c.id for c in data.consultations) or "none"
        print(f"unknown consultation '{consultation_id}' (data/consultations/ has: {known})", file=stderr)
        return 1
    try:
        responses = read_responses(paths, consultation)
    except ResponseProblems as err:
        for line in err.problems:
            print(line, file=stderr)
        print(f"{len(err.problems)} problem(s) found; nothing was written.", file=stderr)
        return 1
    counts = tally(consultation, responses)
    text = outcome_yaml(consultation, counts, len(paths))
    problems = check_outcome(text, _raw(consultation), f"data/consultation-outcomes/{consultation.id}.yml")
    if problems:  # a bug here, not in the responses: say so rather than write a file the site rejects
        for line in problems:
            print(f"internal error: {line}", file=stderr)
        return 1
    if out is None:
        stdout.write(text)
        stderr.write(summary_text(consultation, counts))
    else:
        _write_atomically(out, text)
        stdout.write(summary_text(consultation, counts))
        print(f"\nWrote {out}", file=stdout)
    return 0


def _raw(consultation: Consultation) -> dict:
    """Just enough of the consultation's data for the cross-file checks."""
    return {
        "id": consultation.id,
        "respondents": {"categories": [{"id": c.id} for c in consultation.categories]},
        "questions": [{"id": q.id, "answer": q.answer} for q in consultation.questions],
    }
