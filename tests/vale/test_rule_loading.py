"""Rules and configuration the engine cannot honour fail loudly, never silently."""

from __future__ import annotations

import re
import textwrap

import pytest

from checks.vale.config import ConfigError, load_config
from checks.vale.rules import RuleError, build_rule, load_style


def rule(yaml_text: str):
    import yaml

    return build_rule(yaml.safe_load(textwrap.dedent(yaml_text)), "Test.Rule", "Test/Rule.yml")


@pytest.mark.parametrize("extends", ["existance", "repetition", "capitalization", "spelling", "3"])
def test_a_rule_type_not_implemented_is_refused(extends):
    with pytest.raises(RuleError, match=rf"^Test/Rule.yml: 'extends: {re.escape(extends)}' is not implemented"):
        rule(f"extends: {extends}\nmessage: x\ntokens: [a]")


def test_missing_extends_is_an_error():
    with pytest.raises(RuleError, match="missing the required 'extends'"):
        rule("message: x\ntokens: [a]")


# Keys Vale knows that no TrustDocs rule uses, keys of another type, and typos.
@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("extends: existence\nmessage: x\ntokens: [a]\nraw: [b]", "raw"),
        ("extends: existence\nmessage: x\ntokens: [a]\nappend: true", "append"),
        ("extends: existence\nmessage: x\ntokens: [a]\nexceptions: [b]", "exceptions"),
        ("extends: existence\nmessage: x\ntokens: [a]\nvocab: false", "vocab"),
        ("extends: existence\nmessage: x\ntokens: [a]\nlimit: 2", "limit"),
        ("extends: existence\nmessage: x\ntokens: [a]\ndescription: y", "description"),
        ("extends: existence\nmessage: x\ntokens: [a]\naction: {name: remove}", "action"),
        ("extends: existence\nmessage: x\ntokens: [a]\nswap: {a: b}", "swap"),
        ("extends: existence\nmessage: x\ntokenz: [a]", "tokenz"),
        ("extends: substitution\nmessage: x\nswap: {a: b}\nexceptions: [b]", "exceptions"),
        ("extends: substitution\nmessage: x\nswap: {a: b}\nmatchcase: true", "matchcase"),
        ("extends: occurrence\nmessage: x\ntoken: a\nmax: 1\nmin: 1", "min"),
        ("extends: occurrence\nmessage: x\ntoken: a\nmax: 1\nignorecase: true", "ignorecase"),
        ("extends: conditional\nmessage: x\nfirst: a\nsecond: (b)\nignorecase: true", "ignorecase"),
    ],
)
def test_an_option_not_implemented_is_refused(body, key):
    extends = body.split("\n")[0].split(": ")[1]
    with pytest.raises(
        RuleError, match=rf"^Test/Rule.yml: key '{key}' is not implemented by trustdocs-vale for '{extends}'"
    ):
        rule(body)


def test_an_unimplemented_rule_file_stops_the_configuration_loading_and_is_named(tmp_path):
    style = tmp_path / "styles" / "Mine"
    style.mkdir(parents=True)
    (style / "Good.yml").write_text("extends: existence\nmessage: x\ntokens: [a]\n")
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*.md]\nBasedOnStyles = Mine\n")
    (style / "Repeat.yml").write_text("extends: repetition\nmessage: x\ntokens: ['\\w+']\n")
    with pytest.raises(RuleError, match=re.escape(f"{style / 'Repeat.yml'}: 'extends: repetition' is not implemented")):
        load_config(tmp_path / ".vale.ini")
    (style / "Repeat.yml").write_text("extends: existence\nmessage: x\ntokens: [a]\nvocab: false\n")
    with pytest.raises(RuleError, match=re.escape(f"{style / 'Repeat.yml'}: key 'vocab' is not implemented")):
        load_config(tmp_path / ".vale.ini")


def test_keys_are_matched_case_insensitively_like_vale():
    assert rule("extends: existence\nMessage: x\nIgnoreCase: true\nTokens: [a]").name == "Test.Rule"


def test_level_defaults_to_warning_like_vale():
    assert rule("extends: existence\nmessage: x\ntokens: [a]").level == "warning"


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        ("extends: existence\ntokens: [a]", "missing the required 'message'"),
        ("extends: existence\nmessage: x\nlevel: fatal\ntokens: [a]", "'level' must be one of"),
        ("extends: existence\nmessage: x\nignorecase: 'yes'\ntokens: [a]", "'ignorecase' must be true or false"),
        ("extends: existence\nmessage: x\ntokens: a", "'tokens' must be a list of strings"),
        ("extends: existence\nmessage: x", "missing the required 'tokens'"),
        ("extends: existence\nmessage: x\ntokens: ['  ']", "needs 'tokens'"),
        # Scopes other than the whole text and sentences are not implemented.
        ("extends: existence\nmessage: x\nscope: comment\ntokens: [a]", "scope 'comment' is not implemented"),
        ("extends: existence\nmessage: x\nscope: heading\ntokens: [a]", "scope 'heading' is not implemented"),
        ("extends: existence\nmessage: x\nscope: [text]\ntokens: [a]", "'scope' must be a string"),
        # Message verbs: only as many %s as the type gives values.
        ("extends: existence\nmessage: '%v'\ntokens: [a]", "may use '%s' at most 1"),
        ("extends: existence\nmessage: '%s and %s'\ntokens: [a]", "may use '%s' at most 1"),
        ("extends: existence\nmessage: '100%'\ntokens: [a]", "may use '%s' at most 1"),
        ("extends: occurrence\nmessage: '%d words'\ntoken: a\nmax: 1", "may use '%s' at most 0"),
        # Patterns: what Python's re cannot compile is refused, never reinterpreted.
        ("extends: existence\nmessage: x\ntokens: ['\\p{L}+']", "does not compile"),
        ("extends: existence\nmessage: x\ntokens: ['(?<word>a)']", "does not compile"),
        ("extends: existence\nmessage: x\ntokens: ['(unclosed']", "does not compile"),
        ("extends: substitution\nmessage: x\nswap: []", "'swap' must be a non-empty map"),
        ("extends: substitution\nmessage: x\nswap: {a: '(?:b|c)'}", "swap value '\\(\\?:b\\|c\\)' is not implemented"),
        ("extends: substitution\nmessage: x\nswap: {a: '${1}'}", "is not implemented"),
        ("extends: occurrence\nmessage: x\ntoken: a", "missing the required 'max'"),
        ("extends: occurrence\nmessage: x\ntoken: a\nmax: 0", "needs 'max' above zero"),
        ("extends: conditional\nmessage: x\nfirst: a", "missing the required 'second'"),
        (
            "extends: conditional\nmessage: x\nfirst: a\nsecond: b",
            "'second' without a capture group is not implemented",
        ),
        ("extends: conditional\nmessage: x\nfirst: a\nsecond: (b)\nexceptions: [a b]", "multi-word exceptions"),
        # Vale's per-term (?i) in exceptions is not implemented: re refuses the flag mid-pattern.
        ("extends: conditional\nmessage: x\nfirst: a\nsecond: (b)\nexceptions: [UK, '(?i)eu']", "does not compile"),
    ],
)
def test_malformed_or_unimplemented_values_are_errors(body, complaint):
    with pytest.raises(RuleError, match=complaint):
        rule(body)


def test_a_yaml_file_vale_would_ignore_is_refused(tmp_path):
    style = tmp_path / "Style"
    style.mkdir()
    (style / "Good.yml").write_text("extends: existence\nmessage: x\ntokens: [a]\n")
    (style / "Ignored.yaml").write_text("extends: existence\nmessage: x\ntokens: [a]\n")
    with pytest.raises(RuleError, match="only loads .yml"):
        load_style(style, "Style")


def write_config(tmp_path, text: str):
    style = tmp_path / "styles" / "Mine"
    style.mkdir(parents=True)
    (style / "Word.yml").write_text("extends: existence\nmessage: x\nlevel: warning\ntokens: [word]\n")
    path = tmp_path / ".vale.ini"
    path.write_text(textwrap.dedent(text))
    return path


@pytest.mark.parametrize(
    ("ini", "complaint"),
    [
        ("StylesPath = styles\nVocab = Base\n[*]\nBasedOnStyles = Mine\n", "'Vocab' is not implemented"),
        ("StylesPath = nowhere\n[*]\nBasedOnStyles = Mine\n", "does not exist"),
        ("StylesPath = styles\nMinAlertLevel = high\n", "MinAlertLevel must be"),
        ("StylesPath = styles\n[*.md]\nBasedOnStyles = Missing\n", "style 'Missing' does not exist"),
        ("StylesPath = styles\n[*.md]\nBasedOnStyles = Vale, Mine\n", "style 'Vale' does not exist"),
        ("StylesPath = styles\n[*.md]\nBlockIgnores = (?s)x\n", r"'BlockIgnores' in \[\*\.md\] is not implemented"),
        # Switching single rules on or off, or changing their level, is not implemented.
        ("StylesPath = styles\n[*.md]\nBasedOnStyles = Mine\nMine.Word = NO\n", "'Mine.Word' in .* not implemented"),
        ("StylesPath = styles\n[*.md]\nMine.Word = error\n", "'Mine.Word' in .* not implemented"),
        ("StylesPath = styles\n[*.md]\nBasedOnStyles = Mine\nBasedOnStyles = Mine\n", "set twice"),
        ("StylesPath = styles\nthis is not a setting\n", "expected 'key = value'"),
    ],
)
def test_unsupported_configuration_is_an_error(tmp_path, ini, complaint):
    with pytest.raises(ConfigError, match=complaint):
        load_config(write_config(tmp_path, ini))


def test_sections_choose_styles(tmp_path):
    (tmp_path / "styles" / "Other").mkdir(parents=True)
    (tmp_path / "styles" / "Other" / "Thing.yml").write_text("extends: existence\nmessage: x\ntokens: [thing]\n")
    config = load_config(
        write_config(
            tmp_path,
            """
            StylesPath = styles
            MinAlertLevel = warning
            [*]
            BasedOnStyles = Other
            [*.{md,html}]
            BasedOnStyles = Mine
            [notes/*.md]
            BasedOnStyles = Mine, Other
            """,
        )
    )
    assert [r.name for r in config.rules_for("docs/page.md")] == ["Mine.Word"]
    assert [r.name for r in config.rules_for("site/deep/page/index.html")] == ["Mine.Word"]
    assert [r.name for r in config.rules_for("notes/draft.md")] == ["Mine.Word", "Other.Thing"]
    assert [r.name for r in config.rules_for("data/table.csv")] == ["Other.Thing"]


def test_min_alert_level_stops_lower_rules_running(tmp_path):
    path = write_config(tmp_path, "StylesPath = styles\nMinAlertLevel = error\n[*.md]\nBasedOnStyles = Mine\n")
    assert load_config(path).rules_for("a.md") == []


def test_the_project_configuration_loads_every_trustdocs_rule():
    config = load_config()
    names = {r.name for r in config.rules_for("site/index.html")}
    assert "TrustDocs.PlainEnglish" in names and len(names) == len(config.rules)
