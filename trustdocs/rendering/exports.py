"""Machine-readable exports of the whole data set: JSON, and CSV for partners and duties.

Deterministic: the same data always gives byte-identical files.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from typing import Any

from trustdocs.core.dates import PartialDate
from trustdocs.model.dataset import DataSet
from trustdocs.rendering import paths

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _plain(value: Any) -> Any:
    if isinstance(value, PartialDate):
        return value.iso
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if not f.name.startswith("_")}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    return value


def data_json(data: DataSet) -> bytes:
    return (json.dumps(_plain(data), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _cell(value: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; make them text."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[_cell(c) for c in row] for row in rows])
    return out.getvalue().encode("utf-8")


def partners_csv(data: DataSet) -> bytes:
    return _csv(
        ["id", "name", "short_name", "category", "statutory_basis", "area_types", "status_history"],
        [
            [
                p.id,
                p.name,
                p.short_name,
                p.category,
                p.statutory_basis,
                ";".join(p.area_types),
                ";".join(f"{s.start.iso} {s.status}" for s in p.status_history),
            ]
            for p in data.partners
        ],
    )


def duties_csv(data: DataSet) -> bytes:
    """One row per status entry of each duty or power: a strength never appears without its status."""
    return _csv(
        ["id", "name", "kind", "holders", "status", "from", "strength", "binds", "basis", "by", "proposer"],
        [
            [
                d.id,
                d.name,
                d.kind,
                ";".join(d.holders),
                e.kind,
                e.start.iso,
                e.strength,
                ";".join(e.binds),
                e.basis,
                e.by,
                e.proposer,
            ]
            for d in data.duties
            for e in d.status
        ],
    )


def export_files(data: DataSet) -> dict[str, bytes]:
    """Path under docs/ -> bytes."""
    return {
        paths.EXPORT_JSON: data_json(data),
        paths.EXPORT_PARTNERS_CSV: partners_csv(data),
        paths.EXPORT_DUTIES_CSV: duties_csv(data),
    }
