"""Errors that stop the style gate: a rule or a configuration it cannot honour.

A style check that quietly skips a rule it does not understand would report
"no problems" for text it never looked at. These errors make that impossible.
"""

from __future__ import annotations


class ValeError(Exception):
    """Base class: the style gate cannot run as configured."""


class RuleError(ValeError):
    """A rule file uses a type, key or value this engine does not implement."""


class ConfigError(ValeError):
    """`.vale.ini` uses a setting this engine does not implement, or is malformed."""
