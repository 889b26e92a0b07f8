"""Which blocks of a document a rule applies to: Vale's `scope` selectors.

A block carries a dotted scope such as `text.html`, `text.heading.h2.html`,
`text.list.md` or `sentence.text.html`. A rule's scope is a list of
alternatives; each alternative is one or more parts joined by `&`, and a part
may be negated with `~`. A part matches when all its dotted sections appear
in the block's scope. This follows internal/check/scope.go, including its rule
that a sentence-sized block is only seen by rules that ask for `sentence`
(otherwise a text-scoped rule would report the same hit twice).
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import RuleError

# The sections our block extractors produce. A rule naming anything else would
# match nothing at all, which is exactly the silent pass this gate must avoid.
KNOWN_SECTIONS = frozenset(
    {
        "text", "paragraph", "sentence", "heading", "h1", "h2", "h3", "h4", "h5", "h6",
        "list", "table", "cell", "header", "caption", "blockquote", "figure",
        "md", "html", "txt",
    }
)
UNIMPLEMENTED_SECTIONS = {
    "raw": "the raw markup",
    "summary": "the whole-document summary",
    "code": "source code",
    "comment": "source code comments",
    "alt": "image alt text",
    "attr": "attributes",
}


@dataclass(frozen=True)
class _Part:
    sections: frozenset[str]
    negated: bool


class Scope:
    """A rule's parsed `scope` value."""

    def __init__(self, value: str | list[str] | None, where: str):
        if value is None:
            value = ["text"]  # Vale's default (check/manager.go)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RuleError(f"{where}: 'scope' must be a string or a list of strings, got {value!r}")
        self.alternatives: list[list[_Part]] = []
        for alternative in value:
            parts = []
            for raw in alternative.split("&"):
                raw = raw.strip()
                negated = raw.startswith("~")
                sections = frozenset(s.strip() for s in raw.lstrip("~").split("."))
                for section in sections:
                    if " " in section:  # Vale's checkScopes refuses these too
                        raise RuleError(f"{where}: scope {raw!r} contains spaces")
                    if section in UNIMPLEMENTED_SECTIONS:
                        raise RuleError(
                            f"{where}: scope {section!r} ({UNIMPLEMENTED_SECTIONS[section]}) "
                            "is not implemented by trustdocs-vale"
                        )
                    if section not in KNOWN_SECTIONS:
                        raise RuleError(
                            f"{where}: unknown scope section {section!r}; "
                            f"known: {', '.join(sorted(KNOWN_SECTIONS))}"
                        )
                parts.append(_Part(sections, negated))
            self.alternatives.append(parts)

    @property
    def wants_sentences(self) -> bool:
        return any(_asks_for_sentence(parts) for parts in self.alternatives)

    def matches(self, block_scope: str) -> bool:
        sections = frozenset(block_scope.split("."))
        fragment = "sentence" in sections
        for parts in self.alternatives:
            if fragment and not _asks_for_sentence(parts):
                continue
            if all(_part_matches(part, sections) for part in parts):
                return True
        return False


def _asks_for_sentence(parts: list[_Part]) -> bool:
    return any(not p.negated and "sentence" in p.sections for p in parts)


def _part_matches(part: _Part, sections: frozenset[str]) -> bool:
    contained = part.sections <= sections
    return not contained if part.negated else contained
