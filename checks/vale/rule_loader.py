"""Read rule files (`styles/<Style>/<Rule>.yml`) into compiled rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import RuleError
from .rule_types import IMPLEMENTED, VALE_TYPES, Rule
from .rule_types.base import validate_keys


def load_rule(path: Path, name: str) -> Rule:
    """Compile one rule file; `name` is its Style.Rule name."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise RuleError(f"{path}: not valid YAML: {err}") from err
    return build_rule(data, name, str(path))


def build_rule(data: Any, name: str, where: str) -> Rule:
    """Compile a rule from its parsed YAML mapping."""
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule file must be a YAML mapping")
    # mapstructure, which Vale uses, matches keys case-insensitively.
    options: dict[str, Any] = {}
    for key, value in data.items():
        folded = str(key).lower()
        if folded in options:
            raise RuleError(f"{where}: key {key!r} is given twice")
        options[folded] = value
    extends = options.get("extends")
    if extends is None:
        raise RuleError(f"{where}: missing the required 'extends' key")
    if extends not in IMPLEMENTED:
        if extends in VALE_TYPES:
            raise RuleError(
                f"{where}: 'extends: {extends}' is a Vale rule type that trustdocs-vale does not "
                f"implement (it implements: {', '.join(sorted(IMPLEMENTED))})"
            )
        raise RuleError(f"{where}: 'extends' must be one of {sorted(VALE_TYPES)}, got {extends!r}")
    rule_type = IMPLEMENTED[extends]
    validate_keys(rule_type, options, where)
    return rule_type(name, options, where)


def load_style(style_dir: Path, style: str) -> dict[str, Rule]:
    """Every rule of a style directory, keyed by Style.Rule.

    Vale loads only `*.yml` files; a `.yaml` file would be silently ignored by
    Vale, so it is refused here rather than left to look as if it were active.
    """
    if not style_dir.is_dir():
        raise RuleError(f"style {style!r} does not exist on StylesPath ({style_dir})")
    strays = sorted(p.name for p in style_dir.glob("*.yaml"))
    if strays:
        raise RuleError(f"{style_dir}: Vale only loads .yml rule files; rename {', '.join(strays)}")
    rules = {}
    for path in sorted(style_dir.glob("*.yml")):
        name = f"{style}.{path.stem}"
        rules[name] = load_rule(path, name)
    if not rules:
        raise RuleError(f"{style_dir}: style {style!r} has no rules")
    return rules
