"""Typed records of the consultations and their outcomes, built from validated data.

:func:`build_consultations` is called by :func:`trustdocs.model.build.build_dataset`
after every check has passed, including the consultation checks
(:func:`trustdocs.validation.consultations.consultation_problems`, run with the
other reference checks), so an outcome always matches its consultation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from trustdocs.core.dates import PartialDate
from trustdocs.model.citations import Cite, cites_from

YES_NO_NOT_SURE = "yes-no-not-sure-with-comments"
FREE_TEXT = "free-text"
# The answers a yes / no / not sure question offers, in the order forms show them.
CHOICES = (("yes", "Yes"), ("no", "No"), ("not-sure", "Not sure"))
CHOICE_LABELS = dict(CHOICES)


def percent(count: int, total: int) -> int:
    """A whole-number percentage, rounded half up (1 of 8 is 13%); 0 when there is nothing to divide."""
    return (count * 200 + total) // (2 * total) if total else 0


def all_cites(record: object) -> Iterator[Cite]:
    """Every citation in a consultation or outcome record, in field order (a consultation's outcome is left out)."""
    if isinstance(record, Cite):
        yield record
    elif dataclasses.is_dataclass(record):
        for f in dataclasses.fields(record):
            if f.name != "outcome" or not isinstance(getattr(record, f.name), Outcome):
                yield from all_cites(getattr(record, f.name))
    elif isinstance(record, tuple):
        for item in record:
            yield from all_cites(item)


@dataclass(frozen=True)
class Notice:
    text: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Dates:
    opens: PartialDate
    closes: PartialDate
    outcome: PartialDate | None
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class ConsultedDocument:
    source: str  # an id in sources.yml
    sections: tuple[str, ...]  # guidance section ids that restate it
    note: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class WaysToRespond:
    email: str
    post: tuple[str, ...]
    endpoint: str  # "" when there is none: the form then saves answers to a file
    note: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Person:
    about: str
    name: str
    phone: str
    email: str


@dataclass(frozen=True)
class Contact:
    people: tuple[Person, ...]
    note: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class GuidanceRef:
    section: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    id: str
    number: int  # its place in the list, from 1
    text: str
    answer: str  # YES_NO_NOT_SURE or FREE_TEXT
    hint: str
    about: tuple[GuidanceRef, ...]
    cites: tuple[Cite, ...]

    @property
    def choices(self) -> tuple[tuple[str, str], ...]:
        """(value, label) for each answer offered; none for a free-text question."""
        return CHOICES if self.answer == YES_NO_NOT_SURE else ()


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    detail: str  # the label of a "please specify" box, or ""


@dataclass(frozen=True)
class CategoryCount:
    category: str
    count: int


@dataclass(frozen=True)
class AnswerCount:
    answer: str  # yes | no | not-sure
    count: int | None  # counted responses ...
    percent: int | None  # ... or, from a published analysis, a percentage


@dataclass(frozen=True)
class QuestionOutcome:
    question: str
    summary: str
    points: tuple[str, ...]
    answers: tuple[AnswerCount, ...]
    comments: int | None
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Outcome:
    summary: str
    cites: tuple[Cite, ...]
    responses: tuple[CategoryCount, ...]
    responses_note: str
    responses_cites: tuple[Cite, ...]
    findings: tuple[Notice, ...]
    questions: tuple[QuestionOutcome, ...]
    next_steps: Notice | None

    @property
    def total(self) -> int:
        return sum(c.count for c in self.responses)

    def for_question(self, question_id: str) -> QuestionOutcome | None:
        return next((q for q in self.questions if q.question == question_id), None)


@dataclass(frozen=True)
class Consultation:
    id: str
    title: str
    owner: str
    summary: str
    audience: tuple[str, ...]
    dates: Dates
    documents: tuple[ConsultedDocument, ...]
    respond: WaysToRespond
    contact: Contact | None
    questions_note: str
    questions: tuple[Question, ...]
    categories: tuple[Category, ...]
    categories_cites: tuple[Cite, ...]
    confidentiality: Notice | None
    freedom_of_information: Notice | None
    privacy: Notice | None
    criteria: tuple[Notice, ...]
    cites: tuple[Cite, ...]
    outcome: Outcome | None = None

    @property
    def data_file(self) -> str:
        return f"data/consultations/{self.id}.yml"

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)

    def category(self, category_id: str) -> Category:
        return next(c for c in self.categories if c.id == category_id)


def _notice(raw: dict | None) -> Notice | None:
    return Notice(raw["text"], cites_from(raw["cites"])) if raw else None


def build_consultation(raw: dict, outcome: Outcome | None = None) -> Consultation:
    dates, respond, contact, notices = raw["dates"], raw["respond"], raw.get("contact"), raw.get("notices", {})
    return Consultation(
        id=raw["id"],
        title=raw["title"],
        owner=raw["owner"],
        summary=raw["summary"],
        audience=tuple(raw["audience"]),
        dates=Dates(
            PartialDate.parse(dates["opens"]),
            PartialDate.parse(dates["closes"]),
            PartialDate.parse(dates["outcome"]) if "outcome" in dates else None,
            cites_from(dates["cites"]),
        ),
        documents=tuple(
            ConsultedDocument(d["source"], tuple(d.get("sections", ())), d.get("note", ""), cites_from(d["cites"]))
            for d in raw["documents"]
        ),
        respond=WaysToRespond(
            respond.get("email", ""),
            tuple(respond.get("post", ())),
            respond.get("endpoint", ""),
            respond.get("note", ""),
            cites_from(respond["cites"]),
        ),
        contact=Contact(
            tuple(Person(p["about"], p["name"], p.get("phone", ""), p.get("email", "")) for p in contact["people"]),
            contact.get("note", ""),
            cites_from(contact["cites"]),
        )
        if contact
        else None,
        questions_note=raw.get("questions_note", ""),
        questions=tuple(
            Question(
                q["id"],
                n,
                q["text"],
                q["answer"],
                q.get("hint", ""),
                tuple(GuidanceRef(a["section"], tuple(a["paragraphs"])) for a in q.get("about", ())),
                cites_from(q["cites"]),
            )
            for n, q in enumerate(raw["questions"], start=1)
        ),
        categories=tuple(Category(c["id"], c["label"], c.get("detail", "")) for c in raw["respondents"]["categories"]),
        categories_cites=cites_from(raw["respondents"]["cites"]),
        confidentiality=_notice(notices.get("confidentiality")),
        freedom_of_information=_notice(notices.get("freedom_of_information")),
        privacy=_notice(notices.get("privacy")),
        criteria=tuple(Notice(c["text"], cites_from(c["cites"])) for c in raw.get("criteria", ())),
        cites=cites_from(raw["cites"]),
        outcome=outcome,
    )


def build_outcome(raw: dict) -> Outcome:
    responses = raw.get("responses", {})
    return Outcome(
        summary=raw["summary"],
        cites=cites_from(raw.get("cites")),
        responses=tuple(CategoryCount(c["category"], int(c["count"])) for c in responses.get("by_category", ())),
        responses_note=responses.get("note", ""),
        responses_cites=cites_from(responses.get("cites")),
        findings=tuple(Notice(f["text"], cites_from(f["cites"])) for f in raw.get("findings", ())),
        questions=tuple(
            QuestionOutcome(
                q["question"],
                q.get("summary", ""),
                tuple(q.get("points", ())),
                tuple(
                    AnswerCount(
                        a["answer"],
                        int(a["count"]) if "count" in a else None,
                        int(a["percent"]) if "percent" in a else None,
                    )
                    for a in q.get("answers", ())
                ),
                int(q["comments"]) if "comments" in q else None,
                cites_from(q.get("cites")),
            )
            for q in raw.get("questions", ())
        ),
        next_steps=_notice(raw.get("next_steps")),
    )


def build_consultations(
    records: Sequence[tuple[str, dict]], outcome_records: Sequence[tuple[str, dict]] = ()
) -> tuple[Consultation, ...]:
    """Consultations in file-name order, each with its outcome if data/consultation-outcomes/ has one.

    ``records`` and ``outcome_records`` are (document name, data) pairs as
    :func:`trustdocs.loading.collection` returns them.
    """
    outcomes = {name.split("/", 1)[1]: build_outcome(data) for name, data in outcome_records}
    return tuple(build_consultation(data, outcomes.get(name.split("/", 1)[1])) for name, data in records)
