"""Choose the engine that runs our Vale rules, and lint with it.

A real Vale binary is used when one on PATH works; otherwise trustdocs-vale,
the Python implementation in this package, runs the same rule files. Either
way the result is the same Alert objects, and the engine says which it is.

Set TRUSTDOCS_VALE_ENGINE to `python` or `vale` to insist on one (`vale`
then fails if no working binary exists); the default is `auto`.
"""

from __future__ import annotations

import bisect
import html
import os
import tempfile
from dataclasses import dataclass, replace
from itertools import accumulate
from pathlib import Path

from .blocks import Block, SourceText, markdown_blocks
from .config import ValeConfig, load_config
from .html_content import html_blocks
from .rules import TYPES, Alert, ValeError, lint_blocks
from .vale_binary import ValeBinary, find_vale_binary, run_vale

ENGINE_VARIABLE = "TRUSTDOCS_VALE_ENGINE"


def blocks_for(text: str, path: str | Path) -> list[Block]:
    """Prose blocks of a file, read according to its extension."""
    if Path(path).suffix.lower() in (".html", ".htm"):
        return html_blocks(text, require_article=False)
    return markdown_blocks(text)  # Markdown, and plain text read as Markdown


def lint_text(text: str, path: str | Path, config: ValeConfig | None = None) -> list[Alert]:
    """Lint a Markdown, HTML or text document with the Python engine."""
    config = config or load_config()
    return lint_blocks(blocks_for(text, path), SourceText(text), str(path), config.rules_for(path))


@dataclass
class Page:
    """One built page: its article's blocks and where to report alerts."""

    path: Path  # the HTML file
    label: str  # how alerts name the file, e.g. section/index.html
    source: SourceText
    blocks: list[Block]


class PythonEngine:
    def __init__(self, config: ValeConfig, reason: str):
        self.config = config
        types = ", ".join(sorted(TYPES))
        self.banner = f"vale engine: trustdocs-vale (Python; implements {types}) because {reason}"

    def lint_file(self, path: Path) -> list[Alert]:
        return lint_text(path.read_text(encoding="utf-8"), path, self.config)

    def lint_pages(self, pages: list[Page]) -> dict[Path, list[Alert]]:
        return {
            page.path: lint_blocks(page.blocks, page.source, page.label, self.config.rules_for(page.path))
            for page in pages
        }


class BinaryEngine:
    def __init__(self, config: ValeConfig, binary: ValeBinary):
        self.config = config
        self.binary = binary
        self.banner = f"vale engine: vale {binary.version} at {binary.path}"

    def lint_file(self, path: Path) -> list[Alert]:
        resolved = path.resolve()
        return run_vale(self.binary, [resolved], self.config.path).get(str(resolved), [])

    def lint_pages(self, pages: list[Page]) -> dict[Path, list[Alert]]:
        """Vale reads the extracted article of each page, one block per line.

        Feeding Vale the built page itself would lint the theme's navigation
        and footer too, so each article is rewritten as a minimal HTML file
        and Vale's positions are mapped back to the original page.
        """
        with tempfile.TemporaryDirectory(prefix="trustdocs-vale-") as scratch:
            written: dict[Path, Page] = {}
            for number, page in enumerate(pages):
                target = Path(scratch, f"page{number}", "index.html").resolve()
                target.parent.mkdir(parents=True)
                lines = (
                    prefix + html.escape(block.text, quote=False) + suffix
                    for block in page.blocks
                    for prefix, suffix in [_element(block.kind)]
                )
                target.write_text("<html><body>\n" + "\n".join(lines) + "\n</body></html>\n", encoding="utf-8")
                written[target] = page
            report = run_vale(self.binary, list(written), self.config.path)
        return {
            page.path: [_map_back(alert, page) for alert in report.get(str(target), [])]
            for target, page in written.items()
        }


def _element(kind: str) -> tuple[str, str]:
    """The HTML around a block's text that gives it the same kind (scope) in Vale."""
    if kind.startswith("text.heading."):
        tag = kind.rsplit(".", 1)[1]
        return f"<{tag}>", f"</{tag}>"
    return _ELEMENTS.get(kind, ("<p>", "</p>"))


_ELEMENTS = {
    "text.list": ("<ul><li>", "</li></ul>"),
    "text.table.cell": ("<table><tr><td>", "</td></tr></table>"),
    "text.table.header": ("<table><tr><th>", "</th></tr></table>"),
    "text.blockquote": ("<blockquote><p>", "</p></blockquote>"),
}


def _map_back(alert: Alert, page: Page) -> Alert:
    """An alert on a minimal page (block N on line N + 1), placed on the built page."""
    number = alert.line - 2
    if not 0 <= number < len(page.blocks):
        line, col, context = 1, 1, ""
    else:
        block = page.blocks[number]
        # Where each character of the block starts in the line, after the escaping.
        starts = list(accumulate((len(html.escape(c, quote=False)) for c in block.text), initial=0))[:-1]
        position = max(alert.col - 1 - len(_element(block.kind)[0]), 0)
        index = min(bisect.bisect_left(starts, position), len(block.text) - 1)
        (line, col), context = page.source.line_col(block.source_offset(index)), block.text
    return replace(
        alert, path=page.label, line=line, col=col, end_col=col + max(alert.end_col - alert.col, 0), context=context
    )


def choose_engine(config: ValeConfig | None = None, preference: str | None = None):
    """The engine to use, honouring TRUSTDOCS_VALE_ENGINE (auto, python, vale)."""
    config = config or load_config()
    preference = (preference or os.environ.get(ENGINE_VARIABLE) or "auto").lower()
    if preference not in ("auto", "python", "vale"):
        raise ValeError(f"{ENGINE_VARIABLE} must be auto, python or vale, got {preference!r}")
    if preference == "python":
        return PythonEngine(config, f"{ENGINE_VARIABLE}=python")
    binary, reason = find_vale_binary()
    if binary is not None:
        return BinaryEngine(config, binary)
    if preference == "vale":
        raise ValeError(f"{ENGINE_VARIABLE}=vale but {reason}")
    return PythonEngine(config, reason)
