"""The "Style (Vale)" gate: our GOV.UK-derived Vale rules, run on the built site.

The rules live in `styles/TrustDocs/` and are configured by `.vale.ini`, so a
real Vale reads them unchanged. When no working Vale binary is available (it
cannot be downloaded on our build machines), trustdocs-vale - a Python
implementation of the four Vale rule types the rules use - runs them instead,
and refuses any rule it does not implement.

Modules: `config` reads .vale.ini; `rules` compiles rule files and runs them
on blocks of prose; `blocks` keeps source positions, splits sentences and
reads Markdown; `html_content` reads built pages; `vale_binary` finds and runs
a real Vale; `engine` chooses between the two.

Public interface:

* `run(site_dir, base_url)` - the gate: Findings for warnings and errors.
* `lint_site(site_dir)` - every alert on every page, from the engine in use.
* `lint_text(text, path, config=None)` - lint one Markdown, HTML or text
  document with the Python engine (used by the rule fixtures).
* `python -m checks.vale SITE_DIR` - print alerts; exit 1 on any warning or error.
"""

from __future__ import annotations

import sys
from pathlib import Path

from checks.gate import Finding, GateUnavailable, html_pages, url_path

from .blocks import SourceText
from .config import ConfigError, ValeConfig, load_config
from .engine import Page, choose_engine, lint_text
from .html_content import html_blocks
from .rules import Alert, RuleError, ValeError

__all__ = [
    "Alert",
    "ConfigError",
    "RuleError",
    "ValeConfig",
    "ValeError",
    "choose_engine",
    "lint_site",
    "lint_text",
    "load_config",
    "run",
]

GATE = "vale"
_CONTEXT_WIDTH = 120


def lint_site(site_dir: Path, *, engine=None, announce: bool = True) -> list[tuple[Page, Alert]]:
    """Every alert on every page that has an article; the engine in use is announced on stderr."""
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise ValeError(f"{site_dir} is not a built site directory")
    engine = engine or choose_engine()
    if announce:
        print(engine.banner, file=sys.stderr)
    pages = []
    for path in html_pages(site_dir):
        text = path.read_text(encoding="utf-8")
        if blocks := html_blocks(text):
            pages.append(Page(path, path.relative_to(site_dir).as_posix(), SourceText(text), blocks))
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
        text = describe(alert, page, site_dir, base_url)
        if alert.blocking:
            findings.append(Finding(gate=GATE, location=f"{page.label}:{alert.line}:{alert.col}", message=text))
        else:
            print(f"suggestion: {text}", file=sys.stderr)
    return sorted(findings)


def describe(alert: Alert, page: Page, site_dir: Path, base_url: str) -> str:
    """What a person needs: the rule, its message, the page, and the words in question."""
    url = base_url.rstrip("/") + url_path(site_dir, page.path) if base_url else url_path(site_dir, page.path)
    text = f"{alert.check} ({alert.level}): {alert.message} on {url}"
    if excerpt := excerpt_around(alert.context, alert.match):
        text += f" in “{excerpt}”"
    if alert.link:
        text += f" - see {alert.link}"
    return text


def excerpt_around(context: str, match: str) -> str:
    """The sentence the alert is in, shortened around the match if it is long."""
    if len(context) <= _CONTEXT_WIDTH:
        return context
    where = max(context.find(match), 0) if match else 0
    start = max(where - _CONTEXT_WIDTH // 2, 0)
    end = min(start + _CONTEXT_WIDTH, len(context))
    return ("…" if start else "") + context[start:end] + ("…" if end < len(context) else "")
