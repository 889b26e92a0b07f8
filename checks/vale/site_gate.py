"""The "Style (Vale)" quality gate: lint every page of a built site."""

from __future__ import annotations

import sys
from pathlib import Path

from checks.gate import Finding, GateUnavailable, html_pages, url_path

from .blocks import SourceText
from .engine import Page, choose_engine
from .html_content import html_blocks
from .rules import Alert, ValeError

GATE = "vale"
_CONTEXT_WIDTH = 120


def read_pages(site_dir: Path) -> list[Page]:
    """Every page of the site that has an article to lint."""
    pages = []
    for path in html_pages(site_dir):
        text = path.read_text(encoding="utf-8")
        blocks = html_blocks(text)
        if blocks:
            label = path.relative_to(site_dir).as_posix()
            pages.append(Page(path, label, SourceText(text), blocks))
    return pages


def lint_site(site_dir: Path, *, engine=None, announce: bool = True) -> list[tuple[Page, Alert]]:
    """Every alert on every page; the engine in use is announced on stderr."""
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise ValeError(f"{site_dir} is not a built site directory")
    engine = engine or choose_engine()
    if announce:
        print(engine.banner, file=sys.stderr)
    pages = read_pages(site_dir)
    results = engine.lint_pages(pages)
    return [(page, alert) for page in pages for alert in results[page.path]]


def run(site_dir: Path, base_url: str) -> list[Finding]:
    """Findings for warnings and errors; suggestions go to stderr only."""
    site_dir = Path(site_dir)
    try:
        linted = lint_site(site_dir)
    except ValeError as err:
        raise GateUnavailable(f"style gate cannot run: {err}") from err
    findings = []
    for page, alert in linted:
        if not alert.blocking:
            print(f"suggestion: {describe(alert, page, site_dir, base_url)}", file=sys.stderr)
            continue
        findings.append(
            Finding(
                gate=GATE,
                location=f"{page.label}:{alert.line}:{alert.col}",
                message=describe(alert, page, site_dir, base_url),
            )
        )
    return sorted(findings)


def describe(alert: Alert, page: Page, site_dir: Path, base_url: str) -> str:
    """What a person needs: the rule, its message, the page, and the words in question."""
    url = base_url.rstrip("/") + url_path(site_dir, page.path) if base_url else url_path(site_dir, page.path)
    text = f"{alert.check} ({alert.level}): {alert.message} on {url}"
    excerpt = excerpt_around(alert.context, alert.match)
    if excerpt:
        text += f" in “{excerpt}”"
    if alert.link:
        text += f" - see {alert.link}"
    return text


def excerpt_around(context: str, match: str) -> str:
    """The sentence the alert is in, shortened around the match if it is long."""
    if len(context) <= _CONTEXT_WIDTH:
        return context
    where = context.find(match) if match else 0
    where = max(where, 0)
    start = max(where - _CONTEXT_WIDTH // 2, 0)
    end = min(start + _CONTEXT_WIDTH, len(context))
    return ("…" if start else "") + context[start:end] + ("…" if end < len(context) else "")
