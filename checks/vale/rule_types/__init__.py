"""The Vale rule types (`extends:` values) this engine implements."""

from __future__ import annotations

from .base import FileState, Hit, Rule
from .conditional import Conditional
from .existence import Existence
from .occurrence import Occurrence
from .substitution import Substitution

IMPLEMENTED: dict[str, type[Rule]] = {
    cls.TYPE: cls for cls in (Existence, Substitution, Occurrence, Conditional)
}

# Every extension point Vale itself knows (check/definition.go). Naming one of
# these that is not IMPLEMENTED is a different error from naming nonsense.
VALE_TYPES = frozenset(
    {
        "capitalization", "conditional", "consistency", "existence", "occurrence", "repetition",
        "substitution", "readability", "spelling", "sequence", "metric", "script",
    }
)

__all__ = ["IMPLEMENTED", "VALE_TYPES", "FileState", "Hit", "Rule"]
