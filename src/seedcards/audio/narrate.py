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


@dataclass(frozen=True)
class _Job:
    """One episode to make: everything a worker process needs, and nothing it must share."""

    layout: list[list[list[str]]]
    titles: list[str]
    target: Path
    title: str
    author: str | None
    album: str
    input_hash: str


def _make_episode(job: _Job, synth: Synthesizer, progress: Callable[[int], None] | None = None) -> float:
    speech = synth.speak([p for chapter in job.layout for paragraph in chapter for p in paragraph], progress)
    pcm, marks = assemble(job.layout, job.titles, speech)
    write_episode(job.target, to_mp3(pcm), job.title, job.author, job.album, marks, job.input_hash)
    return pcm.seconds


_WORKER_SYNTH: Synthesizer | None = None


def _start_episode_worker(spec, cache_dir: Path) -> None:
    global _WORKER_SYNTH
    _WORKER_SYNTH = Synthesizer(spec, cache_dir, 1)


def _episode_in_worker(job: _Job) -> tuple[float, int, int]:
    before = (_WORKER_SYNTH.stats.synthesized, _WORKER_SYNTH.stats.cached)
    seconds = _make_episode(job, _WORKER_SYNTH)
    return seconds, _WORKER_SYNTH.stats.synthesized - before[0], _WORKER_SYNTH.stats.cached - before[1]


def narrate_documents(documents: list[tuple[Document, str]], out_dir: Path, synth: Synthesizer, say: Pronunciations,
                      album: str = "seedcards", base_url: str = "",
                      progress: Callable[[int], None] | None = None) -> NarrationReport:
    """Make the episodes that changed (in ``synth.jobs`` worker processes, one document each,
    longest first), keep the others, and write the feed."""
    report = NarrationReport()
    planned: list[tuple[Document, Script, Path, str, float, _Job | None]] = []
    for document, name in documents:
        script = document_script(document, say)
        if not script.chapters:
            report.failures.append(f"{name}: nothing to read aloud; skipped.")
            continue
        layout = _script_pieces(script)
        wanted = _input_hash(synth, script, layout)
        target = out_dir / f"{Path(name).stem}.mp3"
        made_from, seconds = episode_input(target)
        job = None
        if made_from != wanted:
            job = _Job(layout, [c.title for c in script.chapters], target, script.title, script.author, album, wanted)
        else:
            report.reused += 1
            if progress:
                progress(sum(len(p) for chapter in layout for p in chapter))
        planned.append((document, script, target, wanted, seconds, job))

    jobs = [entry[5] for entry in planned if entry[5] is not None]
    made: dict[Path, float] = {}
    if synth.jobs > 1 and len(jobs) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        longest_first = sorted(jobs, key=lambda j: -sum(len(p) for c in j.layout for par in c for p in par))
        context = multiprocessing.get_context("spawn")  # a forked child of a pyttsx3 user deadlocks
        with ProcessPoolExecutor(min(synth.jobs, len(jobs)), mp_context=context, initializer=_start_episode_worker,
                                 initargs=(synth.spec, synth.cache.folder)) as pool:
            for job, (seconds, synthesized, cached) in zip(longest_first, pool.map(_episode_in_worker, longest_first)):
                made[job.target] = seconds
                synth.stats.synthesized += synthesized
                synth.stats.cached += cached
                if progress:
                    progress(synthesized + cached)
    else:
        for job in jobs:
            made[job.target] = _make_episode(job, synth, progress)

    for document, script, target, wanted, seconds, job in planned:
        first = script.chapters[0].paragraphs[1:2] or script.chapters[0].paragraphs[:1]
        report.episodes.append(Episode(target.name, script.title, script.author, first[0][:300], target.stat().st_size,
                                       made.get(target, seconds), wanted[:24], published_time(document.path)))
    report.feed = out_dir / "feed.xml"
    write_feed(report.feed, report.episodes, album, base_url)
    return report


def count_pieces(documents: list[tuple[Document, str]], say: Pronunciations) -> int:
    return sum(len(pieces(p)) for document, _ in documents
               for chapter in document_script(document, say).chapters for p in chapter.paragraphs)
