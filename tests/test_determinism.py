"""Two clean builds of the same commit give byte-identical sites, downloads included.

Each build renders every document afresh (no cache) into its own directory,
with SOURCE_DATE_EPOCH set as a release build would set it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path


def _build(root: Path, out: Path, epoch: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch, "TRUSTDOCS_DOCUMENT_CACHE": "off"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def test_two_clean_builds_are_byte_identical(root, tmp_path):
    first = _build(root, tmp_path / "one", "1230768000")
    second = _build(root, tmp_path / "two", "1230768000")
    assert [p for p in first if p.startswith("downloads/")], "the build made no documents"
    assert sum(p.endswith(".pdf") for p in first) >= 6
    differing = [path for path in first.keys() | second.keys() if first.get(path) != second.get(path)]
    assert differing == []
    # That SOURCE_DATE_EPOCH reaches every format is tested in test_documents.py.
