"""Hostile input and faults: `trustdocs build` refuses each with the exact message, and writes nothing.

Each case breaks a copy of data/ one way and runs the README's build command
(``trustdocs build``) against a site/ that already holds a previous build.
The command must exit 1 with the expected ``file:line:col: path: message``
line, no traceback, the previous site byte for byte as it was, and no
half-built directory left beside it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from trustdocs.cli import main

AREA = "areas/southwark.yml"


@dataclass(frozen=True)
class Case:
    id: str
    break_data: Callable  # (DataCopy) -> the expected message line


def _area_text(data_copy) -> str:
    return data_copy.text(AREA)


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _put_area(data_copy, content: bytes | str) -> None:
    data_copy.write(AREA, content)


def _area_with(data_copy, old: str, new: str) -> str:
    text = _area_text(data_copy)
    assert old in text, old
    text = text.replace(old, new, 1)
    _put_area(data_copy, text)
    return text


def duplicate_key(d):
    text = _area_text(d)
    _put_area(d, text + 'quorum: "7"\n')
    return f"data/{AREA}:{len(text.splitlines()) + 1}:1: $.quorum: duplicate key 'quorum' (first given on line {_line(text, 'quorum:')})"


def one_beside_true(d):
    text = _area_text(d)
    _put_area(d, text + "1: a\ntrue: b\n")
    n = len(text.splitlines())
    return f"data/{AREA}:{n + 2}:1: $.true: key 'true' is the same key as '1' (line {n + 1}) to YAML 1.1 readers; rename one"


def anchor(d):
    text = _area_with(d, 'quorum: "6"', 'quorum: &q "6"')
    return f"data/{AREA}:{_line(text, 'quorum:')}:9: $.quorum: anchor &q is not allowed: write each value out in full"


def alias(d):
    text = _area_with(d, 'papers_days: "5"', "papers_days: *q")
    _area_with(d, 'quorum: "6"', 'quorum: &q "6"')
    return f"data/{AREA}:{_line(text, 'papers_days:')}:14: $.papers_days: alias *q is not allowed: write the value out in full"


def tag(d):
    text = _area_with(d, 'quorum: "6"', 'quorum: !!str "6"')
    return (
        f"data/{AREA}:{_line(text, 'quorum:')}:9: $.quorum: tag tag:yaml.org,2002:str is not allowed: "
        "remove it; the schema decides each field's type"
    )


def several_documents(d):
    text = _area_text(d)
    _put_area(d, text + "---\nid: other\n")
    return f"data/{AREA}:{len(text.splitlines()) + 1}:1: $: several documents in one file ('---'): use one file per entity type"


def empty_file(d):
    _put_area(d, b"")
    return f"data/{AREA}:1:1: $: file is empty"


def non_utf8(d):
    text = _area_text(d)
    _put_area(d, text.encode().replace(b"local_authority: Southwark Council", b"local_authority: Southwark C\xf6uncil"))
    return f"data/{AREA}:{_line(text, 'local_authority:')}:29: $: not valid UTF-8 (bytes f6); save the file as UTF-8"


def byte_order_mark(d):
    _put_area(d, b"\xef\xbb\xbf" + _area_text(d).encode())
    return f"data/{AREA}:1:1: $: file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"


def control_character(d):
    text = _area_with(d, "chair: The Executive", "chair: The\x07Executive")
    return f"data/{AREA}:{_line(text, 'chair: The')}:11: $: control character U+0007 is not allowed"


def noncharacter(d):
    text = _area_with(d, "chair: The Executive", "chair: The\ufffeExecutive")
    return f"data/{AREA}:{_line(text, 'chair: The')}:11: $: U+FFFE is not a character (a Unicode noncharacter)"


def lone_surrogate_bytes(d):
    text = _area_text(d)
    _put_area(d, text.encode().replace(b"chair: The Executive", b"chair: The\xed\xa0\x80Executive"))
    return f"data/{AREA}:{_line(text, 'chair: The')}:11: $: not valid UTF-8 (bytes ed); save the file as UTF-8"


def lone_surrogate_escape(d):
    text = _area_with(d, "chair: The Executive Member for Children's Services", 'chair: "The \\udc00 Executive"')
    return f"data/{AREA}:{_line(text, 'chair: ')}:8: $.chair: escaped lone surrogate U+DC00 is not allowed"


def bidi_override(d):
    text = _area_with(d, "name: Southwark", "name: South\u202ewark")
    return (
        f"data/{AREA}:{_line(text, 'name: South')}:12: $: bidirectional control character U+202E RIGHT-TO-LEFT OVERRIDE "
        "is not allowed: it can make text display differently from what it is"
    )


def zero_width(d):
    text = _area_with(d, "name: Southwark", "name: South\u200bwark")
    return f"data/{AREA}:{_line(text, 'name: South')}:12: $: invisible character U+200B ZERO WIDTH SPACE is not allowed"


def too_deep(d):
    text = _area_text(d)
    _put_area(d, text + "deep: " + "[" * 14 + "]" * 14 + "\n")
    return f"data/{AREA}:{len(text.splitlines()) + 1}:18: $: nesting is deeper than 12 levels"


def over_one_megabyte(d):
    content = _area_text(d) + "# " + "x" * 1_000_000 + "\n"
    _put_area(d, content)
    return (
        f"data/{AREA}:1:1: $: file is {len(content.encode()):,} bytes; the limit is 1 MB (1,000,000 bytes): split it up"
    )


def syntax_error(d):
    text = _area_with(d, 'plan_period: {from: "2010", to: "2013"}', 'plan_period: {from: "2010", to: "2013"')
    return (
        f"data/{AREA}:{_line(text, 'plan_period:') + 1}:1: $: YAML syntax error: while parsing a flow mapping "
        "expected ',' or '}', but got '<scalar>'"
    )


def unknown_field(d):
    text = _area_with(d, 'quorum: "6"', 'quorum: "6"\ncolour: blue')
    return (
        f"data/{AREA}:{_line(text, 'colour:')}:1: $.colour: unknown field 'colour' (allowed here: additional_members, "
        "area_type, bodies, chair, cites, fictional, id, illustrative, local_authority, lscb_chair, meetings_per_year, name, "
        "papers_days, plan_period, quorum, review_months, schools_representatives, summary, trust_name, vice_chair, "
        "voluntary_sector_representatives)"
    )


def missing_field(d):
    text = _area_with(d, 'quorum: "6"\n', "")
    return f"data/{AREA}:{_line(text, 'id: southwark')}:1: $.quorum: missing required field 'quorum'"


def over_long_string(d):
    text = _area_with(d, "vice_chair: The Director of Children's Services", "vice_chair: " + "x" * 201)
    return f"data/{AREA}:{_line(text, 'vice_chair:')}:13: $.vice_chair: is 201 characters long; the limit is 200"


def newline_in_a_name(d):
    text = _area_with(d, "vice_chair: The Director of Children's Services", 'vice_chair: "The Director\\nof Children"')
    return f"data/{AREA}:{_line(text, 'vice_chair:')}:13: $.vice_chair: 'The Director\\nof Children' is not in the expected form"


def wrong_type(d):
    text = _area_with(d, "vice_chair: The Director of Children's Services", "vice_chair: [a, b]")
    return f"data/{AREA}:{_line(text, 'vice_chair:')}:13: $.vice_chair: expected text, found a list"


def value_not_allowed(d):
    text = _area_with(d, "area_type: unitary", "area_type: metropolitan")
    return f"data/{AREA}:{_line(text, 'area_type:')}:12: $.area_type: 'metropolitan' is not one of: unitary, two-tier"


def id_not_file_name(d):
    text = _area_with(d, "id: southwark", "id: lambeth")
    return f"data/{AREA}:{_line(text, 'id: lambeth')}:5: $.id: id 'lambeth' must match the file name 'southwark.yml'"


def dangling_partner(d):
    d.replace("duties.yml", "holders: [local-authority", "holders: [local-authoritee")
    line = d.line_of("duties.yml", "local-authoritee")
    return (
        f"data/duties.yml:{line}:15: $.duties[0].holders[0]: unknown partner 'local-authoritee': "
        "no partner in data/partners.yml has this id"
    )


def duplicate_id(d):
    d.replace(
        "glossary.yml",
        "  - id: ",
        "  - id: police\n    term: Police\n    definition: The police.\n    cites:\n"
        '      - {source: legislative-options-2008, para: "20"}\n  - id: ',
    )
    line = d.line_of("glossary.yml", "id: police")
    return f"data/glossary.yml:{line}:9: $.terms[0].id: id 'police' is already used at data/partners.yml:{d.line_of('partners.yml', 'id: police')}"


def impossible_date(d):
    d.replace("timeline.yml", "date: 2008-07-03", "date: 2008-02-30")
    line = d.line_of("timeline.yml", "2008-02-30")
    return f"data/timeline.yml:{line}:11: $.events[21].date: '2008-02-30' is not a real date written as YYYY, YYYY-MM or YYYY-MM-DD"


def impossible_consultation_date(d):
    """Once a traceback: the consultation date-order check read the date before the schema had vetted it."""
    name = "consultations/statutory-guidance-consultation-2008.yml"
    text = d.text(name)
    old = next(line for line in text.splitlines() if line.strip().startswith("opens:"))
    d.replace(name, old, old.split(":")[0] + ": 2008-13-45")
    return (
        f"data/{name}:{d.line_of(name, '2008-13-45')}:10: $.dates.opens: '2008-13-45' is not a real date "
        "written as YYYY, YYYY-MM or YYYY-MM-DD"
    )


def _outside_file(d) -> Path:
    outside = d.path.parent.parent / f"outside-{d.path.parent.name}" / "secret.yml"  # beside the project
    outside.parent.mkdir(exist_ok=True)
    outside.write_text("partners: []\n", encoding="utf-8")
    return outside


def symlink_out_of_data(d):
    """Named by its own path, not its target's; and never read."""
    (d.path / "evil.yml").symlink_to(_outside_file(d))
    return "data/evil.yml:1:1: $: unexpected data file: the loader reads only sources.yml"


def symlinked_data_file(d):
    (d.path / "glossary.yml").unlink()
    (d.path / "glossary.yml").symlink_to(_outside_file(d))
    return (
        "data/glossary.yml:1:1: $: is a symbolic link to a file outside data/; the loader does not follow it: "
        "put the file itself in data/"
    )


def symlinked_area(d):
    (d.path / "areas" / "elsewhere.yml").symlink_to(_outside_file(d))
    return (
        "data/areas/elsewhere.yml:1:1: $: is a symbolic link to a file outside data/; the loader does not follow it: "
        "put the file itself in data/"
    )


def unregistered_citation(d):
    text = _area_with(d, 'para: "10.2"', 'para: "99.9"')
    return (
        f"data/{AREA}:{_line(text, '99.9')}:36: $.cites[2].para: paragraph '99.9' is not in the register for "
        "source 'southwark-2009' (data/sources.yml)"
    )


def shared_chair(d):
    text = _area_with(
        d,
        "lscb_chair: An independent chair",
        "lscb_chair: The Executive Member for Children's Services",
    )
    return f"data/{AREA}:{_line(text, 'lscb_chair:')}:13: $.lscb_chair: the Local Safeguarding Children Board needs a different chair from the Board"


def unexpected_file(d):
    d.write("partner.yml", "partners: []\n")
    return "data/partner.yml:1:1: $: unexpected data file: the loader reads only sources.yml"


def missing_file(d):
    (d.path / "board.yml").unlink()
    return "data/board.yml:1:1: $: file is missing"


def url_not_https(d):
    name = "consultations/statutory-guidance-consultation-2008.yml"
    d.replace(name, "\n  email: ", "\n  endpoint: http://forms.example/respond\n  email: ")
    return (
        f"data/{name}:{d.line_of(name, 'endpoint:')}:13: $.respond.endpoint: "
        "'http://forms.example/respond' is not an https:// web address"
    )


def javascript_url(d):
    name = "consultations/statutory-guidance-consultation-2008.yml"
    d.replace(name, "\n  email: ", "\n  endpoint: javascript:alert(1)\n  email: ")
    return f"data/{name}:{d.line_of(name, 'endpoint:')}:13: $.respond.endpoint: 'javascript:alert(1)' is not an https:// web address"


def complex_key(d):
    text = _area_text(d)
    _put_area(d, text + "? [a]\n: 1\n")
    return f"data/{AREA}:{len(text.splitlines()) + 1}:3: $: a key must be plain text, not a list or mapping"


CASES = [
    duplicate_key,
    one_beside_true,
    anchor,
    alias,
    tag,
    several_documents,
    empty_file,
    non_utf8,
    byte_order_mark,
    control_character,
    noncharacter,
    lone_surrogate_bytes,
    lone_surrogate_escape,
    bidi_override,
    zero_width,
    too_deep,
    over_one_megabyte,
    syntax_error,
    unknown_field,
    missing_field,
    over_long_string,
    newline_in_a_name,
    wrong_type,
    value_not_allowed,
    id_not_file_name,
    dangling_partner,
    duplicate_id,
    impossible_date,
    unregistered_citation,
    shared_chair,
    unexpected_file,
    missing_file,
    complex_key,
    url_not_https,
    javascript_url,
    impossible_consultation_date,
    symlink_out_of_data,
    symlinked_data_file,
    symlinked_area,
]


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def previous_site(tmp_path) -> Path:
    site = tmp_path / "site"
    (site / "partners").mkdir(parents=True)
    (site / "index.html").write_text("<p>the previous build</p>", encoding="utf-8")
    (site / "partners" / "index.html").write_text("<p>partners, previously</p>", encoding="utf-8")
    return site


def test_every_case_written_is_run_and_the_readme_counts_them(root):
    """A case written but left out of CASES would never run; the README states how many run."""
    import inspect
    import re

    written = sorted(
        name
        for name, f in globals().items()
        if inspect.isfunction(f)
        and f.__module__ == __name__
        and not name.startswith("_")
        and list(inspect.signature(f).parameters) == ["d"]
    )
    assert sorted(c.__name__ for c in CASES) == written
    readme = " ".join((root / "README.md").read_text(encoding="utf-8").split())
    assert re.search(r"`tests/test_hardening.py` runs (\d+) such inputs", readme).group(1) == str(len(CASES))


@pytest.mark.parametrize("break_data", CASES, ids=[c.__name__ for c in CASES])
def test_hostile_input_is_refused_exactly_and_nothing_is_written(break_data, data_copy, previous_site, root, capsys):
    expected = break_data(data_copy)
    before = _snapshot(previous_site)
    status = main(["build", "--config", str(root / "mkdocs.yml"), "--site-dir", str(previous_site)])
    err = capsys.readouterr().err
    assert status == 1
    assert any(line.startswith(expected) for line in err.splitlines()), f"expected {expected!r} in:\n{err}"
    assert "Traceback" not in err
    assert _snapshot(previous_site) == before
    assert sorted(p.name for p in previous_site.parent.iterdir()) == ["data", "site"]  # no half-built directory


# --- faults during the build itself ------------------------------------------------


def _project_copy(root: Path, tmp_path: Path) -> Path:
    """A copy of the project's inputs (not its .venv or caches) that a test may break."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("data", "docs", "overrides", "macros", "trustdocs"):
        shutil.copytree(root / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")
    return project


def _build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "trustdocs.cli", "build", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)},
    )


@pytest.mark.parametrize(
    "fault, message",
    [
        # A page fails to render part-way through: a template variable nobody defined.
        ("undefined-macro", "'no_such_variable' is undefined"),
        # Every page renders, then the post-build audit finds a script on a page.
        ("script-on-a-page", "inline script that is not the theme's own: 'alert(1)'"),
    ],
)
@pytest.mark.slow  # builds the site
def test_a_build_that_fails_part_way_leaves_the_previous_site_untouched(fault, message, root, tmp_path, previous_site):
    project = _project_copy(root, tmp_path)
    page = "The area lead is {{ no_such_variable }}.\n" if fault == "undefined-macro" else "<script>alert(1)</script>\n"
    (project / "docs" / "zz-broken.md").write_text(f"# Broken\n\n{page}", encoding="utf-8")
    before = _snapshot(previous_site)
    result = _build(project, previous_site)
    assert result.returncode == 1
    assert message in result.stderr, result.stderr
    assert "was left unchanged" in result.stderr
    assert _snapshot(previous_site) == before
    assert not [p.name for p in previous_site.parent.iterdir() if p.name.startswith(".site-")]
