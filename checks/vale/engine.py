"""Choose the engine that runs our Vale rules, and lint with it.

A real Vale binary is used when one on PATH works; otherwise trustdocs-vale,
the Python implementation in this package, runs the same rule files. Either
way the result is the same Alert objects, and the engine says which it is.

Set TRUSTDOCS_VALE_ENGINE to `python` or `vale` to insist on one (`vale`
then fails if no working binary exists); the default is `auto`.
"""

from __future__ import annotations

import html
import os
import tempfile
from dataclasses import dataclass
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
            written: dict[Path, tuple[Page, list[_Line]]] = {}
            for number, page in enumerate(pages):
                target = Path(scratch, f"page{number}", "index.html").resolve()
                target.parent.mkdir(parents=True)
                lines = [_Line.of(block) for block in page.blocks]
                target.write_text(_minimal_html(lines), encoding="utf-8")
                written[target] = (page, lines)
            report = run_vale(self.binary, list(written), self.config.path)
            results: dict[Path, list[Alert]] = {page.path: [] for page in pages}
            for target, (page, lines) in written.items():
                for alert in report.get(str(target), []):
                    results[page.path].append(_map_back(alert, page, lines))
            return results


@dataclass
class _Line:
    """One block written as one line of HTML: `prefix + escaped text + suffix`."""

    block: Block
    prefix: str
    escaped: str
    suffix: str

    @classmethod
    def of(cls, block: Block) -> _Line:
        kind = block.kind
        if kind.startswith("text.heading."):
            tag = kind.rsplit(".", 1)[1]
            prefix, suffix = f"<{tag}>", f"</{tag}>"
        elif kind == "text.list":
            prefix, suffix = "<ul><li>", "</li></ul>"
        elif kind in ("text.table.cell", "text.table.header"):
            cell = "th" if kind.endswith("header") else "td"
            prefix, suffix = f"<table><tr><{cell}>", f"</{cell}></tr></table>"
        elif kind == "text.blockquote":
            prefix, suffix = "<blockquote><p>", "</p></blockquote>"
        else:
            prefix, suffix = "<p>", "</p>"
        return cls(block, prefix, html.escape(block.text, quote=False), suffix)

    def text_index(self, col: int) -> int:
        """The index in the block's text of a 1-based column in this line."""
        position = max(col - 1 - len(self.prefix), 0)
        index = consumed = 0
        while consumed < position and index < len(self.block.text):
            consumed += len(html.escape(self.block.text[index], quote=False))
            index += 1
        return min(index, len(self.block.text) - 1)


_HEADER_LINES = 1  # "<html><body>" comes before the first block


def _minimal_html(lines: list[_Line]) -> str:
    body = "\n".join(line.prefix + line.escaped + line.suffix for line in lines)
    return f"<html><body>\n{body}\n</body></html>\n"


def _map_back(alert: Alert, page: Page, lines: list[_Line]) -> Alert:
    number = alert.line - _HEADER_LINES - 1
    if not 0 <= number < len(lines):
        return _relabel(alert, page.label, 1, 1, "")
    line = lines[number]
    index = line.text_index(alert.col)
    start = line.block.offsets.source_offset(index)
    row, col = page.source.line_col(start)
    return _relabel(alert, page.label, row, col, line.block.text)


def _relabel(alert: Alert, label: str, line: int, col: int, context: str) -> Alert:
    return Alert(
        path=label, line=line, col=col, check=alert.check, message=alert.message, level=alert.level,
        match=alert.match, end_col=col + max(alert.end_col - alert.col, 0), link=alert.link, context=context,
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
