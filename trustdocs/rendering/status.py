"""How a status entry reads: the strength always with its status, its date and whom it binds.

"Must" on its own reads as law. So a strength is never shown bare: the law in
force reads "the local authority must"; draft guidance reads "the draft
guidance said the local authority should"; a proposal reads "schools would
have to". The present tense is kept for what is in force on the site's as-at
date; anything else is worded as what a document said or proposed.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from trustdocs.core.escape import md
from trustdocs.core.markdown import join_and
from trustdocs.model.dataset import DataSet
from trustdocs.model.status import DRAFT, ENACTED, IN_FORCE, PROPOSED, Status, statuses_on
from trustdocs.rendering.common import cites

NAMES = {
    "in-force": "In force",
    "draft-guidance": "Draft guidance",
    "proposed": "Proposed",
    "enacted": "Enacted",
    "superseded": "Superseded",
    "repealed": "Repealed",
    "withdrawn": "Withdrawn",
}
# What each strength says, by the kind of status it has.
_LAW = {"must": "must", "should": "should", "may": "may"}
_LAW_PAST = {"must": "had to", "should": "were expected to", "may": "could"}
_PROPOSED = {"must": "would have to", "should": "would be expected to", "may": "would be able to"}
_DRAFT = {"must": "must", "should": "should", "may": "may"}


def when(entry: Status) -> str:
    """'from 2004' for the law ('by April 2008' where the sources give no start); 'in July 2008' for a
    document's draft or proposal."""
    if entry.dated_by:
        return f"by {entry.start}"
    return f"from {entry.start}" if entry.kind in (IN_FORCE, ENACTED) else f"in {entry.start}"


def status_name(entry: Status) -> str:
    """'In force from 2004', 'Proposed in July 2008'."""
    return f"{NAMES[entry.kind]} {when(entry)}"


def _verb(entry: Status, entries: Sequence[Status], as_at: datetime.date) -> str:
    if entry.is_law:
        return _LAW[entry.strength] if entry in statuses_on(entries, as_at) else _LAW_PAST[entry.strength]
    if entry.kind == PROPOSED:
        return _PROPOSED[entry.strength]
    return _DRAFT[entry.strength]


def in_sentence(name: str) -> str:
    """A body's name as it reads inside a sentence: 'Youth offending teams' -> 'youth offending teams',
    'Local authority' -> 'the local authority', 'Primary Care Trusts' stays as it is.

    A name whose second word is capitalised is a proper name and keeps its
    capital; so does a one-word name but 'Schools'. A singular name takes
    'the' (but not a brand such as Jobcentre Plus).
    """
    if name.startswith("The "):
        return "the " + name[4:]
    words = name.split()
    later = [w for w in words[1:] if w not in _SMALL_WORDS]
    common = (bool(later) and not any(w[:1].isupper() for w in later)) or name == "Schools"
    text = name[:1].lower() + name[1:] if common and not words[0].isupper() else name
    head = re.sub(r"\s*\(.*\)$", "", name).split()[-1]
    singular = not head.endswith("s") and name not in _NO_ARTICLE
    return f"the {text}" if singular else text


_NO_ARTICLE = frozenset({"Jobcentre Plus"})
_SMALL_WORDS = frozenset({"and", "for", "of", "the", "to"})


def _named(entry: Status, data: DataSet) -> list[str]:
    """Whom an entry binds, as names in a sentence; the local authority and all its relevant partners as a group."""
    binds = set(entry.binds)
    partners = {p.id for p in data.partners if p.category == "relevant-partner"}
    leads = {p.id for p in data.partners if p.category == "local-authority"}
    if partners and partners <= binds:
        group = "the local authority and its relevant partners" if leads <= binds else "the relevant partners"
        rest = [p for p in entry.binds if p not in partners | (leads if leads <= binds else set())]
        return [group, *(md(in_sentence(data.partner(p).name)) for p in rest)]
    return [md(in_sentence(data.partner(p).name)) for p in entry.binds]


def who(entry: Status, data: DataSet) -> str:
    return join_and(_named(entry, data))


def _focused(entry: Status, data: DataSet, focus: str) -> str:
    """'police and police authorities (and 7 other bodies)': the page's own body first, the others counted."""
    others = len(entry.binds) - 1
    name = md(in_sentence(data.partner(focus).name))
    return f"{name} (and {others} other {'body' if others == 1 else 'bodies'})" if others else name


# A sentence names at most this many bodies; a longer list becomes a sentence of its own.
_LISTED = 3


def strength_badge(entry: Status, entries: Sequence[Status], as_at: datetime.date, html: bool = True) -> str:
    """The strength as the status words it, styled the same on every page: 'would have to', 'must'.

    ``html=False``: bold Markdown, for the documents, whose converter shows raw HTML as text.
    """
    if not entry.strength:
        return ""
    if not html:
        return f"**{_verb(entry, entries, as_at)}**"
    return f'<strong class="strength strength-{entry.strength}">{_verb(entry, entries, as_at)}</strong>'


def short_status(entry: Status, entries: Sequence[Status], as_at: datetime.date) -> str:
    """For a table cell: 'Proposed in July 2008: would have to'."""
    badge = strength_badge(entry, entries, as_at)
    return f"{md(status_name(entry))}" + (f": {badge}" if badge else "")


def proposed_by(proposer: str, source_id: str, data: DataSet) -> str:
    """Who made a proposal, and the source that reports it: one sentence, for a duty's or a body's status."""
    return f"It was proposed by {md(proposer)}, as reported in {md(data.source(source_id).short_title)}."


def plain(
    entry: Status,
    entries: Sequence[Status],
    data: DataSet,
    as_at: datetime.date,
    focus: str | None = None,
    html: bool = True,
) -> str:
    """The entry in short sentences, without citations: the status, when, basis or document, and whom it binds.

    ``focus``: on a body's own page, name that body and count the others, so
    the page says what applies to its reader. ``html=False``: no HTML, for the documents.
    """
    sentence = f"**{md(status_name(entry))}**"
    if entry.basis.lower().startswith("not stated"):
        sentence += ", on a legal basis the sources do not state"
    elif entry.basis:
        sentence += f" under {md(entry.basis)}"
    if entry.by and not entry.proposer:  # with a proposer, who proposed it follows in a sentence of its own
        sentence += f", by {md(data.source(entry.by).short_title)}"
    if entry.strength:
        badge = strength_badge(entry, entries, as_at, html)
        said = "the draft guidance said " if entry.kind == DRAFT else ""
        names = _named(entry, data)
        if focus is not None and focus in entry.binds:
            sentence += f": {said}{_focused(entry, data, focus)} {badge}"
        elif len(names) <= _LISTED:
            sentence += f": {said}{join_and(names)} {badge}"
        else:
            sentence += f": {said}{len(entry.binds)} bodies {badge}. They are {join_and(names)}"
    sentence += "."
    if entry.by and entry.proposer:
        sentence += " " + proposed_by(entry.proposer, entry.by, data)
    if entry.note:
        sentence += f" {md(entry.note)}"
    return sentence


def compact(
    entry: Status, entries: Sequence[Status], data: DataSet, as_at: datetime.date, focus: str | None = None
) -> str:
    """Short sentences for a restated paragraph: 'Draft guidance in April 2008: the local authority should.'"""
    badge = strength_badge(entry, entries, as_at)
    head = f"*{md(status_name(entry))}*"
    if not badge:
        return head + "."
    names = _named(entry, data)
    if focus is not None and focus in entry.binds:
        return f"{head}: {_focused(entry, data, focus)} {badge}."
    if len(names) <= _LISTED:
        return f"{head}: {join_and(names)} {badge}."
    return f"{head}: {len(entry.binds)} bodies {badge}. They are {join_and(names)}."


def describe(
    entry: Status, entries: Sequence[Status], data: DataSet, here: str, as_at: datetime.date, focus: str | None = None
) -> str:
    """The entry with its sources: the status, when, on what basis or by what document, whom it binds."""
    return f"{plain(entry, entries, data, as_at, focus)} {cites(here, entry.cites, data)}".rstrip()


def status_list(entries: Sequence[Status], data: DataSet, here: str, as_at: datetime.date) -> str:
    """Every entry, oldest first, one list item each."""
    return "".join(f"- {describe(e, entries, data, here, as_at)}\n" for e in entries)


def nested_status(
    entries: Sequence[Status], data: DataSet, here: str, as_at: datetime.date, focus: str | None = None
) -> str:
    """The entries in effect on the as-at date, as a list inside a list item: each its own block."""
    return "".join(f"\n    - {describe(e, entries, data, here, as_at, focus)}" for e in current(entries, as_at))


def current(entries: Sequence[Status], as_at: datetime.date) -> tuple[Status, ...]:
    """The entries in effect on the as-at date (none before the first began)."""
    return statuses_on(entries, as_at)
