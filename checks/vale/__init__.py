"""The "Style (Vale)" gate: our GOV.UK-derived Vale rules, run on the built site.

The rules live in `styles/TrustDocs/` and are configured by `.vale.ini`, so a
real Vale reads them unchanged. When no working Vale binary is available (it
cannot be downloaded on our build machines), trustdocs-vale - a Python
implementation of the Vale rule types the rules use - runs them instead.

Public interface:

* `run(site_dir, base_url)` - the gate: Findings for warnings and errors.
* `lint_text(text, path, config=None)` - lint one Markdown, HTML or text
  document with the Python engine (used by the rule fixtures).
* `python -m checks.vale SITE_DIR` - print alerts; exit 1 on any warning or error.
"""

from __future__ import annotations

from .config import ConfigError, ValeConfig, load_config
from .engine import choose_engine, lint_text
from .rules import Alert, RuleError, ValeError
from .site_gate import lint_site, run

__all__ = [
    "Alert",
    "ConfigError",
    "RuleError",
    "ValeConfig",
    "ValeError",
    "choose_engine",
    "lint_site",
    "lint_text",
    "load_config",
    "run",
]
