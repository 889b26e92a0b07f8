"""Printable response forms: one document per consultation, for the document pipeline.

The Markdown keeps to the subset Python-Markdown and pandoc read alike (see
:mod:`trustdocs.rendering.documents.source`): headings with explicit ids, paragraphs, ``- ``
lists, pipe tables, bold and links to ``#ids``. Every piece of editor text goes
through :func:`trustdocs.core.escape.md`. Answers go in empty table cells: a row of
Yes, No and Not sure boxes, and blank rows for comments.
"""

from __future__ import annotations

from trustdocs.core.clock import as_at_date
from trustdocs.core.escape import md
from trustdocs.model.consultation_state import CLOSED, PUBLISHED, consultation_state
from trustdocs.model.consultations import Consultation
from trustdocs.model.dataset import DataSet
from trustdocs.rendering import paths
from trustdocs.rendering.documents.source import DocumentSource
from trustdocs.rendering.documents.text import bullets, source_notes, table

COMMENT_ROWS = 4  # blank rows to write comments in


def _how_to_send(c: Consultation, closed: bool) -> str:
    lines = []
    if c.respond.email:
        lines.append(f"By email: {md(c.respond.email)}")
    if c.respond.post:
        lines.append("By post: " + ", ".join(md(line) for line in c.respond.post))
    if closed:
        parts = [f"Responses were due by **{md(str(c.dates.closes))}**. They were sent:\n\n"]
    else:
        parts = [f"Send your completed form by **{md(str(c.dates.closes))}**.\n\n"]
    if lines:
        parts.append(bullets(lines) + "\n")
    if c.respond.note:
        parts.append(f"{md(c.respond.note)}\n\n")
    return "".join(parts)


def _notices(c: Consultation) -> str:
    notices = [
        (h, n)
        for h, n in (
            ("Freedom of Information", c.freedom_of_information),
            ("Confidentiality", c.confidentiality),
            ("Personal information", c.privacy),
        )
        if n
    ]
    if not notices:
        return ""
    parts = ["## 2. How your response is handled {#handling}\n\n"]
    parts += [f"**{heading}**: {md(notice.text)}\n\n" for heading, notice in notices]
    if c.confidentiality:
        parts.append(table(["Request", "Put an X here"], [["Please keep my response confidential", ""]]) + "\n")
    return "".join(parts)


def _about_you(c: Consultation, number: int) -> str:
    detailed = [cat for cat in c.categories if cat.detail]
    rows = [[md(cat.label), ""] for cat in c.categories]
    parts = [
        f"## {number}. About you {{#about-you}}\n\n",
        table(
            ["Your details", "Write here"],
            [["Name", ""], ["Organisation, if you respond for one", ""], ["Email address", ""], ["Postal address", ""]],
        ),
        "\nWhich category best describes you? Put an X beside one.\n\n",
        table(["Category", "Put an X here"], rows),
    ]
    if detailed:
        parts.append(
            "\n" + table([md(detailed[0].detail), "Write here"], [[f"If you chose {md(detailed[0].label)}", ""]])
        )
    return "".join(parts) + "\n"


def _questions(c: Consultation, number: int) -> str:
    parts = [f"## {number}. Questions {{#questions}}\n\n"]
    if c.questions_note:
        parts.append(f"{md(c.questions_note)}\n\n")
    for q in c.questions:
        parts.append(f"### Question {q.number} {{#{q.id}}}\n\n**{md(q.text)}**\n\n")
        if q.hint:
            parts.append(f"{md(q.hint)}\n\n")
        if q.choices:
            parts.append("Put an X under your answer.\n\n")
            parts.append(table([label for _, label in q.choices], [["" for _ in q.choices]]) + "\n")
        parts.append(table(["Comments" if q.choices else "Your answer"], [[""] for _ in range(COMMENT_ROWS)]) + "\n")
    return "".join(parts)


def _opening(c: Consultation, closed: bool) -> str:
    """Who consulted and when; once it has closed, that the form is a record, not a form to send."""
    when = f"A consultation by the {md(c.owner)}, open from {md(str(c.dates.opens))} to {md(str(c.dates.closes))}."
    if not closed:
        return f"{when} Answer as many questions as you like.\n\n"
    return (
        f"**This consultation closed on {md(str(c.dates.closes))}. Do not send this form: responses are no longer "
        "accepted, and the addresses in it may no longer work.** It is kept as a record of what the consultation "
        f"asked.\n\n{when}\n\n"
    )


def printable_form(data: DataSet, c: Consultation) -> DocumentSource:
    """The form to print and fill in; for a consultation closed on the site's as-at date, a record of it."""
    closed = consultation_state(c, as_at_date(data.latest_source_date)) in (CLOSED, PUBLISHED)
    number = 3 if _notices(c) else 2
    parts = [
        f"# {md(c.title)}: response form\n\n",
        _opening(c, closed),
        "## 1. How to respond {#how-to-respond}\n\n"
        if not closed
        else "## 1. How people responded {#how-to-respond}\n\n",
        _how_to_send(c, closed),
        _notices(c),
        _about_you(c, number),
        _questions(c, number + 1),
    ]
    if c.criteria:
        parts.append(
            f"## {number + 2}. Consultation criteria {{#criteria}}\n\n"
            "The consultation follows these standards for public consultations.\n\n"
        )
        parts.append(bullets(md(n.text) for n in c.criteria) + "\n")
    parts.append(
        source_notes(
            data,
            [
                ("Dates", c.dates.cites),
                ("How to respond", c.respond.cites),
                (
                    "Notices",
                    tuple(
                        cite for n in (c.freedom_of_information, c.confidentiality, c.privacy) if n for cite in n.cites
                    ),
                ),
                ("Respondent categories", c.categories_cites),
                ("Questions", tuple(cite for q in c.questions for cite in q.cites)),
                ("Consultation criteria", tuple(cite for n in c.criteria for cite in n.cites)),
            ],
        )
    )
    return DocumentSource(
        slug=paths.printable_form_slug(c.id),
        title=f"{c.title}: response form",
        markdown="".join(parts),
        data_files=(c.data_file,),
    )


def printable_forms(data: DataSet) -> list[DocumentSource]:
    """A printable response form for every consultation, in file-name order."""
    return [printable_form(data, c) for c in data.consultations]
