"""Find and run a real Vale binary, if this machine has one that works.

Three things can answer to `vale` on PATH:

* a real Vale binary - used when `vale --version` succeeds within seconds;
* the PyPI `vale` wrapper (a Python script) - it downloads Vale from GitHub
  the first time it runs, which hangs or fails on machines without internet.
  We never run it: we look up the binary it keeps beside its package and use
  that only if it has already been downloaded;
* nothing - then the Python engine runs.
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
_WRAPPER_MARKER = "from vale.main import main"
_PLACEHOLDER_SIZE = 1000  # the wrapper's vale_bin is a stub below this size until downloaded


@dataclass(frozen=True)
class ValeBinary:
    path: str
    version: str


def find_vale_binary() -> tuple[ValeBinary | None, str]:
    """The working Vale binary on PATH, or None and the reason there is none."""
    found = shutil.which("vale")
    if not found:
        return None, "no Vale binary is on PATH"
    candidate = found
    if _is_pypi_wrapper(found):
        downloaded = _wrapper_binary(found)
        if downloaded is None:
            return None, (
                f"{found} is the PyPI 'vale' wrapper and has not downloaded Vale "
                "(it would fetch it from GitHub, which this gate never triggers)"
            )
        candidate = str(downloaded)
    version = _version(candidate)
    if version is None:
        return None, f"{candidate} does not answer 'vale --version' within {VERSION_TIMEOUT}s"
    return ValeBinary(candidate, version), ""


def _is_pypi_wrapper(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return head.startswith(b"#!") and _WRAPPER_MARKER.encode() in head


def _wrapper_binary(wrapper: str) -> Path | None:
    """The binary the wrapper would run, if it exists and is not the stub."""
    with open(wrapper, encoding="utf-8", errors="replace") as handle:
        interpreter = handle.readline()[2:].strip().split()
    if not interpreter:
        return None
    probe = "import os, vale; print(os.path.join(os.path.dirname(vale.__file__), 'vale_bin'))"
    try:
        result = subprocess.run(
            [*interpreter, "-c", probe], capture_output=True, text=True, timeout=VERSION_TIMEOUT
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    binary = Path(result.stdout.strip())
    if result.returncode != 0 or not binary.is_file() or binary.stat().st_size < _PLACEHOLDER_SIZE:
        return None
    return binary if os.access(binary, os.X_OK) else None


def _version(binary: str) -> str | None:
    try:
        result = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, timeout=VERSION_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip().replace("vale version ", "") or "unknown version"


def run_vale(binary: ValeBinary, files: list[Path], config: Path) -> dict[str, list[Alert]]:
    """Lint files with Vale; alerts keyed by each file's resolved path."""
    if not files:
        return {}
    command = [binary.path, f"--config={config}", "--output=JSON", "--no-exit", *map(str, files)]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=LINT_TIMEOUT, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise ValeError(f"Vale at {binary.path} could not run: {err}") from err
    try:
        report = json.loads(result.stdout or "{}")
    except json.JSONDecodeError as err:
        raise ValeError(
            f"Vale at {binary.path} exited {result.returncode} without a JSON report: "
            f"{(result.stderr or result.stdout).strip()[:2000]}"
        ) from err
    if isinstance(report, dict) and "Code" in report and "Text" in report:
        # Vale reports its own errors (bad rule, bad config) as JSON too.
        raise ValeError(f"Vale at {binary.path} failed: {report['Code']}: {report['Text']}")
    if not isinstance(report, dict) or (result.returncode != 0 and not report):
        raise ValeError(f"Vale at {binary.path} failed ({result.returncode}): {result.stderr.strip()[:2000]}")
    alerts: dict[str, list[Alert]] = {}
    for path, entries in report.items():
        if not isinstance(entries, list):
            raise ValeError(f"Vale at {binary.path} gave an unexpected report for {path}: {entries!r}")
        key = str(Path(path).resolve())
        alerts[key] = [_alert(key, entry) for entry in entries]
    return alerts


def _alert(path: str, entry: dict) -> Alert:
    span = entry.get("Span") or [1, 1]
    return Alert(
        path=path,
        line=int(entry["Line"]),
        col=int(span[0]),
        check=entry["Check"],
        message=entry["Message"],
        level=entry["Severity"],
        match=entry.get("Match", ""),
        end_col=int(span[1]),
        link=entry.get("Link", ""),
    )
