"""Every TrustDocs rule fires exactly where its fixture says, and nowhere in its pass text.

Each rule has tests/vale/fixtures/<Rule>/ with:

* fail.md - text that breaks the rule;
* expected.txt - every alert for fail.md, one `line:col:Style.Rule:message` per line
  (all rules, so a fixture also proves no other rule over-fires on it);
* pass.md - text in the same spirit that must produce no alert at all.

The fixtures run through the Python engine always, and through a real Vale
binary too when one works on this machine.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checks.vale.config import load_config  # noqa: E402
from checks.vale.engine import BinaryEngine, PythonEngine  # noqa: E402
from checks.vale.vale_binary import find_vale_binary  # noqa: E402

STYLE = ROOT / "styles" / "TrustDocs"
FIXTURES = ROOT / "tests" / "vale" / "fixtures"
RULES = sorted(p.stem for p in STYLE.glob("*.yml"))
BINARY, _ = find_vale_binary()
ENGINES = ["python"] + (["vale"] if BINARY else [])


@pytest.fixture(scope="module")
def engines():
    config = load_config()
    built = {"python": PythonEngine(config, "the fixtures test it")}
    if BINARY:
        built["vale"] = BinaryEngine(config, BINARY)
    return built


def test_there_are_rules_and_each_has_a_fixture():
    assert len(RULES) >= 10
    fixture_dirs = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
    assert fixture_dirs == RULES


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("rule", RULES)
def test_fail_text_gives_exactly_the_expected_alerts(engines, engine, rule):
    fixture = FIXTURES / rule
    expected = (fixture / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, f"{rule}: expected.txt lists no alerts"
    assert all(f":TrustDocs.{rule}:" in line for line in expected), "fail.md should only break its own rule"
    alerts = engines[engine].lint_file(fixture / "fail.md")
    assert [a.short() for a in alerts] == expected


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("rule", RULES)
def test_pass_text_gives_no_alerts(engines, engine, rule):
    alerts = engines[engine].lint_file(FIXTURES / rule / "pass.md")
    assert [a.short() for a in alerts] == []


@pytest.mark.parametrize("rule", RULES)
def test_rule_file_cites_its_govuk_source_and_links_to_it(rule):
    text = (STYLE / f"{rule}.yml").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# Source: GOV.UK"), f"{rule}.yml must open with a comment citing its GOV.UK source"
    data = yaml.safe_load(text)
    assert re.fullmatch(r"https://www\.gov\.uk/guidance/\S+", data.get("link", "")), f"{rule}.yml needs a GOV.UK link"
    assert data.get("level") in ("error", "warning", "suggestion"), f"{rule}.yml must set its level"
    assert data.get("extends"), f"{rule}.yml must say which rule type it extends"


def test_every_level_is_used_deliberately():
    levels = {rule: yaml.safe_load((STYLE / f"{rule}.yml").read_text())["level"] for rule in RULES}
    assert "error" in levels.values() and "warning" in levels.values()
