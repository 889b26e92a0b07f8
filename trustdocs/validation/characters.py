"""Every character in the data can be printed by the fonts the PDF documents ship.

Otherwise the PDF would borrow a glyph from whatever fonts the build machine
has, and two machines would publish different files (see
:mod:`trustdocs.core.fonts`).
"""

from __future__ import annotations

from collections.abc import Iterator

from trustdocs.core.fonts import describe, uncovered
from trustdocs.core.problems import Problem
from trustdocs.core.strict_yaml import Document
from trustdocs.validation.tree import walk


def unprintable_characters(docs: dict[str, Document]) -> Iterator[Problem]:
    for doc in docs.values():
        for path, value in walk(doc.data):
            if isinstance(value, str):
                missing = uncovered(value)
                if missing:
                    yield doc.problem(
                        path,
                        f"the documents' font cannot print {', '.join(map(describe, missing))}: "
                        "use another character (for example a plain letter or punctuation mark)",
                    )
