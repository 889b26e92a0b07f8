"""make mutation's report (scripts/mutation_report.py) and the workflow that runs it.

The report reads mutmut's results; these tests give it made-up results, so they
check its arithmetic and its verdicts without running mutmut.
"""

from __future__ import annotations

import importlib.util
import json
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def report(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("mutation_report", ROOT / "scripts" / "mutation_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mutmut]\nonly_mutate = ["pkg/a.py", "pkg/b.py"]\n', encoding="utf-8"
    )
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "REVIEWED", tmp_path / "tests" / "mutation-survivors.md")
    return module


def _results(root: Path, module: str, codes: dict[str, int | None]) -> None:
    meta = root / "mutants" / (module + ".meta")
    meta.parent.mkdir(parents=True, exist_ok=True)
    meta.write_text(json.dumps({"exit_code_by_key": codes}), encoding="utf-8")


def _reviewed(root: Path, *names: str) -> None:
    (root / "tests").mkdir(exist_ok=True)
    (root / "tests" / "mutation-survivors.md").write_text(
        "# Reviewed\n\n" + "".join(f"- `{n}`: equivalent.\n" for n in names), encoding="utf-8"
    )


def _ten(prefix: str, survivors: int) -> dict[str, int]:
    """Ten mutants: the first `survivors` survived (exit 0), the rest were killed (a failure, or a timeout)."""
    return {f"{prefix}__mutmut_{i}": (0 if i <= survivors else (1 if i % 2 else 36)) for i in range(1, 11)}


def test_ninety_percent_killed_and_every_survivor_reviewed_passes(report, tmp_path, capsys):
    _results(tmp_path, "pkg/a.py", _ten("pkg.a.x_f", 1))
    _results(tmp_path, "pkg/b.py", _ten("pkg.b.x_g", 0))
    _reviewed(tmp_path, "pkg.a.x_f__mutmut_1")
    assert report.main(["--no-diffs"]) == 0
    out = capsys.readouterr().out
    assert "pkg/a.py" in out and " 90.0%" in out and "100.0%" in out
    assert "pkg.a.x_f__mutmut_1 (survived, reviewed)" in out


def test_a_module_under_ninety_percent_fails(report, tmp_path, capsys):
    _results(tmp_path, "pkg/a.py", _ten("pkg.a.x_f", 2))
    _results(tmp_path, "pkg/b.py", _ten("pkg.b.x_g", 0))
    _reviewed(tmp_path, "pkg.a.x_f__mutmut_1", "pkg.a.x_f__mutmut_2")
    assert report.main(["--no-diffs"]) == 1
    assert "pkg/a.py: 80.0% of mutants killed; the target is 90%" in capsys.readouterr().out


@pytest.mark.parametrize(("code", "status"), [(0, "survived"), (33, "no tests"), (5, "no tests")])
def test_a_mutant_no_test_killed_fails_until_it_is_reviewed(report, tmp_path, capsys, code, status):
    codes = {**_ten("pkg.a.x_f", 0), "pkg.a.x_f__mutmut_1": code}
    _results(tmp_path, "pkg/a.py", codes)
    _results(tmp_path, "pkg/b.py", _ten("pkg.b.x_g", 0))
    assert report.main(["--no-diffs"]) == 1
    assert f"pkg.a.x_f__mutmut_1 {status} and is not in tests/mutation-survivors.md" in capsys.readouterr().out
    _reviewed(tmp_path, "pkg.a.x_f__mutmut_1")
    assert report.main(["--no-diffs"]) == 0


def test_a_mutant_not_checked_fails_and_a_stale_review_is_named(report, tmp_path, capsys):
    _results(tmp_path, "pkg/a.py", {**_ten("pkg.a.x_f", 0), "pkg.a.x_f__mutmut_1": None})
    _results(tmp_path, "pkg/b.py", _ten("pkg.b.x_g", 0))
    _reviewed(tmp_path, "pkg.b.x_g__mutmut_9")
    assert report.main(["--no-diffs"]) == 1
    out = capsys.readouterr().out
    assert "pkg/a.py: 1 mutants not checked or suspicious: pkg.a.x_f__mutmut_1" in out
    row = next(line for line in out.splitlines() if line.startswith("pkg/a.py "))
    assert row.split()[1:] == ["10", "9", "0", "0", "1", "100.0%"]  # the rate is of the mutants checked
    assert "now killed or gone (remove them): pkg.b.x_g__mutmut_9" in out


def test_the_reviewed_survivors_file_lists_each_mutant_once_with_a_reason():
    text = (ROOT / "tests" / "mutation-survivors.md").read_text(encoding="utf-8")
    entries = [line for line in text.splitlines() if line.startswith("- `")]
    names = [line.split("`")[1] for line in entries]
    assert len(names) == len(set(names))
    modules = {m.removesuffix(".py").replace("/", ".") for m in _guard_modules()}
    for line, name in zip(entries, names, strict=True):
        assert name.split(".x_")[0].split(".xǁ")[0] in modules, f"{name}: not a mutant of a guard module"
        assert len(line.split("`: ", 1)[1].split()) >= 3, f"{name}: say why it is equivalent or accepted"


def _guard_modules() -> list[str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]["only_mutate"]


def test_the_mutation_workflow_runs_make_mutation_when_a_guard_module_changes():
    workflow = yaml.safe_load((ROOT / ".github/workflows/mutation.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "schedule" in triggers and "workflow_dispatch" in triggers
    assert set(_guard_modules()) <= set(triggers["pull_request"]["paths"])
    assert "tests/**" in triggers["pull_request"]["paths"]
    steps = workflow["jobs"]["mutation"]["steps"]
    assert [s["run"] for s in steps if "run" in s][-1] == "make mutation"


def _runner():
    spec = importlib.util.spec_from_file_location("mutation_run", ROOT / "scripts" / "mutation_run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_guard_module_is_mutated_with_its_own_tests_and_every_test_file_exists():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    table = _runner().groups(text)
    assert list(table) == _guard_modules()
    assert all(any(t.startswith("tests/") for t in tests) for tests in table.values())


def test_the_runner_refuses_a_guard_module_without_its_own_tests(tmp_path):
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8").replace('"trustdocs/core/escape.py" = [', '"x" = [', 1)
    with pytest.raises(SystemExit, match=r"missing \['trustdocs/core/escape.py'\], extra \['x'\]"):
        _runner().groups(text)


def test_a_module_copy_mutates_that_module_alone_with_its_tests_and_keeps_the_rest_of_pyproject():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    new = _runner().with_selection(text, "trustdocs/core/escape.py", ["tests/test_render.py"])
    config = tomllib.loads(new)["tool"]
    assert config["mutmut"]["only_mutate"] == ["trustdocs/core/escape.py"]
    assert config["mutmut"]["pytest_add_cli_args_test_selection"] == [
        "-m",
        "not slow and not browser",
        "tests/test_render.py",
    ]
    old = tomllib.loads(text)["tool"]
    assert config["mutmut"]["pytest_add_cli_args"] == old["mutmut"]["pytest_add_cli_args"]
    assert config["mutmut"]["also_copy"] == old["mutmut"]["also_copy"]
    assert {k: v for k, v in config.items() if k != "mutmut"} == {k: v for k, v in old.items() if k != "mutmut"}


def test_a_misspelt_mutant_name_is_refused_rather_than_testing_nothing():
    with pytest.raises(SystemExit, match=r"not a mutant of a guard module: trustdocs\.core\.strict_yml\.x_f__mutmut_1"):
        _runner().main(["--again", "--", "trustdocs.core.strict_yml.x_f__mutmut_1"])
    with pytest.raises(SystemExit, match=r"not a guard module of \[tool.trustdocs.mutation\]: trustdocs/nothing.py"):
        _runner().main(["--jobs", "1", "trustdocs/nothing.py"])


def test_a_module_copy_is_the_project_as_it_is_now_and_keeps_mutmuts_results(tmp_path, monkeypatch):
    runner = _runner()
    project, copy = tmp_path / "project", tmp_path / "copy"
    (project / "tests").mkdir(parents=True)
    (project / "tests" / "test_a.py").write_text("new", encoding="utf-8")
    (project / ".mypy_cache").mkdir()
    (copy / "tests").mkdir(parents=True)
    (copy / "tests" / "test_deleted.py").write_text("old", encoding="utf-8")
    (copy / "mutants").mkdir()
    (copy / "mutants" / "results.meta").write_text("kept", encoding="utf-8")
    monkeypatch.setattr(runner, "ROOT", project)
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    runner.refresh(copy, "trustdocs/core/escape.py", ["tests/test_a.py"], text)
    assert sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*")) == [
        "mutants",
        "mutants/results.meta",
        "pyproject.toml",
        "tests",
        "tests/test_a.py",
    ]
    assert tomllib.loads((copy / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]["only_mutate"] == [
        "trustdocs/core/escape.py"
    ]
