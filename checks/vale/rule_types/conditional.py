"""`extends: conditional` - if `first` appears, `second` must have defined it.

Mirrors internal/check/conditional.go, as used for abbreviations: in each
block, every capture of `second` (say, the `CYPP` in "Plan (CYPP)") is added
to the file's list of definitions; then every match of `first` not in that
list, not an exception and not inside an excepted phrase is reported. So a
definition counts from its own block onwards. If `second` has no capture
group the rule is a presence test: `first` is fine wherever `second` occurs
somewhere in the same block.
"""

from __future__ import annotations

from ..errors import RuleError
from ..regex_dialect import compile_pattern, exceptions_pattern, has_capture_group, phrase_pattern, translate
from .base import FileState, Hit, Rule, format_message


class Conditional(Rule):
    TYPE = "conditional"
    KEYS = frozenset({"first", "second", "ignorecase", "exceptions", "vocab"})

    def __init__(self, name, options, path):
        super().__init__(name, options, path)
        first = self._string("first", required=True)
        second = self._string("second", required=True)
        if self._bool("ignorecase", False):
            # Vale reads this key but never applies it to a conditional rule's
            # patterns; honouring it here would make the two engines disagree.
            raise RuleError(f"{path}: 'ignorecase: true' has no effect on conditional rules in Vale; remove it")
        self._bool("vocab", True)  # accepted; this project defines no vocabularies
        self.first = compile_pattern(translate(first, path), path)
        self.second = compile_pattern(translate(second, path), path)
        self.second_has_group = has_capture_group(second)
        terms = self._strings("exceptions")
        self.exceptions = exceptions_pattern(terms, path)
        self.phrases = phrase_pattern(terms, path)

    def run(self, text: str, state: FileState) -> list[Hit]:
        if not self.second_has_group:
            if self.second.search(text):
                return []
            return self._unexcepted(text, known=())
        for match in self.second.finditer(text):
            state.sequences.extend(group for group in match.groups() if group)
        return self._unexcepted(text, known=state.sequences)

    def _unexcepted(self, text: str, known) -> list[Hit]:
        phrase_spans = [m.span() for m in self.phrases.finditer(text)] if self.phrases else []
        hits = []
        for match in self.first.finditer(text):
            observed = match.group()
            if observed in known:
                continue
            if self.exceptions and self.exceptions.search(observed):
                continue
            if any(s <= match.start() and match.end() <= e for s, e in phrase_spans):
                continue
            hits.append(Hit(match.start(), match.end(), observed, format_message(self.message, observed)))
        return hits
