"""Whose words a quoted passage is, when the reader did not say: a page that quotes a paper
("The abstract from the paper is the following:") is not the paper's "we".

General shapes only: the paragraph that introduces the quote names a paper, an abstract or a
study and ends with a colon; the paper's first author comes from a byline phrase a little
earlier ("... the paper <title> by Rafael Rafailov, Archit Sharma, ...").
"""

from __future__ import annotations

import re

from seedcards.document import Block, BlockKind, Document

_INTRODUCES_SOURCE = re.compile(
    r"\b(?:paper|abstract|article|study|preprint|report|authors?|publication)\b[^.]*:\s*$", re.IGNORECASE
)
# "by Rafael Rafailov, Archit Sharma": a run of capitalised names after "by", then another name.
_BYLINE = re.compile(r"\bby (?P<first>(?:[A-Z][\w'’.-]*\s+){1,3}?(?P<surname>[A-Z][\w'’-]+))\s*(?:,|\band\b|&)")
_LOOK_BACK = 3
"""How many blocks before the introduction may hold the byline."""


def quote_source(document: Document, block: Block) -> str | None:
    """Who a quoted block speaks for ("Rafailov et al.", "the paper's authors"), or None when the
    text before the quote does not say."""
    if block.kind is not BlockKind.QUOTE:
        return None
    earlier = _blocks_before(document, block)
    if not earlier or not _INTRODUCES_SOURCE.search(earlier[-1].text):
        return None
    for candidate in reversed(earlier[-(_LOOK_BACK + 1) :]):
        byline = _BYLINE.search(candidate.text)
        if byline is not None:
            return f"{byline['surname']} et al."
    return "the paper's authors"


def quotes_another_text(document: Document, block: Block) -> bool:
    """Whether a quoted block is a passage of another text the writer introduces ("Here's the part
    where everyone dies:") rather than the writer's own pull-quote set off for emphasis."""
    if block.kind is not BlockKind.QUOTE or block.speaker:
        return False
    earlier = _blocks_before(document, block)
    return bool(earlier) and earlier[-1].text.rstrip().endswith(":")


def _blocks_before(document: Document, block: Block) -> list[Block]:
    for index, candidate in enumerate(document.blocks):
        if candidate is block:
            return [b for b in document.blocks[:index] if b.kind is not BlockKind.HEADING]
    return []
