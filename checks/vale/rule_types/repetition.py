"""`extends: repetition` - the same token twice in a row ("the the").

Mirrors internal/check/repetition.go: walk the matches of `(tokens)`; when a
match equals the previous one (case-insensitively with `ignorecase`, letters
only with `alpha`) and the count of repeats exceeds `max`, report the span
from the previous match to this one - unless that span crosses a sentence
boundary ("about that. That is") or an exception matches it.
"""

from __future__ import annotations

from ..errors import RuleError
from ..regex_dialect import compile_pattern, exceptions_pattern, phrase_pattern, translate
from ..sentences import sentence_spans
from .base import FileState, Hit, Rule, format_message


class Repetition(Rule):
    TYPE = "repetition"
    KEYS = frozenset({"tokens", "max", "ignorecase", "alpha", "exceptions", "vocab"})

    def __init__(self, name, options, path):
        super().__init__(name, options, path)
        tokens = self._strings("tokens")
        if not tokens:
            raise RuleError(f"{path}: a repetition rule needs 'tokens'")
        self.max = self._int("max", 0)
        self.ignorecase = self._bool("ignorecase", False)
        self.alpha = self._bool("alpha", False)
        self._bool("vocab", True)  # accepted; this project defines no vocabularies
        body = "(" + "|".join(translate(t, path) for t in tokens) + ")"
        self.pattern = compile_pattern(body, path, ignorecase=self.ignorecase)
        terms = self._strings("exceptions")
        self.exceptions = exceptions_pattern(terms, path)
        self.phrases = phrase_pattern(terms, path)

    def run(self, text: str, state: FileState) -> list[Hit]:
        hits = []
        previous, previous_start, count = "", 0, 0
        for match in self.pattern.finditer(text):
            current = match.group().strip()
            if self.ignorecase:
                hit = current != "" and current.casefold() == previous.casefold()
            else:
                hit = current != "" and current == previous
            hit = hit and (not self.alpha or current.isalpha())
            if hit:
                count += 1
            if hit and count > self.max:
                span = text[previous_start:match.end()]
                if len(sentence_spans(span)) == 1 and not self._excepted(text, span, previous_start, match.end()):
                    hits.append(Hit(previous_start, match.end(), span, format_message(self.message, current)))
                    count = 0
            previous, previous_start = current, match.start()
        return hits

    def _excepted(self, text: str, span: str, start: int, end: int) -> bool:
        if self.exceptions and self.exceptions.search(span):
            return True
        if self.phrases:
            return any(s <= start and end <= e for s, e in (m.span() for m in self.phrases.finditer(text)))
        return False
