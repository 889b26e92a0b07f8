"""`extends: existence` - report every match of a list of tokens.

Mirrors internal/check/existence.go: tokens are joined into one word-bounded,
non-capturing group (`\\b(?:a|b)\\b`) unless `nonword: true`; `raw` entries
are concatenated and placed before the tokens (after them with `append: true`);
a match is dropped if an exception matches its trimmed text.
"""

from __future__ import annotations

from ..errors import RuleError
from ..regex_dialect import NONWORD_TEMPLATE, WORD_TEMPLATE, compile_pattern, exceptions_pattern, translate
from .base import FileState, Hit, Rule, format_message


class Existence(Rule):
    TYPE = "existence"
    KEYS = frozenset({"append", "ignorecase", "nonword", "raw", "tokens", "exceptions", "vocab"})

    def __init__(self, name, options, path):
        super().__init__(name, options, path)
        tokens = [t for t in self._strings("tokens") if t.strip()]
        raw = "".join(translate(r, path) for r in self._strings("raw"))
        nonword = self._bool("nonword", False)
        self._bool("vocab", True)  # accepted; this project defines no vocabularies
        if not tokens and not raw:
            raise RuleError(f"{path}: an existence rule needs 'tokens' or 'raw'")
        body = "|".join(translate(t, path) for t in tokens)
        template = WORD_TEMPLATE if (tokens and not nonword) else NONWORD_TEMPLATE
        words = template.format(body) if tokens else ""
        pattern = words + raw if self._bool("append", False) else raw + words
        self.pattern = compile_pattern(pattern, path, ignorecase=self._bool("ignorecase", False))
        self.exceptions = exceptions_pattern(self._strings("exceptions"), path)

    def run(self, text: str, state: FileState) -> list[Hit]:
        hits = []
        for match in self.pattern.finditer(text):
            observed = match.group().strip()
            if self.exceptions and self.exceptions.search(observed):
                continue
            hits.append(Hit(match.start(), match.end(), match.group(), format_message(self.message, match.group())))
        return hits
