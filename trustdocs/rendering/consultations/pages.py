"""The consultation pages: an index grouped by state, and for each consultation its page,
its response form page and, once there is one, its outcome page.

Every function is pure: data and an "as at" date in, :class:`Page` records out.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from trustdocs.core.escape import attr, md
from trustdocs.core.markdown import bullet_list, join_and, table
from trustdocs.model.consultation_state import (
    CLOSED,
    FORTHCOMING,
    OPEN,
    PUBLISHED,
    STATE_LABELS,
    STATES,
    consultation_state,
)
from trustdocs.model.consultations import CHOICE_LABELS, Consultation, Outcome, Question, all_cites, percent
from trustdocs.model.dataset import DataSet
from trustdocs.rendering import paths
from trustdocs.rendering.change_log import site_changes_section
from trustdocs.rendering.common import Page, cites, format_day
from trustdocs.rendering.consultations.chart import Bar, bar_chart
from trustdocs.rendering.consultations.form import respond_page
from trustdocs.rendering.consultations.parts import ANSWER_WORDS, guidance_paragraphs, notices_markdown
from trustdocs.rendering.paths import link
from trustdocs.rendering.site import Citing, Site, citations_of


def _ran(c: Consultation, state: str) -> str:
    opens, closes = md(str(c.dates.opens)), md(str(c.dates.closes))
    if state == FORTHCOMING:
        return f"Opens on {opens} and closes on {closes}."
    if state == OPEN:
        return f"Open until {closes}."
    return f"Ran from {opens} to {closes}."


def consultations_index(consultations: tuple[Consultation, ...], as_at: datetime.date) -> Page:
    parts = [
        "# Consultations\n\n",
        "Consultations on Children's Trusts: what they asked, how to respond and what they found. "
        f"Each is shown as it stood on {format_day(as_at)}.\n",
    ]
    for state in STATES:
        found = [c for c in consultations if consultation_state(c, as_at) == state]
        parts.append(f"\n## {STATE_LABELS[state]} {{#{state}}}\n\n")
        if not found:
            parts.append("None at the moment.\n")
            continue
        lines = []
        for c in found:
            line = f"[{md(c.title)}]({link(paths.CONSULTATIONS, paths.consultation(c.id))}). {_ran(c, state)}"
            if state == OPEN:
                line += f" [Respond to this consultation]({link(paths.CONSULTATIONS, paths.consultation_form(c.id))})."
            if state == PUBLISHED and c.outcome:
                line += f" [Read the outcome]({link(paths.CONSULTATIONS, paths.consultation_outcome(c.id))})."
            lines.append(line)
        parts.append(bullet_list(lines))
    return Page(paths.CONSULTATIONS, "".join(parts), tuple(c.data_file for c in consultations))


def state_line(c: Consultation, state: str, as_at: datetime.date) -> str:
    return f"Status on {format_day(as_at)}: **{STATE_LABELS[state]}**."


def _dates_table(c: Consultation, state: str) -> str:
    rows = [
        ["Opens" if state == FORTHCOMING else "Opened", md(str(c.dates.opens))],
        ["Closed" if state in (CLOSED, PUBLISHED) else "Closes", md(str(c.dates.closes))],
    ]
    if c.dates.outcome:
        rows.append(["Outcome published" if state == PUBLISHED else "Outcome expected", md(str(c.dates.outcome))])
    return table(["Stage", "Date"], rows)


def _about(here: str, data: DataSet, question: Question) -> str:
    """'It asks about guidance paragraphs 3.8 and 3.10.', each number a link to its paragraph."""
    numbers = [
        f"[{md(n)}]({link(here, page, 'para-' + n.replace('.', '-'))})"
        for n, page in guidance_paragraphs(data, question)
    ]
    if not numbers:
        return ""
    word = "paragraph" if len(numbers) == 1 else "paragraphs"
    listed = join_and(numbers)
    return f"It asks about guidance {word} {listed}."


def _questions(here: str, data: DataSet, c: Consultation) -> str:
    lines = []
    for q in c.questions:
        parts = [md(q.text), ANSWER_WORDS[q.answer]]
        if q.hint:
            parts.append(md(q.hint))
        about = _about(here, data, q)
        if about:
            parts.append(about)
        parts.append(cites(here, q.cites, data))
        lines.append(f"{q.number}. " + " ".join(parts))
    return "\n".join(lines) + "\n"


def _documents(here: str, data: DataSet, c: Consultation) -> str:
    parts = []
    for d in c.documents:
        source = data.source(d.source)
        parts.append(
            f"<cite>[{md(source.title)}]({link(here, paths.source(source.id))})</cite>. "
            + (f"{md(d.note)} " if d.note else "")
            + f"{cites(here, d.cites, data)}\n\n"
        )
        if d.sections:
            sections = [next(s for s in data.guidance if s.id == sid) for sid in d.sections]
            parts.append(
                "This site restates it in:\n\n"
                + bullet_list(
                    f"[section {md(s.number)}: {md(s.title)}]({link(here, f'guidance/{s.id}.md')})" for s in sections
                )
                + "\n"
            )
    return "".join(parts)


def ways_to_respond(here: str, c: Consultation, state: str) -> list[str]:
    lines = []
    if state == OPEN:
        lines.append(f"Online: [fill in the response form]({link(here, paths.consultation_form(c.id))}).")
    if c.respond.email:
        lines.append(f"By email: [{md(c.respond.email)}](mailto:{attr(c.respond.email)}).")
    if c.respond.post:
        lines.append("By post: " + ", ".join(md(line) for line in c.respond.post) + ".")
    return lines


def _contact(here: str, data: DataSet, c: Consultation) -> str:
    if c.contact is None:
        return ""
    lines = []
    for p in c.contact.people:
        line = f"{md(p.about)}: {md(p.name)}"
        if p.phone:
            line += f", telephone {md(p.phone)}"
        if p.email:
            line += f", email [{md(p.email)}](mailto:{attr(p.email)})"
        lines.append(line + ".")
    note = f"{md(c.contact.note)} " if c.contact.note else ""
    return "\n## Contact {#contact}\n\n" + bullet_list(lines) + f"\n{note}{cites(here, c.contact.cites, data)}\n"


def _outcome_section(here: str, c: Consultation, state: str) -> str:
    parts = ["\n## Outcome {#outcome}\n\n"]
    if state == PUBLISHED and c.outcome:
        parts.append(f"{md(c.outcome.summary)} [Read the outcome]({link(here, paths.consultation_outcome(c.id))}).\n")
    elif state == PUBLISHED:
        parts.append(f"The outcome was due in {md(str(c.dates.outcome))}. It is not on this site yet.\n")
    elif c.dates.outcome:
        parts.append(f"The outcome is expected in {md(str(c.dates.outcome))}.\n")
    else:
        parts.append(
            "The outcome will be published here after the consultation has closed and the responses have been analysed.\n"
        )
    return "".join(parts)


def consultation_page(data: DataSet, c: Consultation, as_at: datetime.date) -> Page:
    here = paths.consultation(c.id)
    state = consultation_state(c, as_at)
    form_words = {OPEN: "Respond to this consultation", FORTHCOMING: "See the response form"}.get(
        state, "See what it asked"
    )
    form_link = f"[{form_words}]({link(here, paths.consultation_form(c.id))})"
    parts = [
        f"# {md(c.title)}\n\n",
        f"{state_line(c, state, as_at)} {_ran(c, state)}\n\n",
        f"{md(c.summary)} {cites(here, c.cites, data)}\n\n",
        f"**Run by**: {md(c.owner)}.\n",
        "\n## Dates {#dates}\n\n",
        _dates_table(c, state),
        f"\n{cites(here, c.dates.cites, data)}\n",
        "\n## Who it is for {#audience}\n\n",
        bullet_list(md(a) for a in c.audience),
        "\n## What it consults on {#documents}\n\n",
        _documents(here, data, c),
        "\n## Questions {#questions}\n\n",
        f"{md(c.questions_note)}\n\n" if c.questions_note else "",
        _questions(here, data, c),
        f"\n{form_link}.\n",
        "\n## How to respond {#how-to-respond}\n\n",
        bullet_list(ways_to_respond(here, c, state)),
        f"\n{md(c.respond.note)} " if c.respond.note else "\n",
        f"{cites(here, c.respond.cites, data)}\n",
        _contact(here, data, c),
        notices_markdown(here, data, c),
    ]
    if c.criteria:
        parts.append(
            "\n## Consultation criteria {#criteria}\n\nThe consultation follows these standards for public consultations:\n\n"
        )
        parts.append(bullet_list(f"{md(n.text)} {cites(here, n.cites, data)}" for n in c.criteria))
    parts.append(_outcome_section(here, c, state))
    parts.append(site_changes_section(here, data, {c.id}))
    return Page(here, "".join(parts), (c.data_file,))


def _share(count: int, total: int) -> str:
    return f"{percent(count, total)}%"


def _responses(here: str, data: DataSet, c: Consultation, o: Outcome) -> str:
    total = o.total
    rows = [[md(c.category(r.category).label), f"{r.count:,}", _share(r.count, total)] for r in o.responses]
    rows.append(["**Total**", f"**{total:,}**", "100%"])
    chart = bar_chart(
        "chart-responses",
        f"Responses by category ({total:,} in all)",
        [Bar(c.category(r.category).label, r.count, f"{r.count:,} ({_share(r.count, total)})") for r in o.responses],
        "The table below gives the same numbers.",
    )
    parts = [
        "\n## Responses by category {#responses}\n\n",
        f"There were {total:,} responses. Percentages are rounded, so they may not add up to 100.\n\n",
        chart,
        "\n",
        table(["Category", "Responses", "Share"], rows),
    ]
    if o.responses_note:
        parts.append(f"\n{md(o.responses_note)}\n")
    if o.responses_cites:
        parts.append(f"\n{cites(here, o.responses_cites, data)}\n")
    return "".join(parts)


def _answers(q: Question, answers: tuple) -> str:
    """A chart and a table of one question's answers: counted, or published percentages."""
    chart_id = f"chart-{q.id}"
    if all(a.count is not None for a in answers):
        answered = sum(a.count for a in answers)
        bars = [Bar(CHOICE_LABELS[a.answer], a.count, f"{a.count:,} ({_share(a.count, answered)})") for a in answers]
        rows = [[CHOICE_LABELS[a.answer], f"{a.count:,}", _share(a.count, answered)] for a in answers]
        rows.append(["**Total**", f"**{answered:,}**", "100%"])
        headers = ["Answer", "Responses", "Share"]
        title = f"Answers to question {q.number} ({answered:,} answered)"
    else:
        bars = [Bar(CHOICE_LABELS[a.answer], a.percent, f"{a.percent}%") for a in answers]
        rows = [[CHOICE_LABELS[a.answer], f"{a.percent}%"] for a in answers]
        headers = ["Answer", "Share of responses"]
        title = f"Answers to question {q.number} (percentages published in the analysis)"
    return bar_chart(chart_id, title, bars, "The table below gives the same numbers.") + "\n" + table(headers, rows)


def _question_outcomes(here: str, data: DataSet, c: Consultation, o: Outcome) -> str:
    parts = ["\n## What respondents said on each question {#questions}\n"]
    for q in c.questions:
        qo = o.for_question(q.id)
        if qo is None:
            continue
        parts.append(f"\n### Question {q.number} {{#{attr(q.id)}}}\n\n**{md(q.text)}**\n\n")
        if qo.summary:
            parts.append(f"{md(qo.summary)} {cites(here, qo.cites, data)}\n\n")
        if qo.points:
            parts.append("Points made included:\n\n" + bullet_list(md(p) for p in qo.points) + "\n")
        if qo.answers and all(a.count == 0 for a in qo.answers):
            parts.append("No one chose an answer to this question.\n\n")
        elif qo.answers:
            parts.append(_answers(q, qo.answers) + "\n")
        if qo.comments is not None:
            parts.append(f"{qo.comments:,} {'respondent' if qo.comments == 1 else 'respondents'} wrote comments.\n\n")
    return "".join(parts)


def outcome_page(data: DataSet, c: Consultation) -> Page:
    here = paths.consultation_outcome(c.id)
    o = c.outcome
    assert o is not None
    parts = [
        f"# Outcome: {md(c.title)}\n\n",
        f"The outcome of the [consultation]({link(here, paths.consultation(c.id))}) that ran from "
        f"{md(str(c.dates.opens))} to {md(str(c.dates.closes))}.\n\n",
        f"{md(o.summary)} {cites(here, o.cites, data)}\n",
    ]
    if o.responses:
        parts.append(_responses(here, data, c, o))
    if o.findings:
        parts.append("\n## Main issues raised {#findings}\n\n")
        parts.append(bullet_list(f"{md(f.text)} {cites(here, f.cites, data)}" for f in o.findings))
    if o.questions:
        parts.append(_question_outcomes(here, data, c, o))
    if o.next_steps:
        parts.append(
            f"\n## Next steps {{#next-steps}}\n\n{md(o.next_steps.text)} {cites(here, o.next_steps.cites, data)}\n"
        )
    parts.append(site_changes_section(here, data, {c.id}))
    return Page(here, "".join(parts), (f"data/consultation-outcomes/{c.id}.yml", c.data_file))


def consultation_pages(data: DataSet, as_at: datetime.date) -> list[Page]:
    """Every consultation page, in a stable order, as they stand on ``as_at``."""
    if not data.consultations:
        return []
    pages = [consultations_index(data.consultations, as_at)]
    for c in data.consultations:
        pages.append(consultation_page(data, c, as_at))
        pages.append(respond_page(data, c, as_at))
        if c.outcome:
            pages.append(outcome_page(data, c))
    return pages


def pages(site: Site) -> list[Page]:
    return consultation_pages(site.data, site.as_at)


def citations(data: DataSet) -> Iterator[Citing]:
    for k in data.consultations:
        yield from citations_of(f"Consultation: {k.title}", paths.consultation(k.id), all_cites(k))
        if k.outcome:
            yield from citations_of(
                f"Consultation outcome: {k.title}", paths.consultation_outcome(k.id), all_cites(k.outcome)
            )
