"""Each kind of schema problem, checked directly against a real schema: the exact message, and whether it
points at the field's key or its value (the column an editor's cursor lands on).

Written for the survivors of `make mutation` in trustdocs/validation/schema.py (30 November 2026): an
address that is not https, an empty text, a text too long, a list too long or too short and a repeated
value were each reached by no test.
"""

from __future__ import annotations

from pathlib import Path

from trustdocs.core.strict_yaml import parse_yaml
from trustdocs.validation.schema import schema_problems

ROOT = Path(__file__).resolve().parents[1]


def _problems(name: str, text: str, schema: str) -> list[str]:
    doc, problems = parse_yaml(name, text.encode("utf-8"))
    assert doc is not None and problems == []
    return [str(p) for p in schema_problems(doc, schema)]


def _line(text: str, start: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def test_lengths_sizes_and_repeats_name_the_value(tmp_path):
    text = (ROOT / "data/areas/wessex.yml").read_text(encoding="utf-8")
    text = text.replace("name: Wessex\n", 'name: ""\n')
    text = text.replace("trust_name: Wessex Children's Trust Board", "trust_name: " + "B" * 201)
    text = text.replace("names: [Wessex Constabulary]", "names: [Wessex Constabulary, Wessex Constabulary]")
    text = text.replace("names: [Wessex Probation Area]", "names: [" + ", ".join(f"P{i}" for i in range(21)) + "]")
    text = text.replace("names: [NHS Wessex]", "names: []")
    assert _problems("data/areas/wessex.yml", text, "area") == [
        f"data/areas/wessex.yml:{_line(text, 'name:')}:7: $.name: must not be empty",
        f"data/areas/wessex.yml:{_line(text, 'trust_name:')}:13: $.trust_name: is 201 characters long; the limit is 200",
        f"data/areas/wessex.yml:{_line(text, '    names: [Wessex Constabulary')}:12: $.bodies[2].names: "
        "lists the same value more than once",
        f"data/areas/wessex.yml:{_line(text, '    names: [P0')}:12: $.bodies[3].names: allows at most 20 item(s), "
        "found 21",
        f"data/areas/wessex.yml:{_line(text, '    names: []')}:12: $.bodies[6].names: needs at least 1 item(s), "
        "found 0",
    ]


def test_an_address_that_is_not_https_names_the_value(tmp_path):
    text = (ROOT / "data/consultations/legislative-options-consultation-2008.yml").read_text(encoding="utf-8")
    assert "\nrespond:\n" in text
    text = text.replace("\nrespond:\n", "\nrespond:\n  endpoint: http://example.org/responses\n", 1)
    problems = _problems("data/consultations/x.yml", text, "consultation")
    line = _line(text, "  endpoint:")
    assert problems == [
        f"data/consultations/x.yml:{line}:13: $.respond.endpoint: 'http://example.org/responses' is not an "
        "https:// web address"
    ]


def test_a_keyword_without_a_message_of_ours_gives_jsonschemas_own_at_the_value():
    from jsonschema import Draft202012Validator

    from trustdocs.validation.schema import _messages

    (error,) = Draft202012Validator({"properties": {"kind": {"const": "x"}}}).iter_errors({"kind": "y"})
    assert list(_messages(error)) == [(("kind",), "'x' was expected", False)]
