"""Property-based tests (hypothesis) for the walls that take arbitrary text.

- any text through the escaper appears literally in the page the site's
  Markdown makes of it, and in the DOCX, ODT and PDF the document pipeline
  makes of it (slow: every example renders three documents);
- any scalar the strict loader accepts reads back exactly as it was written;
- any cell of a CSV export is inert in a spreadsheet: it cannot start a formula.

Each test sets a small example budget, so the fast lane stays fast; a failing
example is printed, and kept in .hypothesis/ to be tried first next time.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from tooling import site_html

from trustdocs.core.escape import attr, md
from trustdocs.core.fonts import covered
from trustdocs.core.strict_yaml import parse_yaml
from trustdocs.pipeline.load import load_dataset
from trustdocs.rendering.exports import duties_csv, partners_csv

MINI = Path(__file__).parent / "fixtures" / "mini_data"
# Characters that start or end markup in Markdown, HTML, attribute lists, Jinja and
# tables, and line starts such as "1." and "- ": drawn often, beside any other text.
MARKUP = [
    *"&<>\"'\\`*_{}[]|#!~^=$%:-+.)(;/@ \n\t",
    *"a b x y 1 2008 Z".split(),
    *"1. 10) {{ }} {: {% %} <!-- --> &amp; &#42; &#x3C; <b> </b> <script> <img *x* **x** _x_ `x` ~~x~~".split(),
    "[x](javascript:alert(1))",
    "![x](y.png)",
    "<https://x.example>",
    "{: onclick=alert(1) }",
    "| a | b |\n|---|---|",
    "\n- ",
    "\n1. ",
    "\n# ",
    "\n: ",
    "*[x]: y",
]
# What the loader refuses (see test_strict_yaml.py): control characters, surrogates,
# unassigned and private-use code points, bidirectional controls and invisible characters.
_REFUSED = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u2060\ufeff")


def _editor_char() -> st.SearchStrategy[str]:
    """One character an editor could get past the loader: any assigned, visible character, or markup."""
    return st.one_of(
        st.sampled_from(MARKUP),
        st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn"), exclude_characters=_REFUSED),
    )


editor_text = st.lists(_editor_char(), max_size=30).map("".join)


def _normal(text: str) -> str:
    """What md() promises to keep: the text, with each run of whitespace as one space."""
    return " ".join(text.split())


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text += data


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


# --- the escaper, in the site's HTML ------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(editor_text)
@example("2008. A year")
@example("{: onclick=alert(1) }")
@example("<script>alert(1)</script>")
@example("*[HTML]: Hyper")
@example("Term\n: definition")
def test_any_text_through_the_escaper_appears_literally_in_the_page(text):
    page = _parse(site_html(md(text)))
    assert page.tags == (["p"] if _normal(text) else [])
    assert page.attrs == []
    assert page.text == _normal(text)


@settings(max_examples=100, deadline=None)
@given(editor_text)
@example('" onmouseover="alert(1)')
@example("' autofocus onfocus='x")
@pytest.mark.parametrize("quote", ['"', "'"], ids=["double-quoted", "single-quoted"])
def test_any_text_through_the_attribute_escaper_stays_one_attribute_value(quote, text):
    page = _parse(site_html(f"<span title={quote}{attr(text)}{quote}>x</span>"))
    assert page.attrs == [("title", _normal(text))]


# --- the escaper, in every document format (slow) ------------------------------------


def _printable_char() -> st.SearchStrategy[str]:
    """A character the documents' bundled font can draw (the loader refuses the others)."""
    return _editor_char().filter(lambda c: all(ord(ch) in covered() or ch in "\n\t" for ch in c))


printable_text = st.lists(_printable_char(), min_size=1, max_size=24).map("".join).filter(lambda t: t.strip())


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.slow  # renders three documents per example
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(printable_text)
@example("<b>x</b> *y* {{ z }} | a & b # c")
def test_any_text_through_the_escaper_appears_literally_in_docx_odt_and_pdf(text):
    import docx
    from odf import teletype
    from odf.opendocument import load as load_odt
    from odf.text import P
    from pypdf import PdfReader

    from trustdocs.rendering.documents.convert import render
    from trustdocs.rendering.documents.source import DocumentSource

    source = DocumentSource("property", "Property", f"# Property\n\nBefore. {md(text)} After.\n", ())
    expected = _squash(f"Before. {_normal(text)} After.")
    docx_text = " ".join(p.text for p in docx.Document(io.BytesIO(render(source, "docx"))).paragraphs)
    odt_paragraphs = load_odt(io.BytesIO(render(source, "odt"))).getElementsByType(P)
    odt_text = " ".join(teletype.extractText(p) for p in odt_paragraphs)
    pdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(render(source, "pdf"))).pages)
    for fmt, got in (("docx", docx_text), ("odt", odt_text), ("pdf", pdf_text)):
        assert expected in _squash(got), fmt


# --- the strict loader --------------------------------------------------------------

# Words a YAML 1.1 reader would turn into booleans, numbers, nulls, dates and times.
PLAIN_TRAPS = [
    *"NO no No YES yes Yes ON on Off OFF y n Y N ~ null Null NULL true True FALSE".split(),
    *"01234 0x1F 0o17 0b101 1_000 1e3 3.10 -.5 +1 .inf -.inf .NaN 12:30 190:20:30 1:2:3".split(),
    "2008-07-01",
    "2008-07-01T12:00:00Z",
    "2001-12-14 21:59:43.10 -5",
]
plain_word = st.one_of(st.sampled_from(PLAIN_TRAPS), st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._/+=-]{0,15}\Z"))
# Any text the loader accepts in a value: no control characters but tab and newline,
# no surrogates, no bidirectional or invisible characters, no noncharacters; with
# YAML's own syntax, edge whitespace and the words above drawn often.
YAML_SYNTAX = [*" \t\n#:-'\"\\&*!%@`{}[],?|>", "- ", ": ", " #", "---", "...", "\n\n", "  "]
loader_text = st.lists(
    st.one_of(
        st.sampled_from(YAML_SYNTAX + PLAIN_TRAPS),
        st.characters(exclude_categories=("Cs", "Cn"), exclude_characters=_REFUSED).filter(
            lambda c: unicodedata.category(c) != "Cc" or c in "\t\n"
        ),
    ),
    max_size=12,
).map("".join)


def _read(text: str) -> object:
    doc, problems = parse_yaml("data/x.yml", text.encode("utf-8"))
    assert problems == [], [str(p) for p in problems]
    assert doc is not None
    return doc.data


@settings(max_examples=150, deadline=None)
@given(plain_word)
def test_any_plain_scalar_is_read_as_exactly_the_text_written(word):
    assert _read(f"a: {word}\nlist: [{word}, x]\n") == {"a": word, "list": [word, "x"]}


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(loader_text, loader_text, max_size=3),
    st.sampled_from([None, '"', "'", "|", ">"]),
)
@example({"": " 2001-12-14 21:59:43.10 -5"}, "|")
def test_any_accepted_text_round_trips_exactly_in_every_quoting_style(mapping, style):
    # PyYAML's emitter, not our loader, is wrong here: it folds a line that starts with a space into the next
    # line, which YAML keeps apart (PyYAML reads its own output back with a line break too), so the folded
    # style is not tried on such text.
    assume(style != ">" or not any(re.search(r"(^|\n)[ \t]", t) for t in (*mapping, *mapping.values())))
    written = yaml.safe_dump(mapping, default_style=style, allow_unicode=True, width=20)
    assert _read(written or "{}") == mapping


@settings(max_examples=100, deadline=None)
@given(loader_text)
def test_any_accepted_text_round_trips_as_a_json_string(text):
    assert _read(f"a: {json.dumps(text, ensure_ascii=False)}\n") == {"a": text}


# --- CSV exports --------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def mini():
    return load_dataset(MINI)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([*FORMULA_STARTS, "'", '"', ",", "\n", " "]), st.characters(exclude_categories=("Cs",))
        ),
        max_size=20,
    ).map("".join)
)
@example('=HYPERLINK("http://x.example")')
@example("\r\n=1+1")
def test_any_csv_cell_is_inert_in_a_spreadsheet(mini, value):
    data = dataclasses.replace(
        mini,
        partners=(dataclasses.replace(mini.partners[0], name=value), *mini.partners[1:]),
        duties=(dataclasses.replace(mini.duties[0], name=value), *mini.duties[1:]),
    )
    for content in (partners_csv(data), duties_csv(data)):
        rows = list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))
        assert len({len(row) for row in rows}) == 1  # the value stayed in its cell
        for row in rows[1:]:
            assert not any(cell.startswith(FORMULA_STARTS) for cell in row), row
        assert rows[1][1] == ("'" + value if value.startswith(FORMULA_STARTS) else value)


# --- The example budget -------------------------------------------------------------


def test_every_property_test_has_a_bounded_example_budget():
    """make test runs these: each sets max_examples, none over 150, so the suite's time is bounded."""
    tests = {name: f for name, f in globals().items() if name.startswith("test_") and hasattr(f, "hypothesis")}
    assert len(tests) >= 7
    budgets = {name: f._hypothesis_internal_use_settings.max_examples for name, f in tests.items()}
    assert {name: n for name, n in budgets.items() if not 1 <= n <= 150} == {}


# Starts other Python processes (seconds each): make test runs it, make unit does not.
@pytest.mark.slow
@pytest.mark.parametrize(("env", "profile"), [({"CI": "true"}, "ci"), ({"HYPOTHESIS_PROFILE": "mutation"}, "mutation")])
def test_ci_and_mutation_runs_draw_the_same_examples_every_time(env, profile):
    """Under CI=true (the pull-request workflow's make test) and make mutation, hypothesis is derandomized
    and keeps no example database, so a run cannot pass or fail by chance."""
    import os
    import subprocess
    import sys

    environ = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "--collect-only", "-p", "no:cacheprovider", __file__],
        cwd=Path(__file__).parent.parent,
        capture_output=True,
        text=True,
        check=False,
        env={**environ, **env},
    )
    header = next(line for line in result.stdout.splitlines() if line.startswith("hypothesis profile"))
    assert header.startswith(f"hypothesis profile '{profile}' -> "), header
    assert "derandomize=True" in header and "database=None" in header, header
