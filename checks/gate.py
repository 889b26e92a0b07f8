"""The shared vocabulary of the quality gates."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Finding:
    """One problem a gate found, pointing at where it is."""

    gate: str
    location: str  # a page URL path, or file:line:col
    message: str

    def __str__(self) -> str:
        return f"{self.location}: [{self.gate}] {self.message}"


class GateUnavailable(RuntimeError):
    """The gate's tool could not run. Always a failure: a missing check never passes."""


def html_pages(site_dir: Path) -> list[Path]:
    """Every HTML page of a built site, in a stable order."""
    return sorted(p for p in site_dir.rglob("*.html") if p.is_file())


def url_path(site_dir: Path, page: Path) -> str:
    """The URL path a page is served at ('/' for the home page)."""
    rel = page.relative_to(site_dir).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel
