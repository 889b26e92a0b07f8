"""`extends: substitution` - suggest a replacement for each matched term.

Mirrors internal/check/substitution.go: the `swap` keys, longest first, are
each wrapped in one capturing group (their own groups made non-capturing) and
joined into a word-bounded alternation; the group that matched picks the
replacement. A replacement containing `$1` is expanded by re-matching that
key against the observed text. Nothing is reported when the text already
equals the replacement (or matches it, if the replacement is a pattern). The
message receives the replacement, then the observed text.
"""

from __future__ import annotations

import re

from ..errors import RuleError
from ..regex_dialect import (
    NONWORD_TEMPLATE,
    WORD_TEMPLATE,
    compile_pattern,
    exceptions_pattern,
    has_capture_group,
    mentions_group_reference,
    replacement_template,
    translate,
    without_capture_groups,
)
from .base import FileState, Hit, Rule, format_message


class Substitution(Rule):
    TYPE = "substitution"
    KEYS = frozenset({"swap", "ignorecase", "nonword", "exceptions", "vocab", "capitalize"})

    def __init__(self, name, options, path):
        super().__init__(name, options, path)
        swap = options.get("swap")
        if not isinstance(swap, dict) or not swap:
            raise RuleError(f"{path}: 'swap' must be a non-empty map of pattern: replacement")
        for key, value in swap.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise RuleError(f"{path}: swap entries must be strings, got {key!r}: {value!r}")
        self.ignorecase = self._bool("ignorecase", False)
        self.capitalize = self._bool("capitalize", False)
        self._bool("vocab", True)  # accepted; this project defines no vocabularies
        # Vale sorts by length only; ties are broken by the key so runs are repeatable.
        self.keys = sorted(swap, key=lambda k: (-len(k), k))
        self.replacements = [swap[k] for k in self.keys]
        groups = []
        for key in self.keys:
            body = translate(key, path)
            if has_capture_group(key):
                body = without_capture_groups(body)
            groups.append(f"({body})")
        template = NONWORD_TEMPLATE if self._bool("nonword", False) else WORD_TEMPLATE
        self.pattern = compile_pattern(template.format("|".join(groups)), path, ignorecase=self.ignorecase)
        self.key_patterns = [compile_pattern(translate(k, path), path, ignorecase=self.ignorecase) for k in self.keys]
        self.exceptions = exceptions_pattern(self._strings("exceptions"), path)

    def run(self, text: str, state: FileState) -> list[Hit]:
        hits = []
        for match in self.pattern.finditer(text):
            index = next(i for i in range(len(self.keys)) if match.group(i + 1) is not None)
            start, end = match.span(index + 1)
            observed = text[start:end]
            expected = self._expected(index, observed)
            if _already_right(expected, observed):
                continue
            if self.exceptions and self.exceptions.search(observed):
                continue
            hits.append(Hit(start, end, observed, format_message(self.message, expected, observed)))
        return hits

    def _expected(self, index: int, observed: str) -> str:
        expected = self.replacements[index]
        if self.capitalize and observed == _cap_first(observed):
            expected = _cap_first(expected)
        if not mentions_group_reference(expected):
            return expected
        return self.key_patterns[index].sub(replacement_template(expected), observed)


def _cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _is_phrase(text: str) -> bool:
    """Vale's core.IsPhrase: letters, digits, spaces and hyphens only."""
    return all(c.isalpha() or c.isdigit() or c in " -" for c in text)


def _already_right(expected: str, observed: str) -> bool:
    """Vale's matchToken: a phrase must be equal; anything else is a pattern."""
    if _is_phrase(expected):
        return expected == observed
    try:
        return re.fullmatch(f"(?:{translate(expected, 'swap value')})", observed) is not None
    except (re.error, RuleError):
        return expected == observed
