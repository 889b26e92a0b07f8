"""Compile Vale rule patterns with Python's `re`.

Vale compiles patterns with regexp2, a port of .NET regular expressions, and
builds them from templates that put inline flags such as `(?i)` and `(?-i)`
where Python 3.11 refuses them. This module rebuilds those templates in a form
`re` accepts with the same meaning, translates the .NET spellings that differ
(named groups, `$1` in replacements), and refuses constructs `re` lacks instead
of letting a pattern silently mean something else.
"""

from __future__ import annotations

import re

from .errors import RuleError

# Vale's templates (internal/check/definition.go): tokens become a
# word-bounded, non-capturing group unless the rule says `nonword: true`.
WORD_TEMPLATE = r"\b(?:{})\b"
NONWORD_TEMPLATE = r"(?:{})"

_NET_NAMED_GROUP = re.compile(r"\(\?<(?![=!])([A-Za-z_]\w*)>")
_NET_BACKREF = re.compile(r"\\k<([A-Za-z_]\w*)>")
_UNSUPPORTED = [
    (re.compile(r"\\[pP]\{"), r"Unicode classes (\p{...})"),
    (re.compile(r"\(\?>"), "atomic groups (?>...)"),
    (re.compile(r"(?<!\\)[*+?}]\+"), "possessive quantifiers"),
]


def translate(pattern: str, where: str) -> str:
    """A Vale (regexp2) pattern rewritten in Python `re` syntax, or a RuleError."""
    if not isinstance(pattern, str):
        raise RuleError(f"{where}: expected a pattern string, got {pattern!r}")
    for finder, what in _UNSUPPORTED:
        if finder.search(pattern):
            raise RuleError(f"{where}: pattern {pattern!r} uses {what}, which Python's re lacks")
    pattern = _NET_NAMED_GROUP.sub(r"(?P<\1>", pattern)
    return _NET_BACKREF.sub(r"(?P=\1)", pattern)


def compile_pattern(pattern: str, where: str, *, ignorecase: bool = False) -> re.Pattern[str]:
    """Compile an already-translated pattern; Vale always adds `(?m)`."""
    flags = re.MULTILINE | (re.IGNORECASE if ignorecase else 0)
    try:
        return re.compile(pattern, flags)
    except re.error as err:
        raise RuleError(
            f"{where}: pattern {pattern!r} does not compile with Python's re ({err}); "
            "trustdocs-vale supports the subset of Vale's regexp2 syntax that re shares"
        ) from err


def exceptions_pattern(terms: list[str], where: str) -> re.Pattern[str] | None:
    """Vale's exception matcher: `\\b(?:(?-i)term|...)\\b`, longest term first.

    Each term is case-sensitive unless it starts with `(?i)`; Vale achieves
    that with a `(?-i)` prefix per term, which Python only accepts as a scoped
    group, so each term is wrapped in `(?-i:...)` or `(?i:...)` instead.
    """
    if not terms:
        return None
    ordered = sorted(terms, key=len, reverse=True)  # Vale sorts for greedy alternation
    scoped = []
    for term in ordered:
        if term.startswith("(?i)"):
            scoped.append("(?i:" + translate(term[4:], where) + ")")
        else:
            scoped.append("(?-i:" + translate(term, where) + ")")
    return compile_pattern(WORD_TEMPLATE.format("|".join(scoped)), where)


def phrase_pattern(terms: list[str], where: str) -> re.Pattern[str] | None:
    """Vale's `buildPhraseRe`: the multi-word exceptions, matched case-insensitively.

    It lets a rule ignore a hit that falls inside an accepted phrase even when
    the rule matched only one word of it.
    """
    phrases = [t for t in terms if " " in t or "\t" in t or r"\s" in t]
    if not phrases:
        return None
    body = "|".join(translate(p, where) for p in phrases)
    try:
        return re.compile(WORD_TEMPLATE.format(body), re.MULTILINE | re.IGNORECASE)
    except re.error:
        return None  # Vale drops an uncompilable phrase list; exceptions_pattern reports it


_CAPTURE_OPEN = re.compile(r"(?<!\\)\((?!\?)")


def has_capture_group(pattern: str) -> bool:
    """Vale's test: an unescaped `(` that does not start `(?...)`."""
    opens = pattern.count("(")
    return opens != pattern.count("(?") + pattern.count(r"\(")


def without_capture_groups(pattern: str) -> str:
    """Vale's `convertCaptureGroups`: every capturing group becomes `(?:...)`."""
    return _CAPTURE_OPEN.sub("(?:", pattern)


_DOLLAR_REF = re.compile(r"\$(?:\{(\d+)\}|(\d+)|(\$))")


def replacement_template(value: str) -> str:
    r"""A .NET replacement string (`$1`, `${1}`, `$$`) as a Python `re.sub` template."""
    escaped = value.replace("\\", "\\\\")

    def convert(match: re.Match[str]) -> str:
        if match.group(3):
            return "$"
        return r"\g<" + (match.group(1) or match.group(2)) + ">"

    return _DOLLAR_REF.sub(convert, escaped)


def mentions_group_reference(value: str) -> bool:
    """Vale only runs the replacement step when the value contains `$<digits>`.

    (So `${1}` alone is printed literally by Vale; rules should write `$1`.)
    """
    return re.search(r"\$\d+", value) is not None
