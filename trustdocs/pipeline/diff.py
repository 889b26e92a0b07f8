"""What a change to the data does: records added, removed, renamed and changed, and the pages and downloads it changes.

``trustdocs diff BASE [HEAD]`` compares two data directories (or two git
revisions, which the command line checks out into temporary folders). It
works from the data and the generated pages, not from a site build, so it is
fast enough for every pull request. The report is Markdown, for a
pull-request comment and the terminal; the changes that matter most to
readers come first: a duty's holders or status, a body's status, a Board rule,
a plan requirement.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trustdocs.core.clock import as_at_date
from trustdocs.core.escape import md
from trustdocs.core.markdown import bullet_list
from trustdocs.pipeline.generate import all_documents, generate_pages
from trustdocs.pipeline.load import load_dataset, read_documents
from trustdocs.rendering import paths
from trustdocs.rendering.common import format_day
from trustdocs.rendering.documents.convert import FORMATS

# Fields whose change matters most to readers, by kind of data: listed first.
IMPORTANT = {
    "duties": {"holders", "status"},
    "partners": {"status_history", "category"},
    "board": {"status", "text", "role"},
    "cypp": {"status", "text", "owners"},
}


class _AnySize(dict):
    """Every file the same size: a size is not a change to a page's text."""

    def __missing__(self, key: str) -> int:
        return 0


@dataclass(frozen=True)
class Record:
    id: str
    file: str  # data file: data/duties.yml
    kind: str  # duties, partners, board ...
    fields: Mapping[str, Any]


@dataclass
class Report:
    added: list[Record] = field(default_factory=list)
    removed: list[Record] = field(default_factory=list)
    renamed: list[tuple[Record, Record]] = field(default_factory=list)
    changed: list[tuple[Record, Record, list[str]]] = field(default_factory=list)
    pages: dict[str, list[str]] = field(default_factory=dict)  # changed / added / removed -> page paths
    downloads: list[str] = field(default_factory=list)
    site_dates: tuple[datetime.date, datetime.date] | None = None  # base, head: the date pages are worked out at


def records(data_dir: Path) -> dict[str, Record]:
    """Every record with an id, by id (collection files are records too)."""
    docs, _ = read_documents(data_dir)
    out: dict[str, Record] = {}
    for name, doc in docs.items():
        kind, file = name.split("/", 1)[0], f"data/{name}.yml"
        for item in _with_ids(doc.data):
            out.setdefault(item["id"], Record(item["id"], file, kind, item))
    return out


def _with_ids(data: Any) -> Iterator[dict]:
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            yield data
        for value in data.values():
            yield from _with_ids(value)
    elif isinstance(data, list):
        for value in data:
            yield from _with_ids(value)


def _own(fields: Mapping[str, Any]) -> dict[str, Any]:
    """A record's own fields: nested records with ids are compared as records of their own."""
    return {
        k: v
        for k, v in fields.items()
        if not (isinstance(v, list) and any(isinstance(i, dict) and "id" in i for i in v))
    }


def _label(fields: Mapping[str, Any]) -> str:
    for key in ("name", "title", "heading", "term", "text", "role"):
        if isinstance(fields.get(key), str):
            return " ".join(fields[key].split())
    return ""


def _text(value: Any, limit: int = 160) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(path, value) for every scalar in a record's fields: 'status[0].strength' -> 'may'."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, f"{path}[{i}]")
    else:
        yield path, value


def _list_changes(key: str, old: list, new: list) -> list[tuple[str, Any, Any]]:
    """A list that grew or shrank: the items removed and added, not every index after the change shifted."""
    unmatched = [json.dumps(i, sort_keys=True, ensure_ascii=False) for i in new]
    added, removed = list(new), []
    for item in old:
        text = json.dumps(item, sort_keys=True, ensure_ascii=False)
        if text in unmatched:  # kept: drop it from both sides (unmatched and added stay aligned)
            at = unmatched.index(text)
            del unmatched[at], added[at]
        else:
            removed.append(item)
    return [(f"{key}[]", item, None) for item in removed] + [(f"{key}[]", None, item) for item in added]


def _changed_leaves(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """(path, old value, new value) for each change; None for a value that is not there."""
    out: list[tuple[str, Any, Any]] = []
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if isinstance(a, list) and isinstance(b, list) and len(a) != len(b):
            out += _list_changes(key, a, b)
            continue
        before, after = dict(_leaves(a, key)), dict(_leaves(b, key))
        out += [
            (k, before.get(k), after.get(k))
            for k in sorted(before.keys() | after.keys())
            if before.get(k) != after.get(k)
        ]
    return out


def compare(base_dir: Path, head_dir: Path) -> Report:
    """Both data sets must be valid: DataError otherwise."""
    base_data, head_data = load_dataset(base_dir), load_dataset(head_dir)
    base, head = records(base_dir), records(head_dir)
    report = Report()
    added = [head[i] for i in head if i not in base]
    removed = [base[i] for i in base if i not in head]
    for old in list(removed):  # the same name, text or title under a new id: a rename
        match = next((new for new in added if _label(new.fields) and _label(new.fields) == _label(old.fields)), None)
        if match:
            report.renamed.append((old, match))
            removed.remove(old)
            added.remove(match)
    report.added, report.removed = added, removed
    for record_id in base.keys() & head.keys():
        before, after = _own(base[record_id].fields), _own(head[record_id].fields)
        fields = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        if fields:
            report.changed.append((base[record_id], head[record_id], fields))
    report.changed.sort(key=lambda c: (not set(c[2]) & IMPORTANT.get(c[0].kind, set()), c[0].file, c[0].id))
    report.site_dates = (as_at_date(base_data.latest_source_date), as_at_date(head_data.latest_source_date))
    base_pages = {p.path: p.text for p in generate_pages(base_data, _AnySize())}
    head_pages = {p.path: p.text for p in generate_pages(head_data, _AnySize())}
    report.pages = {
        "changed": sorted(p for p in base_pages.keys() & head_pages.keys() if base_pages[p] != head_pages[p]),
        "added": sorted(head_pages.keys() - base_pages.keys()),
        "removed": sorted(base_pages.keys() - head_pages.keys()),
    }
    base_docs = {d.slug: (d.title, d.markdown) for d in all_documents(base_data)}
    head_docs = {d.slug: (d.title, d.markdown) for d in all_documents(head_data)}
    report.downloads = sorted(
        paths.download(slug, fmt)
        for slug in base_docs.keys() | head_docs.keys()
        if base_docs.get(slug) != head_docs.get(slug)
        for fmt in FORMATS
    )
    return report


def _change(before: Any, after: Any) -> str:
    if before is None:
        return f"added {_value(after)}"
    if after is None:
        return f"removed {_value(before)}"
    return f"{_value(before)} → {_value(after)}"


def _value(value: Any) -> str:
    """A value for the report: as code where it can be, 'none' when absent."""
    if value is None:
        return "none"
    text = _text(value, 120)
    return f"`{text}`" if "`" not in text else md(text)


def _page_link(path: str, site_url: str) -> str:
    url = paths.page_url(path) if path.endswith(".md") else path
    return f"[{md(url or 'home')}]({site_url}{url})" if site_url else f"`{url}`"


def as_markdown(report: Report, site_url: str = "") -> str:
    """The report for a pull-request comment: the changes readers notice most first."""
    parts = ["## What this change does\n"]
    if not any(
        (report.added, report.removed, report.renamed, report.changed, *report.pages.values(), report.downloads)
    ):
        return parts[0] + "\nNo record, page or download changes.\n"
    if report.site_dates and report.site_dates[0] != report.site_dates[1]:
        before, after = (format_day(d) for d in report.site_dates)
        parts.append(
            f"\n**The site's date moves from {before} to {after}.** Pages are worked out as at the date of the "
            "latest source, so every page that states the date, or a status on it, changes.\n"
        )
    important = [c for c in report.changed if set(c[2]) & IMPORTANT.get(c[0].kind, set())]
    other = [c for c in report.changed if c not in important]

    def changed_lines(changes: list[tuple[Record, Record, list[str]]]) -> list[str]:
        lines = []
        for old, new, fields in changes:
            leaves = _changed_leaves(_own(old.fields), _own(new.fields))
            details = "".join(f"\n    - `{path}`: {_change(before, after)}" for path, before, after in leaves)
            label = _label(new.fields)
            named = (
                f"**{md(_text(label, 80))}** (`{old.id}` in `{old.file}`)" if label else f"`{old.id}` in `{old.file}`"
            )
            lines.append(f"{named}: {', '.join(f'`{f}`' for f in fields)}{details}")
        return lines

    if important:
        parts.append("\n### Changes readers will notice most\n\n" + bullet_list(changed_lines(important)))
    if report.renamed:
        parts.append(
            "\n### Renamed ids\n\nA published id should never change: page addresses and citations use it.\n\n"
            + bullet_list(f"`{old.id}` → `{new.id}` in `{new.file}`" for old, new in report.renamed)
        )
    if report.added:
        parts.append(
            "\n### Records added\n\n"
            + bullet_list(f"`{r.id}` in `{r.file}`: {md(_text(_label(r.fields)))}" for r in report.added)
        )
    if report.removed:
        parts.append(
            "\n### Records removed\n\n"
            + bullet_list(f"`{r.id}` in `{r.file}`: {md(_text(_label(r.fields)))}" for r in report.removed)
        )
    if other:
        parts.append("\n### Other changed records\n\n" + bullet_list(changed_lines(other)))
    for what, paths_ in report.pages.items():
        if paths_:
            parts.append(f"\n### Pages {what}\n\n" + bullet_list(_page_link(p, site_url) for p in paths_))
    if report.downloads:
        parts.append("\n### Downloads that change\n\n" + bullet_list(_page_link(d, site_url) for d in report.downloads))
    return "".join(parts)
