"""What a normative statement was, and when: dated status entries.

Every duty, power, Board objective, function, rule and membership, plan
requirement and restated guidance paragraph carries its status over time,
oldest first. A strength (must, should, may) is only ever stated inside an
entry, with the bodies it binds, so no page can show "must" without saying
whether that was the law, draft guidance or a proposal, and when.

Entries add up: a duty in force for the local authority since 2004 and
proposed for new bodies in July 2008 had both statuses in August 2008. An
entry that makes something law (in force, enacted) ends the proposals and
drafts before it; one that ends something (superseded, repealed, withdrawn)
ends every entry before it. :func:`statuses_on` applies these rules.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from trustdocs.core.dates import PartialDate
from trustdocs.model.citations import Cite

IN_FORCE = "in-force"
DRAFT = "draft-guidance"
PROPOSED = "proposed"
ENACTED = "enacted"
SUPERSEDED = "superseded"
REPEALED = "repealed"
WITHDRAWN = "withdrawn"
KINDS = (IN_FORCE, DRAFT, PROPOSED, ENACTED, SUPERSEDED, REPEALED, WITHDRAWN)
# The kinds under which a statement is the law: the only ones written in the present tense.
LAW = frozenset({IN_FORCE, ENACTED})
# Kinds that end what came before without being law themselves.
ENDED = frozenset({SUPERSEDED, REPEALED, WITHDRAWN})


@dataclass(frozen=True)
class Status:
    """One dated entry: the kind of status, from when, how strong and whom it binds, and the source."""

    kind: str
    start: PartialDate
    cites: tuple[Cite, ...]
    strength: str = ""  # must | should | may; "" when the entry states no obligation
    binds: tuple[str, ...] = ()  # partner ids the strength applies to
    basis: str = ""  # the legal basis (in force, enacted, superseded, repealed)
    by: str = ""  # the source that proposed, drafted, reported or withdrew it
    proposer: str = ""  # who proposed or drafted it, where the source in ``by`` only reports it
    dated_by: bool = False  # the sources say only that it was so by ``start``, not when it began
    note: str = ""

    @property
    def is_law(self) -> bool:
        return self.kind in LAW


def statuses_on(entries: Sequence[Status], day: datetime.date) -> tuple[Status, ...]:
    """The entries in effect on ``day``, oldest first (empty before the first)."""
    current: list[Status] = []
    for entry in entries:
        if entry.start.start > day:
            break
        if entry.kind in ENDED:
            current = [entry]
        elif entry.kind in LAW:
            current = [e for e in current if e.kind in LAW] + [entry]
        else:
            current.append(entry)
    return tuple(current)


def in_force_on(entries: Sequence[Status], day: datetime.date) -> bool:
    """Whether any of the statement is the law on ``day``: only then may a page use the present tense."""
    return any(entry.is_law for entry in statuses_on(entries, day))
