"""Safe YAML loading that remembers where every mapping key and value sits in the file.

Deck files are written by hand; an error has to point at the file, line and key.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from seedcards.errors import UserError


@dataclass(frozen=True)
class Located:
    """A loaded mapping plus the line of each key (1-based), for error messages."""

    value: dict[str, Any]
    lines: dict[str, int]
    line: int
    path: Path

    def error(self, message: str, key: str | None = None, hint: str | None = None) -> UserError:
        return UserError(message, self.path, self.lines.get(key, self.line) if key else self.line, hint=hint)


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when PyYAML has it: several times faster
    """SafeLoader (no arbitrary objects) whose mappings carry the lines of their keys."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {}
    lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(None, None, "a key must be a plain value", key_node.start_mark)
        if key in mapping:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key}'", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        lines[key] = key_node.start_mark.line + 1
    return _Mapping(mapping, lines, node.start_mark.line + 1)


class _Mapping(dict):
    def __init__(self, items: dict, lines: dict, line: int) -> None:
        super().__init__(items)
        self.key_lines = lines
        self.line = line


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load(path: Path) -> Any:
    """Parse a YAML file safely. Syntax errors become UserErrors with file, line and column."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read this YAML file ({exc}).", path) from exc
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader derives from SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise UserError(f"YAML syntax error: {problem}.", path,
                        mark.line + 1 if mark else None, mark.column + 1 if mark else None,
                        hint="Fix the YAML at that spot (indentation and quoting are the usual causes).") from exc
    except yaml.YAMLError as exc:
        raise UserError(f"YAML error: {exc}.", path) from exc


def located(value: Any, path: Path, line: int = 1) -> Located:
    if not isinstance(value, dict):
        raise UserError(f"expected a mapping (key: value lines), found {type_name(value)}.", path, line)
    return Located(value=value, lines=getattr(value, "key_lines", {}), line=getattr(value, "line", line), path=path)


def type_name(value: Any) -> str:
    return {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list",
            dict: "a mapping", type(None): "nothing"}.get(type(value), type(value).__name__)


def check_keys(node: Located, allowed: list[str], what: str) -> None:
    """Unknown keys are errors that name the key and suggest the closest valid one."""
    for key in node.value:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"Did you mean '{close[0]}'?" if close else f"Valid keys: {', '.join(allowed)}."
            raise node.error(f"unknown key '{key}' in {what}.", key, hint=hint)


def expect(node: Located, key: str, kind: type | tuple[type, ...], what: str, required: bool = False) -> Any:
    """The value at ``key``, checked against the expected type."""
    if key not in node.value:
        if required:
            raise node.error(f"{what} needs a '{key}'.")
        return None
    value = node.value[key]
    if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        wanted = type_name(kind()) if isinstance(kind, type) else " or ".join(type_name(k()) for k in kind)
        raise node.error(f"'{key}' in {what} must be {wanted}, not {type_name(value)}.", key)
    return value
