"""Fixtures for the style gate's tests: a tiny built site, and a forced engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from vale_helpers import material_page


@pytest.fixture
def make_site(tmp_path):
    """Write pages {relative path: article html} as a built site; return its directory."""

    def build(pages: dict[str, str]) -> Path:
        site = tmp_path / "site"
        for relative, article in pages.items():
            target = site / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(material_page(article), encoding="utf-8")
        return site

    return build


@pytest.fixture
def python_engine(monkeypatch):
    """Force the Python engine, so results do not depend on what is installed."""
    monkeypatch.setenv("TRUSTDOCS_VALE_ENGINE", "python")
