"""Citations: a source and a paragraph, and the register's paragraph ranges.

Every fact in the data cites at least one paragraph of a registered source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cite:
    source: str
    para: str


def cites_from(raw: list[dict[str, str]] | None) -> tuple[Cite, ...]:
    """The ``cites`` list of a validated record (absent: none)."""
    return tuple(Cite(c["source"], c["para"]) for c in raw or ())


_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def expand_paragraphs(specs: list[str]) -> tuple[str, ...]:
    """Expand a register's paragraph list: '1.1-1.3' -> 1.1, 1.2, 1.3; 'fn-1-fn-3' -> fn-1 .. fn-3.

    A spec is a range when it splits at a hyphen into two numbered ends with the
    same stem; otherwise it is one label (such as 'appendix-1').
    """
    out: list[str] = []
    for spec in specs:
        out.extend(_expand_one(spec))
    return tuple(out)


def _expand_one(spec: str) -> list[str]:
    for i, char in enumerate(spec):
        if char != "-":
            continue
        first, last = _NUMBERED.match(spec[:i]), _NUMBERED.match(spec[i + 1 :])
        if first and last and first.group(1) == last.group(1) and int(first.group(2)) <= int(last.group(2)):
            stem = first.group(1)
            return [f"{stem}{n}" for n in range(int(first.group(2)), int(last.group(2)) + 1)]
    return [spec]
