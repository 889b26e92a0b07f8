"""The site's navigation, by what readers come to do: at most seven top-level items.

Generated with the pages, so a new partner, duty, area or consultation gets
its entry with no other edit. The result is the ``nav`` structure of
``mkdocs.yml`` (a list of one-key mappings: label to page path, or label to a
list of entries); the MkDocs adapter sets it on the build.

Every label is the page's own first heading (or a section name written
here), as HTML-safe text: editor text in headings is already escaped by
:func:`trustdocs.core.escape.md`, tags such as ``<cite>`` are dropped, and a
label that still carries Markdown or attribute-list syntax stops the build.
Lists are sorted by the name a reader sees, not by file name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from trustdocs.model.dataset import DataSet
from trustdocs.rendering import paths
from trustdocs.rendering.common import Page

NavEntry = dict[str, str | list["NavEntry"]]

# The top-level sections, in the order readers need them.
HOME = "Home"
ORGANISATION = "What your organisation must do"
TRUST = "The Children's Trust and its plan"
DOCUMENTS = "Model documents"
CONSULTATIONS = "Consultations"
GUIDANCE = "The guidance and its sources"
ABOUT = "Glossary, data and changes"
TOP_LEVEL = (HOME, ORGANISATION, TRUST, DOCUMENTS, CONSULTATIONS, GUIDANCE, ABOUT)
MAX_TOP_LEVEL = 7

_TAG = re.compile(r"<[^>]*>")
# What must never reach a label: Markdown or attribute-list syntax, or raw markup.
_UNSAFE = re.compile(r"[{}\[\]<>*`]|^#|\s#")


class NavigationError(ValueError):
    """A generated page has no place in the navigation, or a label would show markup."""


def heading(markdown: str) -> str:
    """A page's first-level heading as a navigation label: HTML-safe text, without tags."""
    for line in markdown.splitlines():
        if line.startswith("# "):
            label = " ".join(_TAG.sub("", line[2:]).split())
            if not label or _UNSAFE.search(label):
                raise NavigationError(f"heading {line!r} would show markup in a title or label")
            return label
    raise NavigationError("page has no first-level heading")


def sort_key(label: str) -> tuple[str, str]:
    """By the name a reader sees: case-blind, ignoring a leading 'The'."""
    folded = label.casefold()
    return (folded[4:] if folded.startswith("the ") else folded, label)


def _entry(label: str, target: str | list[NavEntry]) -> NavEntry:
    return {label: target}


class _Pages:
    """The generated pages by path, each taken once: a page left over has no place, which is an error."""

    def __init__(self, pages: Iterable[Page]) -> None:
        self.labels: dict[str, str] = {}
        for page in pages:
            if page.path.endswith(".md"):
                self.labels[page.path] = heading(page.markdown)
        self.unplaced = dict.fromkeys(self.labels)

    def take(self, path: str) -> NavEntry | None:
        if path not in self.labels:
            return None
        if path not in self.unplaced:
            raise NavigationError(f"{path} placed twice in the navigation")
        del self.unplaced[path]
        return _entry(self.labels[path], path)

    def take_all(self, paths_: Iterable[str]) -> list[NavEntry]:
        return [entry for path in paths_ if (entry := self.take(path)) is not None]

    def sorted(self, paths_: Iterable[str]) -> list[NavEntry]:
        chosen = [p for p in paths_ if p in self.labels]
        return self.take_all(sorted(chosen, key=lambda p: sort_key(self.labels[p])))

    def under(self, folder: str, exclude: Sequence[str] = ()) -> list[str]:
        """Pages directly in a folder (not in its subfolders), less some."""
        prefix = folder.rstrip("/") + "/"
        return [p for p in self.unplaced if p.startswith(prefix) and "/" not in p[len(prefix) :] and p not in exclude]


def _section(label: str, entries: list[NavEntry]) -> list[NavEntry]:
    return [_entry(label, entries)] if entries else []


def navigation(pages: Iterable[Page], data: DataSet, home: str = paths.HOME) -> list[NavEntry]:
    """The whole navigation: the home page, then six sections by task."""
    site = _Pages(pages)
    nav: list[NavEntry] = [_entry(HOME, home)]
    nav += _section(ORGANISATION, _organisation(site))
    nav += _section(TRUST, site.take_all([paths.FEATURES, paths.OUTCOMES, paths.BOARD, paths.CYPP, paths.CHANGES]))
    nav += _section(DOCUMENTS, _documents(site, data))
    nav += _section(CONSULTATIONS, _consultations(site, data))
    nav += _section(GUIDANCE, _guidance(site, data))
    nav += _section(ABOUT, site.take_all([paths.GLOSSARY, paths.DATA, paths.DATA_REFERENCE, paths.SITE_CHANGES]))
    if site.unplaced:
        raise NavigationError(
            "no place in the navigation for " + ", ".join(site.unplaced) + " (trustdocs/rendering/navigation.py)"
        )
    if len(nav) > MAX_TOP_LEVEL:
        raise NavigationError(f"{len(nav)} top-level navigation items; at most {MAX_TOP_LEVEL}")
    return nav


def _organisation(site: _Pages) -> list[NavEntry]:
    """Find your organisation first; then the duties; then every partner, by name."""
    entries = site.take_all([paths.PARTNERS, paths.DUTY_MATRIX])
    duties = site.take_all([paths.DUTIES]) + site.sorted(site.under("duties"))
    entries += _section("Duties and powers", duties)
    return entries + site.sorted(site.under("partners"))


def _documents(site: _Pages, data: DataSet) -> list[NavEntry]:
    forms = {paths.document(paths.printable_form_slug(c.id)) for c in data.consultations}
    entries = site.take_all([paths.DOCUMENTS]) + site.sorted(site.under(paths.DOCUMENTS_DIR, exclude=sorted(forms)))
    areas = sorted(data.areas, key=lambda a: sort_key(a.name))
    for area in areas:
        page = paths.area(area.id)
        if page not in site.labels:
            continue
        label = site.labels[page]
        entries += _section(label, site.take_all([page]) + site.sorted(site.under(paths.area_documents(area.id))))
    return entries


def _consultations(site: _Pages, data: DataSet) -> list[NavEntry]:
    entries = site.take_all([paths.CONSULTATIONS])
    for c in sorted(data.consultations, key=lambda c: (str(c.dates.opens.start), c.id)):
        own = site.take_all(
            [
                paths.consultation(c.id),
                paths.consultation_form(c.id),
                paths.document(paths.printable_form_slug(c.id)),
                paths.consultation_outcome(c.id),
            ]
        )
        if own:
            entries += _section(next(iter(own[0])), own)
    return entries


def _guidance(site: _Pages, data: DataSet) -> list[NavEntry]:
    sections = [paths.guidance_section(s.id) for s in data.guidance]
    entries = site.take_all([paths.GUIDANCE, *sections, paths.ON_A_DATE, paths.TIMELINE])
    sources = site.take_all([paths.SOURCES]) + site.sorted(site.under(paths.SOURCES_DIR))
    return entries + _section("Sources", sources)


def top_level_labels(nav: Sequence[Mapping[str, object]]) -> list[str]:
    return [next(iter(entry)) for entry in nav]
