"""What a rule reports, and how it is printed.

The line format mirrors `vale --output=line` (path:line:col:Style.Rule:message)
so output from the Python engine and from a real Vale binary reads the same;
the level is appended because the gate treats levels differently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Vale's own ordering: a rule runs only if its level is at least MinAlertLevel.
LEVELS = {"suggestion": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, order=True)
class Alert:
    """One problem found in one file, at a 1-based line and column (in characters)."""

    path: str
    line: int
    col: int
    check: str  # Style.Rule, e.g. TrustDocs.PlainEnglish
    message: str
    level: str
    match: str = ""
    end_col: int = 0
    link: str = field(default="", compare=False)
    context: str = field(default="", compare=False)  # the sentence or block it was found in

    def short(self) -> str:
        """`line:col:Style.Rule:message`, the form the fixture files record."""
        return f"{self.line}:{self.col}:{self.check}:{self.message}"

    def line_format(self) -> str:
        """Vale's `--output=line` format, plus the level."""
        return f"{self.path}:{self.short()} [{self.level}]"

    @property
    def blocking(self) -> bool:
        """Warnings and errors fail the gate; suggestions are advice only."""
        return LEVELS[self.level] >= LEVELS["warning"]
