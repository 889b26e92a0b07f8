"""The fonts the PDF documents use: shipped with the project, never taken from the machine.

WeasyPrint would otherwise take "Liberation Sans" (or whatever a family name
matches) from fontconfig, so two machines with different font packages made
different PDFs. The print stylesheet names only :data:`FAMILY`, defined by
``@font-face`` rules over the files in ``trustdocs/assets/fonts/`` (Liberation
Sans 2.1.5, SIL Open Font License 1.1, licence beside them).

A character that none of the faces can draw would make Pango fall back to a
machine font, silently. So the loader rejects such characters in the data
(naming the file, line and field) and the PDF renderer refuses a page that
still contains one.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

FONTS_DIR = Path(__file__).parents[1] / "assets" / "fonts"
FAMILY = "TrustDocs Sans"  # our name for the bundled faces, so no machine font can match it
FACES = {  # (weight, style) -> file
    ("normal", "normal"): "LiberationSans-Regular.ttf",
    ("bold", "normal"): "LiberationSans-Bold.ttf",
    ("normal", "italic"): "LiberationSans-Italic.ttf",
    ("bold", "italic"): "LiberationSans-BoldItalic.ttf",
}
# Layout characters that are never drawn as glyphs.
_NOT_DRAWN = frozenset("\n\r\t")


@functools.cache
def covered() -> frozenset[int]:
    """Code points every face can draw (so bold or italic text never falls back either)."""
    from fontTools.ttLib import TTFont  # a WeasyPrint dependency; read only when text is checked

    common: set[int] | None = None
    for name in FACES.values():
        with TTFont(FONTS_DIR / name, lazy=True) as font:
            points = set(font["cmap"].getBestCmap())
        common = points if common is None else common & points
    return frozenset(common or ())


def uncovered(text: str) -> list[str]:
    """The distinct characters of ``text`` that the bundled fonts cannot draw, in order of first use."""
    points = covered()
    return list(dict.fromkeys(c for c in text if ord(c) not in points and c not in _NOT_DRAWN))


def describe(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"
