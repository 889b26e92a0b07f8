"""``python -m checks``: build the site into a temporary directory and run every quality gate.

Zero findings is the bar for each gate. A gate whose tool cannot run fails the
run: a check that did not happen never counts as a pass.
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .gate import Finding, GateUnavailable, html_pages
from .serve import serve

# (name shown to people, module with run(site_dir, base_url) -> list[Finding])
GATES = (
    ("links", "checks.links"),
    ("style (Vale rules)", "checks.vale"),
    ("HTML validity (Nu HTML Checker)", "checks.html_validity"),
    ("accessibility (axe-core in Chromium)", "checks.accessibility"),
)
ROOT = Path(__file__).resolve().parent.parent


def build(site_dir: Path) -> None:
    """Build the site with --strict into ``site_dir``; stop on any warning or error."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        raise SystemExit("checks: the site did not build, so no gate ran")
    print(f"checks: built {len(html_pages(site_dir))} pages in {time.perf_counter() - started:.1f} s", flush=True)


def _run_gate(module_name: str, site_dir: Path, base_url: str) -> list[Finding]:
    try:
        gate = importlib.import_module(module_name)
    except ImportError as err:  # a gate that is not installed is a failure, not a skip
        raise GateUnavailable(f"cannot import {module_name}: {err}") from err
    return gate.run(site_dir, base_url)


def run_gates(site_dir: Path, only: set[str] | None) -> int:
    failures = 0
    summary = []
    with serve(site_dir) as base_url:
        for name, module_name in GATES:
            if only and module_name.rsplit(".", 1)[-1] not in only:
                continue
            print(f"\n== {name} ==", flush=True)
            started = time.perf_counter()
            try:
                findings = _run_gate(module_name, site_dir, base_url)
            except GateUnavailable as err:
                print(f"FAILED: the gate could not run: {err}", flush=True)
                summary.append(f"{name}: COULD NOT RUN ({err})")
                failures += 1
                continue
            seconds = time.perf_counter() - started
            for finding in findings:
                print(finding, flush=True)
            summary.append(f"{name}: {len(findings)} finding(s) in {seconds:.1f} s")
            failures += bool(findings)
    print("\n== summary ==")
    print("\n".join(summary))
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks", description=__doc__)
    parser.add_argument("--site", type=Path, help="check this already-built site instead of building one")
    parser.add_argument(
        "--only",
        action="append",
        choices=[module.rsplit(".", 1)[-1] for _, module in GATES],  # a misspelt gate must not run nothing
        help="run only this gate; repeat for several",
    )
    args = parser.parse_args(argv)
    only = set(args.only) if args.only else None
    if args.site:
        return run_gates(args.site, only)
    with tempfile.TemporaryDirectory(prefix="trustdocs-check-") as tmp:
        site_dir = Path(tmp) / "site"
        build(site_dir)
        return run_gates(site_dir, only)


if __name__ == "__main__":
    sys.exit(main())
