"""Code cards from the code blocks of posts: the prompt is the text that introduces the block."""

from __future__ import annotations

import re

from seedcards import text
from seedcards.card import Card, CardKind
from seedcards.document import BlockKind, Document
from seedcards.extract.topics import TopicIndex

_NAMED = re.compile(r"^\s*(?:async\s+)?(?:def|class|fn|func|function|struct|impl)\s+(?P<name>[A-Za-z_]\w*)", re.MULTILINE)
_HERE_IS = re.compile(r"^(?:here(?:'s| is| are)|below is|the following is|this is)\s+", re.IGNORECASE)
_MIN_LINES = 2
_MAX_LINES = 40
CODE_SCORE = 0.7


def _prompt_from(intro: str) -> str | None:
    """'Here is the whole training loop, which fits in a few lines:' -> 'The whole training loop, which fits in a few lines'."""
    sentence = text.sentences(intro)[-1] if intro else ""
    sentence = sentence.strip().rstrip(":").rstrip()
    if not sentence or len(text.words(sentence)) < 3:
        return None
    sentence = _HERE_IS.sub("", sentence)
    return sentence[0].upper() + sentence[1:]


def code_cards(document: Document, source: str, topics: TopicIndex) -> list[Card]:
    cards = []
    blocks = document.blocks
    if not any(block.kind is BlockKind.CODE for block in blocks):
        return cards
    from seedcards.highlight import lexer_for  # Pygments, only for documents with code
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.CODE:
            continue
        lines = block.text.strip("\n").split("\n")
        if not _MIN_LINES <= len(lines) <= _MAX_LINES:
            continue
        _, language = lexer_for(block.language if _known(block.language) else None, block.text)
        previous = blocks[index - 1] if index else None
        intro = previous.text if previous is not None and previous.kind is not BlockKind.CODE else ""
        prompt = _prompt_from(intro) if intro.rstrip().endswith(":") else None
        named = _NAMED.search(block.text)
        if prompt is None and named:
            prompt = f"Recall the {language} code for `{named['name']}`."
        elif prompt is not None:
            prompt = f"{prompt} ({language})"
        if prompt is None:
            continue
        heading = next((b.text for b in reversed(blocks[:index]) if b.kind is BlockKind.HEADING), "")
        slug = "-".join(text.stem(w) for w in text.content_words(named["name"] if named else lines[0])[:4]) or "code"
        # The introduction's earlier sentences explain the code; its last one only announces it.
        explanation = " ".join(text.sentences(intro)[:-1]) if prompt and intro.rstrip().endswith(":") else ""
        cards.append(Card(kind=CardKind.CODE, key=f"{source}#code:{slug}", front=prompt, back=explanation,
                          code=block.text.strip("\n"), language=language, context=heading, source=source,
                          source_label=document.source_label, line=block.line, author=document.author,
                          topics=topics.topics_of(f"{intro} {block.text}"), score=CODE_SCORE))
    return cards


def _known(language: str | None) -> bool:
    if not language:
        return False
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound
    try:
        get_lexer_by_name(language)
        return True
    except ClassNotFound:
        return False
