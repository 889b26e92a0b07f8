"""Shared fixtures: the project's paths, the real data set, one built site, and editable copies of the data.

Every test in a run shares one document cache (a temporary folder named by
TRUSTDOCS_DOCUMENT_CACHE), so a document is rendered once per run however
many tests and builds need it; tests that must render afresh set it to off.
Tests that only read the built site share :func:`built_site`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from trustdocs.model.dataset import DataSet
from trustdocs.pipeline.load import load_dataset

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # shared helpers: `from tooling import require_tools`

from tooling import in_ci  # noqa: E402

# As the site would be published: its address and repository come from the environment.
PUBLISHED = {
    "TRUSTDOCS_SITE_URL": "https://guidance.childrens-trusts.org.uk/",
    "TRUSTDOCS_REPO_URL": "https://github.com/childrens-trusts/guidance",
}


# Property-based tests (tests/test_properties.py) each set a small example budget
# (max_examples); a test that sets none gets the profile's 100. Profiles:
# - "dev" (a developer's run): new random examples each run, failures kept in
#   .hypothesis/ and tried first next time;
# - "ci" (CI=true, so `make test` in the pull-request workflow): the same examples
#   every run (derandomized), no example database, so CI does not pass or fail by chance;
# - "mutation" (`make mutation`): as "ci", so a mutant's result does not depend on chance.
# HYPOTHESIS_PROFILE=NAME chooses one by hand.
HYPOTHESIS_BUDGET = 100
settings.register_profile("dev", max_examples=HYPOTHESIS_BUDGET, deadline=None)
settings.register_profile("ci", max_examples=HYPOTHESIS_BUDGET, derandomize=True, database=None, deadline=None)
settings.register_profile("mutation", max_examples=HYPOTHESIS_BUDGET, derandomize=True, database=None, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if in_ci() else "dev"))


@pytest.fixture(autouse=True, scope="session")
def _fresh_memos_under_mutmut() -> None:
    """make mutation forks each mutant's tests from a process that has already run them: a memo filled there
    (the schema check's results by file digest, the loader's cache of plain scalars) would hand the mutant the
    original code's answers, and it would survive without being run. Under mutmut, start with them empty."""
    if os.environ.get("MUTANT_UNDER_TEST"):
        from trustdocs.core import strict_yaml
        from trustdocs.validation import schema

        schema._checked.clear()
        schema.validator_for.cache_clear()
        schema._registry.cache_clear()
        strict_yaml._plain_yaml11_value.cache_clear()


def pytest_configure(config: pytest.Config) -> None:
    if "TRUSTDOCS_DOCUMENT_CACHE" not in os.environ:
        import tempfile

        os.environ["TRUSTDOCS_DOCUMENT_CACHE"] = tempfile.mkdtemp(prefix="trustdocs-test-documents-")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def build(out: Path, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` into ``out``: the site as MkDocs and our hooks make it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per run as it would be published. Read it; never change it."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = build(site, SOURCE_DATE_EPOCH="1230768000", **PUBLISHED)
    assert result.returncode == 0, result.stderr
    assert "WARNING  -" not in result.stderr, result.stderr  # MkDocs warnings, not the theme banner
    return site


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
        return build(out, cwd=project), out

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
