"""Text prepared for the ear: what narration says, split into chapters and paragraph-sized pieces."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from seedcards import ankisyntax, text, vocab, yamlfile
from seedcards.card import Card, CardKind
from seedcards.document import BlockKind, Document, Region
from seedcards.errors import UserError

_URL = re.compile(
    r"\(?(?:\b(?:https?://|www\.)[^\s)]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|pub|ai|dev|app|edu)(?:/[^\s)]*)?)\)?",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"<[^>]+>|\*\*|__|`+|\[\d{1,3}\]|\[\.\.\.\]|#+\s")
_SPACES = re.compile(r"\s+")
_MATH = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]", re.DOTALL)
_TEX_COMMAND = re.compile(r"\\([A-Za-z]+)")
_TEX_FRACTION = re.compile(r"\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_LONGEST_SPOKEN_MATH = 60
"""Longer formulas are not read symbol by symbol; the listener hears that there is one."""
_SHOW_NOTES_CHARS = 400
_CHAPTER_WORDS = 8
MAX_PIECE_CHARS = 600
"""Longest text given to the engine at once: pyttsx3's time grows faster than linearly with length."""


@dataclass(frozen=True)
class Pronunciations:
    words: dict[str, str]
    symbols: dict[str, str]

    @property
    def pattern(self) -> re.Pattern[str]:
        return _word_pattern(tuple(sorted(self.words, key=len, reverse=True)))


@lru_cache(maxsize=8)
def _word_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w.])(?:%s)(?![\w])" % "|".join(re.escape(k) for k in keys))


def load_pronunciations(project_file: Path | None = None) -> Pronunciations:
    """The shipped pronunciations, with a project's own file laid over them."""
    base = vocab.load("pronunciations")
    words, symbols = dict(base["words"]), dict(base["symbols"])
    if project_file is not None and project_file.is_file():
        node = yamlfile.located(yamlfile.load(project_file), project_file)
        yamlfile.check_keys(node, ["words", "symbols"], "the pronunciation file")
        for key, into in (("words", words), ("symbols", symbols)):
            entries = yamlfile.expect(node, key, dict, "the pronunciation file") or {}
            lines = getattr(entries, "key_lines", {})
            for written, said in entries.items():
                # An empty key would be "found" between every two characters of every text.
                if written is None or not str(written).strip() or isinstance(said, (dict, list)):
                    raise UserError(
                        f"every entry of '{key}' needs a non-empty text and what to say for it.",
                        project_file,
                        lines.get(written, node.lines.get(key, node.line)),
                    )
                into[str(written)] = "" if said is None else str(said)
    return Pronunciations(words, symbols)


def _spoken_math(match: re.Match[str]) -> str:
    """A short formula read plainly (commands by name, braces and backslashes dropped); a long one
    announced. Block text carries math as \\(...\\) or \\[...\\]."""
    formula = (match.group(1) or match.group(2) or "").strip()
    if len(formula) > _LONGEST_SPOKEN_MATH:
        return " (a formula) "
    words = _TEX_FRACTION.sub(r" \1 over \2 ", formula)
    words = _TEX_COMMAND.sub(lambda m: f" {_TEX_WORDS.get(m.group(1), m.group(1))} ", words)
    for symbol, word in (
        ("^", " to the power "),
        ("_", " sub "),
        ("=", " equals "),
        ("+", " plus "),
        ("<", " less than "),
        (">", " greater than "),
        ("/", " over "),
        ("*", " times "),
    ):
        words = words.replace(symbol, word)
    return " " + re.sub(r"[{}\\$&]", " ", words) + " "


_TEX_WORDS = {
    "cdot": "times",
    "times": "times",
    "sum": "the sum",
    "leq": "at most",
    "geq": "at least",
    "approx": "approximately",
    "in": "in",
    "mathbb": "",
    "mathrm": "",
    "text": "",
    "left": "",
    "right": "",
    "sqrt": "the square root of",
    "log": "log",
    "mid": "given",
    "neq": "is not",
}


def for_the_ear(raw: str, say: Pronunciations) -> str:
    """What a reader would say: no URLs, markup or footnote marks; marks and abbreviations in words."""
    spoken = _MATH.sub(_spoken_math, raw)
    spoken = _URL.sub(" ", spoken)
    spoken = _MARKUP.sub(" ", ankisyntax.strip_clozes(spoken)).replace("\\", " ")
    for symbol in sorted(say.symbols, key=len, reverse=True):
        spoken = spoken.replace(symbol, f" {say.symbols[symbol]} ")
    spoken = say.pattern.sub(lambda m: say.words[m.group()], spoken)
    spoken = re.sub(r"\s+([,.;:!?])", r"\1", _SPACES.sub(" ", spoken))
    return spoken.strip(" ,")


def pieces(paragraph: str) -> list[str]:
    """A paragraph cut at sentence ends into pieces the engine handles quickly."""
    out: list[str] = []
    current = ""
    for sentence in text.sentences(paragraph):
        while len(sentence) > MAX_PIECE_CHARS:  # a run-on sentence: cut at a space
            cut = sentence.rfind(" ", 0, MAX_PIECE_CHARS)
            cut = cut if cut > 0 else MAX_PIECE_CHARS
            if current:
                out.append(current)
                current = ""
            out.append(sentence[:cut])
            sentence = sentence[cut:].strip()
        if current and len(current) + len(sentence) + 1 > MAX_PIECE_CHARS:
            out.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        out.append(current)
    return [p for p in out if any(ch.isalnum() for ch in p)]


@dataclass
class Chapter:
    title: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Script:
    """A document as narration: a title line, then chapters of paragraphs."""

    title: str
    author: str | None
    chapters: list[Chapter]

    @property
    def word_count(self) -> int:
        return sum(len(text.words(p)) for c in self.chapters for p in c.paragraphs)


def document_script(document: Document, say: Pronunciations) -> Script:
    """Chapters at headings; on a page of comments, or a page without headings, also one per
    paragraph (a comment), with a list kept in the chapter of the paragraph that introduces it."""
    per_paragraph = document.kind == "comments" or not any(b.kind is BlockKind.HEADING for b in document.blocks)
    chapters: list[Chapter] = []
    speaker: str | None = None
    for block in document.blocks:
        if block.region is Region.NOTES:
            continue  # footnotes, references, citations, thanks: written for the page, not the ear
        spoken = for_the_ear(block.text, say) if block.kind is not BlockKind.CODE else ""  # code is not read out
        if not spoken:
            continue
        if block.kind is not BlockKind.QUOTE:
            if block.speaker and block.speaker != speaker:
                spoken = f"{for_the_ear(block.speaker, say)} says: {spoken}"  # a turn's time is never read
            speaker = block.speaker
        if block.kind is BlockKind.HEADING:
            chapters.append(Chapter(block.text, [spoken]))
        elif not chapters or (per_paragraph and block.kind is BlockKind.PARAGRAPH):
            chapters.append(Chapter(_opening_words(block.text), [spoken]))
        else:
            chapters[-1].paragraphs.append(spoken)
    if chapters:
        _open_with_title(chapters[0].paragraphs, document, say)
    return Script(document.title, document.author, chapters)


def _opening_words(paragraph: str) -> str:
    """A chapter title for a chapter that starts without a heading."""
    words = paragraph.split()
    return " ".join(words[:_CHAPTER_WORDS]) + ("…" if len(words) > _CHAPTER_WORDS else "")


def _open_with_title(first: list[str], document: Document, say: Pronunciations) -> None:
    opening = for_the_ear(_title_line(document), say)
    if text.normalize(first[0]) and text.normalize(first[0]) == text.normalize(for_the_ear(document.title, say)):
        first[0] = opening  # a Markdown post's heading is its title: read it once
    else:
        first.insert(0, opening)


def _title_line(document: Document) -> str:
    """ "Title, by Author", unless the title already names the author ("Comments by X")."""
    if document.author and text.normalize(document.author) not in text.normalize(document.title):
        return f"{document.title}, by {document.author}"
    return document.title


def show_notes(document: Document) -> str:
    """The written opening of a document for a feed's description: whole sentences up to a few
    hundred characters (a first sentence longer than that is cut at a word, with an ellipsis)."""
    title = text.normalize(document.title)
    notes = ""
    for block in document.blocks:
        if block.kind in (BlockKind.CODE, BlockKind.HEADING) or block.region is Region.NOTES:
            continue
        if text.normalize(block.text) == title:
            continue
        written = _SPACES.sub(" ", _MATH.sub(lambda m: (m.group(1) or m.group(2) or "").strip(), block.text)).strip()
        for sentence in text.sentences(written):
            if len(notes) + len(sentence) + 1 > _SHOW_NOTES_CHARS:
                if notes:
                    return notes
                cut = sentence.rfind(" ", 0, _SHOW_NOTES_CHARS - 1)
                return sentence[: cut if cut > 0 else _SHOW_NOTES_CHARS - 1].rstrip(" ,;:") + "…"
            notes = f"{notes} {sentence}".strip()
        if len(notes) > _SHOW_NOTES_CHARS // 2:
            return notes
    return notes or document.title


def card_speech(card: Card, say: Pronunciations) -> str | None:
    """The short clip a definition or claim card plays on its back."""
    if card.kind is CardKind.DEFINITION:
        return for_the_ear(f"{card.front}. {card.back}.", say)
    if card.kind is CardKind.CLAIM:
        who = f" {card.author} said:" if card.author and not card.back.startswith(("✅", "❓", "❌")) else ""
        return for_the_ear(f"{card.front}{who} {card.back}", say)
    return None
