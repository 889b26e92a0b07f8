"""The response form page: an accessible HTML form generated from a consultation's questions.

The form follows the GOV.UK Design System patterns: one fieldset and legend per
question, radios with labels, labelled text areas, an error summary that links
to each field, and error messages tied to their fields. It works without
JavaScript and loads nothing from another origin.

- With a submission endpoint (and while the consultation is open) the form
  posts there, with a honeypot field that people never see.
- Otherwise ``docs/assets/javascripts/consultation-form.js`` checks the answers
  and lets the respondent save them as a readable text file and a
  machine-readable JSON file (the format ``trustdocs analyse`` reads), to send
  by email or post. Without JavaScript the page says how to print the filled-in
  form instead.

Editor text is escaped with :func:`html.escape` in the HTML and
:func:`trustdocs.core.escape.md` in the Markdown around it.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from trustdocs.core.escape import attr, html_text, md
from trustdocs.core.markdown import bullet_list, join_and, join_or
from trustdocs.model.consultation_state import FORTHCOMING, OPEN, consultation_state
from trustdocs.model.consultations import Consultation, Question
from trustdocs.model.dataset import DataSet
from trustdocs.rendering import paths
from trustdocs.rendering.common import Page, cites, form_scripts
from trustdocs.rendering.consultations.parts import ANSWER_WORDS, guidance_paragraphs, notices_markdown
from trustdocs.rendering.paths import link

STYLESHEET = "assets/stylesheets/consultations.css"
# Loaded only by a page with a form (not from mkdocs.yml on every page), after the error summary that both forms
# share (common.form_scripts); files of ours, as the Content-Security-Policy allows (trustdocs/pipeline/security.py).
SCRIPT = "assets/javascripts/consultation-form.js"
FORM_ID = "response-form"


def _about_hint(here: str, data: DataSet, q: Question) -> str:

    numbers = [
        f'<a href="{html_text(paths.href(here, page, "para-" + n.replace(".", "-")))}">{html_text(n)}</a>'
        for n, page in guidance_paragraphs(data, q)
    ]
    if not numbers:
        return ""
    word = "paragraph" if len(numbers) == 1 else "paragraphs"
    listed = join_and(numbers)
    return f"It asks about guidance {word} {listed}."


def _radio(name: str, field_id: str, value: str, label: str, required: bool = False, detail: bool = False) -> str:
    extra = (" required" if required else "") + (' data-detail="yes"' if detail else "")
    return (
        f'<div class="consultation-radio"><input type="radio" id="{html_text(field_id)}" name="{html_text(name)}" value="{html_text(value)}"'
        f'{extra}><label for="{html_text(field_id)}">{html_text(label)}</label></div>'
    )


def _text_field(
    field_id: str, name: str, label: str, kind: str = "text", autocomplete: str = "", hint: str = ""
) -> str:
    """A labelled one-line input, with an optional hint and a place for an error message."""
    attributes = f' autocomplete="{autocomplete}"' if autocomplete else ""
    attributes += ' spellcheck="false"' if kind == "email" else ""
    attributes += f' aria-describedby="{field_id}-hint"' if hint else ""
    return (
        f'<div class="consultation-field" id="{field_id}-field"><label class="consultation-label" for="{field_id}">{html_text(label)}</label>'
        + (f'<p class="consultation-hint" id="{field_id}-hint">{html_text(hint)}</p>' if hint else "")
        + f'<p class="consultation-error" id="{field_id}-error" hidden></p>'
        f'<input class="consultation-input" type="{kind}" id="{field_id}" name="{html_text(name)}"{attributes}></div>'
    )


def _about_you(c: Consultation) -> str:
    radios = "".join(
        _radio("category", f"response-category-{cat.id}", cat.id, cat.label, required=(i == 0), detail=bool(cat.detail))
        for i, cat in enumerate(c.categories)
    )
    detailed = [cat for cat in c.categories if cat.detail]
    detail = ""
    if detailed:
        chosen = join_or(cat.label for cat in detailed)
        detail = _text_field(
            "response-category-detail", "category-detail", f"{detailed[0].detail} (if you chose {chosen})"
        )
    confidential = ""
    if c.confidentiality:
        confidential = (
            '<div class="consultation-checkbox"><input type="checkbox" id="response-confidential" name="confidential" value="yes">'
            '<label for="response-confidential">Please keep my response confidential</label></div>'
        )
    return (
        '<fieldset class="consultation-fieldset" id="response-about-you">'
        '<legend class="consultation-legend consultation-legend-large">About you</legend>'
        + _text_field("response-name", "name", "Your name (optional)", autocomplete="name")
        + _text_field(
            "response-organisation",
            "organisation",
            "Your organisation, if you respond for one (optional)",
            autocomplete="organization",
        )
        + _text_field(
            "response-email",
            "email",
            "Your email address (optional)",
            kind="email",
            autocomplete="email",
            hint="Only if you are happy to be contacted about your response.",
        )
        + '<fieldset class="consultation-fieldset" id="response-category">'
        '<legend class="consultation-legend">Which category best describes you?</legend>'
        '<p class="consultation-error" id="response-category-error" hidden></p>'
        f'<div class="consultation-radios">{radios}</div>{detail}</fieldset>' + confidential + "</fieldset>"
    )


def _question(here: str, data: DataSet, c: Consultation, q: Question) -> str:
    fid = f"response-{q.id}"
    hint = " ".join(part for part in (html_text(q.hint), _about_hint(here, data, q)) if part)
    radios = ""
    if q.choices:
        radios = (
            '<div class="consultation-radios">'
            + "".join(_radio(q.id, f"{fid}-{value}", value, label) for value, label in q.choices)
            + "</div>"
        )
    comments_label = (
        f"Comments on question {q.number} (optional)" if q.choices else f"Your answer to question {q.number}"
    )
    return (
        f'<fieldset class="consultation-fieldset consultation-question" id="{fid}" data-question="{html_text(q.id)}" '
        f'data-answer="{html_text(q.answer)}"'
        + (f' aria-describedby="{fid}-hint">' if hint else ">")
        + f'<legend class="consultation-legend"><span class="consultation-question-number">Question {q.number} of '
        f'{len(c.questions)}</span> <span class="consultation-question-text">{html_text(q.text)}</span></legend>'
        + (f'<p class="consultation-hint" id="{fid}-hint">{hint}</p>' if hint else "")
        + f'<p class="consultation-error" id="{fid}-error" hidden></p>'
        + radios
        + f'<div class="consultation-field"><label class="consultation-label" for="{fid}-comments">{comments_label}</label>'
        f'<textarea class="consultation-textarea" id="{fid}-comments" name="{html_text(q.id)}-comments" rows="5"></textarea></div>'
        "</fieldset>"
    )


def _honeypot() -> str:
    """A field people never see or reach; a form that comes back with it filled in was sent by a program."""
    return (
        '<div class="consultation-honeypot" aria-hidden="true"><label for="response-website">Leave this box empty</label>'
        '<input type="text" id="response-website" name="website" tabindex="-1" autocomplete="off"></div>'
    )


def _download_actions(c: Consultation) -> str:
    name = f"{c.id}-response"
    return (
        '<div class="consultation-no-script" data-consultation-no-script><p>This page needs JavaScript to save your answers '
        "as files, and it is not running. Fill in the form, then print the page or save it as a PDF from your browser's "
        "print menu. Send it by email or post, as this page explains.</p></div>"
        '<div class="consultation-actions" data-consultation-script hidden>'
        '<button type="submit" class="md-button md-button--primary">Save your answers</button></div>'
        f'<div class="consultation-saved" id="response-saved" tabindex="-1" hidden>'
        '<h2 class="consultation-saved-title">Your answers are ready to save</h2>'
        "<p>Save both files on your device, then send them by email or post, as this page explains. "
        "Nothing has been sent yet.</p><ul>"
        f'<li><a id="response-download-text" data-filename="{html_text(name)}.txt">A copy to read (text file)</a></li>'
        f'<li><a id="response-download-json" data-filename="{html_text(name)}.json">A copy for analysis (.json file)</a></li>'
        "</ul></div>"
    )


def response_form(data: DataSet, c: Consultation, here: str, endpoint: str = "") -> str:
    """The form as raw HTML. With ``endpoint`` it posts there; otherwise it saves answers to files."""
    if endpoint:
        opening = (
            f'<form id="{FORM_ID}" class="consultation-form" data-consultation="{html_text(c.id)}" data-mode="post" '
            f'action="{html_text(endpoint)}" method="post">'
        )
        actions = '<button type="submit" class="md-button md-button--primary">Send your response</button>'
    else:
        opening = (
            f'<form id="{FORM_ID}" class="consultation-form" data-consultation="{html_text(c.id)}" data-mode="download" '
            f'data-title="{html_text(c.title)}">'
        )
        actions = _download_actions(c)
    return (
        opening
        + f'<link rel="stylesheet" href="{html_text(paths.href(here, STYLESHEET))}">'
        + '<div class="consultation-error-summary" id="response-errors" tabindex="-1" hidden><div role="alert">'
        '<h2 class="consultation-error-summary-title">There is a problem</h2>'
        '<ul class="consultation-error-summary-list"></ul></div></div>'
        + f'<input type="hidden" name="consultation" value="{html_text(c.id)}">'
        + (_honeypot() if endpoint else "")
        + _about_you(c)
        + "".join(_question(here, data, c, q) for q in c.questions)
        + actions
        + "</form>"
        + form_scripts(here, SCRIPT)
    )


def _state_paragraph(c: Consultation, state: str) -> str:
    opens, closes = md(str(c.dates.opens)), md(str(c.dates.closes))
    if state == OPEN:
        return f"This consultation is open until {closes}."
    if state == FORTHCOMING:
        return f"This consultation opens on {opens}. You can read the questions and prepare your answers now."
    raise ValueError(f"{c.id}: a closed consultation has no response form, only a record (record_page)")


def _send_to(here: str, data: DataSet, c: Consultation) -> str:
    lines = []
    if c.respond.email:
        lines.append(f"By email: [{md(c.respond.email)}](mailto:{attr(c.respond.email)}).")
    if c.respond.post:
        lines.append("By post: " + ", ".join(md(line) for line in c.respond.post) + ".")
    note = f"{md(c.respond.note)} " if c.respond.note else ""
    return bullet_list(lines) + f"\n{note}{cites(here, c.respond.cites, data)}\n"


def record_page(data: DataSet, c: Consultation) -> Page:
    """A closed consultation's form page: a record of what it asked, inviting no response to an old address."""
    here = paths.consultation_form(c.id)
    printable = link(here, paths.document(paths.printable_form_slug(c.id)))
    questions = "".join(
        f"{q.number}. {md(q.text)} {ANSWER_WORDS[q.answer]}" + (f" {md(q.hint)}" if q.hint else "") + "\n"
        for q in c.questions
    )
    parts = [
        f"# What was asked: {md(c.title)}\n\n",
        f"This consultation closed on {md(str(c.dates.closes))}. Responses are no longer accepted, and the "
        "addresses it gave may no longer work. This page is a record of what it asked. "
        f"Read more [about this consultation]({link(here, paths.consultation(c.id))}).\n\n",
        f"The [printable response form]({printable}) shows the form as it was.\n\n",
        "## The questions {#questions}\n\n",
        questions,
        "\n## Who could respond {#respondents}\n\n",
        "Respondents chose the category that best described them:\n\n",
        bullet_list(md(category.label) for category in c.categories),
        f"\n{cites(here, c.categories_cites, data)}\n",
    ]
    return Page(here, "".join(parts), (c.data_file,))


def respond_page(data: DataSet, c: Consultation, as_at: datetime.date) -> Page:
    """The response form while a consultation is forthcoming or open; afterwards, a record of what it asked."""
    here = paths.consultation_form(c.id)
    state = consultation_state(c, as_at)
    if state not in (OPEN, FORTHCOMING):
        return record_page(data, c)
    endpoint = c.respond.endpoint if state == OPEN else ""
    printable = link(here, paths.document(paths.printable_form_slug(c.id)))
    if endpoint:
        handling = (
            f"When you select Send your response, your answers go to {md(urlsplit(endpoint).hostname or '')} "
            f"for the {md(c.owner)}. This website does not keep a copy."
        )
    else:
        handling = (
            "This page does not send your answers anywhere or store them. When you select Save your answers, "
            "your browser makes 2 files on your own device: a copy to read and a copy for analysis."
        )
    parts = [
        f"# Respond: {md(c.title)}\n\n",
        f"{_state_paragraph(c, state)} Read more [about this consultation]({link(here, paths.consultation(c.id))}).\n\n",
        f"You can also use the [printable response form]({printable}) to fill in on paper or in a word processor.\n\n",
        "## Before you start {#before-you-start}\n\n",
        "Read how your response is handled.\n",
        notices_markdown(here, data, c, level="###"),
        f"\n### This website {{#this-website}}\n\n{handling}\n\n",
        "## Your response {#your-response}\n\n",
        "Every question is optional, but answer at least one. Choose the category that best describes you.\n\n",
        response_form(data, c, here, endpoint),
    ]
    if not endpoint:
        parts.append("\n## Where to send your response {#send}\n\n" + _send_to(here, data, c))
    return Page(here, "".join(parts), (c.data_file,))
