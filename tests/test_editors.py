"""Editors get the schemas in their editor: every data file names its JSON Schema (issue 17)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from trustdocs import registry
from trustdocs.validation.schema import SCHEMA_DIR

MODELINE = re.compile(
    r"# yaml-language-server: \$schema=((?:\.\./)+)trustdocs/validation/schemas/([a-z-]+)\.schema\.json"
)


def test_every_data_file_names_its_schema_for_yaml_language_servers(root):
    checked = 0
    for kind in registry.KINDS:
        files = (
            sorted((root / "data" / kind.name).glob("*.yml")) if kind.folder else [root / "data" / f"{kind.name}.yml"]
        )
        for path in files:
            match = MODELINE.fullmatch(path.read_text(encoding="utf-8").split("\n", 1)[0])
            assert match, f"{path}: the first line must be the yaml-language-server schema line"
            assert match.group(2) == kind.schema, path
            assert (
                path.parent / match.group(1) / "trustdocs/validation/schemas" / f"{kind.schema}.schema.json"
            ).is_file()
            checked += 1
    assert checked >= 16


def test_schemas_resolve_their_references_beside_them_as_editors_do():
    """No $id in the files, so an editor resolves "common.schema.json#/..." next to the schema file."""
    for path in SCHEMA_DIR.glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert "$id" not in schema, path
        for ref in re.findall(r'"\$ref": "([^"#]+)#', path.read_text(encoding="utf-8")):
            assert (SCHEMA_DIR / ref).is_file(), (path, ref)


def test_every_schema_pattern_is_described_so_the_data_reference_can_explain_it():
    def undescribed(node, where):
        if isinstance(node, dict):
            if "pattern" in node and "description" not in node:
                yield where
            for key, value in node.items():
                yield from undescribed(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from undescribed(value, f"{where}/{i}")

    for path in SCHEMA_DIR.glob("*.schema.json"):
        assert not list(undescribed(json.loads(path.read_text(encoding="utf-8")), path.name))


def test_the_data_reference_lists_every_file_and_field_from_the_schemas():
    from trustdocs.rendering.pages.data_reference import data_reference_page

    text = data_reference_page(registry.KINDS).markdown
    for kind in registry.KINDS:
        assert (f"## `data/{kind.name}/NAME.yml`" if kind.folder else f"## `data/{kind.name}.yml`") in text
    # A field deep inside a status entry, its allowed values, and a reference named by its target.
    assert "| `duties[].status[].strength` |" in text
    assert "Allowed: `must`, `should`, `may`." in text
    assert (
        "| `duties[].holders` | list of text | yes | Each item is the id of a record in `data/partners.yml`. |" in text
    )
    assert "| `bodies[].partner` | text | yes | The id of a record in `data/partners.yml`. |" in text
    assert "Must match the pattern" not in text
    # The rules editors trip over: conditional requirements, allowed list items, keyed mappings, code in words.
    assert (
        "| `duties[].status[].basis` | text | when `status` is `in-force`, `enacted`, `superseded` or `repealed` |"
        in text
    )
    assert "| `duties[].status[].binds` | list of text | with `strength` |" in text
    assert "| `sources[].file` | text | unless `kind` is `legislation` |" in text
    assert "| `sources[].url` | https:// web address | when `kind` is `legislation` |" in text
    assert "Each item one of: `unitary`, `two-tier`." in text
    assert "Each key is a paragraph label registered for the source. Each value is text." in text
    assert "give it in `by`." in text and "&#96;" not in text
    # No row leaves "What it holds" empty.
    assert not [line for line in text.splitlines() if line.startswith("| `") and line.endswith("|  |")]


def test_the_pull_request_workflow_validates_first_runs_the_test_command_and_pins_every_action(root):
    import yaml

    workflow = yaml.safe_load((root / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    runs = {name: [step.get("run", "") for step in job["steps"]] for name, job in jobs.items()}
    assert "make validate" in runs["validate"]
    assert ".ci/run" in runs["test"] and jobs["test"]["needs"] == "validate"
    # In a container the checkout is not root's: git (which the tests use) needs it marked safe first.
    assert runs["test"].index('git config --global --add safe.directory "$GITHUB_WORKSPACE"') < runs["test"].index(
        ".ci/run"
    )
    assert any("trustdocs diff" in run for run in runs["diff"])
    uses = [step["uses"] for job in jobs.values() for step in job["steps"] if "uses" in step]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+\.\d+\.\d+", action), f"{action}: pin a release, not a branch"


def test_every_data_file_passes_its_schema_as_an_editor_reads_it(root):
    """A YAML 1.2 reader (check-jsonschema, like an editor's language server) reads ``from: 2005`` as a
    number, not text: the editor must not underline data that the project accepts."""
    # check-jsonschema's own command, run in this process (one start-up, not one per schema).
    from check_jsonschema.cli.main_command import main as check_jsonschema
    from click.testing import CliRunner

    by_schema: dict[Path, list[str]] = {}
    for path in sorted((root / "data").rglob("*.yml")):
        match = MODELINE.fullmatch(path.read_text(encoding="utf-8").split("\n", 1)[0])
        assert match, path
        schema = (
            path.parent / match.group(1) / "trustdocs/validation/schemas" / f"{match.group(2)}.schema.json"
        ).resolve()
        by_schema.setdefault(schema, []).append(str(path))
    for schema, files in by_schema.items():
        result = CliRunner().invoke(check_jsonschema, ["--schemafile", str(schema), *files])
        assert result.exit_code == 0, result.output
    assert sum(map(len, by_schema.values())) >= 16
