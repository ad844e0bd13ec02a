"""Plain-text exports of posts, threads and comment pages."""

from __future__ import annotations

import re
from pathlib import Path

from seedcards import text
from seedcards.document import Block, BlockKind, Document
from seedcards.readers import furniture
from seedcards.readers.byline import find_author_line, title_from_blocks

_BULLET = re.compile(r"^(?P<indent>\s*)(?:[-*•‣◦▪+]|(?P<num>\(?\d{1,3}[.)]))\s+(?P<body>\S.*)$")
_QUOTE = re.compile(r"^\s*>\s?(?P<body>.*)$")
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|\*|__|_)(?=\S)(?P<span>[^*_\n]{1,80}?)(?<=\S)\1(?![\w*])")
_TERMINAL = (".", "!", "?", ":", ";", ",", '"', "”", ")", "…")
_PROFILE_MAX_WORDS = 12


def _unemphasize(line: str) -> tuple[str, tuple[str, ...]]:
    spans = tuple(m["span"] for m in _EMPHASIS.finditer(line))
    return (_EMPHASIS.sub(lambda m: m["span"], line), spans) if spans else (line, ())


def _is_sentence(line: str) -> bool:
    return len(line.split()) >= _PROFILE_MAX_WORDS or line.rstrip().endswith((".", "!", "?"))


def _is_heading(line: str, blank_before: bool, blank_after: bool) -> bool:
    stripped = line.strip()
    found = text.words(stripped)
    if not (blank_before and blank_after) or not found or len(found) > 12 or stripped[0].islower():
        return False
    if stripped.endswith("?"):
        capitalised = sum(1 for w in found if w[0].isupper())
        return capitalised / len(found) >= 0.6
    # A title may end in a parenthesis ("Sleeper agents (Hubinger et al)"); a sentence ends in punctuation.
    return not stripped.endswith(_TERMINAL) or stripped.endswith(")") and not stripped[:-1].rstrip().endswith(_TERMINAL)


def read(path: Path, raw: str) -> Document:
    lines = raw.split("\n")
    author, header_end, is_comment_page = find_author_line(lines)
    if author is not None:
        # A profile page: after the name come short header lines (bio, tabs, links) until the writing.
        while header_end < len(lines) and not _is_sentence(lines[header_end]):
            is_comment_page = is_comment_page or lines[header_end].strip().lower() == "comments"
            header_end += 1

    blocks: list[Block] = []
    current: list[str] = []
    current_start = 0
    current_kind = BlockKind.PARAGRAPH
    current_level = 0
    current_ordinal: int | None = None
    list_indents: list[int] = []

    def flush() -> None:
        nonlocal current
        if current:
            body, spans = _unemphasize(" ".join(s.strip() for s in current))
            body = text.squash(body)
            if body and not furniture.is_pleasantry_block(body):
                blocks.append(Block(current_kind, body, current_start, level=current_level,
                                    emphasis=spans, ordinal=current_ordinal))
        current = []

    for index in range(header_end, len(lines)):
        line = lines[index]
        number = index + 1
        if not line.strip() or furniture.is_furniture_line(line):
            flush()
            continue
        blank_before = index == 0 or not lines[index - 1].strip()
        blank_after = index + 1 >= len(lines) or not lines[index + 1].strip()
        bullet = _BULLET.match(line)
        quote = _QUOTE.match(line)
        if bullet:
            flush()
            current, current_start, current_kind = [bullet["body"]], number, BlockKind.LIST_ITEM
            indent = len(bullet["indent"].expandtabs(4))
            while list_indents and list_indents[-1] > indent:
                list_indents.pop()
            if not list_indents or list_indents[-1] < indent:
                list_indents.append(indent)
            current_level = len(list_indents) - 1
            current_ordinal = int(bullet["num"].strip("().")) if bullet["num"] else None
            continue
        if not line.startswith((" ", "\t")):
            list_indents.clear()
        if quote:
            if current_kind is not BlockKind.QUOTE:
                flush()
                current_start, current_kind, current_level, current_ordinal = number, BlockKind.QUOTE, 0, None
            current.append(quote["body"])
            continue
        if _is_heading(line, blank_before, blank_after):
            flush()
            heading, spans = _unemphasize(line.strip())
            blocks.append(Block(BlockKind.HEADING, heading, number, level=2, emphasis=spans))
            continue
        continues = bool(current) and current_kind is not BlockKind.QUOTE and (
            not current[-1].rstrip().endswith(_TERMINAL) and line.lstrip()[:1].islower())
        if not continues:
            flush()
            current_start, current_kind, current_level, current_ordinal = number, BlockKind.PARAGRAPH, 0, None
        current.append(line)
    flush()

    title = title_from_blocks(blocks, author, is_comment_page) or path.stem
    return Document(path=path, title=title, blocks=tuple(blocks), author=author,
                    kind="comments" if is_comment_page else "post")
