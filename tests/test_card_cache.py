"""The per-source extraction cache: a source is extracted again only when its bytes, its name
or the extractor's version changed, and a damaged entry is never trusted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from seedcards import checked, resources
from seedcards.build import build, extracted_cards
from seedcards.card import Card, CardKind
from seedcards.cardcache import CardCache, Entry, extractor_version
from seedcards.extract import DEFAULT_MIN_SCORE, Extractor
from seedcards.extract.topics import load_topics
from seedcards.project import CARD_CACHE
from tests.conftest import CORPUS, REPO

TOPICS = load_topics(resources.topics_file(REPO / "decks"))
VERSION = extractor_version([["safety", "Safety", ["alignment"]]], DEFAULT_MIN_SCORE)


@pytest.fixture
def sources(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "posts"
    folder.mkdir()
    for name in ("thread.txt", "lecture-notes.md", "mesa-optimizers.html"):
        shutil.copy(CORPUS / name, folder / name)
    return sorted(folder.iterdir())


def extract(sources: list[Path], project: Path, cache: CardCache | None) -> list[Card]:
    return extracted_cards(sources, project, TOPICS, DEFAULT_MIN_SCORE, [], cache=cache)


def test_cached_cards_are_the_cards_extraction_makes(sources: list[Path], tmp_path: Path) -> None:
    cache = CardCache(tmp_path / "cache", VERSION)
    uncached = extract(sources, tmp_path, None)
    first = extract(sources, tmp_path, cache)
    second = extract(sources, tmp_path, cache)
    assert uncached and first == uncached and second == uncached
    assert (cache.misses, cache.hits) == (3, 0)  # the second time, the merged cards of all three answered


def test_each_source_is_looked_up_when_the_merged_entry_is_gone(sources: list[Path], tmp_path: Path) -> None:
    cache = CardCache(tmp_path / "cache", VERSION)
    expected = extract(sources, tmp_path, cache)
    keys = [cache.key(f"posts/{p.name}", p.read_bytes()) for p in sources]
    merged = next((tmp_path / "cache").rglob(f"{cache.merged_key(keys)}.json"))
    merged.unlink()
    again = CardCache(tmp_path / "cache", VERSION)
    assert extract(sources, tmp_path, again) == expected
    assert (again.misses, again.hits) == (0, 3)


def test_a_hit_reads_nothing_and_returns_the_stored_entry(sources: list[Path], tmp_path: Path) -> None:
    cache = CardCache(tmp_path / "cache", VERSION)
    planted = Card(kind=CardKind.BASIC, key="planted", front="Stored front", back="Stored back", topics=("a", "b"))
    key = cache.key("posts/thread.txt", sources[2].read_bytes())
    cache.put(key, Entry((planted,), ("a warning the reader gave",)))
    warnings: list[str] = []
    cards = extracted_cards([sources[2]], tmp_path, TOPICS, DEFAULT_MIN_SCORE, warnings, cache=cache)
    assert cards == [planted] and warnings == ["a warning the reader gave"]
    assert cache.hits == 1 and cache.misses == 0


def test_an_edited_source_misses_and_the_others_hit(sources: list[Path], tmp_path: Path) -> None:
    cache = CardCache(tmp_path / "cache", VERSION)
    extract(sources, tmp_path, cache)
    thread = next(p for p in sources if p.name == "thread.txt")
    thread.write_text(thread.read_text() + "\nA mesa-optimizer is a learned model that is itself an optimizer.\n")
    again = CardCache(tmp_path / "cache", VERSION)
    cards = extract(sources, tmp_path, again)
    assert (again.misses, again.hits) == (1, 2)
    assert cards == extract(sources, tmp_path, None)


def test_a_new_extractor_version_misses_every_entry(sources: list[Path], tmp_path: Path) -> None:
    extract(sources, tmp_path, CardCache(tmp_path / "cache", VERSION))
    other_topics = CardCache(
        tmp_path / "cache", extractor_version([["safety", "Safety", ["oversight"]]], DEFAULT_MIN_SCORE)
    )
    other_score = CardCache(tmp_path / "cache", extractor_version([["safety", "Safety", ["alignment"]]], 0.0))
    for cache in (other_topics, other_score):
        extract(sources, tmp_path, cache)
        assert (cache.misses, cache.hits) == (3, 0)


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "empty", "not json"])
def test_a_corrupt_entry_is_ignored_and_made_again(sources: list[Path], tmp_path: Path, damage: str) -> None:
    cache = CardCache(tmp_path / "cache", VERSION)
    expected = extract(sources, tmp_path, cache)
    entries = sorted((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 4  # three sources and their merged cards
    for entry in entries:
        raw = entry.read_bytes()
        entry.write_bytes(
            {
                "truncated": raw[: len(raw) // 2],
                "empty": b"",
                "flipped byte": raw[:-2] + bytes([raw[-2] ^ 1]) + raw[-1:],
                "not json": b"0" * 64 + b"\n{not json",
            }[damage]
        )
    damaged = CardCache(tmp_path / "cache", VERSION)
    assert extract(sources, tmp_path, damaged) == expected
    assert (damaged.misses, damaged.hits) == (3, 0)
    assert all(checked.read(entry) is not None for entry in entries)  # every entry was made again
    remade = CardCache(tmp_path / "cache", VERSION)
    assert extract(sources, tmp_path, remade) == expected
    assert (remade.misses, remade.hits) == (0, 0)


def test_a_rebuild_after_editing_only_the_deck_file_extracts_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(project, now=1700000000)
    entries = sorted((project / "build" / CARD_CACHE).rglob("*.json"))
    assert len(entries) == len(list((project / "seeds").iterdir())) + 1  # and the deck's merged cards
    first = (project / "build" / "ai-safety-seeds.apkg").read_bytes()
    deck = project / "decks" / "ai-safety-seeds.yaml"
    deck.write_text(deck.read_text().replace("description: >-\n", "description: >-\n  Edited.\n", 1))

    def tripwire(*args: object) -> None:
        raise AssertionError("a source was extracted again")

    monkeypatch.setattr(Extractor, "document_cards", tripwire)
    report = build(project, now=1700000000)
    status = report.decks[0].status
    assert not report.failures and status["unchanged"] > 20 and status["unchanged"] == sum(status.values())
    assert (project / "build" / "ai-safety-seeds.apkg").read_bytes() != first  # the description changed


def test_a_cache_entry_that_cannot_be_written_is_simply_not_kept(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    checked.write(blocker / "entry", b"cards")  # no error: a cache only saves work
    assert checked.read(blocker / "entry") is None
