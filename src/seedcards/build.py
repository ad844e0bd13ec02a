"""`seedcards build`: deck definitions and sources in, one .apkg per deck out, plus the lock."""

from __future__ import annotations

import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from seedcards import limits, readers
from seedcards.anki.notes import NoteSpec, field_values, notetype_key, tags_for
from seedcards.anki.notetypes import NoteType, load_notetypes
from seedcards.card import Card
from seedcards.cardcache import CardCache, Entry, extractor_version
from seedcards.decks import DeckDefinition, Review, load_decks, quick_deck
from seedcards.errors import UserError
from seedcards.extract import DEFAULT_MIN_SCORE, merge_duplicates
from seedcards.extract.topics import TopicIndex, load_topics
from seedcards.folders import quick_lock
from seedcards.highlight import HighlightCache
from seedcards.identity.fingerprint import (
    files_digest,
    inputs_fingerprint,
    last_build_if_unchanged,
    package_matches_lock,
    record_build,
    save_build_stamp,
)
from seedcards.identity.guids import assign_guids, match_reviews, note_digest, notetype_record, place, record_for
from seedcards.identity.lock import Lock, NoteRecord, ReviewRecord
from seedcards.parallel import extract_each
from seedcards.project import LOCK_NAME, Project
from seedcards.sources import Progress, source_name
from seedcards.web import fetch_all, is_url

if TYPE_CHECKING:  # the audio branch is imported only when used
    from seedcards.audio.engines import EngineSpec


@dataclass(frozen=True)
class AudioSettings:
    """How to voice card clips (seedcards build --audio)."""

    spec: EngineSpec
    cache_dir: Path
    jobs: int = 1
    progress: Callable[[int, int], None] | None = None
    """Told (clips done, clips in all) while clips are made."""


@dataclass
class DeckReport:
    name: str
    output: Path
    by_kind: Counter = field(default_factory=Counter)
    status: Counter = field(default_factory=Counter)
    removed: int = 0
    clips: int = 0
    rebuilt: bool = True
    """False when the deck's inputs had not changed and its package was left as it was."""
    baseline: str = "build"
    """What the new/changed/unchanged counts compare with: "build" (the last build here), "lock"
    (the lock's records, with no earlier package here: a fresh clone) or "none" (a first build)."""


@dataclass(frozen=True)
class Placement:
    """A card and the subdeck its note goes to."""

    card: Card
    subdeck: str


@dataclass
class DeckPlan:
    """What a deck's package will hold, worked out without writing it: each note with its GUID,
    subdeck and fields, the media, and what changed since the lock's records. ``write_deck``
    writes it; `check` and `preview` only read it."""

    deck: DeckDefinition
    output: Path
    baseline: str
    notes: list[NoteSpec] = field(default_factory=list, repr=False)
    media: dict[str, bytes] = field(default_factory=dict, repr=False)
    records: dict[str, NoteRecord] = field(default_factory=dict, repr=False)
    """The lock's records for the deck once it is written."""
    by_kind: Counter = field(default_factory=Counter)
    status: Counter = field(default_factory=Counter)
    removed: int = 0

    @property
    def name(self) -> str:
        return self.deck.name

    def report(self) -> DeckReport:
        return DeckReport(
            self.deck.name,
            self.output,
            Counter(self.by_kind),
            Counter(self.status),
            self.removed,
            len(self.media),
            baseline=self.baseline,
        )


@dataclass
class BuildReport:
    decks: list[DeckReport] = field(default_factory=list)
    plans: list[DeckPlan] = field(default_factory=list, repr=False)
    """The plan of each deck built or checked (not of a deck left alone because nothing changed)."""
    warnings: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    """Decks that could not be built; the others were written all the same."""
    errors: list[Exception] = field(default_factory=list, repr=False)
    """The errors behind ``failures``, for --debug."""
    clips_synthesized: int = 0
    clips_cached: int = 0
    lock_path: Path | None = None
    lock_created: bool = False
    """The lock file did not exist before this build."""


_LATEST_EPOCH = 253402300799
"""The last second of the year 9999: Anki, SQLite and zip dates all stop before it."""


def build_time() -> int:
    """Now, or SOURCE_DATE_EPOCH for reproducible builds (whole seconds since 1970, as the
    reproducible-builds specification defines it)."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw == "":
        return int(time.time())
    if not raw.strip().isdigit() or not raw.strip().isascii() or int(raw.strip()) > _LATEST_EPOCH:
        raise UserError(
            f"SOURCE_DATE_EPOCH={raw[:40]!r} is not a time: it must be whole seconds since 1970 "
            f"(0 to {_LATEST_EPOCH}).",
            hint="e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it.",
        )
    return int(raw.strip())


def resolve_sources(deck: DeckDefinition, project: Path) -> list[Path | str]:
    """The files (and addresses) a deck reads. A deck file's sources stay inside the project
    folder, links resolved: a shared deck file must not package a file from elsewhere on the
    user's disk. Paths given on the command line (quick decks) may be anywhere."""
    files: list[Path | str] = []
    for pattern in deck.sources:
        files.extend([pattern] if is_url(pattern) else _pattern_files(deck, pattern, project))
    return list(dict.fromkeys(files))


def _pattern_files(deck: DeckDefinition, pattern: str, project: Path) -> list[Path | str]:
    """The files one of a deck's source patterns names, each checked to be inside the project
    when the deck is confined to it."""
    if deck.confined and (Path(pattern).is_absolute() or Path(pattern).drive):
        raise _outside(deck, pattern, project)
    matches = _matches(pattern, project)
    if not matches:
        raise UserError(
            f"the source '{pattern}' matches no file (looked in {project}).",
            deck.path,
            hint="Fix the path or glob in 'sources'; paths are relative to the project folder.",
        )
    files: list[Path | str] = []
    for match in matches:
        for file in readers.expand([match], within_folders=not deck.confined):
            if deck.confined and isinstance(file, Path) and not limits.inside(file, project):
                raise _outside(deck, f"{pattern} ({file})" if file != match else pattern, project)
            files.append(file)
    return files


def _matches(pattern: str, project: Path) -> list[Path]:
    glob = any(ch in pattern for ch in "*?[") and not (project / pattern).exists()  # "notes[1].md" is a name
    if glob and Path(pattern).is_absolute():
        base, relative = Path(Path(pattern).anchor), str(Path(pattern).relative_to(Path(pattern).anchor))
        return sorted(p for p in base.glob(relative) if p.is_file())
    if glob:
        return sorted(p for p in project.glob(pattern) if p.is_file())
    return [project / pattern] if (project / pattern).exists() else []


def _outside(deck: DeckDefinition, pattern: str, project: Path) -> UserError:
    return UserError(
        f"the source '{pattern}' is outside the project folder {project}; a deck file may only name "
        "files inside it (links are followed to where they point).",
        deck.path,
        hint="Copy the file into the project, or build it from the command line: seedcards build PATH --name NAME.",
    )


def _source_key(cache: CardCache, path: Path | str, project: Path) -> str | None:
    if isinstance(path, str):
        return None  # an address: its page has a cache of its own (web.py)
    try:
        return cache.key(source_name(path, project), limits.read_bytes(path, "source"))
    except (OSError, UserError):
        return None  # the reader reports the unreadable file (a pipe, a device, one too large)


def extracted_cards(
    sources: list[Path | str],
    project: Path,
    topics: TopicIndex,
    min_score: float,
    warnings: list[str],
    progress: Progress | None = None,
    cache: CardCache | None = None,
    jobs: int = 1,
) -> list[Card]:
    """The cards extracted from the sources, duplicates merged; with a cache, only the sources
    it has no entry for are read and extracted (by up to ``jobs`` processes), and when it has
    them all, the merged cards of that very list are reused too."""
    if cache is None:
        made = extract_each(sources, project, topics, min_score, jobs, progress)
        result = _merged([Entry(each.cards, each.warnings) for each in made])
    else:
        keys = [_source_key(cache, path, project) for path in sources]
        whole = cache.merged_key([k for k in keys if k]) if all(keys) else None
        cached = cache.get_merged(whole) if whole else None
        result = cached or _merged(_cached_or_made(cache, keys, sources, project, topics, min_score, jobs, progress))
        if whole and cached is None:
            cache.put(whole, result)
    warnings.extend(result.warnings)
    return list(result.cards)


def _merged(entries: list[Entry]) -> Entry:
    return Entry(
        tuple(merge_duplicates([list(entry.cards) for entry in entries])),
        tuple(warning for entry in entries for warning in entry.warnings),
    )


def _cached_or_made(
    cache: CardCache,
    keys: list[str | None],
    sources: list[Path | str],
    project: Path,
    topics: TopicIndex,
    min_score: float,
    jobs: int,
    progress: Progress | None,
) -> list[Entry]:
    """Each source's entry: from the cache, or extracted (the missing ones together) and then kept."""
    entries = [cache.get(key) if key else None for key in keys]
    for path, entry in zip(sources, entries, strict=True):
        if entry is not None and progress:
            progress(source_name(path, project))
    missing = [i for i, entry in enumerate(entries) if entry is None]
    made = extract_each([sources[i] for i in missing], project, topics, min_score, jobs, progress)
    for i, result in zip(missing, made, strict=True):
        entry = entries[i] = Entry(result.cards, result.warnings)
        key = keys[i]
        if key and result.read:  # an unreadable file is not cached: its warning may be fixed outside it
            cache.put(key, entry)
    return [entry for entry in entries if entry is not None]


def _topic_terms(topics: TopicIndex) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(t.id, t.label, t.terms) for t in topics.topics.values()]


def deck_cards(
    deck: DeckDefinition,
    topics: TopicIndex,
    project: Path,
    warnings: list[str],
    progress: Progress | None = None,
    sources: list[Path | str] | None = None,
    remembered: dict[str, ReviewRecord] | None = None,
    cache_folder: Path | None = None,
    jobs: int = 1,
) -> list[Placement]:
    """The deck's cards with the subdeck each goes to: extracted ones (after the deck's
    reviews) first, then the hand-written notes. ``remembered`` (the lock's memory of what
    each review entry was about) lets an entry follow its card when the sentence is reworded.
    With ``cache_folder``, each source's extracted cards are kept there and reused while the
    source and the extractor are the same."""
    min_score = deck.min_score if deck.min_score is not None else DEFAULT_MIN_SCORE
    accepted = {k for k, r in deck.reviews.items() if r.status == "accept"}
    sources = resolve_sources(deck, project) if sources is None else sources
    floor = 0.0 if accepted else min_score
    cache = None
    if cache_folder is not None:
        cache = CardCache(cache_folder, extractor_version(_topic_terms(topics), floor))
    extracted = extracted_cards(sources, project, topics, floor, warnings, progress, cache, jobs)
    matched = match_reviews(list(deck.reviews), extracted, {} if remembered is None else remembered)
    review_of = {card.key: deck.reviews[key] for key, card in matched.items()}
    placed = _reviewed(deck, extracted, review_of, min_score)
    for key, review in deck.reviews.items():
        if key not in matched:
            warnings.append(
                f"{deck.path}:{review.line}: no extracted card has the key '{key}' any more; "
                "its review entry does nothing."
            )
    for note in deck.notes:
        placed.append(Placement(note, deck.subdeck_for(note, deck.note_subdecks.get(note.key) or None)))
    return placed


def _reviewed(
    deck: DeckDefinition, extracted: list[Card], review_of: dict[str, Review], min_score: float
) -> list[Placement]:
    """Extracted cards after the deck's reviews (suppressed ones dropped, edits applied), each
    with its subdeck; unreviewed cards below ``min_score`` dropped."""
    placed: list[Placement] = []
    for card in extracted:
        review = review_of.get(card.key)
        if review is None and card.score < min_score:
            continue
        subdeck = None
        if review is not None:
            if review.status == "suppress":
                continue
            changes = dict(review.changes)
            chosen = changes.pop("subdeck", None)
            subdeck = str(chosen) if chosen else None
            if "topics" in changes:
                changes["topics"] = tuple(cast("list[str]", changes["topics"]))
            card = card.with_changes(**changes)
        placed.append(Placement(card, deck.subdeck_for(card, subdeck)))
    return placed


def build(
    project: Project | Path,
    decks_dir: Path | None = None,
    out_dir: Path | None = None,
    progress: Progress | None = None,
    now: int | None = None,
    dry_run: bool = False,
    audio: AudioSettings | None = None,
    quick: tuple[str, list[Path | str]] | None = None,
    refresh: bool = False,
    jobs: int = 1,
) -> BuildReport:
    """Build every deck; with ``dry_run``, check everything and write nothing; with ``audio``,
    definition and claim cards get a spoken clip; with ``quick`` (a name and paths), build one
    deck straight from those files, its lock kept in the user's data folder; with ``refresh``,
    ask the servers of web sources again whether their pages changed; ``jobs`` processes extract
    the sources. ``project`` is the
    command line's Project, or a folder (with ``decks_dir`` and ``out_dir`` when not the usual)."""
    where = project if isinstance(project, Project) else Project.at(project, decks_dir, out_dir)
    if audio is not None:
        from seedcards.audio.speech import load_pronunciations
        from seedcards.audio.synthesis import Synthesizer

        with Synthesizer(audio.spec, audio.cache_dir, audio.jobs) as synth:
            voice = (synth, load_pronunciations(where.pronunciations), audio.progress)
            report = _build(where, progress, now, dry_run, voice, quick, refresh, jobs)
            report.clips_synthesized, report.clips_cached = synth.stats.synthesized, synth.stats.cached
            return report
    return _build(where, progress, now, dry_run, None, quick, refresh, jobs)


@dataclass
class _Run:
    """What every deck of one build shares."""

    project: Project
    topics: TopicIndex
    notetypes: dict[str, NoteType]
    lock: Lock
    now: int
    warnings: list[str]
    progress: Progress | None
    voice: tuple | None
    dry_run: bool
    refresh: bool
    jobs: int = 1


def _build(
    project: Project,
    progress: Progress | None,
    now: int | None,
    dry_run: bool,
    voice: tuple | None,
    quick: tuple[str, list[Path | str]] | None,
    refresh: bool = False,
    jobs: int = 1,
) -> BuildReport:
    topics = load_topics(project.topics)
    notetypes = load_notetypes(project.templates)
    definitions, problems, lock_path, lock = _decks_and_lock(project, topics, quick)
    report = BuildReport(
        failures=[p.render() for p in problems],
        errors=list(problems),
        lock_path=lock_path,
        lock_created=not lock_path.exists(),
    )
    definitions = _without_clashes(definitions, report.failures)
    run = _Run(
        project,
        topics,
        notetypes,
        lock,
        now if now is not None else build_time(),
        report.warnings,
        progress,
        voice,
        dry_run,
        refresh,
        jobs,
    )
    notetype_mods = _notetype_mods(notetypes, lock, run.now, report.warnings)
    for deck in definitions:
        _build_one(deck, run, notetype_mods, report, lock_path)
    if not dry_run:
        _save_lock(lock, lock_path)
        if quick is None and voice is None:
            from seedcards.report import build_record

            patterns = [pattern for deck in definitions for pattern in deck.sources]
            save_build_stamp(project, patterns, build_record(report))
    return report


def _build_one(
    deck: DeckDefinition, run: _Run, notetype_mods: dict[str, int], report: BuildReport, lock_path: Path
) -> None:
    """One deck into the report; a deck that cannot be built is a failure, and the others go on."""
    try:
        run.warnings.extend(fetch_all([s for s in deck.sources if is_url(s)], run.refresh))
        deck_report, plan = _build_deck(deck, run, notetype_mods)
        report.decks.append(deck_report)
        if plan is not None:
            report.plans.append(plan)
        if not run.dry_run:
            # Saved after each package, so a build stopped later leaves every written package
            # with the lock that describes it.
            _save_lock(run.lock, lock_path)
    except UserError as problem:
        report.failures.append(problem.render() if problem.path else f"{deck.path}: {problem.render()}")
        report.errors.append(problem)


def _save_lock(lock: Lock, path: Path) -> None:
    try:
        lock.save(path)
    except OSError as exc:
        raise UserError(
            f"cannot write the lock file ({exc.strerror or exc}).",
            path,
            hint="Make its folder writable (and free some space), then build again.",
        ) from exc


def _without_clashes(definitions: list[DeckDefinition], failures: list[str]) -> list[DeckDefinition]:
    """Two decks that would write one package, or give their notes the same GUIDs (one id),
    would silently overwrite each other: neither is built, and both files are named."""
    clashing: set[Path] = set()
    for what, value in (("write the same package", lambda d: d.slug), ("have the same id", lambda d: d.id)):
        seen: dict[str, DeckDefinition] = {}
        for deck in definitions:
            other = seen.setdefault(value(deck), deck)
            if other is not deck:
                failures.append(
                    f"{deck.path}: this deck and {other.path} {what} ('{value(deck)}'); neither is built. "
                    "Rename one deck, or give it its own 'id:'."
                )
                clashing.update((deck.path, other.path))
    return [d for d in definitions if d.path not in clashing]


def _notetype_mods(notetypes: dict[str, NoteType], lock: Lock, now: int, warnings: list[str]) -> dict[str, int]:
    """Each note type's modification time, recorded in the lock; a warning for each whose
    fields or card templates changed, which Anki cannot apply in place."""
    mods: dict[str, int] = {}
    for kind, notetype in notetypes.items():
        record, status = notetype_record(notetype.content_hash, notetype.schema_hash, lock.notetypes.get(kind), now)
        lock.notetypes[kind] = record
        mods[kind] = record.mod
        if status == "schema":
            warnings.append(
                f"the note type '{notetype.name}' gained, lost or renamed fields or card templates. Anki cannot "
                'update it in place: when importing, open the import options and tick "Merge note types", '
                "or Anki will add a copy of the note type and leave the old notes behind."
            )
    return mods


def _decks_and_lock(
    project: Project, topics: TopicIndex, quick: tuple[str, list[Path | str]] | None
) -> tuple[list[DeckDefinition], list, Path, Lock]:
    """The decks to build, the problems of deck files that cannot be, and the lock (the
    project's, or a quick deck's own in the user's data folder) with its path."""
    if quick is not None:
        deck = quick_deck(quick[0], quick[1], project.root, topics)
        lock_path = quick_lock(deck.slug)
        return [deck], [], lock_path, _quick_lock(lock_path, project.output / LOCK_NAME, deck.id)
    definitions, problems = load_decks(project.decks, topics)
    return definitions, problems, project.lock, Lock.load(project.lock)


def _quick_lock(path: Path, legacy: Path, deck_id: str) -> Lock:
    """A quick deck's lock, taking over its records from build/seedcards.lock, where earlier
    versions kept them, so that its notes keep their identity."""
    if path.exists() or not legacy.is_file():
        return Lock.load(path)
    old = Lock.load(legacy)
    if deck_id not in old.decks:
        return Lock()
    return Lock(decks={deck_id: old.decks[deck_id]}, notetypes=dict(old.notetypes))


def _build_deck(deck: DeckDefinition, run: _Run, notetype_mods: dict[str, int]) -> tuple[DeckReport, DeckPlan | None]:
    """Plan a deck and write it (in a dry run, only plan it); a deck whose inputs have not
    changed since its last build is left as it is, with no plan."""
    output = run.project.output / f"{deck.slug}.apkg"
    sources = resolve_sources(deck, run.project.root)
    files = files_digest(deck, sources, run.project, run.voice[0].identity() if run.voice is not None else None)
    if not run.dry_run:
        skipped = _unchanged_deck(deck, files, output, run)
        if skipped is not None:
            return skipped, None
    plan = plan_deck(deck, sources, output, run)
    if not run.dry_run:
        write_deck(plan, notetype_mods)
    run.lock.decks[deck.id] = plan.records
    if not run.dry_run:
        # The fingerprint of the inputs as they are now, including the note records just made.
        record_build(
            deck, inputs_fingerprint(files, deck, run.lock), output, run.lock, dict(plan.by_kind), len(plan.media)
        )
    return plan.report(), plan


def _unchanged_deck(deck: DeckDefinition, files: str, output: Path, run: _Run) -> DeckReport | None:
    """The last build's report of the deck, if nothing it reads has changed and its package is
    the one the lock describes."""
    last = last_build_if_unchanged(deck, inputs_fingerprint(files, deck, run.lock), output, run.lock)
    if not package_matches_lock(deck, output, run.lock):
        run.warnings.append(
            f"{output}: written by a build that stopped before saving the lock; built again so that "
            "the package and the lock agree."
        )
        return None
    if last is None:
        return None
    skipped = DeckReport(
        deck.name, output, by_kind=Counter(last.get("by_kind", {})), clips=last.get("clips", 0), rebuilt=False
    )
    skipped.status["unchanged"] = sum(skipped.by_kind.values())
    return skipped


def plan_deck(deck: DeckDefinition, sources: list[Path | str], output: Path, run: _Run) -> DeckPlan:
    """The deck's notes as they will go into its package, compared with the lock's records.
    Writes nothing but the caches of extracted cards and highlighted code (not in a dry run)."""
    code_html = None if run.dry_run else HighlightCache(run.project.code_cache).highlight
    placements = deck_cards(
        deck,
        run.topics,
        run.project.root,
        run.warnings,
        run.progress,
        sources,
        run.lock.reviews.setdefault(deck.id, {}),
        None if run.dry_run else run.project.card_cache,
        run.jobs,
    )
    media: dict[str, bytes] = {}
    if run.voice is not None:
        from seedcards.audio.clips import card_clips

        voiced, media = card_clips([placement.card for placement in placements], *run.voice)
        placements = [Placement(card, placement.subdeck) for card, placement in zip(voiced, placements, strict=True)]
    previous = run.lock.decks.get(deck.id, {})
    baseline = "none" if not previous else "build" if output.is_file() else "lock"
    plan = DeckPlan(deck, output, baseline, media=media)
    guids = assign_guids(deck.id, [placement.card for placement in placements], previous)
    for placement, (_, guid) in zip(placements, guids, strict=True):  # assign_guids keeps the cards' order
        note, status, record = _planned_note(deck, placement, guid, previous, run, code_html)
        plan.notes.append(note)
        plan.records[guid] = record
        plan.by_kind[placement.card.kind.value] += 1
        plan.status[status] += 1
    plan.removed = sum(1 for guid in previous if guid not in plan.records)
    return plan


def _planned_note(
    deck: DeckDefinition,
    placement: Placement,
    guid: str,
    previous: dict[str, NoteRecord],
    run: _Run,
    code_html: Callable | None,
) -> tuple[NoteSpec, str, NoteRecord]:
    """One card's note, whether it is new, changed or unchanged, and its record for the lock."""
    card = placement.card
    notetype = run.notetypes.get(notetype_key(card))
    if notetype is None:
        raise UserError(
            f"no note type '{notetype_key(card)}' in the templates folder for {card.kind.value} cards.", deck.path
        )
    fields = tuple(field_values(card, notetype, code_html))
    tags = tuple(tags_for(card))
    digest = note_digest(notetype.type, placement.subdeck, *fields, *tags)
    placed = place(guid, card, digest, previous, run.now)
    return (
        NoteSpec(guid, placement.subdeck, notetype, fields, tags, placed.mod, card),
        placed.status,
        record_for(placed, digest),
    )


def write_deck(plan: DeckPlan, notetype_mods: dict[str, int]) -> None:
    """The plan's package, written atomically."""
    from seedcards.anki.package import DeckSpec, write_apkg  # genanki, only when a package is written

    deck = plan.deck
    subdecks = sorted({note.deck for note in plan.notes} - {deck.name})
    decks = [DeckSpec(deck.name, deck.description_html)] + [DeckSpec(name, "") for name in subdecks]
    used = {note.notetype.type for note in plan.notes}
    try:
        write_apkg(plan.output, decks, plan.notes, {k: notetype_mods[k] for k in used}, plan.media)
    except (OSError, sqlite3.Error) as exc:  # the scratch collection, in the temporary folder
        raise UserError(
            f"cannot write the package ({getattr(exc, 'strerror', None) or exc}).",
            plan.output,
            hint="Check that the output folder can be written and the disk has space (--out DIR "
            "chooses another folder).",
        ) from exc
