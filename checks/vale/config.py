"""Read `.vale.ini`: where the styles are, the minimum level, and which styles
apply to which files.

Only the settings this project uses are implemented - StylesPath,
MinAlertLevel, and BasedOnStyles per glob section. Any other setting raises a
ConfigError instead of being ignored, because an ignored setting (a
vocabulary, an ignore pattern, a rule switched off) changes what Vale reports.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path, PurePath

from .rules import LEVELS, Rule, ValeError, load_style

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CONFIG = REPO_ROOT / ".vale.ini"


class ConfigError(ValeError):
    """`.vale.ini` uses a setting this engine does not implement, or is malformed."""


@dataclass
class ValeConfig:
    """A parsed `.vale.ini`, with its styles' rules compiled."""

    path: Path
    min_level: str
    sections: dict[str, list[str]]  # section glob -> BasedOnStyles, in file order
    rules: dict[str, Rule]

    def rules_for(self, file_path: str | PurePath) -> list[Rule]:
        """The rules Vale would run on this file.

        As in Vale's core/file.go: the global `[*]` section's styles, replaced
        by those of the last other section whose glob matches; rules below
        MinAlertLevel never run.
        """
        target = PurePath(file_path).as_posix()
        styles = self.sections.get("*", [])
        for glob, section_styles in self.sections.items():
            if glob != "*" and _glob_matches(glob, target):
                styles = section_styles
        return [
            rule
            for name, rule in sorted(self.rules.items())
            if name.split(".")[0] in styles and LEVELS[rule.level] >= LEVELS[self.min_level]
        ]


def _glob_matches(glob: str, path: str) -> bool:
    """Vale's section globs: `*` matches anything (slashes too), `?` one
    character, `[...]` a class, and `{a,b}` either alternative."""
    if brace := re.search(r"\{([^{}]*)\}", glob):
        return any(
            _glob_matches(glob[: brace.start()] + option + glob[brace.end() :], path)
            for option in brace.group(1).split(",")
        )
    return fnmatch.fnmatchcase(path, glob)


def load_config(path: Path | str = DEFAULT_CONFIG) -> ValeConfig:
    path = Path(path).resolve()
    if not path.is_file():
        raise ConfigError(f"no Vale configuration at {path}")
    core: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    label = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        if match := re.fullmatch(r"\[(.+)\]", stripped):
            label = match.group(1).strip()
            continue
        match = re.fullmatch(r"([^=]+?)\s*=\s*(.*)", stripped)
        if not match:
            raise ConfigError(f"{path}:{number}: expected 'key = value' or '[section]', got {line!r}")
        key, value = match.groups()
        allowed = ("StylesPath", "MinAlertLevel") if label is None else ("BasedOnStyles",)
        if key not in allowed:
            where = "" if label is None else f" in [{label}]"
            raise ConfigError(f"{path}:{number}: {key!r}{where} is not implemented by trustdocs-vale")
        if key in core or label in sections:
            raise ConfigError(f"{path}:{number}: {key!r} is set twice in the same section")
        if label is None:
            core[key] = value
        else:
            sections[label] = [s.strip() for s in value.split(",") if s.strip()]

    styles_path = (path.parent / core.get("StylesPath", "styles")).resolve()
    if not styles_path.is_dir():
        raise ConfigError(f"{path}: StylesPath {styles_path} does not exist")
    min_level = core.get("MinAlertLevel", "suggestion")  # Vale's default
    if min_level not in LEVELS:
        raise ConfigError(f"{path}: MinAlertLevel must be one of {sorted(LEVELS)}, got {min_level!r}")
    rules: dict[str, Rule] = {}
    for style in sorted({style for styles in sections.values() for style in styles}):
        if not (styles_path / style).is_dir():
            raise ConfigError(f"{path}: style {style!r} does not exist on StylesPath ({styles_path})")
        rules.update(load_style(styles_path / style, style))
    return ValeConfig(path, min_level, sections, rules)
