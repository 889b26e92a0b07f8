"""The rule for tests that need an outside tool (Chromium, Java, LibreOffice, poppler)."""

from __future__ import annotations

import os
import shutil
import warnings

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_tools(missing: list[str]) -> None:
    """A test needs its tools: in CI their absence fails; locally it skips, loudly.

    CI must never go green because a check could not run; a developer without
    Java or Chromium can still run the rest of the suite.
    """
    if not missing:
        return
    reason = "missing " + "; ".join(missing)
    if in_ci():
        pytest.fail(f"CI=true, so this test must run, but it is {reason}", pytrace=False)
    warnings.warn(f"TEST SKIPPED, {reason}", stacklevel=2)
    pytest.skip(f"TEST SKIPPED, {reason}")


def require_commands(*commands: str) -> None:
    """Each command must be on the PATH (``make setup-checks`` installs them)."""
    require_tools([f"{c} (run make setup-checks)" for c in commands if shutil.which(c) is None])


class FixedSizes(dict):
    """Every download and export is 12,345 bytes: golden files test our text, not a converter's bytes."""

    def __missing__(self, path: str) -> int:
        if not path.startswith(("downloads/", "exports/")):
            raise KeyError(path)
        return 12_345
