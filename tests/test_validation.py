"""Schema and cross-reference checks on a deliberately broken copy of the real data.

Each test breaks one thing and asserts the exact ``file:line:col: path: message``.
"""

from __future__ import annotations

import pytest

from trustdocs.core.problems import DataError
from trustdocs.pipeline.load import load_dataset, validate


def only(data_copy) -> list[str]:
    return [str(p) for p in validate(data_copy.path)]


def test_unknown_field(data_copy):
    data_copy.replace("partners.yml", "  - id: police\n", "  - id: police\n    colour: blue\n")
    line = data_copy.line_of("partners.yml", "colour: blue")
    assert only(data_copy) == [
        f"data/partners.yml:{line}:5: $.partners[2].colour: unknown field 'colour' (allowed here: area_types, "
        "category, cites, id, name, short_name, status_history, statutory_basis, summary)"
    ]


def test_missing_field(data_copy):
    data_copy.replace("board.yml", "    role: It led the arrangements to cooperate", "    # role removed")
    data_copy.replace(
        "board.yml",
        "    status:\n      - status: proposed\n        from: 2008-07\n        strength: must\n"
        "        binds: [local-authority]\n",
        "    oldstatus:\n      - status: proposed\n        from: 2008-07\n"
        "        strength: must\n        binds: [local-authority]\n",
    )
    line = data_copy.line_of("board.yml", "- id: member-local-authority")
    assert only(data_copy) == [
        f"data/board.yml:{line}:5: $.membership[0].role: missing required field 'role'",
        f"data/board.yml:{line}:5: $.membership[0].status: missing required field 'status'",
        f"data/board.yml:{line + 3}:5: $.membership[0].oldstatus: unknown field 'oldstatus' (allowed here: cites, id, "
        "partner, role, status)",
    ]


def test_a_bare_strength_is_refused_with_the_reason(data_copy):
    """A strength outside a status entry would read as law: the message says where it belongs."""
    data_copy.replace("board.yml", "    role: It led", "    strength: must\n    role: It led")
    line = data_copy.line_of("board.yml", "    strength: must")
    assert only(data_copy) == [
        f"data/board.yml:{line}:5: $.membership[0].strength: a bare strength is not allowed: put it in a status entry, "
        "which says when, by what source and whom it binds (a proposal reads 'proposed in July 2008: would be required')"
    ]


def test_a_status_needs_its_basis_or_its_document_and_a_strength_needs_whom_it_binds(data_copy):
    data_copy.replace(
        "board.yml",
        "        binds: [local-authority]\n        by: legislative-options-2008\n        note: The local",
        "        note: The local",
    )
    line = data_copy.line_of("board.yml", "        note: The local")
    assert only(data_copy) == [
        f"data/board.yml:{line - 3}:9: $.membership[0].status[0].binds: 'strength' needs 'binds': say whom the strength applies to",
        f"data/board.yml:{line - 3}:9: $.membership[0].status[0].by: missing required field 'by'",
    ]


def test_value_not_in_the_allowed_list(data_copy):
    data_copy.replace("duties.yml", "    strength: must\n", "    strength: shall\n")
    line = data_copy.line_of("duties.yml", "strength: shall")
    assert only(data_copy) == [
        f"data/duties.yml:{line}:19: $.duties[0].status[0].strength: 'shall' is not one of: must, should, may"
    ]


def test_impossible_date(data_copy):
    data_copy.replace("sources.yml", "date: 2009-07-21", "date: 2009-02-30")
    line = data_copy.line_of("sources.yml", "date: 2009-02-30")
    assert only(data_copy) == [
        f"data/sources.yml:{line}:11: $.sources[5].date: '2009-02-30' is not a real date written as YYYY, YYYY-MM or YYYY-MM-DD"
    ]


def test_a_date_that_is_a_list_says_what_a_date_is(data_copy):
    """The date type also allows a whole number, for editors' YAML 1.2 servers; the message still says text."""
    data_copy.replace("sources.yml", "date: 2009-07-21", "date: [2009, 7]")
    line = data_copy.line_of("sources.yml", "date: [2009, 7]")
    assert only(data_copy) == [f"data/sources.yml:{line}:11: $.sources[5].date: expected text, found a list"]


def test_bad_id_form(data_copy):
    data_copy.replace("outcomes.yml", "id: be-healthy", "id: Be Healthy")
    assert only(data_copy) == [
        "data/outcomes.yml:6:9: $.outcomes[0].id: 'Be Healthy' is not in the expected form: A stable identifier: "
        "lower-case words joined by hyphens. Never change one once published: page addresses and citations use it."
    ]


def test_dangling_partner_reference(data_copy):
    data_copy.replace("duties.yml", "holders: [local-authority]", "holders: [local-authoritee]")
    line = data_copy.line_of("duties.yml", "local-authoritee")
    assert only(data_copy) == [
        f"data/duties.yml:{line}:15: $.duties[0].holders[0]: unknown partner 'local-authoritee': no partner in data/partners.yml has this id"
    ]


def test_same_id_twice_across_files(data_copy):
    data_copy.replace("glossary.yml", "  - id: caf\n", "  - id: police\n")
    partner_line = data_copy.line_of("partners.yml", "- id: police")
    line = data_copy.line_of("glossary.yml", "- id: police")
    assert only(data_copy) == [
        f"data/glossary.yml:{line}:9: $.terms[13].id: id 'police' is already used at data/partners.yml:{partner_line}"
    ]


def test_same_id_twice_in_one_file(data_copy):
    data_copy.replace("features.yml", "id: integrated-processes", "id: integrated-strategy")
    first = data_copy.line_of("features.yml", "id: integrated-strategy", 1)
    second = data_copy.line_of("features.yml", "id: integrated-strategy", 2)
    assert only(data_copy) == [
        f"data/features.yml:{second}:9: $.features[3].id: id 'integrated-strategy' is already used at data/features.yml:{first}"
    ]


def test_citation_to_an_unregistered_paragraph(data_copy):
    data_copy.replace("cypp.yml", 'para: "35"', 'para: "52"')
    line = data_copy.line_of("cypp.yml", 'para: "52"')
    assert only(data_copy) == [
        f"data/cypp.yml:{line}:54: $.requirements[3].status[0].cites[1].para: paragraph '52' is not in the register for source 'legislative-options-2008' (data/sources.yml)"
    ]


def test_citation_to_an_unknown_source(data_copy):
    data_copy.replace(
        "features.yml", 'source: draft-guidance-2008, para: "3.33"', 'source: draft-guidance-2009, para: "3.33"'
    )
    line = data_copy.line_of("features.yml", "draft-guidance-2009")
    assert only(data_copy) == [
        f"data/features.yml:{line}:18: $.features[4].cites[1].source: unknown source 'draft-guidance-2009': add it to data/sources.yml or fix the id"
    ]


def test_statuses_out_of_order(data_copy):
    data_copy.replace(
        "partners.yml",
        '      - status: proposed-relevant-partner\n        from: 2008-07\n        by: legislative-options-2008\n        cites:\n          - {source: legislative-options-2008, para: "23"}\n    cites:\n      - {source: legislative-options-2008, para: "20"}',
        '      - status: proposed-relevant-partner\n        from: 2004\n        by: legislative-options-2008\n        cites:\n          - {source: legislative-options-2008, para: "23"}\n    cites:\n      - {source: legislative-options-2008, para: "20"}',
    )
    line = data_copy.line_of("partners.yml", "from: 2004")
    assert only(data_copy) == [
        f"data/partners.yml:{line}:15: $.partners[9].status_history[1].from: statuses must be listed oldest first; this one starts before the one above it"
    ]


def test_a_missing_file_and_an_unexpected_file(data_copy):
    (data_copy.path / "glossary.yml").unlink()
    data_copy.write("areas.yaml", "x: 1\n")
    assert only(data_copy) == [
        "data/areas.yaml:1:1: $: unexpected data file: the loader reads only sources.yml, outcomes.yml, features.yml, "
        "partners.yml, duties.yml, board.yml, cypp.yml, glossary.yml, guidance.yml, timeline.yml, changes.yml "
        "and the folders areas/, consultations/, consultation-outcomes/",
        "data/glossary.yml:1:1: $: file is missing",
    ]


def test_problems_in_several_files_are_all_reported_at_once(data_copy):
    data_copy.replace("duties.yml", "kind: power", "kind: privilege")
    data_copy.replace("outcomes.yml", "name: Stay safe", "name: ''")
    data_copy.write("features.yml", b"features: \xff\n")
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy.path)
    files = sorted({p.file for p in caught.value.problems})
    assert files == ["data/duties.yml", "data/features.yml", "data/outcomes.yml"]


def test_guidance_refers_to_an_unknown_duty(data_copy):
    data_copy.replace("guidance.yml", "        duties: [", "        duties: [no-such-duty, ")
    line = data_copy.line_of("guidance.yml", "no-such-duty")
    problems = only(data_copy)
    assert len(problems) == 1
    assert problems[0].startswith(f"data/guidance.yml:{line}:")
    assert problems[0].endswith("unknown duty 'no-such-duty': no duty in data/duties.yml has this id")


def test_guidance_paragraph_numbers_are_unique(data_copy):
    data_copy.replace("guidance.yml", 'number: "1.2"', 'number: "1.1"')
    first = data_copy.line_of("guidance.yml", 'number: "1.1"', 1)
    second = data_copy.line_of("guidance.yml", 'number: "1.1"', 2)
    consultation = (
        (data_copy.path / "consultations" / "statutory-guidance-consultation-2008.yml").read_text().splitlines()
    )
    asks = next(i for i, line in enumerate(consultation, 1) if '"1.2"' in line and "paragraphs" in line)
    assert only(data_copy) == [
        # A consultation question asked about paragraph 1.2, which is now gone: that is reported too.
        f"data/consultations/statutory-guidance-consultation-2008.yml:{asks}:54: $.questions[9].about[0].paragraphs[0]: "
        "paragraph 1.2 is not in guidance section 'guidance-step-change' (data/guidance.yml)",
        f"data/guidance.yml:{second}:17: $.sections[0].paragraphs[1].number: paragraph number 1.1 is already used on line {first}",
    ]


def test_timeline_runs_oldest_first(data_copy):
    data_copy.replace("timeline.yml", "    date: 2004\n", "    date: 2002\n")
    line = data_copy.line_of("timeline.yml", "date: 2002")
    assert only(data_copy) == [
        f"data/timeline.yml:{line}:11: $.events[1].date: events must be listed oldest first; this one starts before the one above it"
    ]


# --- areas (data/areas/*.yml) ------------------------------------------------------


def test_an_area_missing_a_board_seat_body(data_copy):
    data_copy.replace(
        "areas/southwark.yml", "  - partner: connexions\n    names: [Connexions service for Southwark]\n", ""
    )
    line = data_copy.line_of("areas/southwark.yml", "bodies:")
    assert only(data_copy) == [
        f"data/areas/southwark.yml:{line}:1: $.bodies: name the body for each Board seat in a unitary area; missing: connexions"
    ]


def test_a_unitary_area_naming_district_councils(data_copy):
    data_copy.replace(
        "areas/southwark.yml",
        "  - partner: police\n",
        "  - partner: district-councils\n    names: [A District]\n  - partner: police\n",
    )
    line = data_copy.line_of("areas/southwark.yml", "partner: district-councils")
    assert only(data_copy) == [
        f"data/areas/southwark.yml:{line}:14: $.bodies[1].partner: 'district-councils' has no seat on the Board in a unitary area: remove it"
    ]


def test_an_area_naming_an_unknown_partner(data_copy):
    data_copy.replace("areas/wessex.yml", "partner: police", "partner: polise")
    line, bodies = (
        data_copy.line_of("areas/wessex.yml", "partner: polise"),
        data_copy.line_of("areas/wessex.yml", "bodies:"),
    )
    assert only(data_copy) == [
        f"data/areas/wessex.yml:{bodies}:1: $.bodies: name the body for each Board seat in a two-tier area; missing: police",
        f"data/areas/wessex.yml:{line}:14: $.bodies[2].partner: unknown partner 'polise': no partner in data/partners.yml has this id",
    ]


def test_the_board_and_the_safeguarding_board_sharing_a_chair(data_copy):
    data_copy.replace(
        "areas/wessex.yml", "lscb_chair: An independent chair", "lscb_chair: the lead member for children's services"
    )
    line = data_copy.line_of("areas/wessex.yml", "lscb_chair:")
    assert only(data_copy) == [
        f"data/areas/wessex.yml:{line}:13: $.lscb_chair: the Local Safeguarding Children Board needs a different chair from the Board"
    ]


def test_an_area_whose_id_is_not_its_file_name(data_copy):
    data_copy.replace("areas/wessex.yml", "id: wessex", "id: wessex-county")
    line = data_copy.line_of("areas/wessex.yml", "id: wessex-county")
    assert only(data_copy) == [
        f"data/areas/wessex.yml:{line}:5: $.id: id 'wessex-county' must match the file name 'wessex.yml'"
    ]


def test_a_file_in_the_areas_folder_that_is_not_yml(data_copy):
    data_copy.write("areas/notes.txt", "not data\n")
    data_copy.write("areas/kent.yaml", "id: kent\n")
    assert only(data_copy) == [
        "data/areas/kent.yaml:1:1: $: unexpected file in data/areas/: each record is one NAME.yml file",
        "data/areas/notes.txt:1:1: $: unexpected file in data/areas/: each record is one NAME.yml file",
    ]


def test_an_area_with_a_zero_quorum_and_a_bad_year(data_copy):
    data_copy.replace("areas/wessex.yml", 'quorum: "8"', 'quorum: "0"')
    data_copy.replace("areas/wessex.yml", 'from: "2011"', 'from: "11"')
    quorum, period = (
        data_copy.line_of("areas/wessex.yml", "quorum:"),
        data_copy.line_of("areas/wessex.yml", "plan_period:"),
    )
    assert only(data_copy) == [
        f"data/areas/wessex.yml:{quorum}:9: $.quorum: '0' is not in the expected form: A whole number from 1 to 99.",
        f"data/areas/wessex.yml:{period}:21: $.plan_period.from: '11' is not in the expected form: "
        "A four-figure year, such as 2009.",
    ]


def test_a_constitution_note_must_explain_a_clause_the_constitution_has(data_copy):
    data_copy.replace(
        "board.yml", "    clauses: [local-strategic-partnership]\n", "    clauses: [local-strategic-partnerships]\n"
    )
    line = data_copy.line_of("board.yml", "    clauses: [local-strategic-partnerships]")
    assert only(data_copy) == [
        f"data/board.yml:{line}:15: $.constitution_notes[11].clauses[0]: 'local-strategic-partnerships' is not a "
        "clause of the model constitution: use a clause id from trustdocs/rendering/documents/constitution.py, "
        "or 'introduction'"
    ]


def test_a_rule_can_only_word_a_clause_the_constitution_takes_from_a_rule(data_copy):
    data_copy.replace("board.yml", "      clause: partners-keep-functions\n", "      clause: quorum\n")
    line = data_copy.line_of("board.yml", "      clause: quorum")
    rules = data_copy.line_of("board.yml", "rules:")
    # Problems come in line order: the missing clause is reported at 'rules:'.
    assert only(data_copy) == [
        f"data/board.yml:{rules}:1: $.rules: the model constitution takes the wording of clause(s) "
        "partners-keep-functions from a rule: give one rule a 'constitution' with that clause id, a heading and "
        "the text",
        f"data/board.yml:{line}:15: $.rules[0].constitution.clause: 'quorum' is not a clause of the model "
        "constitution worded by a rule; those are: partners-keep-functions, district-councils, separate-chairs, "
        "safeguarding-board (trustdocs/rendering/documents/constitution.py, RULE_CLAUSES)",
    ]


def test_two_rules_may_not_word_the_same_clause(data_copy):
    data_copy.replace("board.yml", "      clause: district-councils\n", "      clause: separate-chairs\n")
    line = data_copy.line_of("board.yml", "      clause: separate-chairs", occurrence=2)
    rules = data_copy.line_of("board.yml", "rules:")
    assert only(data_copy) == [
        f"data/board.yml:{rules}:1: $.rules: the model constitution takes the wording of clause(s) "
        "district-councils from a rule: give one rule a 'constitution' with that clause id, a heading and the text",
        f"data/board.yml:{line}:15: $.rules[4].constitution.clause: another rule already gives the wording of "
        "clause 'separate-chairs'",
    ]


def test_every_clause_a_rule_words_that_is_missing_is_named(data_copy):
    for clause in ("partners-keep-functions", "district-councils"):
        data_copy.replace("board.yml", f"      clause: {clause}\n", "      clause: quorum\n")
    rules = data_copy.line_of("board.yml", "rules:")
    missing = [p for p in only(data_copy) if p.startswith(f"data/board.yml:{rules}:")]
    assert missing == [
        f"data/board.yml:{rules}:1: $.rules: the model constitution takes the wording of clause(s) "
        "partners-keep-functions, district-councils from a rule: give one rule a 'constitution' with that "
        "clause id, a heading and the text"
    ]


@pytest.mark.parametrize("board", [None, [], "a string"], ids=["no board.yml", "a list", "a string"])
def test_the_constitution_checks_pass_over_a_board_file_that_is_missing_or_not_a_mapping(board):
    """Found by make mutation: its schema reports such a file; these checks must neither crash nor add to that."""
    from trustdocs.core.strict_yaml import Document
    from trustdocs.registry import CONSTITUTION_MODULE
    from trustdocs.rendering.documents.constitution import CLAUSE_IDS, RULE_CLAUSES
    from trustdocs.validation.references import note_clauses, rule_clauses

    docs = {} if board is None else {"board": Document("data/board.yml", board)}
    assert list(rule_clauses(RULE_CLAUSES, "the model constitution", CONSTITUTION_MODULE, docs)) == []
    assert list(note_clauses(CLAUSE_IDS, "the model constitution", CONSTITUTION_MODULE, docs)) == []


def test_a_clause_id_that_is_not_text_does_not_stop_the_check_of_the_rules_after_it(root):
    """Found by make mutation: the schema reports the number; the rules after it are still checked."""
    import copy

    from trustdocs.pipeline.load import read_documents
    from trustdocs.registry import CONSTITUTION_MODULE
    from trustdocs.rendering.documents.constitution import RULE_CLAUSES
    from trustdocs.validation.references import rule_clauses

    docs, problems = read_documents(root / "data")
    assert problems == []
    board = copy.deepcopy(docs["board"])
    board.data["rules"].insert(0, {"id": "rule-x", "constitution": {"clause": 7}})
    assert list(rule_clauses(RULE_CLAUSES, "the model constitution", CONSTITUTION_MODULE, {"board": board})) == []


def test_renaming_a_rule_the_change_log_names(data_copy):
    data_copy.replace("board.yml", "  - id: rule-separate-chairs\n", "  - id: rule-chairs-apart\n")
    logged = data_copy.line_of("changes.yml", "rule-separate-chairs")
    # The constitution no longer quotes the rules (its clauses state them), but the change log names this one.
    problems = only(data_copy)
    assert problems[0] == (
        f"data/changes.yml:{logged}:21: $.changes[0].records[1]: unknown record 'rule-separate-chairs': no partner, "
        "duty, Board item (data/board.yml), plan requirement (data/cypp.yml), consultation or area has this id. "
        "Use 'board' or 'cypp' for the whole Board or plan"
    )
    # one line for each change log entry that names it, and nothing else
    naming = (data_copy.path / "changes.yml").read_text(encoding="utf-8").count("rule-separate-chairs")
    assert len(problems) == naming and all("unknown record 'rule-separate-chairs'" in p for p in problems)


DATE_LINE = r'^(\s*-?\s*[a-z_]+:\s*)"?(\d{4}(?:-\d{2}){0,2})"?\s*$'


@pytest.mark.parametrize(
    "bad", ["2008-13-45", "2008-02-30", "1850-01", "2008-7", "2008-00", "2008-00-10", "2008-07-00"]
)
def test_every_date_in_every_file_can_be_impossible_without_a_crash(data_copy, bad):
    """Each date, broken, gives its own file:line:col line: no check meets a date before the schema has vetted it."""
    import re

    broken: dict[str, list[int]] = {}
    for path in sorted(data_copy.path.rglob("*.yml")):
        name = path.relative_to(data_copy.path).as_posix()
        lines = path.read_text(encoding="utf-8").split("\n")
        for i, line in enumerate(lines):
            if re.match(DATE_LINE, line):
                lines[i] = re.sub(DATE_LINE, lambda m: m.group(1) + bad, line)
                broken.setdefault(name, []).append(i + 1)
        path.write_text("\n".join(lines), encoding="utf-8")
    assert sum(map(len, broken.values())) > 40, broken  # every kind of file with dates took part
    assert {"consultations/statutory-guidance-consultation-2008.yml", "partners.yml", "timeline.yml"} <= set(broken)
    problems = validate(data_copy.path)
    reported = {(p.file, p.line) for p in problems if "is not a real date" in p.message}
    assert reported == {(f"data/{name}", line) for name, lines in broken.items() for line in lines}


def test_a_guidance_section_names_an_unknown_source(data_copy):
    """Once a crash: loading looked the section's source up by id (KeyError) because no check had refused it."""
    data_copy.replace("guidance.yml", "    source: draft-guidance-2008\n", "    source: draft-guidance-2099\n")
    line = data_copy.line_of("guidance.yml", "source: draft-guidance-2099")
    assert only(data_copy) == [
        f"data/guidance.yml:{line}:13: $.sections[0].source: unknown source 'draft-guidance-2099': "
        "no source in data/sources.yml has this id"
    ]
    with pytest.raises(DataError):
        load_dataset(data_copy.path)


def test_the_reference_checks_built_from_the_registry_find_what_they_should(data_copy):
    """The checks the registry builds at import time, built again here, so a mutation testing tool can reach them."""
    from trustdocs.pipeline.load import read_documents
    from trustdocs.registry import KINDS
    from trustdocs.validation.references import unknown_references

    data_copy.replace("duties.yml", "holders: [local-authority", "holders: [local-authoritee")
    docs, problems = read_documents(data_copy.path)
    assert problems == []
    unknown = [str(p) for p in unknown_references(KINDS, docs)]
    assert unknown == [
        f"data/duties.yml:{data_copy.line_of('duties.yml', 'local-authoritee')}:15: $.duties[0].holders[0]: "
        "unknown partner 'local-authoritee': no partner in data/partners.yml has this id"
    ]


def test_the_reference_checks_skip_what_is_not_theirs_to_check(root):
    """Found by make mutation: a check built for some kinds looks only at their files, and others do not stop it."""
    from trustdocs.pipeline.load import read_documents
    from trustdocs.registry import KINDS
    from trustdocs.validation.references import unknown_references

    docs, problems = read_documents(root / "data")
    assert problems == []
    assert list(unknown_references([k for k in KINDS if k.name == "guidance"], docs)) == []


def test_each_schema_gets_its_id_from_its_file_name_when_loaded(root):
    """Found by make mutation: the $id is set when a schema is loaded (not in the file, for the editor's language
    server), and references between schemas resolve against it."""
    from referencing import Registry, Resource

    from trustdocs.validation.schema import SCHEMA_BASE, SCHEMA_DIR, load_schema

    paths = sorted(SCHEMA_DIR.glob("*.schema.json"))
    assert len(paths) > 10
    for path in paths:
        assert path.read_bytes().isascii() and "$id" not in path.read_text(encoding="utf-8")
        assert load_schema(path)["$id"] == SCHEMA_BASE + path.name
    area = load_schema(SCHEMA_DIR / "area.schema.json")
    registry = Registry().with_resources((SCHEMA_BASE + p.name, Resource.from_contents(load_schema(p))) for p in paths)
    resolver = registry.resolver(base_uri=area["$id"])
    assert resolver.lookup("common.schema.json").contents["$id"] == SCHEMA_BASE + "common.schema.json"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("x" * 60, repr("x" * 60)),  # up to 60 characters: whole
        ("x" * 61, repr("x" * 57 + "...")),  # longer: cut to 57 and marked
        (8, "'8'"),  # not text: as JSON, so a number and a string that looks like one differ only by quotes
        (["a", 1], repr('["a", 1]')),
        (None, "'null'"),
    ],
)
def test_a_value_in_a_message_is_quoted_and_cut_at_sixty_characters(value, shown):
    """Found by make mutation: no message showed a long value or one that is not text."""
    from trustdocs.validation.schema import _value

    assert _value(value) == shown


def test_each_kind_of_schema_error_gives_its_message_at_its_place():
    """Found by make mutation: type errors, and whether a problem points at the key or at the value."""
    from jsonschema import Draft202012Validator

    from trustdocs.validation.schema import _messages

    schema = {
        "type": "object",
        "properties": {"name": {"type": "string"}, "items": {"type": "array"}, "count": {"type": "integer"}},
        "required": ["name", "when"],
        "dependentRequired": {"strength": ["binds"]},
    }
    data = {"name": 8, "items": {}, "count": "x", "strength": "must"}
    schema["properties"]["code"] = {"type": "string", "pattern": "^a+$"}  # a pattern with no description
    data["code"] = "b"
    found = sorted(m for e in Draft202012Validator(schema).iter_errors(data) for m in _messages(e))
    assert found == [
        (("binds",), "'strength' needs 'binds': say whom the strength applies to", False),
        (("code",), "'b' is not in the expected form", False),
        (("count",), "expected integer, found text", False),
        (("items",), "expected a list, found a mapping of fields", False),
        (("name",), "expected text, found int", False),
        (("when",), "missing required field 'when'", False),
    ]
