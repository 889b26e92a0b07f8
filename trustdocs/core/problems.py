"""Problems found in the data, reported one per line as ``file:line:col: path: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, pointing at the file, line, column and field."""

    file: str  # path as the editor knows it, e.g. data/partners.yml
    line: int  # 1-based
    column: int  # 1-based
    path: str  # JSON path of the field, e.g. $.partners[2].name
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.path}: {self.message}"


class DataError(Exception):
    """The data set is invalid. Carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def json_path(parts: tuple[str | int, ...]) -> str:
    """``('partners', 2, 'name')`` -> ``$.partners[2].name``."""
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.replace("_", "").replace("-", "").isalnum():
            out += f".{part}"
        else:  # keys with odd characters are quoted so the path stays unambiguous
            escaped = part.replace("\\", "\\\\").replace("'", "\\'")
            out += f"['{escaped}']"
    return out
