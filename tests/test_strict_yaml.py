"""The strict YAML reader: each kind of bad input gives one exact, positioned message."""

from __future__ import annotations

import unicodedata

import pytest

from trustdocs.core.strict_yaml import MAX_BYTES, parse_yaml

F = "data/x.yml"


def messages(raw: bytes) -> list[str]:
    _, problems = parse_yaml(F, raw)
    return [str(p) for p in problems]


def test_scalars_stay_exactly_as_written():
    doc, problems = parse_yaml(F, b"a: NO\nb: 01234\nc: 12:30\nd: 2008-07-01\ne: 3.10\nf: ~\ng: 1e3\n")
    assert problems == []
    assert doc.data == {"a": "NO", "b": "01234", "c": "12:30", "d": "2008-07-01", "e": "3.10", "f": "~", "g": "1e3"}


def test_positions_are_recorded_for_every_value():
    doc, _ = parse_yaml(F, b"items:\n  - id: one\n    name: First\n")
    assert doc.positions[("items", 0, "name")] == (3, 11)
    assert doc.key_positions[("items", 0, "name")] == (3, 5)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a: 1\nb: 2\na: 3\n", ["data/x.yml:3:1: $.a: duplicate key 'a' (first given on line 1)"]),
        (
            b"1: a\ntrue: b\n",
            ["data/x.yml:2:1: $.true: key 'true' is the same key as '1' (line 1) to YAML 1.1 readers; rename one"],
        ),
        (
            b"a: &x 1\nb: *x\n",
            [
                "data/x.yml:1:4: $.a: anchor &x is not allowed: write each value out in full",
                "data/x.yml:2:4: $.b: alias *x is not allowed: write the value out in full",
            ],
        ),
        (
            b"a: !!int 1\n",
            [
                "data/x.yml:1:4: $.a: tag tag:yaml.org,2002:int is not allowed: remove it; the schema decides each field's type"
            ],
        ),
        (
            b"list:\n  - !custom x\n",
            ["data/x.yml:2:5: $.list[0]: tag !custom is not allowed: remove it; the schema decides each field's type"],
        ),
        (
            b"a: 1\n---\nb: 2\n",
            ["data/x.yml:2:1: $: several documents in one file ('---'): use one file per entity type"],
        ),
        (b"", ["data/x.yml:1:1: $: file is empty"]),
        (b"# only a comment\n\n", ["data/x.yml:1:1: $: file is empty"]),
        (b"a: ok\nb: caf\xe9\n", ["data/x.yml:2:7: $: not valid UTF-8 (bytes e9); save the file as UTF-8"]),
        (
            b"\xef\xbb\xbfa: 1\n",
            ["data/x.yml:1:1: $: file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"],
        ),
        (b"a: x\x07y\n", ["data/x.yml:1:5: $: control character U+0007 is not allowed"]),
        (
            "name: ab\u202ecd\n".encode(),
            [
                "data/x.yml:1:9: $: bidirectional control character U+202E RIGHT-TO-LEFT OVERRIDE is not allowed: it can make text display differently from what it is"
            ],
        ),
        (
            "name: ab\u200bcd\n".encode(),
            ["data/x.yml:1:9: $: invisible character U+200B ZERO WIDTH SPACE is not allowed"],
        ),
        ("a: \ufffe\n".encode(), ["data/x.yml:1:4: $: U+FFFE is not a character (a Unicode noncharacter)"]),
        (b"a: \xed\xa0\x80\n", ["data/x.yml:1:4: $: not valid UTF-8 (bytes ed); save the file as UTF-8"]),
        (
            b"a: [1, 2\nb: 3\n",
            ["data/x.yml:2:2: $: YAML syntax error: while parsing a flow sequence expected ',' or ']', but got ':'"],
        ),
        (b"a: " + b"[" * 20 + b"]" * 20 + b"\n", ["data/x.yml:1:15: $: nesting is deeper than 12 levels"]),
        (b"? [a]\n: 1\n", ["data/x.yml:1:3: $: a key must be plain text, not a list or mapping"]),
        (b'a: "x\\ud800y"\n', ["data/x.yml:1:4: $.a: escaped lone surrogate U+D800 is not allowed"]),
        (
            b'name: "ab\\u202ecd"\n',
            [
                "data/x.yml:1:7: $.name: escaped bidirectional control character U+202E RIGHT-TO-LEFT "
                "OVERRIDE is not allowed: it can make text display differently from what it is"
            ],
        ),
        (b'a: "\\x07\\a"\n', ["data/x.yml:1:4: $.a: escaped control character U+0007 is not allowed"]),
        (
            b'"k\\u200b": 1\n',
            ["data/x.yml:1:1: $['k\u200b']: escaped invisible character U+200B ZERO WIDTH SPACE is not allowed"],
        ),
    ],
    ids=[
        "duplicate-key",
        "1-beside-true",
        "anchor-and-alias",
        "standard-tag",
        "custom-tag",
        "several-documents",
        "empty",
        "only-comments",
        "non-utf8",
        "bom",
        "control-char",
        "bidi-override",
        "zero-width",
        "noncharacter",
        "lone-surrogate",
        "syntax-error",
        "too-deep",
        "complex-key",
        "escaped-surrogate",
        "escaped-bidi",
        "escaped-control",
        "escaped-zero-width-key",
    ],
)
def test_bad_input_is_reported_exactly(raw, expected):
    assert messages(raw) == expected


def test_files_over_1_mb_are_refused_before_parsing():
    raw = b"a: '" + b"x" * MAX_BYTES + b"'\n"
    assert messages(raw) == [
        f"data/x.yml:1:1: $: file is {len(raw):,} bytes; the limit is 1 MB (1,000,000 bytes): split it up"
    ]


def test_every_problem_in_a_file_is_reported_not_just_the_first():
    assert len(messages(b"a: &x 1\nb: *x\nc: !t 2\na: 4\n")) == 4


# --- every forbidden character, one case each --------------------------------------
# Listed here by code point, not imported from the loader, so a character dropped
# from the loader's lists fails its own case.
BIDI_CONTROLS = [
    0x061C,
    0x200E,
    0x200F,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
]  # marks, embeddings, overrides, isolates
ZERO_WIDTH = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
NONCHARACTERS = [
    *range(0xFDD0, 0xFDF0),
    *(plane + c for plane in range(0, 0x110000, 0x10000) for c in (0xFFFE, 0xFFFF)),
]
CONTROLS = [c for c in range(0x00, 0x20) if chr(c) not in "\t\n\r"] + [0x7F, *range(0x80, 0xA0)]  # C0, DEL, C1
FORBIDDEN = BIDI_CONTROLS + ZERO_WIDTH + NONCHARACTERS + CONTROLS


def _why(point: int) -> str:
    name = unicodedata.name(chr(point), "")
    if point in BIDI_CONTROLS:
        return (
            f"bidirectional control character U+{point:04X} {name} is not allowed: "
            "it can make text display differently from what it is"
        )
    if point in ZERO_WIDTH:
        return f"invisible character U+{point:04X} {name} is not allowed"
    if point in NONCHARACTERS:
        return f"U+{point:04X} is not a character (a Unicode noncharacter)"
    return f"control character U+{point:04X} is not allowed"


def test_the_lists_are_what_they_say():
    assert len(BIDI_CONTROLS) == 12 and len(NONCHARACTERS) == 66 and len(CONTROLS) == 29 + 1 + 32
    assert all(unicodedata.category(chr(c)) == "Cc" for c in CONTROLS)
    assert "\u2066" in map(chr, BIDI_CONTROLS) and "\u2069" in map(chr, BIDI_CONTROLS)  # the "Trojan Source" isolates


@pytest.mark.parametrize("point", FORBIDDEN, ids=[f"U+{c:04X}" for c in FORBIDDEN])
def test_each_forbidden_character_written_raw_is_refused(point):
    raw = f"a: x{chr(point)}y\n".encode()
    assert messages(raw) == [f"data/x.yml:1:5: $: {_why(point)}"]


@pytest.mark.parametrize("point", FORBIDDEN, ids=[f"U+{c:04X}" for c in FORBIDDEN])
def test_each_forbidden_character_written_as_an_escape_is_refused(point):
    escape = f"\\u{point:04X}" if point <= 0xFFFF else f"\\U{point:08X}"
    assert messages(f'a: "x{escape}y"\n'.encode()) == [f"data/x.yml:1:4: $.a: escaped {_why(point)}"]


@pytest.mark.parametrize("char", ["\t", "\u00a0", "\u00ad", "\u2028", "\u00e9", "\u0416", "\u20ac", "\U0001f600"])
def test_characters_next_to_the_forbidden_ones_are_read(char):
    doc, problems = parse_yaml(F, f'a: "x{char}y"\n'.encode())
    assert problems == [] and doc.data == {"a": f"x{char}y"}


# Written for make mutation's survivors in this module: positions counted from
# the right newline, the loop going on past a bad key, and the limits' edges.


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        (b"\n\xe2\x80\xae", "2:1"),  # the only newline before it is the file's first byte
        (b"a\nb\ncc\xe2\x80\xae", "3:3"),  # the nearest newline, not the first
        (b"a\nbb\nc  \xe2\x80\xae", "3:4"),
    ],
)
def test_a_bad_character_is_placed_by_the_newlines_before_it(raw, where):
    assert [m.split(": $")[0] for m in messages(raw)] == [f"{F}:{where}"]


@pytest.mark.parametrize(
    ("raw", "where"),
    [(b"\n\xff", "2:1"), (b"a\nb\ncc\xff", "3:3"), (b"a: \xc3\xa9\nb: \xc3\xa9\xc3\xa9\xff", "2:6")],
)
def test_bytes_that_are_not_utf8_are_placed_by_line_and_character(raw, where):
    assert [m.split(": $")[0] for m in messages(raw)] == [f"{F}:{where}"]


def test_a_file_of_exactly_the_size_limit_is_read():
    raw = b"a: " + b"x" * (MAX_BYTES - 4) + b"\n"
    assert len(raw) == MAX_BYTES
    doc, problems = parse_yaml(F, raw)
    assert problems == [] and len(doc.data["a"]) == MAX_BYTES - 4


def test_an_escaped_lone_surrogate_at_the_end_of_the_range_is_refused():
    assert messages(b'a: "\\udfff"\n') == [f"{F}:1:4: $.a: escaped lone surrogate U+DFFF is not allowed"]


def test_every_bad_key_is_reported_and_the_keys_after_it_are_still_read():
    doc, problems = parse_yaml(F, b"? [x]\n: 1\na: 2\n? [y]\n: 3\na: 4\n1: 5\ntrue: 6\nb: 7\ntrue: 8\nc: 9\n")
    assert [str(p) for p in problems] == [
        f"{F}:1:3: $: a key must be plain text, not a list or mapping",
        f"{F}:4:3: $: a key must be plain text, not a list or mapping",
        f"{F}:6:1: $.a: duplicate key 'a' (first given on line 3)",
        f"{F}:8:1: $.true: key 'true' is the same key as '1' (line 7) to YAML 1.1 readers; rename one",
        f"{F}:10:1: $.true: key 'true' is the same key as '1' (line 7) to YAML 1.1 readers; rename one",
    ]
    assert doc.data == {"a": "2", "1": "5", "b": "7", "c": "9"}


def test_a_repeated_key_names_the_line_of_the_first_not_its_column():
    assert messages(b"x: 1\n  \n    \nzz: 1\nzz: 2\n") == [f"{F}:5:1: $.zz: duplicate key 'zz' (first given on line 4)"]
    assert messages(b"x: 1\ny: 1\n     \n1: a\ntrue: b\n") == [
        f"{F}:5:1: $.true: key 'true' is the same key as '1' (line 4) to YAML 1.1 readers; rename one"
    ]


def test_a_syntax_error_without_a_position_is_placed_at_the_start(monkeypatch):
    import yaml

    def unplaced(*_args, **_kwargs):
        raise yaml.MarkedYAMLError(problem="something odd")

    monkeypatch.setattr(yaml, "parse", unplaced)
    assert messages(b"a: 1\n") == [f"{F}:1:1: $: YAML syntax error: something odd"]


def test_libyaml_reads_the_file_when_pyyaml_has_it_and_pyyaml_words_its_errors(monkeypatch):
    import yaml

    loaders = []
    parse = yaml.parse

    def spy(text, **kwargs):
        loaders.append(kwargs["Loader"])
        return parse(text, **kwargs)

    monkeypatch.setattr(yaml, "parse", spy)
    messages(b"a: 1\n")
    assert loaders == [getattr(yaml, "CSafeLoader", yaml.SafeLoader)]
    loaders.clear()
    messages(b"a: [1\n")
    assert loaders[-1] is yaml.SafeLoader


@pytest.mark.parametrize("raw", [b"", b"   \n\t\n", b"# a comment\n\t\n  # another\n", b"\t# a tab, then a comment\n"])
def test_a_file_of_blank_lines_and_comments_is_empty(raw):
    assert messages(raw) == [f"{F}:1:1: $: file is empty"]


def test_an_alias_reads_as_empty_text_never_as_the_anchored_value():
    doc, problems = parse_yaml(F, b"a: &x [1, 2]\nb: *x\n")
    assert doc.data == {"a": ["1", "2"], "b": ""}
    assert [str(p) for p in problems] == [
        f"{F}:1:4: $.a: anchor &x is not allowed: write each value out in full",
        f"{F}:2:4: $.b: alias *x is not allowed: write the value out in full",
    ]


def test_a_problem_is_placed_at_its_value_at_its_key_or_at_its_nearest_placed_ancestor():
    doc, _ = parse_yaml(F, b"items:\n  - id: one\n    name: First\n")
    name = ("items", 0, "name")
    assert str(doc.problem(name, "bad")) == f"{F}:3:11: $.items[0].name: bad"
    assert str(doc.problem(name, "bad", at_key=True)) == f"{F}:3:5: $.items[0].name: bad"
    # A field that is not there: the nearest enclosing value that is, then the file's start.
    assert str(doc.problem(("items", 0, "missing", 2), "absent")) == f"{F}:2:5: $.items[0].missing[2]: absent"
    assert str(doc.problem(("items", 0, "missing"), "absent", at_key=True)) == f"{F}:2:5: $.items[0].missing: absent"
    assert doc.where(("items", 5)) == (2, 3) and doc.where(("other",)) == (1, 1)
    assert doc.where(()) == (1, 1)
    assert parse_yaml(F, b"\n\n  - a\n")[0].where(("x",)) == (3, 3)  # the root value starts on line 3


def test_nesting_is_counted_back_down_as_each_collection_closes():
    # Root mapping, a's list, then 11 levels inside its second item: 13 levels, after a closed sibling.
    deep = b"a: [[], " + b"[" * 11 + b"]" * 11 + b"]\n"
    assert messages(deep) == [f"{F}:1:19: $: nesting is deeper than 12 levels"]
    assert messages(b"a: [[], " + b"[" * 10 + b"]" * 10 + b"]\n") == []


def test_an_anchor_or_tag_on_a_key_names_the_key():
    assert messages(b"a:\n  &k b: 1\n  !!str c: 2\n") == [
        f"{F}:2:3: $.a.b: anchor &k is not allowed: write each value out in full",
        f"{F}:3:3: $.a.c: tag tag:yaml.org,2002:str is not allowed: remove it; the schema decides each field's type",
    ]


def test_a_document_keeps_the_digest_of_its_bytes_and_read_yaml_names_the_file_as_told(tmp_path):
    import hashlib

    from trustdocs.core.strict_yaml import Document, read_yaml

    raw = b"a: 1\n"
    assert parse_yaml(F, raw)[0].digest == hashlib.sha256(raw).hexdigest()
    (tmp_path / "x.yml").write_bytes(b"a: 1\na: 2\n")
    _, problems = read_yaml(tmp_path / "x.yml", "data/shown.yml")
    assert [str(p) for p in problems] == ["data/shown.yml:2:1: $.a: duplicate key 'a' (first given on line 1)"]
    assert Document("f", {}).where(("a", 1)) == (1, 1)  # nothing placed: the start of the file


def test_an_anchor_inside_a_key_that_is_not_text_is_still_placed():
    # Such a key is refused and never read, so nothing inside it has a path: the problem is placed at the root.
    assert messages(b"? [&a x]\n: 1\n") == [
        f"{F}:1:3: $: a key must be plain text, not a list or mapping",
        f"{F}:1:4: $: anchor &a is not allowed: write each value out in full",
    ]
