"""The same commit gives byte-identical sites, downloads included, whatever the process and the clock.

The shared build (conftest ``built_site``) renders documents through the cache;
this build renders every document afresh, in a process with another hash seed,
another time zone and another locale. Both set SOURCE_DATE_EPOCH as a release
build would. Every file must match, byte for byte.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import PUBLISHED, build

pytestmark = pytest.mark.slow


def _digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_a_fresh_build_in_another_process_is_byte_identical(built_site, tmp_path):
    other = tmp_path / "other"
    result = build(
        other,
        SOURCE_DATE_EPOCH="1230768000",
        TRUSTDOCS_DOCUMENT_CACHE="off",
        PYTHONHASHSEED="12345",
        TZ="Pacific/Kiritimati",
        LC_ALL="C",
        **PUBLISHED,
    )
    assert result.returncode == 0, result.stderr
    first, second = _digests(built_site), _digests(other)
    assert [p for p in first if p.startswith("downloads/")], "the build made no documents"
    assert sum(p.endswith(".pdf") for p in first) >= 6
    differing = sorted(path for path in first.keys() | second.keys() if first.get(path) != second.get(path))
    assert differing == []
    # That SOURCE_DATE_EPOCH reaches every format is tested in test_documents.py.
