"""``trustdocs analyse``: sample responses (a spreadsheet and the response form's own JSON files)
to the outcome numbers and page; malformed responses rejected with a precise message and
nothing written.
"""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from tooling import site_html

from trustdocs.core.strict_yaml import parse_yaml
from trustdocs.pipeline.load import load_dataset, validate
from trustdocs.rendering.consultations.pages import outcome_page
from trustdocs.responses.analysis import run_analysis, tally
from trustdocs.responses.read import read_responses

OPTIONS = "legislative-options-consultation-2008"
SAMPLES = Path(__file__).parent / "fixtures" / "consultation_responses"
SAMPLE_FILES = [SAMPLES / "legislative-options.csv", SAMPLES / "form-response-1.json", SAMPLES / "form-response-2.json"]


def options(dataset):
    return next(c for c in dataset.consultations if c.id == OPTIONS)


def analyse(dataset, root, files, out=None) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run_analysis(dataset, OPTIONS, files, out, stdout=stdout, stderr=stderr)
    return code, stdout.getvalue(), stderr.getvalue()


# --- the round trip -----------------------------------------------------------------


def test_the_sample_responses_count_as_expected(dataset):
    counts = tally(options(dataset), read_responses(SAMPLE_FILES, options(dataset)))
    assert counts.total == 5
    assert [(c, n) for c, n in counts.by_category if n] == [
        ("childrens-trust", 1),
        ("voluntary-community-sector", 1),
        ("school", 2),
        ("other", 1),
    ]
    by_question = {q.question: q for q in counts.questions}
    assert by_question["q1"].answers == (("yes", 3), ("no", 1), ("not-sure", 1))
    assert by_question["q1"].comments == 2
    assert by_question["q9"].answers == (("yes", 2), ("no", 1), ("not-sure", 1))
    assert by_question["q3"].answers == () and by_question["q3"].comments == 1  # free text: comments only
    assert by_question["q7"].comments == 1


def test_a_csv_record_over_several_lines_is_read_whole(dataset):
    responses = read_responses([SAMPLES / "legislative-options.csv"], options(dataset))
    assert [r.where.rsplit(":", 1)[1] for r in responses] == ["2", "3", "5"]  # the second record spans lines 3 and 4
    comments = next(a.comments for a in responses[1].answers if a.question == "q3")
    assert comments == "Through the Primary Care Trust,\nand through practice-based commissioning."


def test_the_outcome_file_is_valid_data_and_the_outcome_page_shows_the_numbers(dataset, root, data_copy):
    out = data_copy.path / "consultation-outcomes" / f"{OPTIONS}.yml"
    code, stdout, stderr = analyse(dataset, root, SAMPLE_FILES, out)
    assert (code, stderr) == (0, "")
    assert "  Question 1 (q1): Yes 3 (60%), No 1 (20%), Not sure 1 (20%), 2 commented\n" in stdout
    assert "  School: 2 (40%)\n" in stdout
    assert stdout.endswith(f"\nWrote {out}\n")
    text = out.read_text(encoding="utf-8")
    doc, problems = parse_yaml("outcome.yml", text.encode())
    assert problems == [] and doc.data["responses"]["by_category"][4] == {"category": "school", "count": "2"}
    assert validate(data_copy.path) == []
    data = load_dataset(data_copy.path)
    soup = BeautifulSoup(site_html(outcome_page(data, options(data)).markdown), "html.parser")
    rows = [
        [c.get_text(strip=True) for c in tr.find_all(["td", "th"])]
        for tr in soup.find("h3", id="q1").find_next("table").find_all("tr")
    ]
    assert rows == [
        ["Answer", "Responses", "Share"],
        ["Yes", "3", "60%"],
        ["No", "1", "20%"],
        ["Not sure", "1", "20%"],
        ["Total", "5", "100%"],
    ]
    assert "2 respondents wrote comments." in soup.get_text()
    assert (
        soup.find("h3", id="q8").find_next("p").find_next("p").get_text() == "No one chose an answer to this question."
    )


def test_the_outcome_file_is_the_same_every_time(dataset, root, tmp_path):
    first, second = tmp_path / "a.yml", tmp_path / "b.yml"
    assert analyse(dataset, root, SAMPLE_FILES, first)[0] == 0
    assert analyse(dataset, root, list(reversed(SAMPLE_FILES)), second)[0] == 0
    assert first.read_bytes() == second.read_bytes()


# Starts another Python process (seconds): make test runs it, make unit does not; run_analysis is tested in-process.
@pytest.mark.slow
def test_the_command_line_prints_the_outcome_when_not_told_where_to_write_it(root, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "trustdocs.cli", "analyse", "--consultation", OPTIONS, *map(str, SAMPLE_FILES)],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"# The outcome of data/consultations/{OPTIONS}.yml,\n")
    assert '  - question: "q9"\n    answers:\n      - {answer: "yes", count: "2"}\n' in result.stdout
    assert "Answers by question:" in result.stderr


# --- malformed responses ------------------------------------------------------------


@pytest.fixture
def out_file(tmp_path) -> Path:
    out = tmp_path / "outcome.yml"
    out.write_text("previous outcome\n", encoding="utf-8")
    return out


def rejected(dataset, root, out_file, *files: Path) -> list[str]:
    code, stdout, stderr = analyse(dataset, root, list(files), out_file)
    assert code == 1 and stdout == ""
    assert out_file.read_text(encoding="utf-8") == "previous outcome\n"  # nothing written
    lines = stderr.splitlines()
    assert lines[-1] == f"{len(lines) - 1} problem(s) found; nothing was written."
    return lines[:-1]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


QUESTIONS = "q1, q2, q3, q4, q5, q6, q7, q8, q9"
CATEGORIES = (
    "childrens-trust, director-of-childrens-services, voluntary-community-sector, local-authority-senior-management, "
    "school, strategic-health-authority-primary-care-trust, college, professional-working-with-young-people, parent, other"
)


def test_csv_unknown_answer_and_unknown_category_name_the_line_of_the_record(dataset, root, out_file, tmp_path):
    bad = write(tmp_path, "bad.csv", 'category,q1,q1-comments\nschool,Yes,"two\nlines"\nschool,maybe,\nteacher,no,\n')
    assert rejected(dataset, root, out_file, bad) == [
        f"{bad}:4: q1: unknown answer 'maybe' (answers: yes, no, not-sure)",
        f"{bad}:5: category: unknown respondent category 'teacher' (categories: {CATEGORIES})",
    ]


def test_csv_unknown_question_and_missing_category_are_header_problems(dataset, root, out_file, tmp_path):
    bad = write(tmp_path, "bad.csv", "name,q1,q12,q2,colour\nA,yes,no,,red\n")
    assert rejected(dataset, root, out_file, bad) == [
        f"{bad}:1: q12: unknown question 'q12' (this consultation asks {QUESTIONS})",
        f"{bad}:1: q2: question q2 asks for comments only; put its answers in the column q2-comments",
        f"{bad}:1: colour: unknown column (columns: name, organisation, email, category, category-detail, confidential, "
        "then qN and qN-comments for each question)",
        f"{bad}:1: category: missing column 'category'",
    ]


def test_csv_missing_category_in_a_record(dataset, root, out_file, tmp_path):
    bad = write(tmp_path, "bad.csv", "category,q1\n,yes\n")
    assert rejected(dataset, root, out_file, bad) == [
        f"{bad}:2: category: missing respondent category (categories: {CATEGORIES})"
    ]


def test_json_unknown_question_answer_and_consultation_name_the_record(dataset, root, out_file, tmp_path):
    bad = write(
        tmp_path,
        "bad.json",
        """[
  {"format": "trustdocs-consultation-response", "version": "1", "consultation": "legislative-options-consultation-2008",
   "respondent": {"category": "school"}, "answers": {"q12": {"choice": "yes"}}},
  {"format": "trustdocs-consultation-response", "version": "1", "consultation": "legislative-options-consultation-2008",
   "respondent": {"category": "parent", "colour": "red"}, "answers": {"q1": {"choice": "maybe"}, "q2": {"choice": "yes"}}},
  {"format": "trustdocs-consultation-response", "version": "1", "consultation": "some-other-consultation",
   "respondent": {"category": "governor"}, "answers": {}}
]""",
    )
    assert rejected(dataset, root, out_file, bad) == [
        f"{bad}: record 1: answers.q12: unknown question 'q12' (this consultation asks {QUESTIONS})",
        f"{bad}: record 2: respondent.colour: unknown field (fields: name, organisation, email, category, category-detail, confidential)",
        f"{bad}: record 2: answers.q1.choice: unknown answer 'maybe' (answers: yes, no, not-sure)",
        f"{bad}: record 2: answers.q2.choice: question q2 asks for comments only",
        f"{bad}: record 3: consultation: this response is for 'some-other-consultation', not '{OPTIONS}'",
        f"{bad}: record 3: respondent.category: unknown respondent category 'governor' (categories: {CATEGORIES})",
    ]


def test_broken_json_and_a_file_that_is_not_a_response(dataset, root, out_file, tmp_path):
    broken = write(tmp_path, "broken.json", '{\n  "format": "trustdocs-consultation-response",\n  "version": 1,,\n}\n')
    other = write(tmp_path, "other.json", '{"name": "a list of something else"}')
    assert rejected(dataset, root, out_file, broken, other) == [
        f"{broken}:3: json: not valid JSON: Expecting property name enclosed in double quotes (column 16)",
        f"{other}: record 1: name: unknown field (fields: format, version, consultation, respondent, answers)",
        f"{other}: record 1: format: expected 'trustdocs-consultation-response': this is not a file the response form saved",
        f"{other}: record 1: consultation: this response is for None, not '{OPTIONS}'",
        f"{other}: record 1: respondent: missing: expected a mapping with the respondent's category",
        f"{other}: record 1: respondent.category: missing respondent category (categories: {CATEGORIES})",
    ]


def test_one_bad_file_among_good_ones_writes_nothing(dataset, root, out_file, tmp_path):
    bad = write(tmp_path, "bad.csv", "category,q5\nschool,perhaps\n")
    assert rejected(
        dataset, root, out_file, *SAMPLE_FILES, bad, tmp_path / "missing.csv", write(tmp_path, "notes.txt", "x")
    ) == [
        f"{bad}:2: q5: unknown answer 'perhaps' (answers: yes, no, not-sure)",
        f"{tmp_path / 'missing.csv'}: file not found",
        f"{tmp_path / 'notes.txt'}: cannot read a .txt: give .csv or .json files",
    ]


def test_an_unknown_consultation(dataset, root, tmp_path):
    stderr = io.StringIO()
    code = run_analysis(dataset, "no-such-consultation", SAMPLE_FILES, None, io.StringIO(), stderr)
    assert code == 1
    assert stderr.getvalue() == (
        f"unknown consultation 'no-such-consultation' (data/consultations/ has: {OPTIONS}, "
        "statutory-guidance-consultation-2008)\n"
    )


# Starts another Python process (seconds): make test runs it, make unit does not; run_analysis is tested in-process.
@pytest.mark.slow
def test_the_command_line_exits_1_without_a_traceback(root, tmp_path):
    bad = write(tmp_path, "bad.csv", "category,q1\nschool,maybe\n")
    shutil.copy(SAMPLES / "form-response-1.json", tmp_path / "good.json")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "trustdocs.cli",
            "analyse",
            "--consultation",
            OPTIONS,
            str(bad),
            str(tmp_path / "good.json"),
            "--out",
            str(tmp_path / "out.yml"),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"{bad}:2: q1: unknown answer 'maybe' (answers: yes, no, not-sure)\n1 problem(s) found; nothing was written.\n"
    )
    assert not (tmp_path / "out.yml").exists()


def test_csv_headers_and_answers_may_be_written_as_a_spreadsheet_user_would(dataset, tmp_path):
    sheet = write(
        tmp_path, "sheet.csv", "\ufeffCategory,Q1,Q1-Comments\nschool,NOT SURE,\nparent,Not sure,Maybe later\n"
    )
    counts = tally(options(dataset), read_responses([sheet], options(dataset)))
    assert {q.question: q.answers for q in counts.questions}["q1"] == (("yes", 0), ("no", 0), ("not-sure", 2))


@pytest.mark.parametrize(
    "count, total, shown",
    [
        (1, 8, 13),  # 12.5: half up, as the docstring says (banker's rounding would give 12)
        (5, 8, 63),  # 62.5 (banker's: 62)
        (3, 8, 38),  # 37.5 (banker's: 38 too)
        (1, 200, 1),  # 0.5 (banker's: 0)
        (1, 3, 33),
        (2, 3, 67),
        (0, 7, 0),
        (7, 7, 100),
        (0, 0, 0),  # nothing to divide
        (143, 143, 100),
        (19, 143, 13),  # 13.29
    ],
)
def test_percentages_are_whole_numbers_rounded_half_up(count, total, shown):
    from trustdocs.model.consultations import percent

    assert percent(count, total) == shown


def test_the_outcome_file_and_the_summary_are_exactly_as_expected(dataset, root):
    """Every line of both outputs for the sample responses (reviewed by hand: 5 responses, 3 files)."""
    code, stdout, stderr = analyse(dataset, root, SAMPLE_FILES)
    assert code == 0
    assert stdout == (SAMPLES / "expected-outcome.yml").read_text(encoding="utf-8")
    assert stderr == (SAMPLES / "expected-summary.txt").read_text(encoding="utf-8")


def test_one_response_in_one_file_is_counted_in_the_singular(dataset, root):
    code, stdout, stderr = analyse(dataset, root, [SAMPLES / "form-response-1.json"])
    assert code == 0
    assert "# counted by `trustdocs analyse` from 1 response in 1 file.\n" in stdout
    assert 'summary: "Counted from 1 response sent in as files."\n' in stdout
    assert stderr.startswith("Strengthening Children's Trusts: legislative options: 1 response\n")


def test_an_unknown_consultation_is_named_with_the_ones_there_are(dataset, root):
    stdout, stderr = io.StringIO(), io.StringIO()
    assert run_analysis(dataset, "no-such", SAMPLE_FILES, None, stdout=stdout, stderr=stderr) == 1
    known = ", ".join(c.id for c in dataset.consultations)
    assert stderr.getvalue() == f"unknown consultation 'no-such' (data/consultations/ has: {known})\n"
    assert stdout.getvalue() == ""
    stderr = io.StringIO()
    none = dataclasses.replace(dataset, consultations=())
    assert run_analysis(none, "no-such", SAMPLE_FILES, None, stdout=stdout, stderr=stderr) == 1
    assert stderr.getvalue() == "unknown consultation 'no-such' (data/consultations/ has: none)\n"


# Found by make mutation: how the analysis file is written.
def test_the_analysis_file_is_written_into_new_folders_as_utf8_text(tmp_path):
    from trustdocs.responses.analysis import _write_atomically

    target = tmp_path / "new" / "folders" / "analysis.yml"
    _write_atomically(target, "name: Café\n")
    assert target.read_bytes() == "name: Café\n".encode()
    assert list(target.parent.iterdir()) == [target]  # no partial file left behind


def test_the_analysis_file_is_renamed_into_place_from_a_hidden_file_beside_it(tmp_path, monkeypatch):
    """A rename within one folder is atomic: a reader sees the old file or the new one, never half of one."""
    from trustdocs.responses import analysis

    renames = []
    real_replace = os.replace
    monkeypatch.setattr(
        analysis.os, "replace", lambda src, dst: (renames.append((Path(src), Path(dst))), real_replace(src, dst))
    )
    target = tmp_path / "analysis.yml"
    analysis._write_atomically(target, "x: 1\n")
    [(partial, written)] = renames
    assert written == target and partial.parent == target.parent and partial.name.startswith(".analysis.yml.")


def test_a_failed_write_leaves_the_old_file_and_no_partial_file(tmp_path, monkeypatch):
    from trustdocs.responses import analysis

    target = tmp_path / "analysis.yml"
    target.write_text("old\n", encoding="utf-8")

    def refuse(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(analysis.os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        analysis._write_atomically(target, "new\n")
    assert list(tmp_path.iterdir()) == [target] and target.read_text(encoding="utf-8") == "old\n"


# Found by make mutation: header rows that name nothing, repeated or blank columns, and the exception's text.
@pytest.mark.parametrize("text", ["", "\n", " , ,\nschool,yes\n"], ids=["empty", "blank-line", "blank-cells"])
def test_csv_without_a_header_is_one_problem(dataset, root, out_file, tmp_path, text):
    bad = write(tmp_path, "bad.csv", text)
    assert rejected(dataset, root, out_file, bad) == [
        f"{bad}:1: columns: the file is empty; its first line must name the columns"
    ]


def test_csv_repeated_and_blank_columns_are_header_problems(dataset, root, out_file, tmp_path):
    bad = write(tmp_path, "bad.csv", "category,q1,,Q1\nschool,yes,,no\n")
    assert rejected(dataset, root, out_file, bad) == [
        f"{bad}:1: (blank): unknown column (columns: name, organisation, email, category, category-detail, "
        "confidential, then qN and qN-comments for each question)",
        f"{bad}:1: q1: the column appears twice",
    ]


def test_the_exception_carries_every_problem_one_line_each(dataset, tmp_path):
    from trustdocs.responses.read import ResponseProblems

    bad = write(tmp_path, "bad.csv", "category,q1\nschool,maybe\nteacher,yes\n")
    with pytest.raises(ResponseProblems) as caught:
        read_responses([bad], options(dataset))
    assert len(caught.value.problems) == 2
    assert str(caught.value) == "\n".join(caught.value.problems)


def test_the_analysis_file_is_utf8_whatever_the_machines_locale(tmp_path, root):
    """A machine whose locale is ASCII (LC_ALL=C, without Python's UTF-8 coercion) still writes UTF-8 with LF."""
    from trustdocs.responses.analysis import _write_atomically

    _write_atomically(tmp_path / "here.yml", "name: Caf\u00e9\n")  # in this process too, so mutmut maps the test
    assert (tmp_path / "here.yml").read_bytes() == "name: Café\n".encode()
    target = tmp_path / "analysis.yml"
    code = (
        "import sys; from pathlib import Path; from trustdocs.responses.analysis import _write_atomically; "
        "_write_atomically(Path(sys.argv[1]), 'name: Caf\\u00e9\\n')"
    )
    env = {**os.environ, "LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)  # the code this process runs (mutmut's too)
    result = subprocess.run(
        [sys.executable, "-c", code, str(target)], cwd=root, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == "name: Café\n".encode()


def test_csv_reading_goes_on_past_blank_and_overlong_records(dataset, root, out_file, tmp_path):
    bad = write(tmp_path, "bad.csv", "category,q1\nschool,yes\n,\nschool,yes,extra\nteacher,yes\n")
    assert rejected(dataset, root, out_file, bad) == [
        f"{bad}:4: columns: the record has 3 values but the header names 2 columns",
        f"{bad}:5: category: unknown respondent category 'teacher' (categories: {CATEGORIES})",
    ]


def _counted(dataset) -> str:
    stdout, stderr = io.StringIO(), io.StringIO()
    assert run_analysis(dataset, OPTIONS, [SAMPLES / "legislative-options.csv"], None, stdout, stderr) == 0
    return stdout.getvalue()


def test_the_outcome_check_reports_every_kind_of_problem_with_the_file_named(dataset):
    """check_outcome reads the outcome as the site will: its YAML, its schema and the consultation's ids, all
    of them at once (written for make mutation's survivors in responses/analysis.py)."""
    from trustdocs.responses.analysis import _raw, check_outcome

    text = _counted(dataset)
    assert check_outcome(text, _raw(options(dataset)), "data/consultation-outcomes/x.yml") == []
    broken = text.replace('summary: "Counted', 'colour: red\nsummary: "Counted', 1)  # schema
    broken = broken.replace('  - question: "q4"', '  - question: "q99"', 1)  # the consultation's ids
    broken = broken.replace('  - question: "q2"\n', '  - question: "q2"\n    comments: "0"\n', 1)  # the YAML
    lines = broken.split("\n")
    colour = next(i for i, s in enumerate(lines, 1) if s.startswith("colour"))
    q99 = next(i for i, s in enumerate(lines, 1) if s == '  - question: "q99"')
    q2 = next(i for i, s in enumerate(lines, 1) if s == '  - question: "q2"')
    assert check_outcome(broken, _raw(options(dataset)), "data/consultation-outcomes/x.yml") == [
        f"data/consultation-outcomes/x.yml:{q2 + 2}:5: $.questions[1].comments: duplicate key 'comments' "
        f"(first given on line {q2 + 1})",
        f"data/consultation-outcomes/x.yml:{colour}:1: $.colour: unknown field 'colour' (allowed here: "
        "cites, findings, next_steps, questions, responses, summary)",
        f"data/consultation-outcomes/x.yml:{q99}:15: $.questions[3].question: unknown "
        f"question 'q99': data/consultations/{OPTIONS}.yml asks q1, q2, q3, q4, q5, q6, q7, q8, q9",
    ]
    # Answers counted for a question that asks for comments only: the check knows each question's kind.
    comments_only = text.replace(
        '  - question: "q2"\n', '  - question: "q2"\n    answers:\n      - {answer: "yes", count: "1"}\n', 1
    )
    q2 = (
        comments_only.split("\n").index('  - question: "q2"') + 3
    )  # the answers list starts two lines below it (lines count from 1)
    assert check_outcome(comments_only, _raw(options(dataset)), "F") == [
        f"F:{q2}:7: $.questions[1].answers: question q2 asks for comments only, so it has no answers to count"
    ]
    assert check_outcome("a: [1,\n", _raw(options(dataset)), "F")[0].startswith("F:2:1: $: YAML syntax error")


def test_an_outcome_the_site_would_reject_is_an_internal_error_and_nothing_is_written(dataset, monkeypatch, tmp_path):
    from trustdocs.responses import analysis

    monkeypatch.setattr(analysis, "check_outcome", lambda text, raw, name: [f"{name}:1:1: $: made up"])
    stdout, stderr = io.StringIO(), io.StringIO()
    out = tmp_path / "outcome.yml"
    code = run_analysis(dataset, OPTIONS, [SAMPLES / "legislative-options.csv"], out, stdout, stderr)
    assert code == 1 and not out.exists() and stdout.getvalue() == ""
    assert stderr.getvalue() == f"internal error: data/consultation-outcomes/{OPTIONS}.yml:1:1: $: made up\n"
