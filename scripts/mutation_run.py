"""make mutation: run mutmut on each guard module with that module's own tests.

mutmut runs, for each mutant, every test of its selection that calls the
mutated function. Nearly every test loads the data, so with one selection for
all modules every loader mutant ran the page and export tests too: 5 to 60
seconds a mutant, 2 to 3 hours in all. Here each module is run in its own copy
of the project (mutants/work/<module>/), whose [tool.mutmut] names that module
and the test files in [tool.trustdocs.mutation] beside it. The results are
gathered into mutants/, where scripts/mutation_report.py reads them.

A module's rate is then a lower bound: only its own tests count. That is the
claim worth making: a guard's own tests must catch its bugs.

Usage: python scripts/mutation_run.py [--jobs N] [--again] [MODULE ...] [-- MUTANT ...]
  --again  re-test every mutant the last run did not kill, against the tests
           as they are now (mutmut keeps a result until its function changes)
  MODULE   a path from [tool.trustdocs.mutation] (default: all); the copy is
           refreshed from the project first, so new tests count
  MUTANT   re-test only these mutants (names as the report prints them);
           with no MODULE, the modules they belong to
A copy's results are kept: run again to resume a stopped run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "mutants" / "work"
# Not copied: the copies, version control, environments, build output and caches.
SKIP = {
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".import_linter_cache",
    ".git",
    ".venv",
    "mutants",
    "site",
    ".cache",
    "node_modules",
    ".zensical",
    ".hypothesis",
    "build",
    "test-artefacts",
}


def groups(pyproject: str) -> dict[str, list[str]]:
    """Module -> its test files (and pytest options), checked against [tool.mutmut] only_mutate (one list of guard modules)."""
    config = tomllib.loads(pyproject)["tool"]
    table = config["trustdocs"]["mutation"]
    modules = list(config["mutmut"]["only_mutate"])
    if sorted(table) != sorted(modules):
        raise SystemExit(
            "pyproject.toml: [tool.trustdocs.mutation] must name each module of [tool.mutmut] only_mutate once; "
            f"missing {sorted(set(modules) - set(table))}, extra {sorted(set(table) - set(modules))}"
        )
    for module, tests in table.items():
        paths = [t for t in tests if t.startswith("tests/")]  # the rest are pytest's options, such as "-k", "..."
        missing = [t for t in paths if not (ROOT / t).is_file()]
        if not paths or missing:
            raise SystemExit(f"pyproject.toml: [tool.trustdocs.mutation] {module!r}: no such test file {missing}")
    return {m: list(table[m]) for m in modules}


def with_selection(pyproject: str, module: str, tests: list[str]) -> str:
    """pyproject.toml text whose [tool.mutmut] mutates only `module` and selects only `tests`."""
    lines = pyproject.splitlines(keepends=True)
    start = lines.index("[tool.mutmut]\n")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[")), len(lines))
    block = "".join(lines[start:end])
    config = tomllib.loads(block)["tool"]["mutmut"]
    config["only_mutate"] = [module]
    # The union selection's options (its marker expression) with the module's own tests and options.
    options = [arg for arg in config["pytest_add_cli_args_test_selection"] if not arg.startswith("tests/")]
    config["pytest_add_cli_args_test_selection"] = [*options, *tests]
    # JSON strings and lists of strings are valid TOML.
    new = "[tool.mutmut]\n" + "".join(f"{key} = {json.dumps(value)}\n" for key, value in config.items()) + "\n"
    return "".join(lines[:start]) + new + "".join(lines[end:])


def refresh(copy: Path, module: str, tests: list[str], pyproject: str) -> None:
    """Make the copy the project as it is now, keeping mutmut's results in copy/mutants."""
    copy.mkdir(parents=True, exist_ok=True)
    for old in copy.iterdir():  # a file deleted from the project must not linger in the copy
        if old.name != "mutants":
            shutil.rmtree(old) if old.is_dir() and not old.is_symlink() else old.unlink()
    for entry in ROOT.iterdir():
        if entry.name in SKIP:
            continue
        target = copy / entry.name
        if entry.is_dir():
            shutil.copytree(entry, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(entry, target)
    (copy / "pyproject.toml").write_text(with_selection(pyproject, module, tests), encoding="utf-8")


def gather(copy: Path, module: str) -> None:
    """Copy the module's results and mutated source into mutants/, where the report and `mutmut show` look."""
    for suffix in (".meta", ""):
        source = copy / "mutants" / (module + suffix)
        if not source.is_file():
            raise SystemExit(f"mutmut left no {source.relative_to(ROOT)}: see its output above")
        target = ROOT / "mutants" / (module + suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


NOT_KILLED = {0, 5, 33}  # survived, or no test calls the function (mutmut's exit codes)


def not_killed(copy: Path, module: str) -> list[str]:
    """The mutants of the copy's last run that no test killed."""
    meta = copy / "mutants" / (module + ".meta")
    if not meta.is_file():
        return []
    results = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return sorted(name for name, code in results.items() if code in NOT_KILLED)


def _all(copy: Path, module: str) -> list[str]:
    return list(json.loads((copy / "mutants" / (module + ".meta")).read_text(encoding="utf-8"))["exit_code_by_key"])


def main(argv: list[str]) -> int:
    names: list[str] = []
    if "--" in argv:
        at = argv.index("--")
        argv, names = argv[:at], argv[at + 1 :]
    parser = argparse.ArgumentParser(description="Run mutmut on each guard module with its own tests.")
    parser.add_argument("--jobs", default=os.environ.get("MUTATION_JOBS", "2"), help="mutants tested at once")
    parser.add_argument("--again", action="store_true", help="re-test the last run's survivors")
    parser.add_argument("modules", nargs="*", metavar="MODULE")
    args = parser.parse_args(argv)
    jobs, again = str(args.jobs), args.again
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    table = groups(pyproject)
    dotted = {m: m.removesuffix(".py").replace("/", ".") + "." for m in table}
    unknown = [m for m in args.modules if m not in table]
    if unknown:
        raise SystemExit(f"not a guard module of [tool.trustdocs.mutation]: {', '.join(unknown)}")
    strays = [n for n in names if not any(n.startswith(prefix) for prefix in dotted.values())]
    if strays:  # a misspelt name would otherwise test nothing and pass
        raise SystemExit(f"not a mutant of a guard module: {', '.join(strays)}")
    chosen = args.modules or [m for m in table if not names or any(n.startswith(dotted[m]) for n in names)]
    mutmut = Path(sys.executable).parent / "mutmut"
    for module in chosen:
        copy = WORK / module.replace("/", "-").removesuffix(".py")
        refresh(copy, module, table[module], pyproject)
        print(f"\n== {module}: mutants tested by {' '.join(table[module])}", flush=True)
        started = time.monotonic()
        own = [n for n in names if n.startswith(dotted[module])]
        before = [n for n in not_killed(copy, module) if n not in own] if again else []
        if before:
            # mutmut maps each test to the functions it calls once, and re-maps only tests with new names:
            # a test edited to reach a survivor would not be run against it.
            (copy / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
        # Mutants not yet tested (all of them the first time; those of changed functions after an edit).
        passes = [own, before]  # before: the last run's survivors, against the tests as they are now
        for number, names_now in enumerate(passes):
            if number == 1:
                if not before:
                    break
                names_now = [n for n in before if n in _all(copy, module)]  # an edited function renames its mutants
            run = subprocess.run([str(mutmut), "run", "--max-children", jobs, *names_now], cwd=copy, check=False)
            if run.returncode:
                print(f"== {module}: mutmut exited {run.returncode}", flush=True)
                return run.returncode
        print(f"== {module}: done after {time.monotonic() - started:.0f} s", flush=True)
        gather(copy, module)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
