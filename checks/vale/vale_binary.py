"""Find and run a real Vale binary, if this machine has one that works.

Three things can answer to `vale` on PATH:

* a real Vale binary - used when `vale --version` succeeds within seconds;
* the PyPI `vale` wrapper (a Python script) - it downloads Vale from GitHub
  the first time it runs, which hangs or fails on machines without internet.
  We never run it: we look up the binary it keeps beside its package and use
  that only if it has already been downloaded;
* nothing - then the Python engine runs, and says why.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .rules import Alert, ValeError

VERSION_TIMEOUT = 5  # seconds; a working Vale answers at once
LINT_TIMEOUT = 600
_WRAPPER_MARKER = b"from vale.main import main"
_PLACEHOLDER_SIZE = 1000  # the wrapper's vale_bin is a stub below this size until downloaded


@dataclass(frozen=True)
class ValeBinary:
    path: str
    version: str


def find_vale_binary() -> tuple[ValeBinary | None, str]:
    """The working Vale binary on PATH, or None and the reason there is none."""
    candidate = shutil.which("vale")
    if not candidate:
        return None, "no Vale binary is on PATH"
    try:
        with open(candidate, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        head = b""
    if head.startswith(b"#!") and _WRAPPER_MARKER in head:
        downloaded = _wrapper_binary(head)
        if downloaded is None:
            return None, (
                f"{candidate} is the PyPI 'vale' wrapper and has not downloaded Vale "
                "(it would fetch it from GitHub, which this gate never triggers)"
            )
        candidate = downloaded
    result = _run([candidate, "--version"], VERSION_TIMEOUT)
    if result is None or result.returncode != 0:
        return None, f"{candidate} does not answer 'vale --version' within {VERSION_TIMEOUT}s"
    return ValeBinary(candidate, result.stdout.strip().replace("vale version ", "") or "unknown version"), ""


def _wrapper_binary(head: bytes) -> str | None:
    """The binary the PyPI wrapper would run, if it exists and is not the stub."""
    interpreter = head.split(b"\n", 1)[0][2:].decode("utf-8", "replace").split()
    probe = "import os, vale; print(os.path.join(os.path.dirname(vale.__file__), 'vale_bin'))"
    result = _run([*interpreter, "-c", probe], VERSION_TIMEOUT) if interpreter else None
    if result is None or result.returncode != 0:
        return None
    binary = Path(result.stdout.strip())
    usable = binary.is_file() and binary.stat().st_size >= _PLACEHOLDER_SIZE and os.access(binary, os.X_OK)
    return str(binary) if usable else None


def _run(command: list[str], timeout: float) -> subprocess.CompletedProcess[str] | None:
    """Run a command with no input; None if it cannot start or takes too long."""
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None


def run_vale(binary: ValeBinary, files: list[Path], config: Path) -> dict[str, list[Alert]]:
    """Lint files with Vale; alerts keyed by each file's resolved path."""
    if not files:
        return {}
    command = [binary.path, f"--config={config}", "--output=JSON", "--no-exit", *map(str, files)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=LINT_TIMEOUT, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise ValeError(f"Vale at {binary.path} could not run: {err}") from err
    output = (result.stderr or result.stdout).strip()[:2000]
    try:
        report = json.loads(result.stdout or "{}")
    except json.JSONDecodeError as err:
        raise ValeError(f"Vale at {binary.path} exited {result.returncode} without a JSON report: {output}") from err
    if isinstance(report, dict) and "Code" in report and "Text" in report:
        # Vale reports its own errors (bad rule, bad config) as JSON too.
        raise ValeError(f"Vale at {binary.path} failed: {report['Code']}: {report['Text']}")
    if (
        not isinstance(report, dict)
        or not all(isinstance(v, list) for v in report.values())
        or (result.returncode != 0 and not report)
    ):
        raise ValeError(f"Vale at {binary.path} failed ({result.returncode}) or gave an unexpected report: {output}")
    alerts = {}
    for path, entries in report.items():
        key = str(Path(path).resolve())
        alerts[key] = [_alert(key, entry) for entry in entries]
    return alerts


def _alert(path: str, entry: dict) -> Alert:
    start, end = entry.get("Span") or [1, 1]
    return Alert(
        path,
        int(entry["Line"]),
        int(start),
        entry["Check"],
        entry["Message"],
        entry["Severity"],
        entry.get("Match", ""),
        int(end),
        entry.get("Link", ""),
    )
