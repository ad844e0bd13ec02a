"""`seedcards narrate`: one tagged MP3 with chapters per document, and a podcast feed."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from seedcards import __version__
from seedcards.audio.encode import BIT_RATE, ChapterMark, episode_input, silence, to_mp3, write_episode
from seedcards.audio.engines import Pcm
from seedcards.audio.feed import Episode, write_feed
from seedcards.audio.speech import Pronunciations, Script, document_script, pieces
from seedcards.audio.synthesis import Synthesizer
from seedcards.document import Document

PARAGRAPH_PAUSE_MS = 350
CHAPTER_PAUSE_MS = 900


@dataclass
class NarrationReport:
    episodes: list[Episode] = field(default_factory=list)
    reused: int = 0
    """Episodes whose input had not changed, kept as they were."""
    failures: list[str] = field(default_factory=list)
    feed: Path | None = None

    @property
    def seconds(self) -> float:
        return sum(e.seconds for e in self.episodes)


def _script_pieces(script: Script) -> list[list[list[str]]]:
    return [[pieces(p) for p in chapter.paragraphs] for chapter in script.chapters]


def _input_hash(synth: Synthesizer, script: Script, layout: list[list[list[str]]]) -> str:
    digest = hashlib.sha256()
    for part in (__version__, str(BIT_RATE), synth.identity(), script.title, script.author or ""):
        digest.update(part.encode() + b"\x1f")
    for chapter, paragraphs in zip(script.chapters, layout):
        digest.update(chapter.title.encode() + b"\x1e")
        for paragraph in paragraphs:
            digest.update("\x1d".join(paragraph).encode() + b"\x1c")
    return digest.hexdigest()


def assemble(layout: list[list[list[str]]], titles: list[str], speech: dict[str, Pcm]) -> tuple[Pcm, list[ChapterMark]]:
    """One PCM stream with pauses between paragraphs and chapters, and where each chapter starts."""
    rate = next(iter(speech.values())).rate if speech else 22050
    stream = bytearray()
    marks = []
    for title, paragraphs in zip(titles, layout):
        start = len(stream) // 2 * 1000 // rate
        for paragraph in paragraphs:
            for piece in paragraph:
                stream += speech[piece].samples
            stream += silence(rate, PARAGRAPH_PAUSE_MS)
        stream += silence(rate, CHAPTER_PAUSE_MS - PARAGRAPH_PAUSE_MS)
        marks.append(ChapterMark(title, start, len(stream) // 2 * 1000 // rate))
    return Pcm(rate, bytes(stream)), marks


def published_time(path: Path) -> int:
    return int(os.environ.get("SOURCE_DATE_EPOCH") or path.stat().st_mtime)


def narrate_documents(documents: list[tuple[Document, str]], out_dir: Path, synth: Synthesizer, say: Pronunciations,
                      album: str = "seedcards", base_url: str = "",
                      progress: Callable[[int], None] | None = None) -> NarrationReport:
    report = NarrationReport()
    for document, name in documents:
        script = document_script(document, say)
        if not script.chapters:
            report.failures.append(f"{name}: nothing to read aloud; skipped.")
            continue
        layout = _script_pieces(script)
        wanted = _input_hash(synth, script, layout)
        target = out_dir / f"{Path(name).stem}.mp3"
        made_from, seconds = episode_input(target)
        if made_from != wanted:
            speech = synth.speak([p for chapter in layout for paragraph in chapter for p in paragraph], progress)
            pcm, marks = assemble(layout, [c.title for c in script.chapters], speech)
            write_episode(target, to_mp3(pcm), script.title, script.author, album, marks, wanted)
            seconds = pcm.seconds
        else:
            report.reused += 1
            if progress:
                progress(sum(len(p) for chapter in layout for p in chapter))
        first = script.chapters[0].paragraphs[1:2] or script.chapters[0].paragraphs[:1]
        report.episodes.append(Episode(target.name, script.title, script.author, first[0][:300],
                                       target.stat().st_size, seconds, wanted[:24], published_time(document.path)))
    report.feed = out_dir / "feed.xml"
    write_feed(report.feed, report.episodes, album, base_url)
    return report


def count_pieces(documents: list[tuple[Document, str]], say: Pronunciations) -> int:
    return sum(len(pieces(p)) for document, _ in documents
               for chapter in document_script(document, say).chapters for p in chapter.paragraphs)
