"""Lists of vocabulary patterns compiled into one pattern that is fast to search.

Python's re tries every alternative of `a|b|c` at every position of the text. When alternatives
start at a word boundary (`\\bbecause\\b`), `\\b(?:because|due to|...)` tests the boundary once per
position, and most positions (inside words) go no further: five times faster on a list of
fifteen cues. Which alternative matches first may differ, so these patterns answer only
whether one matches (`search`), never which or how many.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_BOUNDARY = "\\b"


def any_of(alternatives: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """One pattern whose `search` finds a match exactly where one of the alternatives would."""
    bounded: list[str] = []
    rest: list[str] = []
    for alternative in alternatives:
        body = alternative[len(_BOUNDARY) :]
        if alternative.startswith(_BOUNDARY) and not _has_top_level_bar(body):
            bounded.append(f"(?:{body})")
        else:
            rest.append(f"(?:{alternative})")
    parts = ([f"{_BOUNDARY}(?:{'|'.join(bounded)})"] if bounded else []) + rest
    return re.compile("|".join(parts), flags)


def _has_top_level_bar(pattern: str) -> bool:
    """Whether `pattern` is itself a choice (`a|b`) outside any group or character class: then
    `\\b` before it binds only the first choice, and it is left as it is."""
    depth, index = 0, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 1  # the escaped character is a literal
        elif char == "[":
            index = _class_end(pattern, index)
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
        index += 1
    return False


def _class_end(pattern: str, start: int) -> int:
    """The index of the `]` closing the character class opened at `start` (a `]` first in the
    class, after an optional `^`, is a literal)."""
    index = start + 1
    if index < len(pattern) and pattern[index] == "^":
        index += 1
    if index < len(pattern) and pattern[index] == "]":
        index += 1
    while index < len(pattern) and pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index
