"""Which engine runs: a working Vale binary if there is one, else the Python engine.

A fake `vale` stands in for the real binary here. It answers `--version` and
answers lint requests in Vale's JSON format (computed by the Python engine),
which exercises everything on our side of the binary: detection, the command
line, reading the report and mapping positions back to the built pages.
"""

from __future__ import annotations

import stat
import sys
import textwrap
from pathlib import Path

import pytest
from vale_helpers import ROOT

from checks.gate import GateUnavailable
from checks.vale import lint_site, run, vale_binary
from checks.vale.config import load_config
from checks.vale.engine import BinaryEngine, PythonEngine, choose_engine
from checks.vale.rules import ValeError

FIXTURES = ROOT / "tests" / "vale" / "fixtures"

FAKE_VALE = f"""#!{sys.executable}
# A stand-in for the Vale binary: `--version`, and `--output=JSON` lint reports.
# (Padded with this comment so that it is larger than the PyPI wrapper's stub.)
# {"." * 1000}
import json, sys
sys.path.insert(0, {str(ROOT)!r})
args = sys.argv[1:]
if args == ["--version"]:
    print("vale version 3.99.0-fake")
    sys.exit(0)
assert "--output=JSON" in args and "--no-exit" in args, args
from checks.vale.config import load_config
from checks.vale.engine import lint_text
config = load_config(next(a.split("=", 1)[1] for a in args if a.startswith("--config=")))
report = {{}}
for name in [a for a in args if not a.startswith("--")]:
    alerts = lint_text(open(name, encoding="utf-8").read(), name, config)
    if alerts:
        report[name] = [
            {{"Check": a.check, "Line": a.line, "Span": [a.col, a.end_col], "Message": a.message,
              "Severity": a.level, "Match": a.match, "Link": a.link, "Description": "", "Action": {{}}}}
            for a in alerts
        ]
print(json.dumps(report))
"""


def executable(path: Path, text: str) -> Path:
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


@pytest.fixture
def bin_dir(tmp_path, monkeypatch):
    directory = tmp_path / "bin"
    directory.mkdir()
    monkeypatch.setenv("PATH", str(directory))
    monkeypatch.delenv("TRUSTDOCS_VALE_ENGINE", raising=False)
    return directory


def test_no_vale_on_path_means_the_python_engine(bin_dir):
    engine = choose_engine()
    assert isinstance(engine, PythonEngine)
    assert engine.banner == (
        "vale engine: trustdocs-vale (Python; implements conditional, existence, occurrence, "
        "substitution) because no Vale binary is on PATH"
    )


def test_a_working_vale_binary_is_used(bin_dir):
    fake = executable(bin_dir / "vale", FAKE_VALE)
    engine = choose_engine()
    assert isinstance(engine, BinaryEngine)
    assert engine.banner == f"vale engine: vale 3.99.0-fake at {fake}"


def test_a_vale_that_hangs_is_not_used(bin_dir, monkeypatch):
    monkeypatch.setattr(vale_binary, "VERSION_TIMEOUT", 1)
    executable(bin_dir / "vale", "#!/bin/sh\nsleep 30\n")
    engine = choose_engine()
    assert isinstance(engine, PythonEngine)
    assert "does not answer 'vale --version' within 1s" in engine.banner


def test_a_vale_that_fails_is_not_used(bin_dir):
    executable(bin_dir / "vale", "#!/bin/sh\necho broken >&2\nexit 3\n")
    assert isinstance(choose_engine(), PythonEngine)


def pypi_wrapper(bin_dir: Path, tmp_path: Path, binary_it_reports: Path) -> Path:
    """A wrapper like PyPI's; running it (which we must never do) leaves a mark."""
    interpreter = executable(tmp_path / "python-for-wrapper", f"#!/bin/sh\necho {binary_it_reports}\n")
    mark = tmp_path / "wrapper-ran"
    wrapper = f"#!{interpreter}\nimport sys\nfrom vale.main import main\nopen({str(mark)!r}, 'w')\n"
    executable(bin_dir / "vale", wrapper)
    return mark


def test_the_pypi_wrapper_is_never_run_and_its_stub_is_not_vale(bin_dir, tmp_path):
    stub = tmp_path / "vale_bin"
    stub.write_text("placeholder")  # the wrapper's vale_bin before its first download
    mark = pypi_wrapper(bin_dir, tmp_path, stub)
    engine = choose_engine()
    assert isinstance(engine, PythonEngine)
    assert "is the PyPI 'vale' wrapper and has not downloaded Vale" in engine.banner
    assert not mark.exists()


def test_the_pypi_wrappers_downloaded_binary_is_used_directly(bin_dir, tmp_path):
    downloaded = executable(tmp_path / "vale_bin", FAKE_VALE)
    mark = pypi_wrapper(bin_dir, tmp_path, downloaded)
    engine = choose_engine()
    assert isinstance(engine, BinaryEngine) and engine.binary.path == str(downloaded)
    assert not mark.exists()


def test_insisting_on_vale_without_one_is_an_error_never_a_pass(bin_dir, monkeypatch, make_site):
    monkeypatch.setenv("TRUSTDOCS_VALE_ENGINE", "vale")
    with pytest.raises(ValeError, match="no Vale binary is on PATH"):
        choose_engine()
    with pytest.raises(GateUnavailable):
        run(make_site({"index.html": "<p>Fine.</p>"}), "")


def test_vale_reporting_its_own_error_is_an_error(bin_dir):
    executable(
        bin_dir / "vale",
        "#!/bin/sh\n"
        'if [ "$1" = --version ]; then echo "vale version 3.0.0"; exit 0; fi\n'
        'echo \'{"Code": "E201", "Text": "Invalid value [Bad.yml]"}\'; exit 2\n',
    )
    engine = choose_engine()
    with pytest.raises(ValeError, match="E201: Invalid value"):
        engine.lint_file(FIXTURES / "PlainEnglish" / "fail.md")


# Starts other Python processes (seconds each): make test runs it, make unit does not.
@pytest.mark.slow
def test_fixtures_through_the_binary_path_match_their_expected_alerts(bin_dir):
    executable(bin_dir / "vale", FAKE_VALE)
    engine = choose_engine()
    assert isinstance(engine, BinaryEngine)
    for rule_dir in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        expected = (rule_dir / "expected.txt").read_text().splitlines()
        assert [a.short() for a in engine.lint_file(rule_dir / "fail.md")] == expected, rule_dir.name


SITE_ARTICLE = textwrap.dedent(
    """\
    <h1 id="p">Partners &amp; plans<a class="headerlink" href="#p">&para;</a></h1>
    <p>The CYPP is due. Partners will
    utilise the plan, e.g. for schools.</p>
    <ul><li>Health &amp; care</li><li>We commence work <code>now</code> in order to finish!</li></ul>
    <table><tr><th>Shall</th></tr><tr><td>It is robust.</td></tr></table>
    """
)


def test_binary_alerts_map_back_to_the_same_places_as_the_python_engine(bin_dir, make_site):
    site = make_site({"index.html": SITE_ARTICLE, "a/b/index.html": SITE_ARTICLE.replace("CYPP", "LSCB")})
    config = load_config()
    executable(bin_dir / "vale", FAKE_VALE)
    binary = choose_engine(config)
    assert isinstance(binary, BinaryEngine)

    def keyed(results):
        return [(page.label, a.line, a.col, a.check, a.message, a.level) for page, a in results]

    python_results = keyed(lint_site(site, engine=PythonEngine(config, "comparison"), announce=False))
    binary_results = keyed(lint_site(site, engine=binary, announce=False))
    assert len(python_results) >= 18
    assert binary_results == python_results
