"""Who wrote a page, and what to call it, from the shapes of names and headings."""

from __future__ import annotations

import re

from seedcards.document import Block, BlockKind
from seedcards.readers import apparatus, furniture

_NAME = re.compile(r"^[^\W\d_][\w'’.\-]*(?: [^\W\d_][\w'’.\-]*){0,3}$")
_BY = re.compile(r"^\s*(?:by|written by|posted by|author:)\s+(?P<name>[^\W\d_][\w'’.\- ]{1,60})$", re.IGNORECASE)
_PROFILE_SUFFIX = re.compile(r"\s*(?:profile picture|profile photo|avatar)\s*$", re.IGNORECASE)
_TITLE_WORDS = 10


def looks_like_name(candidate: str) -> bool:
    """One to four capitalised words, as a person's name on a profile or byline."""
    candidate = candidate.strip()
    if not _NAME.match(candidate) or furniture.is_furniture_line(candidate):
        return False
    parts = candidate.split()
    return all(p[0].isupper() for p in parts) and (len(parts) > 1 or "-" in candidate or len(candidate) > 3)


def byline_name(line: str) -> str | None:
    """The name in a byline such as "By Jane Doe", or None if the line is not one."""
    match = _BY.match(line)
    return match["name"].strip() if match and looks_like_name(match["name"]) else None


def find_author_line(lines: list[str]) -> tuple[str | None, int, bool]:
    """The author named at the top of a text export, the index after that line, and whether
    the line also says the page lists comments."""
    for index, line in enumerate(lines[:8]):
        if not line.strip():
            continue
        by = byline_name(line)
        if by:
            return by, index + 1, False
        name = _PROFILE_SUFFIX.sub("", line).strip()
        if index == _first_nonblank(lines) and looks_like_name(name):
            return name, index + 1, False
        if not furniture.is_furniture_line(line):
            break
    return None, 0, False


def _first_nonblank(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line.strip()), 0)


def title_from_blocks(blocks: list[Block], author: str | None, is_comment_page: bool) -> str | None:
    """A title for a page that does not state one."""
    if is_comment_page and author:
        return f"Comments by {author}"
    for block in blocks[:3]:
        if block.kind is BlockKind.HEADING:
            return block.text
    for block in blocks:
        # A line of thanks above the post ("Special thanks to ... for feedback") names no subject.
        if block.kind is not BlockKind.CODE and not apparatus.is_acknowledgement(block.text):
            words = block.text.split()
            head = " ".join(words[:_TITLE_WORDS])
            return head + ("…" if len(words) > _TITLE_WORDS else "")
    return None
