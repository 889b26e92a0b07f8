"""Dependencies are locked with hashes, and the README's commands install them with hash checking."""

from __future__ import annotations

import json
import re


def _requirements(root) -> dict[str, list[str]]:
    """requirements.txt as {name==version: [hashes]}."""
    entries: dict[str, list[str]] = {}
    current = None
    for line in (root / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#") or line.startswith("--"):  # comments and pip options
            continue
        if not line.startswith(" "):
            current = line.split()[0].rstrip("\\")
            entries[current] = []
        for digest in re.findall(r"--hash=sha256:([0-9a-f]{64})", line):
            entries[current].append(digest)
    return entries


def test_every_python_package_is_pinned_with_hashes(root):
    entries = _requirements(root)
    assert len(entries) > 40  # the whole tree, not only direct dependencies
    assert [name for name in entries if "==" not in name] == []
    assert [name for name, hashes in entries.items() if not hashes] == []


def test_the_lock_names_no_machine_specific_package_source(root):
    """An index or wheel folder on the machine that ran `make lock` does not exist on a clean CI machine."""
    text = (root / "requirements.txt").read_text(encoding="utf-8")
    assert not re.search(r"^--(extra-)?index-url|^--find-links", text, re.M)


def test_every_direct_dependency_is_in_the_lock(root):
    direct = [
        line.split("==")[0].lower()
        for line in (root / "requirements.in").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    locked = {name.split("==")[0].lower() for name in _requirements(root)}
    assert [d for d in direct if d not in locked] == []


def test_the_makefile_installs_with_hash_checking(root):
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    installs = re.findall(r"pip install[^\n]*", makefile)
    assert any("--require-hashes -r requirements.txt" in line for line in installs)
    # The project itself is installed without resolving anything else.
    assert all("--require-hashes" in line or "--no-deps" in line for line in installs), installs
    assert "npm ci" in makefile and "npm install" not in makefile


def test_every_npm_package_is_locked_with_integrity(root):
    lock = json.loads((root / "package-lock.json").read_text(encoding="utf-8"))
    packages = {path: meta for path, meta in lock["packages"].items() if path}
    assert packages
    assert [p for p, meta in packages.items() if not meta.get("integrity", "").startswith("sha512-")] == []
