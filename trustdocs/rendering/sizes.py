"""The file sizes pages show, from one place.

Download links say how big each file is ("PDF (33 KB)"). In a build the
numbers are measured from the rendered files; golden-file tests pass a fixed
table instead, so a golden file tests our text, not a converter's bytes: a new
WeasyPrint, pandoc or font changes every PDF's size but none of our words.
"""

from __future__ import annotations

from collections.abc import Mapping

Sizes = Mapping[str, int]  # site path (downloads/..., exports/...) -> size in bytes


def measure(files: Mapping[str, bytes]) -> dict[str, int]:
    return {path: len(content) for path, content in files.items()}


def size_label(n: int) -> str:
    """GOV.UK style: '33 KB', '1,234 KB', '812 bytes'."""
    return f"{n / 1024:,.0f} KB" if n >= 1024 else f"{n:,} bytes"
