"""run() and `python -m checks.vale` on a small hand-made site."""

from __future__ import annotations

import subprocess
import sys

import pytest
from vale_helpers import ROOT

from checks.gate import Finding, GateUnavailable
from checks.vale import run

BANNED = '<h1 id="x">Plans</h1>\n<p>Partners meet\nmonthly to utilise the plan.</p>'
CLEAN = '<h1 id="x">Plans</h1>\n<p>Partners meet monthly to use the plan.</p>'


def test_run_reports_a_banned_word_where_it_is(make_site, python_engine, capsys):
    site = make_site({"index.html": CLEAN, "duties/index.html": BANNED})
    findings = run(site, "http://127.0.0.1:8000/")
    page = (site / "duties" / "index.html").read_text().splitlines()
    line = next(n for n, text in enumerate(page, 1) if "to utilise the plan" in text)
    assert findings == [
        Finding(
            gate="vale",
            location=f"duties/index.html:{line}:12",
            message=(
                "TrustDocs.PlainEnglish (error): Use 'use' instead of 'utilise'. "
                "on http://127.0.0.1:8000/duties/ in “Partners meet monthly to utilise the plan.” "
                "- see https://www.gov.uk/guidance/content-design/writing-for-gov-uk"
            ),
        )
    ]
    assert page[line - 1][11:18] == "utilise"
    assert "vale engine: trustdocs-vale (Python; implements" in capsys.readouterr().err


def test_run_on_a_clean_site_finds_nothing(make_site, python_engine):
    assert run(make_site({"index.html": CLEAN}), "") == []


def test_suggestions_are_printed_but_are_not_findings(make_site, python_engine, tmp_path, monkeypatch, capsys):
    # A copy of the style where the plain-English rule is only a suggestion.
    from checks.vale import config as config_module

    style = tmp_path / "styles" / "TrustDocs"
    style.mkdir(parents=True)
    rule = (ROOT / "styles" / "TrustDocs" / "PlainEnglish.yml").read_text(encoding="utf-8")
    (style / "PlainEnglish.yml").write_text(rule.replace("level: error", "level: suggestion"), encoding="utf-8")
    ini = tmp_path / "vale.ini"
    ini.write_text("StylesPath = styles\n[*.html]\nBasedOnStyles = TrustDocs\n")
    monkeypatch.setattr("checks.vale.engine.load_config", lambda: config_module.load_config(ini))
    assert run(make_site({"index.html": BANNED}), "") == []
    assert "suggestion: TrustDocs.PlainEnglish (suggestion)" in capsys.readouterr().err


def test_a_missing_site_is_an_unavailable_gate_not_a_pass(tmp_path, python_engine):
    with pytest.raises(GateUnavailable, match="not a built site"):
        run(tmp_path / "nowhere", "")


def test_a_broken_rule_makes_the_gate_unavailable(make_site, python_engine, monkeypatch):
    from checks.vale.rules import RuleError

    def broken(*args, **kwargs):
        raise RuleError("styles/TrustDocs/Bad.yml: unknown key 'tokenz'")

    monkeypatch.setattr("checks.vale.engine.load_config", broken)
    with pytest.raises(GateUnavailable, match="tokenz"):
        run(make_site({"index.html": CLEAN}), "")


def test_command_line_exit_codes_and_output(make_site, tmp_path):
    env = {"TRUSTDOCS_VALE_ENGINE": "python", "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "checks.vale"]
    bad = subprocess.run(
        [*command, str(make_site({"index.html": BANNED}))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 1
    assert ":TrustDocs.PlainEnglish:Use 'use' instead of 'utilise'. [error]" in bad.stdout
    assert "vale engine: trustdocs-vale" in bad.stderr

    clean_site = tmp_path / "clean"
    clean_site.mkdir()
    (clean_site / "index.html").write_text((make_site({"index.html": CLEAN}) / "index.html").read_text())
    good = subprocess.run([*command, str(clean_site)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert good.returncode == 0, good.stdout + good.stderr

    missing = subprocess.run(
        [*command, str(tmp_path / "nope")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert missing.returncode == 2
