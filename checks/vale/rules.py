"""trustdocs-vale: Vale's rule format, in Python, for the rule types our rules use.

A rule file (`styles/<Style>/<Rule>.yml`) is compiled into a Rule, and
`lint_blocks` runs rules over the blocks of prose of one file, reporting
Alerts as Vale would. Implemented: the types styles/TrustDocs uses -
existence, substitution, occurrence and conditional - each with only the keys
those rules use. Any other type, key or scope is a RuleError naming the rule
file: a style check that quietly skipped what it did not understand would
report "no problems" for text it never looked at.

Each type follows Vale's internal/check/<type>.go; the bookkeeping follows its
linter (lint/lint.go, core/file.go): blocks in document order, for each block
its sentences first and then the block itself, one alert per rule per
position, alerts sorted by line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .blocks import Block, SourceText, sentence_spans

# Vale's own ordering: a rule runs only if its level is at least MinAlertLevel.
LEVELS = {"suggestion": 0, "warning": 1, "error": 2}
# Vale's templates (internal/check/definition.go): tokens become a
# word-bounded, non-capturing group unless the rule says `nonword: true`.
WORD_TEMPLATE = r"\b(?:{})\b"
NONWORD_TEMPLATE = r"(?:{})"


class ValeError(Exception):
    """The style gate cannot run as configured (which is never a pass)."""


class RuleError(ValeError):
    """A rule file uses a type, key or value this engine does not implement."""


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
        """`line:col:Style.Rule:message`, as `vale --output=line` prints it after the path."""
        return f"{self.line}:{self.col}:{self.check}:{self.message}"

    @property
    def blocking(self) -> bool:
        """Warnings and errors fail the gate; suggestions are advice only."""
        return LEVELS[self.level] >= LEVELS["warning"]


class Hit(NamedTuple):
    """A match inside the text a rule was given."""

    start: int
    match: str
    message: str


class Rule:
    """One rule file, compiled. Subclasses name the keys they implement."""

    KEYS: frozenset[str] = frozenset()
    COMMON_KEYS = frozenset({"extends", "message", "level", "link", "scope"})
    MESSAGE_VALUES = 1  # how many values the type gives the message's `%s` verbs

    def __init__(self, name: str, options: dict[str, Any], path: str):
        self.name, self.options, self.path = name, options, path
        self.message = self._get("message", str, required=True)
        verbs = re.findall(r"%(.?)", self.message)
        if any(verb != "s" for verb in verbs) or len(verbs) > self.MESSAGE_VALUES:
            raise RuleError(
                f"{path}: message {self.message!r} may use '%s' at most {self.MESSAGE_VALUES} time(s) "
                "and no other verb in trustdocs-vale"
            )
        self.link = self._get("link", str, "")
        self.level = self._get("level", str, "warning")  # Vale's default (check/manager.go)
        if self.level not in LEVELS:
            raise RuleError(f"{path}: 'level' must be one of {sorted(LEVELS)}, got {self.level!r}")
        scope = self._get("scope", str, "text")  # Vale's default
        if scope not in ("text", "sentence"):
            raise RuleError(f"{path}: scope {scope!r} is not implemented by trustdocs-vale (only text, sentence)")
        # A text-scoped rule reads whole blocks, a sentence-scoped one each sentence.
        self.sentences = scope == "sentence"

    def run(self, text: str, defined: list[str]) -> list[Hit]:
        """Every hit in `text` (a block or a sentence); `defined` is per file, for conditional rules."""
        raise NotImplementedError

    def _get(self, key: str, kind: type, default: Any = None, *, required: bool = False) -> Any:
        """An option of the expected type; a missing required key or a wrong type is a RuleError."""
        if key not in self.options:
            if required:
                raise RuleError(f"{self.path}: missing the required {key!r} key")
            return default
        value = self.options[key]
        if kind is list:
            ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        elif kind is dict:
            ok = (
                isinstance(value, dict)
                and bool(value)
                and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
            )
        else:
            ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if not ok:
            wanted = {
                str: "a string",
                list: "a list of strings",
                dict: "a non-empty map of strings",
                bool: "true or false",
            }
            raise RuleError(f"{self.path}: {key!r} must be {wanted.get(kind, kind.__name__)}, got {value!r}")
        return value

    def _compile(self, pattern: str, ignorecase: bool = False) -> re.Pattern[str]:
        """Vale always adds `(?m)`. Its regexp2 syntax is compiled by Python's re,
        so a construct re lacks (`\\p{L}`, `(?<name>...)`) fails here, loudly."""
        try:
            return re.compile(pattern, re.MULTILINE | (re.IGNORECASE if ignorecase else 0))
        except re.error as err:
            raise RuleError(
                f"{self.path}: pattern {pattern!r} does not compile with Python's re ({err}); "
                "trustdocs-vale supports the part of Vale's regexp2 syntax that re shares"
            ) from err

    def _message(self, *values: str) -> str:
        """Vale's CondSprintf for `%s`: values fill the verbs in order, extra values are dropped."""
        remaining = iter(values)
        return re.sub("%s", lambda _: next(remaining), self.message)


class Existence(Rule):
    """`extends: existence` - report every match of a list of tokens (check/existence.go)."""

    KEYS = frozenset({"tokens", "ignorecase", "nonword"})

    def __init__(self, name, options, path):
        super().__init__(name, options, path)
        tokens = [t for t in self._get("tokens", list, required=True) if t.strip()]
        if not tokens:
            raise RuleError(f"{path}: an existence rule needs 'tokens'")
        template = NONWORD_TEMPLATE if self._get("nonword", bool, False) else WORD_TEMPLATE
        self.pattern = self._compile(template.format("|".join(tokens)), self._get("ignorecase", bool, False))

    def run(self, text, defined):
        return [Hit(m.start(), m.group(), self._message(m.group())) for m in self.pattern.finditer(text)]


_CAPTURE_OPEN = re.compile(r"(?<!\\)\((?!\?)")


class Substitution(Rule):
    """`extends: substitution` - suggest a replacement for each matched term (check/substitution.go).

    The `swap` keys, longest first, are each wrapped in one capturing group
    (their own groups made non-capturing, as Vale's convertCaptureGroups does)
    and joined into one alternation; the group that matched picks the
    replacement. `$1` in a replacement is expanded by re-matching the key
    against the observed text. Nothing is reported when the text already is
    the replacement. The message receives the replacement, then the observed text.
    """

    KEYS = frozenset({"swap", "ignorecase", "nonword", "capitalize"})
    MESSAGE_VALUES = 2

    def __init__(self, name, options, path):
        super().__init__(name, options, path)
        swap = self._get("swap", dict, required=True)
        ignorecase = self._get("ignorecase", bool, False)
        self.capitalize = self._get("capitalize", bool, False)
        # Vale sorts by length only; ties are broken by the key so runs are repeatable.
        self.keys = sorted(swap, key=lambda k: (-len(k), k))
        self.replacements = [swap[k] for k in self.keys]
        for value in self.replacements:
            # Vale treats any other replacement as a pattern the text may already match.
            if not _is_phrase(re.sub(r"\$\d+", "", value)):
                raise RuleError(
                    f"{path}: swap value {value!r} is not implemented by trustdocs-vale, which takes "
                    "plain replacements only (letters, digits, spaces, hyphens and $1-style groups)"
                )
        groups = "|".join("(" + _CAPTURE_OPEN.sub("(?:", key) + ")" for key in self.keys)
        template = NONWORD_TEMPLATE if self._get("nonword", bool, False) else WORD_TEMPLATE
        self.pattern = self._compile(template.format(groups), ignorecase)
        if self.pattern.groups != len(self.keys):
            raise RuleError(f"{path}: a swap key has a capturing group trustdocs-vale cannot neutralise")
        self.key_patterns = [self._compile(key, ignorecase) for key in self.keys]

    def run(self, text, defined):
        hits = []
        for match in self.pattern.finditer(text):
            index = match.lastindex
            observed = match.group(index)
            expected = self.replacements[index - 1]
            if self.capitalize and observed == _cap_first(observed):
                expected = _cap_first(expected)
            if "$" in expected:
                expected = self.key_patterns[index - 1].sub(re.sub(r"\$(\d+)", r"\\g<\1>", expected), observed)
            if expected != observed:
                hits.append(Hit(match.start(index), observed, self._message(expected, observed)))
        return hits


def _cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _is_phrase(text: str) -> bool:
    """Vale's core.IsPhrase: letters, digits, spaces and hyphens only."""
    return all(c.isalpha() or c.isdigit() or c in " -" for c in text)


class Occurrence(Rule):
    """`extends: occurrence` - too many matches of a token in one scope (check/occurrence.go).

    With `scope: sentence` this is a sentence-length rule. Above `max`, Vale
    reports once, at the first match that is not code (masked with `*`).
    """

    KEYS = frozenset({"token", "max"})
    MESSAGE_VALUES = 0

    def __init__(self, name, options, path):
        super().__init__(name, options, path)
        self.max = self._get("max", int, required=True)
        if self.max <= 0:
            raise RuleError(f"{path}: an occurrence rule needs 'max' above zero")
        self.pattern = self._compile(f"(?:{self._get('token', str, required=True)})")

    def run(self, text, defined):
        matches = list(self.pattern.finditer(text))
        if len(matches) <= self.max:
            return []
        for match in matches:
            if match.group().strip() and not all(c in "*@" for c in match.group()):  # Vale's core.IsCode
                return [Hit(match.start(), match.group(), self.message)]
        return []


class Conditional(Rule):
    """`extends: conditional` - if `first` appears, `second` must have defined it (check/conditional.go).

    In each block, every capture of `second` (the `CYPP` in "Plan (CYPP)") is
    added to the file's definitions; then every match of `first` that is not
    yet defined and not an exception is reported. So a definition counts from
    its own block onwards.
    """

    KEYS = frozenset({"first", "second", "exceptions"})

    def __init__(self, name, options, path):
        super().__init__(name, options, path)
        self.first = self._compile(self._get("first", str, required=True))
        self.second = self._compile(self._get("second", str, required=True))
        if not self.second.groups:
            raise RuleError(f"{path}: 'second' without a capture group is not implemented by trustdocs-vale")
        exceptions = self._get("exceptions", list, [])
        if any(re.search(r"\s|\\s", term) for term in exceptions):
            raise RuleError(f"{path}: multi-word exceptions are not implemented by trustdocs-vale")
        # Vale's exception matcher: whole words, longest first, case-sensitive.
        ordered = sorted(exceptions, key=len, reverse=True)
        self.exceptions = self._compile(WORD_TEMPLATE.format("|".join(ordered))) if exceptions else None

    def run(self, text, defined):
        for match in self.second.finditer(text):
            defined.extend(group for group in match.groups() if group)
        return [
            Hit(m.start(), m.group(), self._message(m.group()))
            for m in self.first.finditer(text)
            if m.group() not in defined and not (self.exceptions and self.exceptions.search(m.group()))
        ]


TYPES: dict[str, type[Rule]] = {
    "conditional": Conditional,
    "existence": Existence,
    "occurrence": Occurrence,
    "substitution": Substitution,
}


def build_rule(data: Any, name: str, where: str) -> Rule:
    """Compile a rule from its parsed YAML; `name` is its Style.Rule name, `where` its file."""
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule file must be a YAML mapping")
    options: dict[str, Any] = {}
    for key, value in data.items():
        folded = str(key).lower()  # Vale (mapstructure) matches keys case-insensitively
        if folded in options:
            raise RuleError(f"{where}: key {key!r} is given twice")
        options[folded] = value
    if "extends" not in options:
        raise RuleError(f"{where}: missing the required 'extends' key")
    extends = options["extends"]
    rule_type = TYPES.get(extends) if isinstance(extends, str) else None
    if rule_type is None:
        raise RuleError(
            f"{where}: 'extends: {extends}' is not implemented by trustdocs-vale (it implements: {', '.join(TYPES)})"
        )
    unknown = sorted(set(options) - Rule.COMMON_KEYS - rule_type.KEYS)
    if unknown:
        raise RuleError(
            f"{where}: {'key' if len(unknown) == 1 else 'keys'} {', '.join(map(repr, unknown))} "
            f"{'is' if len(unknown) == 1 else 'are'} not implemented by trustdocs-vale for "
            f"'{extends}' rules (it implements: {', '.join(sorted(Rule.COMMON_KEYS | rule_type.KEYS))})"
        )
    return rule_type(name, options, where)


def load_style(style_dir: Path, style: str) -> dict[str, Rule]:
    """Every rule of a style directory, keyed by Style.Rule.

    Vale loads only `*.yml` files; a `.yaml` file would be silently ignored by
    Vale, so it is refused here rather than left to look as if it were active.
    """
    strays = sorted(p.name for p in style_dir.glob("*.yaml"))
    if strays:
        raise RuleError(f"{style_dir}: Vale only loads .yml rule files; rename {', '.join(strays)}")
    rules = {}
    for path in sorted(style_dir.glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as err:
            raise RuleError(f"{path}: not valid YAML: {err}") from err
        rules[f"{style}.{path.stem}"] = build_rule(data, f"{style}.{path.stem}", str(path))
    if not rules:
        raise RuleError(f"{style_dir}: style {style!r} has no rules")
    return rules


def lint_blocks(blocks: list[Block], source: SourceText, path: str, rules: list[Rule]) -> list[Alert]:
    """Alerts for one file whose prose is `blocks` and whose text is `source`."""
    want_sentences = any(rule.sentences for rule in rules)
    defined: list[str] = []  # Vale's File.Sequences: what conditional rules have seen defined
    seen: set[tuple[int, int, str]] = set()
    alerts = []
    for block in blocks:
        spans = sentence_spans(block.text) if want_sentences else []
        units = [(start, block.text[start:end], True) for start, end in spans] + [(0, block.text, False)]
        for start, text, is_sentence in units:
            for rule in rules:
                if rule.sentences != is_sentence:
                    continue
                for hit in rule.run(text, defined):
                    line, col = source.line_col(block.source_offset(start + hit.start))
                    if (line, col, rule.name) in seen:
                        continue  # Vale's File.AddAlert history: no double reports
                    seen.add((line, col, rule.name))
                    end_col = col + max(len(hit.match), 1) - 1
                    alerts.append(
                        Alert(path, line, col, rule.name, hit.message, rule.level, hit.match, end_col, rule.link, text)
                    )
    return sorted(alerts, key=lambda a: (a.line, a.col, a.check))
