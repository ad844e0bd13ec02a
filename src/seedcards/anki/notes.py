"""Cards become genanki notes: fields filled per note type, escaped or sanitized, tagged."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from seedcards import ankisyntax, sanitize
from seedcards.anki.notetypes import NoteType
from seedcards.card import Card, CardKind

CodeHtml = Callable[[str, "str | None", Sequence, bool], str]
"""Code, language, cloze spans and line numbers in; the highlighted <pre> out."""

_TAG_UNSAFE = re.compile(r"[^\w:.\-]+")


def notetype_key(card: Card) -> str:
    """The templates/ folder of the note type a card needs."""
    if card.kind is CardKind.CODE and _code_has_clozes(card):
        return "code-cloze"
    return card.kind.value


def _code_has_clozes(card: Card) -> bool:
    # Only a deck file's author marks clozes in code; in a post's code "{{c1::" is just text.
    return card.origin == "deck" and ankisyntax.has_code_cloze(card.code)


def _code_fields(card: Card, code_html: CodeHtml | None) -> dict[str, str]:
    """A code card's highlighted code and its language, by the attribute a field names."""
    from seedcards.highlight import highlight, split_clozes  # Pygments, only for code cards

    plain, spans = split_clozes(card.code) if _code_has_clozes(card) else (card.code, [])
    rendered = (code_html or highlight)(plain, card.language, spans, card.line_numbers)
    return {"code": rendered, "language": sanitize.escape(card.language or "")}


def _cloze_field(card: Card, attribute: str | None) -> bool:
    """The one field whose cloze marks are meant: a cloze note's text (extracted text had any
    marks of its own made inert when the cloze was made; a deck file's are its author's)."""
    return card.kind is CardKind.CLOZE and attribute == "text"


def field_values(card: Card, notetype: NoteType, code_html: CodeHtml | None = None) -> list[str]:
    """The HTML of each field of ``notetype``, in order; code is highlighted by ``code_html``
    (``highlight.highlight`` or a cache of it)."""
    rendered = _code_fields(card, code_html) if card.kind is CardKind.CODE else {}
    values = []
    for attribute in notetype.sources:
        if attribute == "audio":
            values.append(ankisyntax.sound_tag(card.audio) if card.audio else "")
        elif attribute in rendered:
            values.append(rendered[attribute])  # highlight() made the code's own text inert
        elif _cloze_field(card, attribute):
            values.append(ankisyntax.inert_unpaired_math(ankisyntax.inert_sounds(_field_html(card, attribute))))
        else:
            values.append(ankisyntax.inert_unpaired_math(ankisyntax.inert_html(_field_html(card, attribute))))
    return values


def _is_address(source: str) -> bool:
    """A web page's address (cards from a fetched page link to it); never any other scheme."""
    return source.lower().startswith(("http://", "https://")) and not any(c in source for c in "\"'<> \n")


def _field_html(card: Card, attribute: str | None) -> str:
    raw = getattr(card, attribute) if attribute else ""
    if isinstance(raw, bool):
        return "y" if raw else ""
    if raw is None:
        return ""
    if attribute == "source_label" and _is_address(card.source):
        return f'<a href="{html.escape(card.source, quote=True)}">{sanitize.escape(str(raw))}</a>'
    if card.html and attribute in ("front", "back", "text", "context"):
        return sanitize.clean(str(raw))
    return sanitize.escape(str(raw))


def tags_for(card: Card) -> list[str]:
    tags = [f"seedcards::kind::{card.kind.value}"]
    tags += [f"seedcards::topic::{topic}" for topic in card.topics]
    tags += [_TAG_UNSAFE.sub("_", tag).strip("_") for tag in card.tags]
    return sorted({t for t in tags if t})


@dataclass(frozen=True)
class NoteSpec:
    """Everything about one note that goes into the package, and what identifies it."""

    guid: str
    deck: str
    notetype: NoteType
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    mod: int
    card: Card | None = field(default=None, compare=False)
    """The card it was made from (for previews: score, source, line)."""
