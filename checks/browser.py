"""One way to start the system's Chromium for the browser gates.

Playwright drives Debian's Chromium (apt package ``chromium``) rather than a
browser it downloads itself: only the package registries are reachable here and
in CI, so ``playwright install`` cannot work.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from checks.gate import GateUnavailable

if TYPE_CHECKING:
    from playwright.sync_api import Browser

SETUP_HINT = "run `make setup`"

# Quiet and deterministic: no GPU, no sandbox (CI runs as root), and none of the
# background traffic Chromium makes on its own, so that every request a page
# makes is one the page asked for. /dev/shm is 64 MB in a Docker container (CI):
# shared memory goes to /tmp instead, so large pages do not crash the renderer.
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> Path | None:
    """The Chromium binary: $CHROMIUM if set, else Debian's."""
    configured = os.environ.get("CHROMIUM")
    if configured:
        return Path(configured) if Path(configured).is_file() else None
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None)
    return Path(found) if found else None


def missing_browser_tools() -> list[str]:
    """What the browser gates need and this machine lacks, each with how to get it."""
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append(f"the Python package playwright (pip install -r requirements.txt; {SETUP_HINT})")
    if chromium_path() is None:
        where = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
        missing.append(f"Chromium at {where} (apt-get install chromium; {SETUP_HINT})")
    return missing


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium for the whole run: one browser, many pages."""
    missing = missing_browser_tools()
    if missing:
        raise GateUnavailable("missing " + "; ".join(missing))
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=str(chromium_path()), args=LAUNCH_ARGS)
        except Error as error:
            raise GateUnavailable(f"Chromium did not start: {error}") from error
        try:
            yield browser
        finally:
            browser.close()
