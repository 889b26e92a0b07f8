"""Rules and configuration the engine cannot honour fail loudly, never silently."""

from __future__ import annotations

import textwrap

import pytest

from checks.vale.config import load_config
from checks.vale.errors import ConfigError, RuleError
from checks.vale.rule_loader import build_rule, load_style


def rule(yaml_text: str):
    import yaml

    return build_rule(yaml.safe_load(textwrap.dedent(yaml_text)), "Test.Rule", "Test/Rule.yml")


def test_unknown_rule_type_is_an_error():
    with pytest.raises(RuleError, match=r"'extends' must be one of .* got 'existance'"):
        rule("extends: existance\nmessage: x\ntokens: [a]")


def test_vale_rule_type_we_do_not_implement_is_an_error_that_says_so():
    with pytest.raises(RuleError, match="capitalization.*does not implement"):
        rule("extends: capitalization\nmessage: x\nmatch: $title")


def test_missing_extends_is_an_error():
    with pytest.raises(RuleError, match="missing the required 'extends'"):
        rule("message: x\ntokens: [a]")


def test_unknown_key_is_an_error():
    with pytest.raises(RuleError, match="unknown key 'tokenz'"):
        rule("extends: existence\nmessage: x\ntokenz: [a]")


def test_key_of_another_rule_type_is_an_error():
    with pytest.raises(RuleError, match="unknown key 'swap' for an 'existence' rule"):
        rule("extends: existence\nmessage: x\ntokens: [a]\nswap: {a: b}")


def test_vale_key_we_do_not_implement_is_an_error():
    with pytest.raises(RuleError, match="'action'.*not implemented"):
        rule("extends: existence\nmessage: x\ntokens: [a]\naction: {name: remove}")


def test_keys_are_matched_case_insensitively_like_vale():
    assert rule("extends: existence\nMessage: x\nIgnoreCase: true\nTokens: [a]").name == "Test.Rule"


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        ("extends: existence\ntokens: [a]", "missing the required 'message'"),
        ("extends: existence\nmessage: x\nlevel: fatal\ntokens: [a]", "'level' must be one of"),
        ("extends: existence\nmessage: x\nignorecase: 'yes'\ntokens: [a]", "'ignorecase' must be true or false"),
        ("extends: existence\nmessage: x\ntokens: a", "'tokens' must be a list of strings"),
        ("extends: existence\nmessage: x", "needs 'tokens' or 'raw'"),
        ("extends: existence\nmessage: x\nscope: comment\ntokens: [a]", "scope 'comment'.*not implemented"),
        ("extends: existence\nmessage: x\nscope: headng\ntokens: [a]", "unknown scope section 'headng'"),
        ("extends: existence\nmessage: '%v'\ntokens: [a]", "formats only"),
        ("extends: existence\nmessage: x\ntokens: ['\\p{L}+']", "Unicode classes"),
        ("extends: existence\nmessage: x\ntokens: ['(unclosed']", "does not compile"),
        ("extends: substitution\nmessage: x\nswap: []", "'swap' must be a non-empty map"),
        ("extends: occurrence\nmessage: x\ntoken: a", "needs 'max' or 'min'"),
        ("extends: conditional\nmessage: x\nfirst: a", "missing the required 'second'"),
        ("extends: conditional\nmessage: x\nfirst: a\nsecond: b\nignorecase: true", "no effect on conditional"),
    ],
)
def test_malformed_rules_are_errors(body, complaint):
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
