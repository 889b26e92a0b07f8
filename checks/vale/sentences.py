"""Split a block of prose into sentences, for rules with `scope: sentence`.

Vale uses a Punkt-style tokenizer. This is a smaller rule-based splitter that
agrees with it on ordinary guidance prose: a sentence ends at `.`, `!` or `?`
(and any closing quotes or brackets) followed by space and a capital letter,
digit or opening quote - unless the full stop ends a known abbreviation or an
initial, as in "Mr Smith", "para. 3" or "J. Smith".
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?]+[\"'’”)\]]*(?=\s+[\"'‘“(\[]*[A-Z0-9£])")
_LAST_WORD = re.compile(r"(\S+)$")

# Abbreviations that take a full stop in ordinary text and rarely end a
# sentence. Latin abbreviations are here so that they are flagged by their own
# rule instead of also breaking sentence counts.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st no nos para paras s ss sch reg regs art arts cl
    cf vs v co ltd inc approx fig figs vol ch pp p e.g i.e eg ie viz al
    """.split()
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, trimmed of surrounding space."""
    spans = []
    start = 0
    for end in _END.finditer(text):
        if _ends_abbreviation(text, end.start(), end.group()):
            continue
        spans.append((start, end.end()))
        start = end.end()
    spans.append((start, len(text)))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _ends_abbreviation(text: str, punct_start: int, punct: str) -> bool:
    if not punct.startswith(".") or punct.startswith(".."):
        return False
    word = _LAST_WORD.search(text, 0, punct_start)
    if not word:
        return False
    token = word.group(1).lstrip("(\"'‘“[").lower()
    if token in _ABBREVIATIONS:
        return True
    return len(token) == 1 and token.isalpha()  # an initial, as in "J. Smith"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
