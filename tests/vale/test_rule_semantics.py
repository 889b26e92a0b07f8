"""The Python engine follows Vale's semantics for each rule type it implements.

Each case is a small rule and text whose Vale result follows from Vale's
source (internal/check/*.go); the comments say which behaviour is pinned.
"""

from __future__ import annotations

import textwrap

import pytest
import yaml

from checks.vale.blocks import BlockBuilder, SourceText, markdown_blocks
from checks.vale.rules import build_rule, lint_blocks


def lint(rule_yaml: str, text: str, *more_rules: str) -> list[str]:
    rules = [
        build_rule(yaml.safe_load(textwrap.dedent(body)), f"Test.R{i}", f"R{i}.yml")
        for i, body in enumerate((rule_yaml, *more_rules))
    ]
    text = textwrap.dedent(text)
    alerts = lint_blocks(markdown_blocks(text), SourceText(text), "t.md", rules)
    return [f"{a.line}:{a.col}:{a.match}:{a.message}" for a in alerts]


# --- existence -------------------------------------------------------------


def test_existence_tokens_are_word_bounded_and_case_sensitive_by_default():
    rule = "extends: existence\nmessage: '%s'\ntokens: [cat]"
    assert lint(rule, "cat concatenate Cat") == ["1:1:cat:cat"]


def test_existence_ignorecase_and_nonword():
    rule = "extends: existence\nmessage: '%s'\nignorecase: true\nnonword: true\ntokens: [cat]"
    assert lint(rule, "Cat concatenate") == ["1:1:Cat:Cat", "1:8:cat:cat"]


# --- substitution ----------------------------------------------------------


def test_substitution_prefers_the_longest_key_and_reports_expected_then_observed():
    rule = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap: {shall: must, shall not: must not}"
    assert lint(rule, "You shall not pass.") == ["1:5:shall not:Use 'must not' instead of 'shall not'."]


def test_substitution_expands_capture_groups_and_keeps_case_with_capitalize():
    rule = """
        extends: substitution
        message: "'%s' not '%s'"
        ignorecase: true
        capitalize: true
        swap: {'(organi|recogni)z(e|ed)': '$1s$2'}
        """
    assert lint(rule, "Organized and recognize.") == [
        "1:1:Organized:'Organised' not 'Organized'",
        "1:15:recognize:'recognise' not 'recognize'",
    ]


def test_substitution_is_silent_when_the_text_already_is_the_replacement():
    # With ignorecase the key matches "Use", but Vale compares the replacement exactly.
    rule = "extends: substitution\nmessage: '%s'\nignorecase: true\nswap: {use: use, utilise: use}"
    assert lint(rule, "use and utilise") == ["1:9:utilise:use"]


# --- occurrence -------------------------------------------------------------


def test_occurrence_max_counts_per_sentence_and_reports_at_the_first_match():
    rule = "extends: occurrence\nmessage: too long\nscope: sentence\nmax: 3\ntoken: '\\w+'"
    assert lint(rule, "One two three. One two three four.") == ["1:16:One:too long"]


def test_occurrence_reports_at_the_first_match_that_is_not_masked_code():
    # Inline code reads as `*`, as Vale masks it; the alert points at the next match.
    rule = "extends: occurrence\nmessage: m\nmax: 1\ntoken: '\\S+'"
    assert lint(rule, "`code` here") == ["1:8:here:m"]


# --- conditional ------------------------------------------------------------


ABBREVIATIONS = """
    extends: conditional
    message: "'%s' has no definition"
    first: '\\b([A-Z]{2,5})\\b'
    second: '\\w+ \\(([A-Z]{2,5})\\)'
    exceptions: [UK]
    """


def test_conditional_definitions_count_from_their_own_block_onwards():
    text = """
        The CYPP is due.

        The Young People's Plan (CYPP) is due. The CYPP is late.

        The CYPP and the UK.
        """
    assert lint(ABBREVIATIONS, text) == ["2:5:CYPP:'CYPP' has no definition"]


def test_conditional_exceptions_are_whole_words_and_may_be_patterns():
    rule = ABBREVIATIONS.replace("exceptions: [UK]", "exceptions: [UK, 'I{2,3}']")
    assert lint(rule, "The UK, Part III and the UKR.") == ["1:26:UKR:'UKR' has no definition"]


# --- scopes and bookkeeping -------------------------------------------------


def test_text_scope_sees_every_block_but_not_sentences_twice():
    rule = "extends: existence\nmessage: '%s'\ntokens: [plan]"
    text = "# The plan\n\n- a plan\n\nA plan. Another plan.\n"
    assert lint(rule, text) == ["1:7:plan:plan", "3:5:plan:plan", "5:3:plan:plan", "5:17:plan:plan"]


def test_same_rule_same_place_is_reported_once():
    # Vale's File.AddAlert: two hits that map to one source position (here both
    # characters of one reference, as `&fjlig;` decodes to "fj") give one alert.
    builder = BlockBuilder()
    builder.add_mapped("fj", 0)
    block = builder.take("text")
    rule = build_rule(
        yaml.safe_load("extends: existence\nmessage: '%s'\nnonword: true\ntokens: [f, j]"), "T.R", "R.yml"
    )
    assert [a.short() for a in lint_blocks([block], SourceText("&fjlig;"), "t.md", [rule])] == ["1:1:T.R:f"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Smith met Dr Jones. They agreed.", ["1:1:Mr", "1:24:They"]),
        ("See para. 4 of the guidance. Then act.", ["1:1:See", "1:30:Then"]),
        ("It was 3 April 2008. It rained!", ["1:1:It", "1:22:It"]),
    ],
)
def test_sentence_splitting_respects_abbreviations(text, expected):
    rule = "extends: occurrence\nmessage: m\nscope: sentence\nmax: 1\ntoken: '\\w+'"
    assert [a.rsplit(":", 1)[0] for a in lint(rule, text)] == expected
