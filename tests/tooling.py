"""The rule for tests that need an outside tool (Chromium, Java, LibreOffice, poppler)."""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

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
        if not path.startswith(("downloads/", "exports/")) and path != "changes.xml":
            raise KeyError(path)
        return 12_345


def site_markdown_extensions() -> list:
    """The Markdown extensions the site builds with, read from mkdocs.yml: the one list the tests use."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)  # mkdocs.yml reads addresses from the environment
    config = yaml.load((Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8"), Loader)
    return [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]


def site_html(markdown_text: str) -> str:
    """Markdown to HTML as the site renders it (Python-Markdown with the site's extensions)."""
    import markdown

    return markdown.markdown(markdown_text, extensions=site_markdown_extensions())


# A partner record an editor might add at the end of partners.yml: the site and the diff must both see it.
NEW_PARTNER = """
  - id: test-new-partner
    name: Newly added partners
    category: other-partner
    summary: A partner added only by editing partners.yml.
    statutory_basis: None
    area_types: [unitary]
    status_history:
      - status: other-partner
        from: 2009
        cites:
          - {source: southwark-2009, para: "appendix-1"}
    cites:
      - {source: southwark-2009, para: "appendix-1"}
"""
