"""`pip install .` gives a working program, outside the checkout.

The wheel is built from the checkout, then installed into a fresh virtual
environment with pip's index switched off: its dependencies come only from a
folder holding the locked set (requirements.txt). So a dependency the wheel
fails to declare is simply not installed, and the program fails to start, as
it would for a user; a schema, stylesheet or font missing from the wheel fails
validation or rendering.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

pytestmark = pytest.mark.slow


def _run(*args: str | Path, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(root, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--wheel-dir",
        out,
        root,
        cwd=out,
    )
    (built,) = out.glob("trustdocs-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(root, wheel, tmp_path_factory) -> Path:
    """A fresh venv outside the checkout with the wheel and only what it declares, from the locked set."""
    tmp = tmp_path_factory.mktemp("installed")
    wheelhouse = tmp / "wheelhouse"
    _run(
        sys.executable,
        "-m",
        "pip",
        "download",
        "--quiet",
        "--no-deps",
        "--require-hashes",
        "-r",
        root / "requirements.txt",
        "-d",
        wheelhouse,
        cwd=tmp,
    )
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=tmp)
    _run(venv / "bin" / "pip", "install", "--quiet", "--no-index", "--find-links", wheelhouse, wheel, cwd=tmp)
    return venv


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return {**env, "TRUSTDOCS_DOCUMENT_CACHE": "off"}


def test_the_wheel_carries_every_schema_asset_and_font(wheel, root):
    names = set(zipfile.ZipFile(wheel).namelist())
    package = root / "trustdocs"
    wanted = [p for p in package.rglob("*") if p.is_file() and p.suffix in (".json", ".css", ".ttf", ".txt")]
    assert len(wanted) >= 20
    missing = [p.relative_to(root).as_posix() for p in wanted if p.relative_to(root).as_posix() not in names]
    assert missing == []
    assert not any(n.startswith(("tests/", "data/", "docs/")) for n in names)


def test_the_installed_program_runs_from_outside_the_checkout(installed, root, tmp_path):
    where = _run(
        installed / "bin" / "python", "-c", "import trustdocs; print(trustdocs.__file__)", cwd=tmp_path, env=_env()
    )
    assert Path(where.stdout.strip()).is_relative_to(installed), where.stdout
    assert "validate" in _run(installed / "bin" / "trustdocs", "--help", cwd=tmp_path, env=_env()).stdout
    _run(installed / "bin" / "pip", "check", cwd=tmp_path, env=_env())


def test_the_installed_program_validates_a_data_directory(installed, root, tmp_path):
    import shutil

    shutil.copytree(root / "data", tmp_path / "data")
    result = _run(installed / "bin" / "trustdocs", "validate", cwd=tmp_path, env=_env())
    assert result.stdout.startswith("data: valid.")
    (tmp_path / "data" / "timeline.yml").write_text("events: nope\n", encoding="utf-8")
    broken = subprocess.run(
        [installed / "bin" / "trustdocs", "validate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    )
    assert broken.returncode == 1
    assert "data/timeline.yml:1:9: $.events: " in broken.stderr and "Traceback" not in broken.stderr


def test_the_installed_program_renders_every_format(installed, root, tmp_path):
    _run(
        installed / "bin" / "trustdocs",
        "--data",
        root / "data",
        "documents",
        "--area",
        root / "data/areas/wessex.yml",
        "--out",
        tmp_path / "out",
        cwd=tmp_path,
        env=_env(),
    )
    made = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert made == sorted(
        f"wessex-{doc}.{fmt}"
        for doc in ("cypp-template", "trust-board-constitution")
        for fmt in ("docx", "md", "odt", "pdf")
    )
    assert (tmp_path / "out" / "wessex-trust-board-constitution.pdf").read_bytes().startswith(b"%PDF-")


def test_declared_dependencies_are_satisfied_by_the_locked_set(root):
    """pyproject.toml says what the program needs; requirements.txt pins a version of each that fits."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [Requirement(r) for r in project["dependencies"]]
    declared += [Requirement(r) for extra in project["optional-dependencies"].values() for r in extra]
    pins = dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==([^\s\\]+)", (root / "requirements.txt").read_text(), re.M))
    for requirement in declared:
        if requirement.name == "trustdocs":
            continue
        name = requirement.name.lower().replace("_", "-")
        assert name in pins, f"{requirement.name} is declared in pyproject.toml but not locked in requirements.txt"
        assert requirement.specifier.contains(pins[name]), f"{requirement} does not admit the locked {pins[name]}"
