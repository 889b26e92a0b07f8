"""Shared fixtures: the project's paths, the real data set, and editable copies of it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from trustdocs.model.dataset import DataSet
from trustdocs.pipeline.load import load_dataset

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # shared helpers: `from tooling import require_tools`


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def dataset() -> DataSet:
    """The real data set, loaded once for the whole run."""
    return load_dataset(ROOT / "data")


class DataCopy:
    """A throwaway copy of data/ that a test can break on purpose."""

    def __init__(self, path: Path):
        self.path = path

    def text(self, name: str) -> str:
        return (self.path / name).read_text(encoding="utf-8")

    def write(self, name: str, content: str | bytes) -> None:
        target = self.path / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")

    def replace(self, name: str, old: str, new: str) -> None:
        text = self.text(name)
        assert old in text, f"test set-up: {old!r} not found in {name}"
        self.write(name, text.replace(old, new, 1))

    def build_site(self) -> tuple[subprocess.CompletedProcess, Path]:
        """Build the real site with this copy of the data: returns MkDocs' result and the output folder."""
        project = self.path.parent
        if not (project / "mkdocs.yml").exists():
            shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
            for folder in ("docs", "overrides", "macros", "trustdocs"):
                (project / folder).symlink_to(ROOT / folder)
        out = project / "out"
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        return result, out

    def line_of(self, name: str, needle: str, occurrence: int = 1) -> int:
        """1-based line number of the n-th line containing ``needle``."""
        hits = [i for i, line in enumerate(self.text(name).splitlines(), start=1) if needle in line]
        return hits[occurrence - 1]


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataCopy:
    """A copy of data/ at tmp/data, with the working directory at tmp so messages say data/FILE.yml."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return DataCopy(tmp_path / "data")
