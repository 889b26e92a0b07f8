"""The Python engine follows Vale's semantics for each rule type it implements.

Each case is a small rule and text whose Vale result follows from Vale's
source (internal/check/*.go); the comments say which behaviour is pinned.
"""

from __future__ import annotations

import textwrap

import pytest
import yaml

from checks.vale.blocks import SourceText
from checks.vale.markdown_blocks import markdown_blocks
from checks.vale.python_engine import lint_blocks
from checks.vale.rule_loader import build_rule


class _Config:
    min_level = "suggestion"

    def level_of(self, rule):
        return rule.level


def lint(rule_yaml: str, text: str, *more_rules: str) -> list[str]:
    rules = [
        build_rule(yaml.safe_load(textwrap.dedent(body)), f"Test.R{i}", f"R{i}.yml")
        for i, body in enumerate((rule_yaml, *more_rules))
    ]
    text = textwrap.dedent(text)
    alerts = lint_blocks(markdown_blocks(text), SourceText(text), "t.md", rules, _Config())
    return [f"{a.line}:{a.col}:{a.match}:{a.message}" for a in alerts]


# --- existence -------------------------------------------------------------


def test_existence_tokens_are_word_bounded_and_case_sensitive_by_default():
    rule = "extends: existence\nmessage: '%s'\ntokens: [cat]"
    assert lint(rule, "cat concatenate Cat") == ["1:1:cat:cat"]


def test_existence_ignorecase_and_nonword():
    rule = "extends: existence\nmessage: '%s'\nignorecase: true\nnonword: true\ntokens: [cat]"
    assert lint(rule, "Cat concatenate") == ["1:1:Cat:Cat", "1:8:cat:cat"]


def test_existence_exceptions_are_case_sensitive_unless_marked():
    # Vale prefixes each exception with (?-i) unless it starts with (?i).
    rule = """
        extends: existence
        message: '%s'
        ignorecase: true
        tokens: ['\\w+ board']
        exceptions: [Trust Board, '(?i)safeguarding board']
        """
    assert lint(rule, "The Trust Board, the trust board and the Safeguarding Board.") == [
        "1:22:trust board:trust board"
    ]


def test_existence_raw_goes_before_tokens_unless_appended():
    before = "extends: existence\nmessage: '%s'\nraw: ['the ']\ntokens: [plan]"
    after = "extends: existence\nmessage: '%s'\nappend: true\nraw: ['\\.']\ntokens: [plan]"
    assert lint(before, "See the plan.") == ["1:5:the plan:the plan"]
    # The word template ends in \b, so appended raw text follows a word boundary.
    assert lint(after, "A plan. Plans.") == ["1:3:plan.:plan."]


def test_existence_message_takes_the_match_and_ignores_missing_values():
    rule = "extends: existence\nmessage: \"'%s' then %s\"\ntokens: [x]"
    assert lint(rule, "x") == ["1:1:x:'x' then %!s(MISSING)"]


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


def test_substitution_exceptions_apply_to_the_observed_text():
    rule = "extends: substitution\nmessage: '%s'\nswap: {'colou?r': hue}\nexceptions: [colour]"
    assert lint(rule, "color colour") == ["1:1:color:hue"]


# --- occurrence -------------------------------------------------------------


def test_occurrence_max_counts_per_sentence_and_reports_at_the_first_match():
    rule = "extends: occurrence\nmessage: '%d words'\nscope: sentence\nmax: 3\ntoken: '\\w+'"
    assert lint(rule, "One two three. One two three four.") == ["1:16:One:4 words"]


def test_occurrence_min_reports_a_scope_with_too_few():
    rule = "extends: occurrence\nmessage: 'only %d'\nmin: 2\ntoken: '\\bmust\\b'"
    assert lint(rule, "You must. You may.\n\nYou must and must.\n") == ["1:5:must:only 1"]


def test_occurrence_count_given_to_percent_s_prints_like_go():
    rule = "extends: occurrence\nmessage: '%s'\nmax: 1\ntoken: a"
    assert lint(rule, "a a") == ["1:1:a:%!s(int=2)"]


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


def test_conditional_without_a_capture_group_is_a_presence_test():
    rule = "extends: conditional\nmessage: '%s'\nfirst: '\\bTBC\\b'\nsecond: 'to be confirmed'"
    assert lint(rule, "TBC, to be confirmed.\n\nTBC.\n") == ["3:1:TBC:TBC"]


def test_conditional_phrase_exceptions_cover_words_inside_them():
    rule = ABBREVIATIONS.replace("exceptions: [UK]", "exceptions: ['GOV UK site']")
    assert lint(rule, "The GOV UK site and the GOV.") == ["1:25:GOV:'GOV' has no definition"]


# --- scopes, limits and levels --------------------------------------------


def test_text_scope_sees_every_block_but_not_sentences_twice():
    rule = "extends: existence\nmessage: '%s'\ntokens: [plan]"
    text = "# The plan\n\n- a plan\n\nA plan. Another plan.\n"
    assert lint(rule, text) == ["1:7:plan:plan", "3:5:plan:plan", "5:3:plan:plan", "5:17:plan:plan"]


def test_scopes_select_headings_lists_and_negations():
    heading = "extends: existence\nmessage: h\nscope: heading.h1\ntokens: [plan]"
    not_list = "extends: existence\nmessage: n\nscope: text & ~list\ntokens: [plan]"
    text = "# The plan\n\n## A plan\n\n- a plan\n"
    assert lint(heading, text) == ["1:7:plan:h"]
    assert lint(not_list, text) == ["1:7:plan:n", "3:6:plan:n"]


def test_limit_caps_alerts_per_rule_per_file():
    rule = "extends: existence\nmessage: '%s'\nlimit: 2\ntokens: [x]"
    assert lint(rule, "x x x x") == ["1:1:x:x", "1:3:x:x"]


def test_same_rule_same_place_is_reported_once():
    # A paragraph-scoped and a text-scoped view of one block must not double-report.
    rule = "extends: existence\nmessage: '%s'\nscope: [paragraph, text]\ntokens: [x]"
    assert lint(rule, "a x b") == ["1:3:x:x"]


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
