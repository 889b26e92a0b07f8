"""trustdocs-vale: run Vale rules over blocks of prose, in Python.

The order and bookkeeping follow Vale's linter (lint/lint.go, core/file.go):
blocks in document order; for each block its sentences first, then the block
itself; each rule only where its scope matches; one alert per rule per
position; at most `limit` alerts per rule per file; alerts sorted by line and
column.
"""

from __future__ import annotations

from .alerts import Alert
from .blocks import Block, SourceText
from .config import ValeConfig
from .rule_types import FileState, Rule

ENGINE_NAME = "trustdocs-vale"


def lint_blocks(
    blocks: list[Block], source: SourceText, path: str, rules: list[Rule], config: ValeConfig
) -> list[Alert]:
    """Alerts for one file whose prose is `blocks` and whose text is `source`."""
    want_sentences = any(rule.scope.wants_sentences for rule in rules)
    state = FileState()
    seen: set[tuple[int, int, str]] = set()
    per_rule: dict[str, int] = {}
    alerts: list[Alert] = []
    for block in blocks:
        for unit in block.units(want_sentences):
            for rule in rules:
                if not rule.scope.matches(unit.scope):
                    continue
                for hit in rule.run(unit.text, state):
                    start = block.offsets.source_offset(unit.start + hit.start)
                    line, col = source.line_col(start)
                    key = (line, col, rule.name)
                    if key in seen:
                        continue  # Vale's File.AddAlert history: no double reports
                    if rule.limit and per_rule.get(rule.name, 0) >= rule.limit:
                        continue
                    seen.add(key)
                    per_rule[rule.name] = per_rule.get(rule.name, 0) + 1
                    alerts.append(
                        Alert(
                            path=path,
                            line=line,
                            col=col,
                            check=rule.name,
                            message=hit.message,
                            level=config.level_of(rule),
                            match=hit.match,
                            end_col=col + max(len(hit.match), 1) - 1,
                            link=rule.link,
                            context=unit.text,
                        )
                    )
    return sorted(alerts, key=lambda a: (a.line, a.col, a.check))
