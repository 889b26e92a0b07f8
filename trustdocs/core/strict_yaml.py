"""A deliberately small subset of YAML, read safely, with the position of every value.

Editors write our data by hand, so surprises must be errors, not guesses:

* every scalar is read as the exact text the editor wrote: ``NO``, ``01234``,
  ``12:30``, ``3.10`` and ``2008-07-01`` all stay strings, and the JSON Schema
  decides what form each field takes (YAML 1.1 would have read them as
  ``False``, ``668``, ``750``, ``3.1`` and a date);
* anchors, aliases, tags, duplicate keys, several documents in one file,
  non-UTF-8 bytes, byte-order marks, control and invisible characters, deep
  nesting and files over 1 MB are rejected with the line and column.

It yields a :class:`Document`: plain dicts, lists and strings, plus a map from
each value's path to where it starts in the file.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from trustdocs.core.problems import Problem, json_path

MAX_BYTES = 1_000_000  # 1 MB: far above any real data file, far below a memory problem
MAX_DEPTH = 12  # our deepest schema nests 5 levels; more is a mistake or an attack
BOM = b"\xef\xbb\xbf"

# Characters that have no place in hand-written guidance data. Bidirectional
# overrides and zero-width characters can make text read differently from what
# it is (CVE-2021-42574, "Trojan Source"); the rest are invisible or invalid.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\ufeff")
# The 66 Unicode noncharacters: U+FDD0 to U+FDEF, and the last two code points of every plane.
_NONCHARACTERS = {chr(c) for c in range(0xFDD0, 0xFDF0)} | {
    chr(p + c) for p in range(0, 0x110000, 0x10000) for c in (0xFFFE, 0xFFFF)
}

Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """One YAML file: its data, and where each value and key starts (1-based line, column)."""

    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    digest: str = ""  # of the file's bytes: the same bytes give the same problems

    def where(self, path: Path_) -> tuple[int, int]:
        """The position of a path, or of its nearest ancestor that exists."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def problem(self, path: Path_, message: str, *, at_key: bool = False) -> Problem:
        line, col = (self.key_positions.get(path) if at_key else None) or self.where(path)
        return Problem(self.file, line, col, json_path(path), message)


class _Stop(Exception):
    """Raised when a file cannot be read any further."""

    def __init__(self, mark: Any, message: str) -> None:  # a PyYAML or libyaml mark
        self.mark = mark
        self.message = message


def _describe_char(char: str) -> str:
    """Only for the named sets above: every bidirectional control and zero-width character has a name."""
    return f"U+{ord(char):04X} {unicodedata.name(char)}"


def _bad_character(char: str) -> str | None:
    if char in _BIDI_CONTROLS:
        return f"bidirectional control character {_describe_char(char)} is not allowed: it can make text display differently from what it is"
    if char in _ZERO_WIDTH:
        return f"invisible character {_describe_char(char)} is not allowed"
    if char in _NONCHARACTERS:
        return f"U+{ord(char):04X} is not a character (a Unicode noncharacter)"
    if "\ud800" <= char <= "\udfff":
        return f"lone surrogate U+{ord(char):04X} is not allowed"
    if unicodedata.category(char) == "Cc" and char not in "\n\t\r":
        return f"control character U+{ord(char):04X} is not allowed"
    return None


# Every character _bad_character may refuse: C0 controls but tab and newlines, DEL and
# C1 controls, surrogates, and the sets above. A regular expression finds them
# without a Python loop over every character of the file.
_SUSPECT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
    + "".join(sorted(_BIDI_CONTROLS | _ZERO_WIDTH | _NONCHARACTERS))
    + "]"
)


def _check_characters(file: str, text: str) -> list[Problem]:
    problems = []
    for match in _SUSPECT.finditer(text):
        message = _bad_character(match.group())
        if message:
            line_start = text.rfind("\n", 0, match.start()) + 1
            line = text.count("\n", 0, match.start()) + 1
            problems.append(Problem(file, line, match.start() - line_start + 1, "$", message))
    return problems


@dataclass(frozen=True)
class _Scalar:
    value: str
    start: tuple[int, int]  # 1-based line and column
    style: str | None  # None when plain; else ' or " (quoted), | or > (block)


@dataclass(frozen=True)
class _Sequence:
    items: list[_Node]
    start: tuple[int, int]


@dataclass(frozen=True)
class _Mapping:
    pairs: list[tuple[_Node, _Node]]
    start: tuple[int, int]


# Only what the reader uses: PyYAML's nodes carry tags and end marks we never read.
_Node = _Scalar | _Sequence | _Mapping


def _escaped_characters(file: str, node: _Scalar, path: Path_) -> list[Problem]:
    """Characters that reached a value through a double-quoted escape ("\\u202e", "\\ud800", "\\x07").

    The raw text was already checked character by character; an escape
    sequence is plain ASCII there, so its result is checked here, once per value.
    """
    if node.style != '"':
        return []
    line, col = node.start
    messages = dict.fromkeys(m for m in map(_bad_character, node.value) if m)
    return [Problem(file, line, col, json_path(path), f"escaped {m}") for m in messages]


def _decode(file: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(
                file, 1, 1, "$", f"file is {len(raw):,} bytes; the limit is 1 MB ({MAX_BYTES:,} bytes): split it up"
            )
        ]
    if raw.startswith(BOM):
        return None, [
            Problem(file, 1, 1, "$", "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        # Report by line and column, which an editor can find, not by byte offset.
        line_start = raw.rfind(b"\n", 0, err.start) + 1
        line = raw.count(b"\n", 0, err.start) + 1
        col = len(raw[line_start : err.start].decode("utf-8", errors="replace")) + 1
        bad = raw[err.start : err.end].hex(" ")
        return None, [Problem(file, line, col, "$", f"not valid UTF-8 (bytes {bad}); save the file as UTF-8")]
    problems = _check_characters(file, text)
    # Blank lines and comments only. The parser would find no document in most
    # such files, but it refuses a tab where a line holds nothing else.
    if all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        problems.append(Problem(file, 1, 1, "$", "file is empty"))
    return (None if problems else text), problems


# libyaml's parser (C) when PyYAML was built with it: about 15 times faster than
# PyYAML's own, which is the fallback. Nodes are composed here, from events, so
# anchors, aliases, tags and depth are refused whichever parser ran.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Composer:
    """Builds PyYAML nodes from parser events, refusing anchors, aliases, tags and deep nesting as it goes."""

    def __init__(self, events: Iterator[yaml.Event]) -> None:
        self.events = events
        self.strict_problems: list[tuple[Any, str]] = []  # (yaml mark, message)
        self.depth = 0

    def document(self) -> tuple[_Node | None, Any]:
        """The first document's root node, and the start of a second document if there is one."""
        node = None
        for event in self.events:
            if isinstance(event, yaml.DocumentStartEvent):
                if node is not None:
                    return node, event.start_mark
                node = self.node(next(self.events))  # type: ignore[arg-type]  # a document holds a node
        return node, None

    def node(self, event: yaml.NodeEvent) -> _Node:
        start = _mark(event.start_mark)  # type: ignore[arg-type]  # a parser's events always have one
        if isinstance(event, yaml.AliasEvent):
            self.strict_problems.append(
                (event.start_mark, f"alias *{event.anchor} is not allowed: write the value out in full")
            )
            return _Scalar("", start, None)  # never the anchored value: no alias is expanded
        if event.anchor is not None:
            self.strict_problems.append(
                (event.start_mark, f"anchor &{event.anchor} is not allowed: write each value out in full")
            )
        tag = event.tag  # type: ignore[attr-defined]  # every node event but an alias has one
        if tag is not None:
            self.strict_problems.append(
                (event.start_mark, f"tag {tag} is not allowed: remove it; the schema decides each field's type")
            )
        if isinstance(event, yaml.ScalarEvent):
            return _Scalar(event.value, start, event.style or None)  # libyaml says "" for plain, PyYAML None
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Stop(event.start_mark, f"nesting is deeper than {MAX_DEPTH} levels")
        # The parser ends every collection it starts, or raises a syntax error first.
        try:
            if isinstance(event, yaml.SequenceStartEvent):
                items: list[_Node] = []
                while not isinstance(item := next(self.events), yaml.SequenceEndEvent):
                    items.append(self.node(item))  # type: ignore[arg-type]  # within a sequence: a node
                return _Sequence(items, start)
            pairs: list[tuple[_Node, _Node]] = []  # a MappingStartEvent: the last kind of node
            while not isinstance(key := next(self.events), yaml.MappingEndEvent):
                pairs.append((self.node(key), self.node(next(self.events))))  # type: ignore[arg-type]
            return _Mapping(pairs, start)
        finally:
            self.depth -= 1


def _mark(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _yaml11_value(node: _Scalar) -> Any:
    """What a YAML 1.1 reader (PyYAML, most tools) would make of a plain key."""
    if node.style is not None:  # quoted or a block: a string to everyone
        return node.value
    return _plain_yaml11_value(node.value)


@functools.lru_cache(maxsize=4096)
def _plain_yaml11_value(text: str) -> Any:
    tag = yaml.SafeLoader.resolve(yaml.SafeLoader, yaml.ScalarNode, text, (True, False))  # type: ignore[arg-type]
    try:
        value = yaml.SafeLoader("").construct_object(yaml.ScalarNode(tag, text))
    except (yaml.YAMLError, ValueError):
        return text
    try:
        hash(value)
    except TypeError:
        return text
    return value


def _to_python(doc: Document, node: _Node, path: Path_, problems: list[Problem]) -> Any:
    doc.positions[path] = node.start
    if isinstance(node, _Scalar):
        problems += _escaped_characters(doc.file, node, path)
        return node.value  # the exact text: no implicit typing
    if isinstance(node, _Sequence):
        return [_to_python(doc, item, path + (i,), problems) for i, item in enumerate(node.items)]
    result: dict[str, Any] = {}
    as_yaml11: dict[Any, str] = {}  # so `1:` beside `true:` is caught: both read as 1 elsewhere
    for key_node, value_node in node.pairs:
        if not isinstance(key_node, _Scalar):
            line, col = key_node.start
            problems.append(
                Problem(doc.file, line, col, json_path(path), "a key must be plain text, not a list or mapping")
            )
            continue
        key = key_node.value
        child = path + (key,)
        problems += _escaped_characters(doc.file, key_node, child)
        if key in result:
            first_line = doc.key_positions[child][0]
            line, col = key_node.start
            problems.append(
                Problem(
                    doc.file, line, col, json_path(child), f"duplicate key '{key}' (first given on line {first_line})"
                )
            )
            continue
        other = as_yaml11.get(_yaml11_value(key_node))
        if other is not None:
            line, col = key_node.start
            other_line = doc.key_positions[path + (other,)][0]
            problems.append(
                Problem(
                    doc.file,
                    line,
                    col,
                    json_path(child),
                    f"key '{key}' is the same key as '{other}' (line {other_line}) to YAML 1.1 readers; rename one",
                )
            )
            continue
        as_yaml11[_yaml11_value(key_node)] = key
        doc.key_positions[child] = key_node.start
        result[key] = _to_python(doc, value_node, child, problems)
    return result


def parse_yaml(file: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Parse one file's bytes. Returns the document (None if unusable) and every problem found."""
    text, problems = _decode(file, raw)
    if text is None:
        return None, problems
    try:
        try:
            composer = _Composer(yaml.parse(text, Loader=_FAST_LOADER))
            node, second = composer.document()
        except (yaml.YAMLError, UnicodeError):
            # Read again by PyYAML's own parser: it words syntax errors more
            # clearly, and reads escapes such as "\udc00" that the loader then
            # reports as characters, where libyaml stops.
            composer = _Composer(yaml.parse(text, Loader=yaml.SafeLoader))
            node, second = composer.document()
        if second is not None:
            line, col = _mark(second)
            problems.append(
                Problem(file, line, col, "$", "several documents in one file ('---'): use one file per entity type")
            )
    except _Stop as stop:
        line, col = _mark(stop.mark)
        return None, [Problem(file, line, col, "$", stop.message)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = _mark(mark) if mark else (1, 1)
        detail = " ".join(str(part) for part in (err.context, err.problem) if part)
        return None, [Problem(file, line, col, "$", f"YAML syntax error: {detail}")]
    # _decode refused files of blank lines and comments, and every other file without a document is a syntax error.
    assert node is not None
    doc = Document(file, None, digest=hashlib.sha256(raw).hexdigest())
    doc.data = _to_python(doc, node, (), problems)
    # A mark is where a value or a key starts; where both start (a mapping and its first key), the key.
    path_at = {pos: path for path, pos in doc.positions.items()} | {
        pos: path for path, pos in doc.key_positions.items()
    }
    for mark, message in composer.strict_problems:
        line, col = _mark(mark)
        problems.append(Problem(file, line, col, json_path(path_at.get((line, col), ())), message))
    return doc, problems


def read_yaml(path: Path, display_name: str) -> tuple[Document | None, list[Problem]]:
    """Read and parse one file; ``display_name`` is how messages name it (e.g. data/partners.yml)."""
    return parse_yaml(display_name, path.read_bytes())
