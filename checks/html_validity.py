"""Gate: every built page is valid HTML, by the Nu HTML Checker (vnu.jar).

Zero errors is the bar. Warnings are reported for information but are not
findings. The checker's output is never filtered: an error is fixed at its
source (for the theme's markup, in overrides/).

    python -m checks.html_validity SITE_DIR
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from checks.gate import Finding, GateUnavailable, html_pages

GATE = "html-validity"
REPO = Path(__file__).resolve().parent.parent
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SETUP_HINT = "run `make setup`"
# One JVM start costs about a second, so pages go to the checker in batches;
# the cap only keeps the command line well under the kernel's limit.
PAGES_PER_JVM = 2000


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    checker: str = "vnu"


def missing_tools() -> list[str]:
    """What this gate needs and this machine lacks, each with how to get it."""
    missing = []
    if shutil.which("java") is None:
        missing.append(f"java, Java 17 or later (apt-get install openjdk-17-jre-headless; {SETUP_HINT})")
    if not VNU_JAR.is_file():
        missing.append(f"{VNU_JAR} (npm ci; {SETUP_HINT})")
    return missing


def check(site_dir: Path) -> Report:
    """Check every page of the built site; errors become findings."""
    missing = missing_tools()
    if missing:
        raise GateUnavailable("missing " + "; ".join(missing))
    site_dir = site_dir.resolve()
    pages = html_pages(site_dir)
    if not pages:
        raise GateUnavailable(f"no HTML pages under {site_dir}: build the site first")
    report = Report(pages=len(pages))
    started = time.monotonic()
    for start in range(0, len(pages), PAGES_PER_JVM):
        version, messages = _run_vnu(pages[start : start + PAGES_PER_JVM])
        report.checker = f"vnu {version}"
        for message in messages:
            _record(report, site_dir, message)
    report.seconds = time.monotonic() - started
    report.findings.sort()
    return report


def run(site_dir: Path, base_url: str | None = None) -> list[Finding]:
    """The gate's findings. ``base_url`` is unused: vnu reads the built files directly."""
    return check(site_dir).findings


def _run_vnu(pages: list[Path]) -> tuple[str, list[dict]]:
    command = [
        "java",
        "-jar",
        str(VNU_JAR),
        "--format",
        "json",
        "--stdout",
        "--exit-zero-always",  # the JSON says what failed; a non-zero exit then means vnu itself broke
        *map(str, pages),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        output = json.loads(done.stdout)
    except json.JSONDecodeError as error:
        raise GateUnavailable(
            f"vnu did not produce a report (exit {done.returncode}): {(done.stderr or done.stdout).strip()[:2000]}"
        ) from error
    return output.get("version", "?"), output.get("messages", [])


def _record(report: Report, site_dir: Path, message: dict) -> None:
    location = _location(site_dir, message)
    text = message.get("message", "").strip()
    extract = " ".join(message.get("extract", "").split())
    if extract:
        text += f" (near: {extract[:160]})"
    kind = message.get("type")
    if kind == "info":
        if message.get("subType") == "warning":
            report.warnings.append(f"{location}: {text}")
        return
    # "error", and "non-document-error" (vnu could not read or parse a page):
    # either way that page is not known to be valid.
    report.findings.append(Finding(GATE, location, text))


def _location(site_dir: Path, message: dict) -> str:
    """site-relative file:line:col, the way an editor opens it."""
    url = message.get("url", "")
    path = unquote(url.removeprefix("file:"))
    try:
        where = Path(path).resolve().relative_to(site_dir).as_posix()
    except ValueError:
        where = url or "(unknown file)"
    line = message.get("firstLine", message.get("lastLine"))
    column = message.get("firstColumn", message.get("lastColumn"))
    if line is not None:
        where += f":{line}"
        if column is not None:
            where += f":{column}"
    return where


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="a built site, e.g. site/")
    args = parser.parse_args(argv)
    try:
        report = check(args.site_dir)
    except GateUnavailable as error:
        print(f"{GATE}: UNAVAILABLE: {error}", file=sys.stderr)
        return 1
    for warning in report.warnings:
        print(f"warning: {warning}")
    for finding in report.findings:
        print(finding)
    print(
        f"{GATE}: {report.checker} checked {report.pages} pages in {report.seconds:.1f} s: "
        f"{len(report.findings)} errors, {len(report.warnings)} warnings"
    )
    return 1 if report.findings else 0


if __name__ == "__main__":
    sys.exit(main())
