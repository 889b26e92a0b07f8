"""Read `.vale.ini`: where the styles are, the minimum level, and which styles
apply to which files.

Only the settings this project uses are implemented - StylesPath,
MinAlertLevel, and per-glob BasedOnStyles and `Style.Rule = YES|NO|<level>`.
Any other setting raises a ConfigError instead of being ignored, because an
ignored setting (a vocabulary, an ignore pattern) changes what Vale reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from .alerts import LEVELS
from .errors import ConfigError
from .rule_loader import load_style
from .rule_types import Rule

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CONFIG = REPO_ROOT / ".vale.ini"

# Vale's other per-section settings, which change what text is read.
_VALE_SECTION_OPTIONS = frozenset(
    {"BlockIgnores", "TokenIgnores", "IgnorePatterns", "CommentDelimiters", "Transform", "Lang", "View"}
)
_SECTION = re.compile(r"^\[(.+)\]\s*$")
_SETTING = re.compile(r"^([^=]+?)\s*=\s*(.*?)\s*$")


@dataclass
class _Section:
    pattern: re.Pattern[str] | None  # None for the global [*] section
    styles: list[str] | None = None
    checks: dict[str, bool] = field(default_factory=dict)


@dataclass
class ValeConfig:
    """A parsed `.vale.ini`, with its styles' rules compiled."""

    path: Path
    styles_path: Path
    min_level: str
    sections: list[_Section]
    rules: dict[str, Rule]
    levels: dict[str, str]  # rule or style -> level override

    def rules_for(self, file_path: str | PurePath) -> list[Rule]:
        """The rules Vale would run on this file, at their effective levels.

        Follows core/file.go and lint/lint.go: the last matching section's
        BasedOnStyles wins; `Style.Rule = NO|YES` from matching sections
        (falling back to [*]) switches single rules; rules below
        MinAlertLevel never run.
        """
        target = PurePath(file_path).as_posix()
        global_section = next((s for s in self.sections if s.pattern is None), _Section(None))
        styles = list(global_section.styles or [])
        checks: dict[str, bool] = {}
        for section in self.sections:
            if section.pattern is not None and section.pattern.fullmatch(target):
                if section.styles is not None:
                    styles = section.styles
                checks.update(section.checks)
        chosen = []
        for name, rule in sorted(self.rules.items()):
            style = name.split(".")[0]
            enabled = _setting(checks, name, style)
            if enabled is None:
                enabled = _setting(global_section.checks, name, style)
            if enabled is None:
                enabled = style in styles
            if enabled and LEVELS[self.level_of(rule)] >= LEVELS[self.min_level]:
                chosen.append(rule)
        return chosen

    def level_of(self, rule: Rule) -> str:
        return self.levels.get(rule.name) or self.levels.get(rule.name.split(".")[0]) or rule.level


def _setting(checks: dict[str, bool], rule: str, style: str) -> bool | None:
    """A rule's own YES/NO, else its style's (Vale's checkSetting)."""
    return checks.get(rule, checks.get(style))


def load_config(path: Path | str = DEFAULT_CONFIG) -> ValeConfig:
    path = Path(path).resolve()
    if not path.is_file():
        raise ConfigError(f"no Vale configuration at {path}")
    core: dict[str, str] = {}
    raw_sections: list[tuple[str, dict[str, str]]] = []
    current = core
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        if match := _SECTION.match(stripped):
            current = {}
            raw_sections.append((match.group(1).strip(), current))
            continue
        match = _SETTING.match(stripped)
        if not match:
            raise ConfigError(f"{path}:{number}: expected 'key = value' or '[section]', got {line!r}")
        key, value = match.group(1), match.group(2)
        if key in current:
            raise ConfigError(f"{path}:{number}: {key!r} is set twice in the same section")
        current[key] = value

    unknown_core = set(core) - {"StylesPath", "MinAlertLevel"}
    if unknown_core:
        raise ConfigError(f"{path}: trustdocs-vale does not implement {sorted(unknown_core)}")
    styles_path = (path.parent / core.get("StylesPath", "styles")).resolve()
    if not styles_path.is_dir():
        raise ConfigError(f"{path}: StylesPath {styles_path} does not exist")
    min_level = core.get("MinAlertLevel", "suggestion")  # Vale's default
    if min_level not in LEVELS:
        raise ConfigError(f"{path}: MinAlertLevel must be one of {sorted(LEVELS)}, got {min_level!r}")

    levels: dict[str, str] = {}
    sections = [_parse_section(path, label, settings, levels) for label, settings in raw_sections]
    rules: dict[str, Rule] = {}
    for style in sorted({s for section in sections for s in section.styles or []}):
        if not (styles_path / style).is_dir():
            raise ConfigError(f"{path}: style {style!r} does not exist on StylesPath ({styles_path})")
        rules.update(load_style(styles_path / style, style))
    return ValeConfig(path, styles_path, min_level, sections, rules, levels)


def _parse_section(path: Path, label: str, settings: dict[str, str], levels: dict[str, str]) -> _Section:
    if label == "formats":
        if settings:
            raise ConfigError(f"{path}: [formats] mappings are not implemented by trustdocs-vale")
        return _Section(re.compile(r"(?!)"))
    section = _Section(None if label == "*" else glob_to_regex(label))
    for key, value in settings.items():
        if key in _VALE_SECTION_OPTIONS:
            raise ConfigError(f"{path}: [{label}] setting {key!r} is not implemented by trustdocs-vale")
        if key == "BasedOnStyles":
            section.styles = [s.strip() for s in value.split(",") if s.strip()]
            if "Vale" in section.styles:
                raise ConfigError(f"{path}: Vale's built-in style (spelling, repetition) is not implemented")
        elif re.fullmatch(r"[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)?", key):
            if value == "NO":
                section.checks[key] = False
            elif value == "YES":
                section.checks[key] = True
            elif value in LEVELS:
                section.checks[key] = True
                levels[key] = value  # Vale keeps one level per rule, whatever the section
            else:
                raise ConfigError(f"{path}: [{label}] {key} must be YES, NO or a level, got {value!r}")
        else:
            raise ConfigError(f"{path}: [{label}] setting {key!r} is not implemented by trustdocs-vale")
    return section


def glob_to_regex(glob: str) -> re.Pattern[str]:
    """Vale's section globs: `*` and `**` match anything (slashes included), `?`
    one character, `{a,b}` either alternative, `[...]` a character class."""
    out, index = [], 0
    while index < len(glob):
        char = glob[index]
        if char == "*":
            out.append(".*")
            while index + 1 < len(glob) and glob[index + 1] == "*":
                index += 1
        elif char == "?":
            out.append(".")
        elif char == "{":
            close = glob.find("}", index)
            if close < 0:
                raise ConfigError(f"unbalanced '{{' in section glob {glob!r}")
            options = glob[index + 1:close].split(",")
            out.append("(?:" + "|".join(glob_to_regex(o).pattern for o in options) + ")")
            index = close
        elif char == "[":
            close = glob.find("]", index)
            if close < 0:
                raise ConfigError(f"unbalanced '[' in section glob {glob!r}")
            out.append(glob[index:close + 1])
            index = close
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("".join(out))
