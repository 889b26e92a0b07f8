"""A document's one source: Markdown in the subset that Python-Markdown and pandoc read alike.

The site page, the DOCX, the ODT and the PDF are all rendered from
:attr:`DocumentSource.markdown`. The subset is: ATX headings with explicit ids
(``## 5.2 Quorum {#quorum}``), paragraphs, ``- `` bullet lists, pipe tables,
``**bold**`` and links to ``#ids``. No raw HTML: the pandoc reader has it
turned off, so nothing in a document can become markup. Editor text goes
through :func:`trustdocs.core.escape.md`, whose character references both readers decode
to the literal character.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The PDF stylesheet and the bundled fonts: all the PDF renderer may read (trustdocs/assets/).
ASSETS = Path(__file__).parents[2] / "assets"


class DocumentError(RuntimeError):
    """A document could not be rendered; the message says which and why."""


@dataclass(frozen=True)
class DocumentSource:
    """One downloadable document: its file name stem, title, Markdown and the data it comes from."""

    slug: str  # file name stem, e.g. "trust-board-constitution" or "southwark/trust-board-constitution"
    title: str  # plain text (not escaped): document metadata and the PDF's title
    markdown: str  # the body, starting with a "# " heading; editor text already escaped
    data_files: tuple[str, ...]  # "Edit this page" goes to the first
    lang: str = "en-GB"
    owner: str = ""  # whose it is, named in its file names: an area's id, or "model" (see paths.download)
