"""After `mutmut run`: the kill rate of each guard module, every survivor, and whether each was reviewed.

Reads mutmut's results in mutants/ and the reviewed list in
tests/mutation-survivors.md (one line per accepted survivor: "- `MUTANT`: why").
Prints one line per module and the diff of every mutant no test killed.
Exits 1 if a module kills fewer than 90% of the mutants checked, if a survivor
is not in the reviewed list, or if a mutant was not checked (a run stopped
early: the rates are then of the mutants checked so far); the list's entries for
mutants that are now killed are reported as stale.

A mutant counts as killed when a test failed (or timed out: the mutation made
the code loop); as not killed when every test passed ("survived") or no test
of the fast subset calls the mutated function ("no tests").

Usage: python scripts/mutation_report.py [--no-diffs]
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REVIEWED = ROOT / "tests" / "mutation-survivors.md"
TARGET = 0.90
KILLED = {1, 3, 24, -24, 36, 152, 255}  # a test failed, pytest errored, or the mutant timed out
SURVIVED = {0}
NO_TESTS = {5, 33}


def _modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["mutmut"]["only_mutate"])


def _results(module: str) -> dict[str, int | None]:
    meta = ROOT / "mutants" / (module + ".meta")
    if not meta.is_file():
        raise SystemExit(f"{meta} is missing: run `mutmut run` (make mutation) first")
    return json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]


def _reviewed() -> set[str]:
    if not REVIEWED.is_file():
        return set()
    return set(re.findall(r"^- `([^`]+)`", REVIEWED.read_text(encoding="utf-8"), re.M))


def _diff(name: str, module: str) -> str:
    try:
        from mutmut.mutation.diff_apply import get_diff_for_mutant
    except ImportError:  # an older or newer mutmut: `mutmut show NAME` prints it
        return ""
    try:
        diff = get_diff_for_mutant(name, path=module)
    except Exception as err:  # the report must not stop for one diff
        return f"      (no diff: {err})"
    return "\n".join(
        "      " + line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    )


def main(argv: list[str]) -> int:
    import os

    os.chdir(ROOT)  # mutmut reads mutants/ from the working directory
    diffs = "--no-diffs" not in argv
    reviewed = _reviewed()
    failures: list[str] = []
    not_killed: list[tuple[str, str, str]] = []  # (module, mutant, status)
    all_names: set[str] = set()
    totals = [0, 0]
    print(f"{'module':45} {'mutants':>7} {'killed':>7} {'survived':>8} {'no tests':>8} {'unchecked':>9} {'rate':>6}")
    for module in _modules():
        results = _results(module)
        all_names |= set(results)
        killed = sum(code in KILLED for code in results.values())
        survived = [n for n, code in results.items() if code in SURVIVED]
        untested = [n for n, code in results.items() if code in NO_TESTS]
        unchecked = [n for n, code in results.items() if code is None]
        other = [n for n, code in results.items() if code not in KILLED | SURVIVED | NO_TESTS]
        checked = len(results) - len(unchecked)
        rate = killed / checked if checked else 1.0  # of the mutants checked: a stopped run still reports
        totals[0] += killed
        totals[1] += checked
        print(
            f"{module:45} {len(results):7} {killed:7} {len(survived):8} {len(untested):8} {len(unchecked):9} {rate:6.1%}"
        )
        not_killed += [(module, n, "survived") for n in survived] + [(module, n, "no tests") for n in untested]
        if rate < TARGET:
            failures.append(f"{module}: {rate:.1%} of mutants killed; the target is {TARGET:.0%}")
        if other:
            failures.append(f"{module}: {len(other)} mutants not checked or suspicious: {', '.join(sorted(other)[:5])}")
    print(
        f"{'all guard modules (checked)':45} {totals[1]:7} {totals[0]:7} {'':8} {'':8} {'':9} {totals[0] / max(totals[1], 1):6.1%}"
    )
    if not_killed:
        print(f"\nMutants no test killed ({len(not_killed)}); each must be listed in {REVIEWED.relative_to(ROOT)}:")
    for module, name, status in sorted(not_killed):
        mark = "reviewed" if name in reviewed else "NOT REVIEWED"
        print(f"  {name} ({status}, {mark})")
        if diffs:
            text = _diff(name, module)
            if text:
                print(text)
        if name not in reviewed:
            failures.append(f"{name} {status} and is not in {REVIEWED.relative_to(ROOT)}")
    stale = sorted(reviewed - {name for _, name, _ in not_killed})
    if stale:
        print(f"\nListed in {REVIEWED.relative_to(ROOT)} but now killed or gone (remove them): {', '.join(stale)}")
    if failures:
        print("\nmake mutation FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("\nmake mutation passed: every guard module kills at least 90% of its mutants; every survivor is reviewed.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
