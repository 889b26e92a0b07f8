"""Load data/ once: read strictly, check schemas and references, build the typed models.

This is the one loader. The site (the MkDocs adapter), the command line and the tests all
call :func:`load_dataset`; it either returns a :class:`DataSet` or raises
:class:`DataError` carrying every problem found.
"""

from __future__ import annotations

import os
from pathlib import Path

from trustdocs.model.records import DataSet, build_dataset
from trustdocs.core.problems import DataError, Problem
from trustdocs.validation.references import reference_problems
from trustdocs.validation.schema import schema_problems
from trustdocs.core.strict_yaml import Document, read_yaml

# One file per entity type; each has schemas/NAME.schema.json (in this package).
DATA_FILES = ("sources", "outcomes", "features", "partners", "duties", "board", "cypp", "glossary", "guidance", "timeline")
# Collections: one file per record in a folder, each checked against one schema.
# data/areas/southwark.yml is the document "areas/southwark", checked against
# schemas/area.schema.json; its `id` must be its file name.
COLLECTIONS = {"areas": "area", "consultations": "consultation", "consultation-outcomes": "consultation-outcome"}


def _display_name(path: Path) -> str:
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
    return Problem(_display_name(path), 1, 1, "$", "is a symbolic link to a file outside data/; "
                   "the loader does not follow it: put the file itself in data/")


def read_documents(data_dir: Path) -> tuple[dict[str, Document], list[Problem]]:
    """Parse and schema-check every data file. Returns the parsed documents and all problems."""
    docs: dict[str, Document] = {}
    problems: list[Problem] = []
    for name in DATA_FILES:
        path = data_dir / f"{name}.yml"
        display = _display_name(path)
        if not path.is_file():
            problems.append(Problem(display, 1, 1, "$", "file is missing"))
            continue
        if outside := _leaves(data_dir, path):
            problems.append(outside)
            continue
        doc, parse_problems = read_yaml(path, display)
        problems += parse_problems
        if doc is not None:
            docs[name] = doc
            problems += schema_problems(doc, name)
    unexpected = sorted(p.name for p in data_dir.glob("*.y*ml") if p.stem not in DATA_FILES)
    for file_name in unexpected:
        problems.append(Problem(_display_name(data_dir / file_name), 1, 1, "$",
                                f"unexpected data file: the loader reads only {', '.join(f + '.yml' for f in DATA_FILES)}"
                                f" and the folders {', '.join(f + '/' for f in COLLECTIONS)}"))
    for folder, schema in COLLECTIONS.items():
        for path in sorted((data_dir / folder).glob("*")) if (data_dir / folder).is_dir() else ():
            if path.suffix != ".yml" or not path.is_file():
                problems.append(Problem(_display_name(path), 1, 1, "$", f"unexpected file in data/{folder}/: each record is one NAME.yml file"))
                continue
            if outside := _leaves(data_dir, path):
                problems.append(outside)
                continue
            doc, record_problems = read_record(path, schema)
            problems += record_problems
            if doc is not None:
                docs[f"{folder}/{path.stem}"] = doc
    return docs, problems


def read_record(path: Path, schema: str) -> tuple[Document | None, list[Problem]]:
    """One collection file: parsed, schema-checked, and its id checked against its file name."""
    doc, problems = read_yaml(path, _display_name(path))
    if doc is None:
        return None, problems
    problems += schema_problems(doc, schema)
    record_id = doc.data.get("id") if isinstance(doc.data, dict) else None
    if isinstance(record_id, str) and record_id != path.stem:
        problems.append(doc.problem(("id",), f"id '{record_id}' must match the file name '{path.stem}.yml'"))
    return doc, problems


def validate(data_dir: Path) -> list[Problem]:
    """Every problem in the data set, sorted by file and line (empty when valid)."""
    docs, problems = read_documents(data_dir)
    problems += reference_problems(docs)
    return sorted(set(problems))


_cache: dict[Path, tuple[tuple, DataSet]] = {}


def _fingerprint(data_dir: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in data_dir.rglob("*") if p.is_file()))


def load_dataset_once(data_dir: Path) -> DataSet:
    """The data set, loaded once per build: the macros and the page hook share it.

    Reloaded whenever a file in data/ changes, so ``mkdocs serve`` picks up edits.
    """
    key, fingerprint = data_dir.resolve(), _fingerprint(data_dir)
    cached = _cache.get(key)
    if cached and cached[0] == fingerprint:
        return cached[1]
    data = load_dataset(data_dir)
    _cache[key] = (fingerprint, data)
    return data


def load_dataset(data_dir: Path) -> DataSet:
    """The validated data set, or DataError listing every problem."""
    docs, problems = read_documents(data_dir)
    problems += reference_problems(docs)
    if problems:
        raise DataError(problems)
    return build_dataset({name: doc.data for name, doc in docs.items()})


def collection(raw: dict, folder: str) -> list[tuple[str, dict]]:
    """The records of one collection folder as (document name, data), in file-name order."""
    return sorted((name, data) for name, data in raw.items() if name.startswith(folder + "/"))


def load_with_area(data_dir: Path, area_file: Path) -> tuple[DataSet, str]:
    """The data set with one more area read from anywhere (``trustdocs documents --area FILE``).

    The file is checked exactly as data/areas/ files are: strict YAML, the area
    schema, its id against its file name, and the cross-file checks (named
    bodies, chairs). Returns the data set and the area's id.
    """
    docs, problems = read_documents(data_dir)
    if not area_file.is_file():
        raise DataError([Problem(_display_name(area_file), 1, 1, "$", "file not found")])
    doc, area_problems = read_record(area_file, COLLECTIONS["areas"])
    problems += area_problems
    if doc is not None:
        docs[f"areas/{area_file.stem}"] = doc  # replaces data/areas/ID.yml if it is the same area
    problems += reference_problems(docs)
    if problems:
        raise DataError(problems)
    return build_dataset({name: d.data for name, d in docs.items()}), area_file.stem
