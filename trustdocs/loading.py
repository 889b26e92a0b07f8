"""Read data/: strictly, against the schemas, through every check, into the typed models.

A :class:`Loader` is given the kinds of data and the checks (the registry's
lists; :mod:`trustdocs.pipeline.load` binds them), so adding a kind or a check
never touches this module. Loading either returns a
:class:`~trustdocs.model.dataset.DataSet` or raises
:class:`~trustdocs.core.problems.DataError` carrying every problem found.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from trustdocs.core.problems import DataError, Problem
from trustdocs.core.strict_yaml import Document, read_yaml
from trustdocs.model.build import build_dataset
from trustdocs.model.dataset import DataSet
from trustdocs.model.kinds import DataKind
from trustdocs.validation.schema import schema_problems

Docs = dict[str, Document]
Check = Callable[[Docs], Iterable[Problem]]


def display_name(path: Path) -> str:
    """How messages name a file: by its own path (never a link's target), relative to the working directory where possible."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path(os.path.abspath(Path.cwd()))).as_posix()
    except ValueError:
        return absolute.as_posix()


def _leaves(data_dir: Path, path: Path) -> Problem | None:
    """A problem if ``path`` is, or goes through, a symbolic link to somewhere outside ``data_dir``.

    The loader never reads such a file: a link in a pull request could
    otherwise publish any file on the build machine.
    """
    if path.resolve().is_relative_to(data_dir.resolve()):
        return None
    return Problem(
        display_name(path),
        1,
        1,
        "$",
        "is a symbolic link to a file outside data/; the loader does not follow it: put the file itself in data/",
    )


def read_record(path: Path, schema: str) -> tuple[Document | None, list[Problem]]:
    """One collection file: parsed, schema-checked, and its id checked against its file name."""
    doc, problems = read_yaml(path, display_name(path))
    if doc is None:
        return None, problems
    problems += schema_problems(doc, schema)
    record_id = doc.data.get("id") if isinstance(doc.data, dict) else None
    if isinstance(record_id, str) and record_id != path.stem:
        problems.append(doc.problem(("id",), f"id '{record_id}' must match the file name '{path.stem}.yml'"))
    return doc, problems


@dataclass
class Loader:
    kinds: Sequence[DataKind]
    checks: Sequence[Check]
    _cache: dict[Path, tuple[tuple, DataSet]] = field(default_factory=dict, repr=False)

    def _files(self) -> list[DataKind]:
        return [k for k in self.kinds if not k.folder]

    def _folders(self) -> list[DataKind]:
        return [k for k in self.kinds if k.folder]

    def read_documents(self, data_dir: Path) -> tuple[Docs, list[Problem]]:
        """Parse and schema-check every data file. Returns the parsed documents and all problems."""
        docs: Docs = {}
        problems: list[Problem] = []
        for kind in self._files():
            path = data_dir / f"{kind.name}.yml"
            if not path.is_file():
                problems.append(Problem(display_name(path), 1, 1, "$", "file is missing"))
                continue
            if outside := _leaves(data_dir, path):
                problems.append(outside)
                continue
            doc, parse_problems = read_yaml(path, display_name(path))
            problems += parse_problems
            if doc is not None:
                docs[kind.name] = doc
                problems += schema_problems(doc, kind.schema)
        names = [k.name for k in self._files()]
        for path in sorted(p for p in data_dir.glob("*.y*ml") if p.stem not in names):
            problems.append(
                Problem(
                    display_name(path),
                    1,
                    1,
                    "$",
                    f"unexpected data file: the loader reads only {', '.join(n + '.yml' for n in names)}"
                    f" and the folders {', '.join(k.name + '/' for k in self._folders())}",
                )
            )
        for kind in self._folders():
            folder = data_dir / kind.name
            for path in sorted(folder.glob("*")) if folder.is_dir() else ():
                if path.suffix != ".yml" or not path.is_file():
                    problems.append(
                        Problem(
                            display_name(path),
                            1,
                            1,
                            "$",
                            f"unexpected file in data/{kind.name}/: each record is one NAME.yml file",
                        )
                    )
                    continue
                if outside := _leaves(data_dir, path):
                    problems.append(outside)
                    continue
                doc, record_problems = read_record(path, kind.schema)
                problems += record_problems
                if doc is not None:
                    docs[f"{kind.name}/{path.stem}"] = doc
        return docs, problems

    def check(self, docs: Docs) -> list[Problem]:
        return [problem for check in self.checks for problem in check(docs)]

    def validate(self, data_dir: Path) -> list[Problem]:
        """Every problem in the data set, sorted by file and line (empty when valid)."""
        docs, problems = self.read_documents(data_dir)
        problems += self.check(docs)
        return sorted(set(problems))

    def load(self, data_dir: Path) -> DataSet:
        """The validated data set, or DataError listing every problem."""
        docs, problems = self.read_documents(data_dir)
        problems += self.check(docs)
        if problems:
            raise DataError(problems)
        return build_dataset({name: doc.data for name, doc in docs.items()})

    def load_once(self, data_dir: Path) -> DataSet:
        """The data set, loaded once per build and shared; reloaded whenever a file in data/ changes (``mkdocs serve``)."""
        key, fingerprint = data_dir.resolve(), _fingerprint(data_dir)
        cached = self._cache.get(key)
        if cached and cached[0] == fingerprint:
            return cached[1]
        data = self.load(data_dir)
        self._cache[key] = (fingerprint, data)
        return data

    def loaded(self, data_dir: Path) -> tuple[tuple, DataSet] | None:
        """What :meth:`load_once` holds for ``data_dir``: the files' fingerprint as they were read, and the data set."""
        return self._cache.get(data_dir.resolve())

    def adopt(self, data_dir: Path, fingerprint: tuple, data: DataSet) -> None:
        """Take a data set that another process loaded from ``data_dir``; used only while the files still match ``fingerprint``."""
        self._cache[data_dir.resolve()] = (fingerprint, data)

    def load_with_area(self, data_dir: Path, area_file: Path, folder: str = "areas") -> tuple[DataSet, str]:
        """The data set with one more area read from anywhere (``trustdocs documents --area FILE``).

        The file is checked exactly as data/areas/ files are: strict YAML, the
        area schema, its id against its file name, and the cross-file checks
        (named bodies, chairs). Returns the data set and the area's id.
        """
        (kind,) = [k for k in self._folders() if k.name == folder]
        docs, problems = self.read_documents(data_dir)
        if not area_file.is_file():
            raise DataError([Problem(display_name(area_file), 1, 1, "$", "file not found")])
        doc, area_problems = read_record(area_file, kind.schema)
        problems += area_problems
        if doc is not None:
            docs[f"{folder}/{area_file.stem}"] = doc  # replaces data/areas/ID.yml if it is the same area
        problems += self.check(docs)
        if problems:
            raise DataError(problems)
        return build_dataset({name: d.data for name, d in docs.items()}), area_file.stem


def _fingerprint(data_dir: Path) -> tuple[tuple[str, str], ...]:
    """Every entry under ``data_dir``, by its path inside it, with a hash of what it holds.

    Content, not times: an edit is seen even when it keeps the file's size and
    lands within the file system's time resolution (or its time is set back).
    Folders and links count too (the loader reports a stray one), so an added,
    removed, renamed or moved entry changes the fingerprint as an edit does.
    """
    entries = []
    for path in data_dir.rglob("*"):
        name = path.relative_to(data_dir).as_posix()
        kind = f"link to {os.readlink(path)}, " if path.is_symlink() else ""
        if path.is_file():
            kind += f"file {hashlib.sha256(path.read_bytes()).hexdigest()}"
        else:
            kind += "folder" if path.is_dir() else "other"
        entries.append((name, kind))
    return tuple(sorted(entries))
