"""Parts that a consultation's page and its response form both show."""

from __future__ import annotations

from trustdocs.core.escape import md
from trustdocs.model.consultations import Consultation, Question
from trustdocs.model.dataset import DataSet
from trustdocs.rendering import paths
from trustdocs.rendering.common import cites


def guidance_paragraphs(data: DataSet, question: Question) -> list[tuple[str, str]]:
    """(paragraph number, its section's page) for each restated guidance paragraph a question asks about."""
    return [(n, paths.guidance_section(ref.section)) for ref in question.about for n in ref.paragraphs]


def notices_markdown(here: str, data: DataSet, c: Consultation, level: str = "##") -> str:
    """The Freedom of Information, confidentiality and privacy notices, each under its own heading."""
    parts = []
    for heading, anchor, notice in (
        ("Freedom of Information", "freedom-of-information", c.freedom_of_information),
        ("Confidentiality", "confidentiality", c.confidentiality),
        ("Personal information", "personal-information", c.privacy),
    ):
        if notice:
            parts.append(f"\n{level} {heading} {{#{anchor}}}\n\n{md(notice.text)} {cites(here, notice.cites, data)}\n")
    return "".join(parts)


# How each kind of question is answered, on the consultation page and the record of a closed form.
ANSWER_WORDS = {
    "yes-no-not-sure-with-comments": "Answer yes, no or not sure, with comments.",
    "free-text": "Answer in your own words.",
}
