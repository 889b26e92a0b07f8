"""`extends: occurrence` - too many (or too few) matches of a token in one scope.

Mirrors internal/check/occurrence.go: count the matches of `(?:token)` in the
scope (a sentence, for a sentence-length rule); if the count is above `max`
or below `min` (each only when set above zero), report once, at the first
match that is not masked code. The message receives the count.
"""

from __future__ import annotations

from ..errors import RuleError
from ..regex_dialect import compile_pattern, translate
from .base import FileState, Hit, Rule, format_message


class Occurrence(Rule):
    TYPE = "occurrence"
    KEYS = frozenset({"token", "max", "min", "ignorecase"})

    def __init__(self, name, options, path):
        super().__init__(name, options, path)
        token = self._string("token", required=True)
        self.max = self._int("max", 0)
        self.min = self._int("min", 0)
        if self.max <= 0 and self.min <= 0:
            raise RuleError(f"{path}: an occurrence rule needs 'max' or 'min' above zero")
        body = f"(?:{translate(token, path)})"
        self.pattern = compile_pattern(body, path, ignorecase=self._bool("ignorecase", False))

    def run(self, text: str, state: FileState) -> list[Hit]:
        matches = list(self.pattern.finditer(text))
        count = len(matches)
        if not ((self.max > 0 and count > self.max) or (self.min > 0 and count < self.min)):
            return []
        message = format_message(self.message, count)
        if count == 0:
            # Vale has no match to point at and reports the start of the scope.
            return [Hit(0, 0, "", message)]
        for match in matches:
            observed = match.group()
            if observed.strip() and not _is_code(observed):
                return [Hit(match.start(), match.end(), observed, message)]
        return []  # every match was masked code


def _is_code(text: str) -> bool:
    """Vale's core.IsCode: text made only of the masks put over code."""
    return all(c in "*@" for c in text)
