"""Cross-file checks for consultations, in the style of :mod:`trustdocs.validation.references`.

Each check is a generator of :class:`Problem` over the parsed documents
(``"consultations/ID"``, ``"consultation-outcomes/ID"``, ``"guidance"``...), and
runs defensively: a file that also broke its schema must not crash it.

:func:`consultation_problems` runs with the checks in
:mod:`trustdocs.validation.references` and reports ``file:line:col``. ``trustdocs analyse``
runs :func:`outcome_problems` on the outcome it is about to write.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from trustdocs.core.dates import PartialDate, last_day
from trustdocs.core.problems import Problem
from trustdocs.core.strict_yaml import Document

Docs = dict[str, Document]
CONSULTATIONS = "consultations/"
OUTCOMES = "consultation-outcomes/"


def raw_documents(records: Sequence[tuple[str, dict]], outcome_records: Sequence[tuple[str, dict]] = ()) -> Docs:
    """Documents without positions (every problem is at 1:1), for data that has no file positions."""
    return {name: Document(f"data/{name}.yml", data) for name, data in [*records, *outcome_records]}


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _ids(items: object) -> list[str]:
    return [i["id"] for i in _list(items) if isinstance(i, dict) and isinstance(i.get("id"), str)]


def _date(value: object) -> PartialDate | None:
    try:
        return PartialDate.parse(value)  # type: ignore[arg-type]
    except (AttributeError, TypeError, ValueError):
        return None  # the schema reports malformed dates


def date_order(docs: Docs) -> Iterator[Problem]:
    """A consultation closes after it opens, and its outcome comes no earlier than its closing date."""
    for name, doc in docs.items():
        if not name.startswith(CONSULTATIONS):
            continue
        dates = _dict(_dict(doc.data).get("dates"))
        opens, closes, outcome = (_date(dates.get(key)) for key in ("opens", "closes", "outcome"))
        if opens and closes and last_day(closes) < opens.start:
            yield doc.problem(("dates", "closes"), f"the consultation closes ({closes}) before it opens ({opens})")
        if closes and outcome and last_day(outcome) < last_day(closes):
            yield doc.problem(
                ("dates", "outcome"), f"the outcome ({outcome}) cannot come before the consultation closes ({closes})"
            )


def _answer_problems(doc: Document, path: tuple, answers: list, question_id: str, kind: object) -> Iterator[Problem]:
    if kind == "free-text":
        yield doc.problem(path, f"question {question_id} asks for comments only, so it has no answers to count")
        return
    seen: dict[str, int] = {}
    kinds = set()
    for i, answer in enumerate(answers):
        if not isinstance(answer, dict):
            continue
        has = ("count" in answer, "percent" in answer)
        if has == (True, True):
            yield doc.problem(path + (i,), "give a count or a percent for this answer, not both")
        elif has == (False, False):
            yield doc.problem(path + (i,), "give a count or a percent for this answer")
        else:
            kinds.add(has)
        value = answer.get("answer")
        if isinstance(value, str):
            if value in seen:
                yield doc.problem(path + (i, "answer"), f"answer '{value}' is already listed at answers[{seen[value]}]")
            seen.setdefault(value, i)
    if len(kinds) > 1:
        yield doc.problem(path, "give counts for every answer or percentages for every answer, not a mix")
    elif kinds == {(False, True)}:
        percents = [a["percent"] for a in answers if isinstance(a, dict) and isinstance(a.get("percent"), str)]
        if all(p.isdigit() for p in percents):
            total = sum(int(p) for p in percents)
            if abs(total - 100) > len(percents) / 2:
                yield doc.problem(
                    path, f"the percentages add up to {total}; rounded percentages should add up to about 100"
                )


def outcome_problems(docs: Docs) -> Iterator[Problem]:
    """An outcome file names an existing consultation and only its categories, questions and answers."""
    yield from date_order(docs)
    for name, doc in docs.items():
        if not name.startswith(OUTCOMES):
            continue
        stem = name[len(OUTCOMES) :]
        consultation = docs.get(CONSULTATIONS + stem)
        if consultation is None:
            yield doc.problem(
                (), f"no consultation data/consultations/{stem}.yml: name an outcome file after its consultation's id"
            )
            continue
        where = f"data/consultations/{stem}.yml"
        spec = _dict(consultation.data)
        categories = _ids(_dict(spec.get("respondents")).get("categories"))
        questions = {
            q["id"]: q.get("answer")
            for q in _list(spec.get("questions"))
            if isinstance(q, dict) and isinstance(q.get("id"), str)
        }
        data = _dict(doc.data)
        counted: dict[str, int] = {}
        for i, row in enumerate(_list(_dict(data.get("responses")).get("by_category"))):
            category = _dict(row).get("category")
            path = ("responses", "by_category", i, "category")
            if not isinstance(category, str):
                continue
            if category not in categories:
                yield doc.problem(
                    path, f"unknown respondent category '{category}': {where} lists {', '.join(categories)}"
                )
            elif category in counted:
                yield doc.problem(path, f"category '{category}' is already counted at by_category[{counted[category]}]")
            counted.setdefault(category, i)
        asked: dict[str, int] = {}
        for i, row in enumerate(_list(data.get("questions"))):
            question = _dict(row).get("question")
            if not isinstance(question, str):
                continue
            if question not in questions:
                yield doc.problem(
                    ("questions", i, "question"), f"unknown question '{question}': {where} asks {', '.join(questions)}"
                )
                continue
            if question in asked:
                yield doc.problem(
                    ("questions", i, "question"),
                    f"question {question} is already listed at questions[{asked[question]}]",
                )
            asked.setdefault(question, i)
            if "answers" in row:
                yield from _answer_problems(
                    doc, ("questions", i, "answers"), _list(row["answers"]), question, questions[question]
                )


def guidance_references(docs: Docs) -> Iterator[Problem]:
    """Documents and questions point at sources and restated guidance paragraphs that exist."""
    sources, guidance = docs.get("sources"), docs.get("guidance")
    if sources is None or guidance is None:
        return
    source_ids = set(_ids(_dict(sources.data).get("sources")))
    sections = {
        s["id"]: {p["number"] for p in _list(s.get("paragraphs")) if isinstance(_dict(p).get("number"), str)}
        for s in _list(_dict(guidance.data).get("sections"))
        if isinstance(s, dict) and isinstance(s.get("id"), str)
    }

    def section_problem(doc: Document, path: tuple, section: object) -> Iterator[Problem]:
        if isinstance(section, str) and section not in sections:
            yield doc.problem(
                path, f"unknown guidance section '{section}': no section in data/guidance.yml has this id"
            )

    for name, doc in docs.items():
        if not name.startswith(CONSULTATIONS):
            continue
        data = _dict(doc.data)
        for i, document in enumerate(_list(data.get("documents"))):
            source = _dict(document).get("source")
            if isinstance(source, str) and source not in source_ids:
                yield doc.problem(
                    ("documents", i, "source"), f"unknown source '{source}': no source in data/sources.yml has this id"
                )
            for j, section in enumerate(_list(_dict(document).get("sections"))):
                yield from section_problem(doc, ("documents", i, "sections", j), section)
        for i, question in enumerate(_list(data.get("questions"))):
            for j, ref in enumerate(_list(_dict(question).get("about"))):
                section = _dict(ref).get("section")
                yield from section_problem(doc, ("questions", i, "about", j, "section"), section)
                for k, number in enumerate(_list(_dict(ref).get("paragraphs"))):
                    if (
                        isinstance(section, str)
                        and section in sections
                        and isinstance(number, str)
                        and number not in sections[section]
                    ):
                        yield doc.problem(
                            ("questions", i, "about", j, "paragraphs", k),
                            f"paragraph {number} is not in guidance section '{section}' (data/guidance.yml)",
                        )


def consultation_problems(docs: Docs) -> Iterator[Problem]:
    """Every cross-file consultation check: add this to ``trustdocs.validation.references.CHECKS``."""
    yield from outcome_problems(docs)
    yield from guidance_references(docs)
