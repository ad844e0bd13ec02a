"""`seedcards narrate`: one tagged MP3 with chapters per document, its chapters file and
transcript, and a podcast feed of every episode in the folder.

Episodes are spoken in ``jobs`` threads (eSpeak NG) or spawned processes (pyttsx3), longest
first, each piece after piece in its own engine session. Every piece is encoded apart, as soon
as it is spoken, in a pool of ``jobs`` encoding threads shared by all episodes, so that the
cores stay busy to the end of the run, even with one long episode left (encoding is about two
thirds of the work), and memory stays flat whatever the length.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
import time
import unicodedata
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from seedcards import __version__, text
from seedcards.audio.chapters import CHAPTERS_SUFFIX, TRANSCRIPT_SUFFIX, Cue, write_chapters, write_transcript
from seedcards.audio.cover import use_cover
from seedcards.audio.encode import ENCODER, JoinedMp3
from seedcards.audio.episodes import ChapterMark, EpisodeRecord, EpisodeTags, read_episode, retag, write_episode
from seedcards.audio.feed import Channel, Episode, channel_author, write_feed
from seedcards.audio.speech import Pronunciations, Script, document_script, pieces, show_notes
from seedcards.audio.synthesis import Synthesizer
from seedcards.document import Document
from seedcards.errors import UserError

PARAGRAPH_PAUSE_MS = 350
CHAPTER_PAUSE_MS = 900
FEED_NAME = "feed.xml"


@dataclass(frozen=True)
class Podcast:
    """The feed's settings: its title (also every episode's album), author, cover and address."""

    title: str = "seedcards readings"
    base_url: str = ""
    author: str | None = None
    cover: Path | None = None


@dataclass
class NarrationReport:
    episodes: list[Episode] = field(default_factory=list)
    """The episodes of the documents narrated in this run."""
    reused: int = 0
    """Episodes whose input had not changed, kept as they were (tags brought up to date)."""
    in_feed: int = 0
    """Every episode the feed lists, from this run and earlier ones."""
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    feed: Path | None = None

    @property
    def seconds(self) -> float:
        return sum(e.seconds for e in self.episodes)


Layout = list[list[list[str]]]
"""Chapters, their paragraphs, and each paragraph's pieces of speech."""


def _script_pieces(script: Script) -> Layout:
    return [[pieces(p) for p in chapter.paragraphs] for chapter in script.chapters]


def _input_hash(synth: Synthesizer, script: Script, layout: Layout) -> str:
    digest = hashlib.sha256()
    for part in (__version__, ENCODER, synth.identity(), script.title, script.author or ""):
        digest.update(part.encode() + b"\x1f")
    for chapter, paragraphs in zip(script.chapters, layout, strict=True):
        digest.update(chapter.title.encode() + b"\x1e")
        for paragraph in paragraphs:
            digest.update("\x1d".join(paragraph).encode() + b"\x1c")
    return digest.hexdigest()


def _now() -> int:
    return int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())


def _document_time(document: Document) -> int | None:
    """The document's own date (front matter, page metadata) as a time stamp, if it has a readable one."""
    if not document.date:
        return None
    for candidate in (document.date.replace("Z", "+00:00"), document.date[:10]):
        try:
            moment = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        return int((moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp())
    return None


def _slug(name: str) -> str:
    return text.file_slug(name, lower=False) or "episode"


def episode_stems(names: list[str], existing: dict[str, EpisodeRecord]) -> dict[str, str]:
    """A file name (without .mp3) per source, unique in the folder: the source's own stem unless
    another source has it (in this run or in an episode already there), then longer names."""
    # Compared as a case-insensitive file system would (macOS, Windows, most phones and cloud
    # folders): "Post.mp3" and "post.mp3" are one file there, and one episode would be lost.
    owner = {_folded(stem): record.tags.source for stem, record in existing.items()}
    taken: dict[str, str] = {}
    chosen: dict[str, str] = {}
    for name in names:
        path = PurePosixPath(name)
        owned = [stem for stem, record in existing.items() if record.tags.source == name]
        candidates = owned + [
            _slug(path.stem),
            _slug(f"{path.parent.name}-{path.stem}"),
            _slug(str(path.with_suffix("")).replace("/", "-")),
            _slug(name.replace("/", "-")),
            f"{_slug(path.stem)}-{hashlib.sha256(name.encode()).hexdigest()[:10]}",
        ]
        stem = next(
            c for c in candidates if owner.get(_folded(c), name) == name and taken.get(_folded(c), name) == name
        )
        owner[_folded(stem)] = taken[_folded(stem)] = chosen[stem] = name
    return {name: stem for stem, name in chosen.items()}


def _folded(stem: str) -> str:
    return unicodedata.normalize("NFC", stem).casefold()


@dataclass(frozen=True)
class _Job:
    """One episode to make: everything a worker needs, and nothing it must share."""

    layout: Layout
    titles: list[str]
    target: Path
    tags: EpisodeTags

    @property
    def size(self) -> int:
        return sum(len(piece) for chapter in self.layout for paragraph in chapter for piece in paragraph)

    @property
    def pieces(self) -> int:
        return sum(len(paragraph) for chapter in self.layout for paragraph in chapter)


class _Stopped(Exception):
    """Another episode failed, or the run was interrupted: this one stops at its next piece."""


def _make_episode(
    job: _Job,
    synth: Synthesizer,
    encoders: Executor | None = None,
    progress: Callable[[int], None] | None = None,
    stop: threading.Event | None = None,
) -> EpisodeRecord:
    episode = JoinedMp3()
    marks: list[ChapterMark] = []
    cues: list[Cue] = []
    every_piece = (piece for chapter in job.layout for paragraph in chapter for piece in paragraph)
    with (
        synth.session() as speak,
        contextlib.closing(synth.clips(every_piece, speak, encoders)) as clips,
    ):
        for title, paragraphs in zip(job.titles, job.layout, strict=True):
            start = episode.ms
            for paragraph in paragraphs:
                for piece in paragraph:
                    if stop is not None and stop.is_set():
                        raise _Stopped
                    begin = episode.ms
                    episode.add(next(clips))
                    cues.append(Cue(begin, episode.ms, piece))
                    if progress:
                        progress(1)
                episode.pause(PARAGRAPH_PAUSE_MS)
            episode.pause(CHAPTER_PAUSE_MS - PARAGRAPH_PAUSE_MS)
            marks.append(ChapterMark(title, start, episode.ms))
    milliseconds = episode.ms
    write_chapters(_sidecar(job.target, CHAPTERS_SUFFIX), marks)
    write_transcript(_sidecar(job.target, TRANSCRIPT_SUFFIX), cues)
    return write_episode(job.target, episode.finish(), job.tags, marks, milliseconds)  # last: it marks it done


def _sidecar(target: Path, suffix: str) -> Path:
    return target.with_name(target.stem + suffix)


def _episode_task(synth: Synthesizer, job: _Job) -> tuple[EpisodeRecord, int]:
    """One episode in a worker process: its record, and the pieces it spoke for the progress bar."""
    return _make_episode(job, synth), job.pieces


def _make_all(jobs: list[_Job], synth: Synthesizer, progress: Callable[[int], None] | None) -> list[EpisodeRecord]:
    """The episodes made, as written (never read back: each was just written whole and atomically)."""
    longest_first = sorted(jobs, key=lambda j: -j.size)
    if min(synth.jobs, len(jobs)) <= 1:
        with synth.encoders() as encoders:  # one episode still encodes on every core
            return [_make_episode(job, synth, encoders, progress) for job in longest_first]
    if not synth.threaded:
        done = (lambda made: progress(made[1])) if progress else None
        return [record for record, _ in synth.each(_episode_task, longest_first, done=done)]
    lock = threading.Lock()
    stop = threading.Event()

    def counted(step: int) -> None:
        with lock:
            progress(step)  # type: ignore[misc]

    with synth.encoders() as encoders:

        def episode(shared: Synthesizer, job: _Job) -> EpisodeRecord:
            return _make_episode(job, shared, encoders, counted if progress else None, stop)

        return synth.each(episode, longest_first, stop)


def _folder_episodes(out_dir: Path) -> dict[str, EpisodeRecord]:
    found = {}
    for path in sorted(out_dir.glob("*.mp3")):
        record = read_episode(path)
        if record is not None:
            found[path.stem] = record
    return found


def usable_out_dir(out_dir: Path) -> Path:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as problem:
        raise UserError(
            f"cannot make the output folder ({problem.strerror or problem}).",
            out_dir,
            hint="Pass --out DIR with a folder you can write to.",
        ) from None
    return out_dir


def narrate_documents(
    documents: list[tuple[Document, str]],
    out_dir: Path,
    synth: Synthesizer,
    say: Pronunciations,
    podcast: Podcast = Podcast(),
    progress: Callable[[int], None] | None = None,
    scripts: list[Script] | None = None,
) -> NarrationReport:
    """Make the episodes that changed, bring the tags of the others up to date, and write the
    feed of every episode in the folder. ``scripts``: the documents' scripts, if already made."""
    report = NarrationReport()
    existing = _folder_episodes(usable_out_dir(out_dir))
    stems = episode_stems([name for _, name in documents], existing)
    jobs: list[_Job] = []
    ours: list[Path] = []
    with ThreadPoolExecutor(1, thread_name_prefix="seedcards-cover") as side:
        cover = _cover(out_dir, podcast, side)
        for (document, name), script in zip(documents, scripts or document_scripts(documents, say), strict=True):
            if not script.chapters:
                report.failures.append(f"{name}: nothing to read aloud; skipped.")
                continue
            record = existing.get(stems[name])
            job = _episode_job(document, name, script, out_dir / f"{stems[name]}.mp3", record, synth, podcast)
            ours.append(job.target)
            if record is None or not _is_current(record, job):
                jobs.append(job)
                continue
            report.reused += 1
            if record.tags != job.tags:
                existing[stems[name]] = retag(record, job.tags)
            if progress:
                progress(job.pieces)
        for made in _make_all(jobs, synth, progress):
            existing[made.path.stem] = made
        episodes = {stem: _feed_episode(record) for stem, record in existing.items()}
        report.episodes = [episodes[target.stem] for target in ours]
        report.in_feed = len(episodes)
        report.feed = _write_feed(out_dir, list(episodes.values()), podcast, cover.result(), report.warnings)
    _remove_orphans(out_dir, set(existing))
    return report


def _cover(out_dir: Path, podcast: Podcast, side: Executor) -> Future[tuple[str, list[str]]]:
    """The feed's cover and its warnings. A given one is checked and copied now, so that a bad file
    fails the run before anything is spoken; the default one is drawn in a side thread while the
    episodes are spoken (otherwise it is the last step of a run, on one core)."""
    if podcast.cover is None:
        return side.submit(use_cover, out_dir, podcast.title, None)
    given: Future[tuple[str, list[str]]] = Future()
    given.set_result(use_cover(out_dir, podcast.title, podcast.cover))
    return given


def _episode_job(
    document: Document,
    name: str,
    script: Script,
    target: Path,
    record: EpisodeRecord | None,
    synth: Synthesizer,
    podcast: Podcast,
) -> _Job:
    layout = _script_pieces(script)
    published = _document_time(document) or (record.tags.published if record else None) or _now()
    tags = EpisodeTags(
        script.title,
        script.author,
        podcast.title,
        name,
        published,
        show_notes(document),
        _input_hash(synth, script, layout),
    )
    return _Job(layout, [c.title for c in script.chapters], target, tags)


def _is_current(record: EpisodeRecord, job: _Job) -> bool:
    """Whether the episode already there was made from the same input, with its chapters and transcript."""
    whole = all(_sidecar(job.target, s).is_file() for s in (CHAPTERS_SUFFIX, TRANSCRIPT_SUFFIX))
    return record.tags.input_hash == job.tags.input_hash and whole


def _feed_episode(record: EpisodeRecord) -> Episode:
    tags, stem = record.tags, record.path.stem
    return Episode(
        record.path.name,
        tags.title,
        tags.author,
        tags.description,
        record.path.stat().st_size,
        record.seconds,
        "seedcards:" + hashlib.sha256(tags.source.encode()).hexdigest()[:24],
        tags.published,
        chapters=stem + CHAPTERS_SUFFIX,
        transcript=stem + TRANSCRIPT_SUFFIX,
    )


def _write_feed(
    out_dir: Path, episodes: list[Episode], podcast: Podcast, cover_made: tuple[str, list[str]], warnings: list[str]
) -> Path:
    cover, cover_warnings = cover_made
    warnings.extend(cover_warnings)
    if not podcast.base_url:
        warnings.append(
            f"{out_dir / FEED_NAME}: the episode addresses are relative, and podcast apps need full ones; "
            "pass --base-url with the address the folder is served from (e.g. https://example.org/pod/)."
        )
    author = podcast.author or channel_author(episodes, podcast.title)
    feed = out_dir / FEED_NAME
    write_feed(feed, episodes, Channel(podcast.title, author, cover, podcast.base_url))
    return feed


def _remove_orphans(out_dir: Path, stems: set[str]) -> None:
    """Chapters and transcripts whose episode the user removed."""
    for suffix in (CHAPTERS_SUFFIX, TRANSCRIPT_SUFFIX):
        for path in out_dir.glob("*" + suffix):
            if path.name[: -len(suffix)] not in stems:
                path.unlink(missing_ok=True)


def document_scripts(documents: list[tuple[Document, str]], say: Pronunciations) -> list[Script]:
    """What is said for each document: made once, for counting the pieces and then speaking them."""
    return [document_script(document, say) for document, _ in documents]


def count_pieces(scripts: list[Script]) -> int:
    return sum(len(pieces(p)) for script in scripts for chapter in script.chapters for p in chapter.paragraphs)
