"""What every Vale rule has in common, and the strict reading of its YAML.

Vale decodes rule files with mapstructure's ErrorUnused, so a key it does not
know is an error, and it matches key names case-insensitively. We do the same,
and go one step further: a key Vale knows but this engine does not implement
(`action`, `vocab` lists, ...) is also an error, never silently ignored.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..alerts import LEVELS
from ..errors import RuleError
from ..scopes import Scope

# Keys every rule type accepts (check/definition.go, Definition).
COMMON_KEYS = frozenset({"extends", "message", "description", "level", "link", "scope", "limit"})
# Keys Vale accepts that this engine deliberately does not implement.
UNIMPLEMENTED_KEYS = {
    "action": "fix-it actions",
    "selector": "selectors",
    "matchcase": "case-matching replacements",
    "pos": "part-of-speech filters (deprecated in Vale too)",
    "code": "`code` (deprecated by Vale; use scope)",
}


@dataclass(frozen=True)
class Hit:
    """A match inside the text a rule was given: where, what, and the message."""

    start: int
    end: int
    match: str
    message: str


@dataclass
class FileState:
    """What a rule may remember across the blocks of one file.

    Vale keeps the captured definitions of `conditional` rules per file
    (File.Sequences), so an abbreviation defined in one paragraph counts as
    defined in the paragraphs after it.
    """

    sequences: list[str] = field(default_factory=list)


class Rule(ABC):
    """One rule file, compiled."""

    TYPE: ClassVar[str]
    KEYS: ClassVar[frozenset[str]]

    def __init__(self, name: str, options: dict[str, Any], path: str):
        self.name = name
        self.path = path
        self.options = options
        self.message = self._string("message", required=True)
        self.description = self._string("description")
        self.link = self._string("link")
        self.level = self._string("level") or "warning"  # Vale's default (check/manager.go)
        if self.level not in LEVELS:
            raise RuleError(f"{path}: 'level' must be one of {sorted(LEVELS)}, got {self.level!r}")
        self.limit = self._int("limit", 0)
        self.scope = Scope(options.get("scope"), path)
        _check_message_verbs(self.message, path)

    @abstractmethod
    def run(self, text: str, state: FileState) -> list[Hit]:
        """Every hit in `text`, which is one block or one sentence."""

    # --- typed access to options, each refusing the wrong type loudly ---

    def _string(self, key: str, default: str = "", *, required: bool = False) -> str:
        if key not in self.options:
            if required:
                raise RuleError(f"{self.path}: missing the required {key!r} key")
            return default
        value = self.options[key]
        if not isinstance(value, str):
            raise RuleError(f"{self.path}: {key!r} must be a string, got {value!r}")
        return value

    def _bool(self, key: str, default: bool) -> bool:
        value = self.options.get(key, default)
        if not isinstance(value, bool):
            raise RuleError(f"{self.path}: {key!r} must be true or false, got {value!r}")
        return value

    def _int(self, key: str, default: int) -> int:
        value = self.options.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise RuleError(f"{self.path}: {key!r} must be an integer, got {value!r}")
        return value

    def _strings(self, key: str) -> list[str]:
        value = self.options.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RuleError(f"{self.path}: {key!r} must be a list of strings, got {value!r}")
        return value


def validate_keys(rule_type: type[Rule], options: dict[str, Any], path: str) -> None:
    allowed = COMMON_KEYS | rule_type.KEYS
    for key in options:
        if key in allowed:
            continue
        if key in UNIMPLEMENTED_KEYS:
            raise RuleError(
                f"{path}: key {key!r} ({UNIMPLEMENTED_KEYS[key]}) is not implemented by trustdocs-vale"
            )
        raise RuleError(
            f"{path}: unknown key {key!r} for an '{rule_type.TYPE}' rule; "
            f"allowed keys: {', '.join(sorted(allowed))}"
        )


_VERB = re.compile(r"%(.)")


def _check_message_verbs(message: str, path: str) -> None:
    for verb in _VERB.findall(message):
        if verb not in "sd%":
            raise RuleError(f"{path}: message uses %{verb}; trustdocs-vale formats only %s, %d and %%")


def format_message(message: str, *values: str | int) -> str:
    """Go's fmt.Sprintf for %s, %d and %%, as Vale's CondSprintf uses it.

    Extra values are ignored; a missing one prints Go's `%!s(MISSING)`; an int
    given to %s prints Go's `%!s(int=N)` (Vale passes occurrence counts as ints).
    """
    queue = list(values)

    def substitute(match: re.Match[str]) -> str:
        verb = match.group(1)
        if verb == "%":
            return "%"
        if not queue:
            return f"%!{verb}(MISSING)"
        value = queue.pop(0)
        if verb == "d":
            return str(value) if isinstance(value, int) else f"%!d(string={value})"
        return value if isinstance(value, str) else f"%!s(int={value})"

    return _VERB.sub(substitute, message)
