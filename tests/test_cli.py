"""The trustdocs command line: messages, exit codes, and no tracebacks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from trustdocs.core.problems import DataError


def trustdocs(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "trustdocs.cli", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_validate_passes_on_the_real_data(root):
    result = trustdocs("validate", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data: valid. 6 source documents, 3 Acts, 5 outcomes, 5 features")


def test_validate_names_file_line_and_field_and_exits_1(data_copy):
    data_copy.replace("partners.yml", "    category: relevant-partner\n", "    category: relevent-partner\n")
    data_copy.write("glossary.yml", data_copy.text("glossary.yml") + "  - id: extra\n    term: x\n    term: y\n")
    result = trustdocs("validate", cwd=data_copy.path.parent)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    category_line = data_copy.line_of("partners.yml", "relevent-partner")
    assert (
        f"data/partners.yml:{category_line}:15: $.partners[1].category: 'relevent-partner' is not one of: "
        "local-authority, relevant-partner, proposed-partner, other-partner, related-partnership" in lines
    )
    assert any(line.startswith("data/glossary.yml:") and "duplicate key 'term'" in line for line in lines)
    assert lines[-1] == f"{len(lines) - 1} problem(s) found; fix them and run again."
    assert "Traceback" not in result.stderr


# Starts other Python processes (seconds each): make test runs it, make unit does not.
@pytest.mark.slow
def test_under_github_actions_each_problem_is_also_an_annotation_on_its_line(data_copy, monkeypatch):
    data_copy.replace("partners.yml", "    category: relevant-partner\n", "    category: relevent-partner\n")
    line = data_copy.line_of("partners.yml", "relevent-partner")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = trustdocs("validate", cwd=data_copy.path.parent)
    assert result.returncode == 1
    annotations = result.stdout.splitlines()
    assert (
        f"::error file=data/partners.yml,line={line},col=15::$.partners[1].category: 'relevent-partner' is not one "
        "of: local-authority, relevant-partner, proposed-partner, other-partner, related-partnership" in annotations
    )
    assert len(annotations) == len(result.stderr.splitlines()) - 1  # one per problem, not the summary line
    assert all(a.startswith("::error file=data/") for a in annotations)
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert trustdocs("validate", cwd=data_copy.path.parent).stdout == ""


def test_a_broken_build_leaves_the_previous_site_untouched(data_copy, root, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    data_copy.replace("outcomes.yml", "name: Stay safe", "name: ''")
    result = trustdocs(
        "build", "--config", str(root / "mkdocs.yml"), "--site-dir", str(site), cwd=data_copy.path.parent
    )
    assert result.returncode == 1
    assert "$.outcomes[1].name: must not be empty" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not list(tmp_path.glob(".site-*"))  # no half-built directory left behind


@pytest.mark.slow  # renders every page and document
def test_pages_writes_the_generated_pages_to_disk(root, tmp_path):
    result = trustdocs("pages", "--out", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert "partners/primary-care-trusts.md" in written
    assert "duties/matrix.md" in written
    assert "exports/partners.csv" in written
    assert result.stdout == f"Wrote {len(written)} files to {tmp_path / 'out'}\n"
    text = (tmp_path / "out" / "partners" / "primary-care-trusts.md").read_text(encoding="utf-8")
    assert text.startswith("---\nrender_macros: false\nsearch:\n  boost: 2\n---\n\n# Primary Care Trusts (PCTs)\n")


def test_no_build_is_ever_dirty(root):
    """A --dirty build reuses pages from an earlier build: a deleted data record could stay published."""
    sources = [root / "Makefile", root / ".ci" / "run", root / "trustdocs" / "cli.py", root / "checks" / "__main__.py"]
    assert [s.name for s in sources if "--dirty" in s.read_text(encoding="utf-8")] == []


def _fresh_process_state(monkeypatch, load, handed_off: dict[str, str]):
    """The loader's state as a new process finds it, with the hand-off in its environment; counts loads."""
    loads = []
    real_load = load.LOADER.load
    monkeypatch.setattr(load.LOADER, "_cache", {})
    monkeypatch.setattr(load, "_adopted", False)
    monkeypatch.setattr(load.LOADER, "load", lambda data_dir: loads.append(data_dir) or real_load(data_dir))
    for name, value in handed_off.items():
        monkeypatch.setenv(name, value)
    return loads


def test_a_build_loads_the_data_once_and_hands_it_to_mkdocs(data_copy, tmp_path, monkeypatch):
    from trustdocs.pipeline import load

    monkeypatch.setattr(load.LOADER, "_cache", {})
    data = load.load_dataset_once(data_copy.path)
    handed_off = load.hand_off(data_copy.path, tmp_path)
    assert list(handed_off) == [load.HANDOFF]
    loads = _fresh_process_state(monkeypatch, load, handed_off)
    assert load.load_dataset_once(data_copy.path) == data
    assert loads == []


def test_a_data_file_changed_after_the_hand_off_is_loaded_afresh(data_copy, tmp_path, monkeypatch):
    from trustdocs.pipeline import load

    monkeypatch.setattr(load.LOADER, "_cache", {})
    load.load_dataset_once(data_copy.path)
    handed_off = load.hand_off(data_copy.path, tmp_path)
    data_copy.replace("outcomes.yml", "name: Stay safe", "name: Stay safe from harm")
    loads = _fresh_process_state(monkeypatch, load, handed_off)
    fresh = load.load_dataset_once(data_copy.path)
    assert loads == [data_copy.path]
    assert "Stay safe from harm" in [o.name for o in fresh.outcomes]


def _handed_off_then(data_copy, tmp_path, monkeypatch, change) -> list:
    """Load and hand off, make ``change`` to data/, then load in a 'new process': the loads it made."""
    from trustdocs.pipeline import load

    monkeypatch.setattr(load.LOADER, "_cache", {})
    load.load_dataset_once(data_copy.path)
    handed_off = load.hand_off(data_copy.path, tmp_path)
    change(data_copy.path)
    loads = _fresh_process_state(monkeypatch, load, handed_off)
    try:
        load.load_dataset_once(data_copy.path)
    except DataError:
        pass  # the fresh load found the change; what matters is that it loaded
    return loads


def test_an_edit_that_keeps_the_size_and_the_time_is_still_seen(data_copy, tmp_path, monkeypatch):
    def edit(data):
        path = data / "outcomes.yml"
        before = path.stat()
        path.write_text(path.read_text(encoding="utf-8").replace("Stay safe", "Stay SAFE"), encoding="utf-8")
        assert path.stat().st_size == before.st_size
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    assert _handed_off_then(data_copy, tmp_path, monkeypatch, edit) == [data_copy.path]


@pytest.mark.parametrize(
    "change",
    [
        lambda data: shutil.copy(data / "areas" / "wessex.yml", data / "areas" / "mercia.yml"),  # a new file
        lambda data: (data / "areas" / "wessex.yml").unlink(),  # a file removed
        lambda data: (data / "areas" / "wessex.yml").rename(data / "wessex.yml"),  # the same file moved
        lambda data: (data / "areas" / "stray").mkdir(),  # a folder the loader reports
    ],
    ids=["added", "removed", "moved", "folder"],
)
def test_an_added_removed_or_moved_entry_in_data_is_seen(data_copy, tmp_path, monkeypatch, change):
    assert _handed_off_then(data_copy, tmp_path, monkeypatch, change) == [data_copy.path]


def test_a_hand_off_for_another_data_folder_is_not_used(data_copy, tmp_path, monkeypatch):
    from trustdocs.pipeline import load

    monkeypatch.setattr(load.LOADER, "_cache", {})
    load.load_dataset_once(data_copy.path)
    handed_off = load.hand_off(data_copy.path, tmp_path)
    other = tmp_path / "other-data"
    shutil.copytree(data_copy.path, other)
    loads = _fresh_process_state(monkeypatch, load, handed_off)
    load.load_dataset_once(other)
    assert loads == [other]
