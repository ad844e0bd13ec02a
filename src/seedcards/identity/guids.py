"""From cards to notes: identity, content hashes and modification times against the lock.

Pure functions over the previous lock entries; nothing here touches the disk.
"""

from __future__ import annotations

import gc
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, combinations

from seedcards import text
from seedcards.card import Card
from seedcards.extract.ranking import signature
from seedcards.identity.ids import content_hash, note_guid
from seedcards.identity.lock import NoteRecord, NotetypeRecord, ReviewRecord

# How alike a reworded card must be to a vanished one to inherit its note (Jaccard of content words).
REWORD_SIMILARITY = 0.45


@dataclass(frozen=True)
class Placed:
    """A card with the note identity it will have in Anki."""

    card: Card
    guid: str
    status: str
    """"new", "changed" or "unchanged" since the last build."""
    mod: int


def _family(key: str) -> str:
    """Source and kind of a key ('seeds/a.txt#cloze'): a reworded card stays within its family."""
    head, _, rest = key.partition("#")
    return f"{head}#{rest.split(':', 1)[0]}"


def assign_guids(deck_id: str, cards: list[Card], previous: dict[str, NoteRecord]) -> list[tuple[Card, str]]:
    """Give each card its note's GUID: the one its key had, else the one of a vanished card it
    rewords, else a new one from its key."""
    by_key = {record.key: guid for guid, record in previous.items()}
    taken: set[str] = set()
    result: list[tuple[Card, str | None]] = []
    for card in cards:
        guid = by_key.get(card.key)
        if guid is not None and guid not in taken:
            taken.add(guid)
            result.append((card, guid))
        else:
            result.append((card, None))
    index = _RewordIndex({guid: previous[guid] for guid in previous if guid not in taken})
    final: list[tuple[Card, str]] = []
    for card, guid in result:
        if guid is None:
            best = index.likeliest(card, taken)
            guid = best or note_guid(deck_id, card.key)
            suffix = 1
            while guid in taken:
                guid = note_guid(deck_id, f"{card.key}~{suffix}")
                suffix += 1
            taken.add(guid)
        final.append((card, guid))
    return final


def match_reviews(review_keys: list[str], cards: list[Card], remembered: dict[str, ReviewRecord]) -> dict[str, Card]:
    """Which card each review entry is about: the card with its key, else the card its key
    became. The lock remembers the card an entry last matched; when that key is gone, the
    entry goes to the card of the same source and kind that rewords it, by the same likeness
    that keeps a reworded card's note. ``remembered`` is updated to what matched now."""
    by_key = {card.key: card for card in cards}
    matched = {key: by_key[key] for key in review_keys if key in by_key}
    claimed = {card.key for card in matched.values()}
    for key in review_keys:
        memory = remembered.get(key)
        found = None if key in matched or memory is None else _followed(memory, cards, by_key, claimed)
        if found is not None:
            matched[key] = found
            claimed.add(found.key)
    for key in list(remembered):
        if key not in review_keys:
            del remembered[key]
    for key, card in matched.items():
        remembered[key] = ReviewRecord(card.key, sorted(signature(card)))
    return matched


def _followed(memory: ReviewRecord, cards: list[Card], by_key: dict[str, Card], claimed: set[str]) -> Card | None:
    """The card a review entry's remembered card is now: the same key, else the likeliest
    rewording among the unclaimed cards of its source and kind."""
    if memory.key in by_key and memory.key not in claimed:
        return by_key[memory.key]
    family = _family(memory.key)
    return _likeliest(memory, [c for c in cards if c.key not in claimed and _family(c.key) == family])


def _likeliest(memory: ReviewRecord, cards: list[Card]) -> Card | None:
    words = set(memory.words)
    best, best_similarity = None, REWORD_SIMILARITY
    for card in cards:
        other = signature(card)
        similarity = text.jaccard(words, other)
        if similarity > best_similarity or (best is None and similarity >= best_similarity):
            best, best_similarity = card, similarity
    return best


RARE_IN_SOURCE = 16
"""A word found in at most this many vanished notes of a source and kind is searched by itself;
a commoner one only paired with another word (see _RewordIndex)."""


class _RewordIndex:
    """The vanished notes a reworded card may be, found without comparing it with all of them.

    A prefix filter, as in set-similarity joins (PPJoin). With every set's words in one order,
    rarest first, two sets whose Jaccard similarity reaches t share o >= t|x| words, so their
    first shared word is among the first |x| - ceil(t|x|) + 1 words of each, and their first two
    among the first |x| - ceil(t|x|) + 2. A note is indexed by the rare words of the first span
    and, where its words are common in its source (one large source whose notes all speak of
    "models" and "training"), by the pairs of common words of the second: a pair is rare where
    each of its words is not, so no list to read grows with the deck. Sets of one or two words,
    alike sharing a single word, are also indexed by their words. A card reads its own words and
    pairs in that order and compares each note it meets at once; every note found raises the
    similarity still worth finding, which shortens what is left to read. The note chosen is the
    one comparing with all of them would choose: the most alike, ties to the smallest GUID.
    """

    def __init__(self, orphans: dict[str, NoteRecord]) -> None:
        self.words = {guid: frozenset(record.words) for guid, record in orphans.items()}
        families: dict[str, list[str]] = defaultdict(list)
        for guid in sorted(orphans):
            families[_family(orphans[guid].key)].append(guid)
        self.counts: dict[str, Counter[str]] = {}
        self.keys: dict[str, defaultdict[str | tuple[str, str], list[str]]] = {}
        self.small: dict[str, defaultdict[str, list[str]]] = {}
        with _no_cycle_collection():
            for family, members in families.items():
                self._index_family(family, members)
        self.compared = 0
        """Notes compared with cards so far: what the index exists to keep small."""

    def _index_family(self, family: str, members: list[str]) -> None:
        self.counts[family] = Counter(word for guid in members for word in self.words[guid])
        keys, small = self.keys[family], self.small[family] = defaultdict(list), defaultdict(list)
        for guid in members:
            ordered = self._ordered(family, self.words[guid])
            if len(ordered) <= 2:
                for word in ordered:
                    small[word].append(guid)
            for key in self._indexed(family, ordered):
                keys[key].append(guid)

    def _ordered(self, family: str, words: frozenset[str]) -> list[str]:
        counts = self.counts[family]
        return sorted(words, key=lambda w: (counts.get(w, 0), w))

    def _indexed(self, family: str, ordered: list[str]) -> Iterable[str | tuple[str, str]]:
        """What _keys yields for the least similarity, at once: the rare words come first."""
        prefix = _prefix_length(len(ordered), 0, 0)
        counts = self.counts[family]
        common = next((j for j, word in enumerate(ordered) if counts[word] > RARE_IN_SOURCE), len(ordered))
        return chain(ordered[: min(common, prefix)], combinations(ordered[common : prefix + 1], 2))

    def _keys(self, family: str, ordered: list[str], prefix: Callable[[], int]) -> Iterator[str | tuple[str, str]]:
        """In order, the rare words among a set's first ``prefix()`` words and the pairs of
        common words among its first ``prefix() + 1`` (the words come rarest first). The prefix
        is asked again at every word: a search shortens it as it finds more alike notes."""
        counts = self.counts[family]
        first_common = len(ordered)
        for j, word in enumerate(ordered):
            reach = prefix()
            if j > reach:
                return
            if counts.get(word, 0) <= RARE_IN_SOURCE:
                if j < reach:
                    yield word
                continue
            first_common = min(first_common, j)
            for i in range(first_common, j):
                yield (ordered[i], word)

    def likeliest(self, card: Card, taken: set[str]) -> str | None:
        words = signature(card)
        family = _family(card.key)
        if family not in self.keys:
            return None
        keys, small = self.keys[family], self.small[family]
        ordered = self._ordered(family, words)
        search = _Search(words, taken, self.words)
        if len(ordered) <= 2:
            for word in ordered:
                search.compare(small.get(word, ()))
        for key in self._keys(family, ordered, lambda: _prefix_length(len(ordered), search.shared, search.union)):
            search.compare(keys.get(key, ()))
        self.compared += len(search.seen)
        return search.best


class _Search:
    """One card's search for its likeliest note: the best so far, its similarity as an exact fraction."""

    def __init__(self, words: frozenset[str], taken: set[str], notes: dict[str, frozenset[str]]) -> None:
        self.words, self.taken, self.notes = words, taken, notes
        self.best: str | None = None
        self.shared, self.union = 0, 0  # 0/0 until a note is alike enough
        self.seen: set[str] = set()

    def compare(self, guids: Iterable[str]) -> None:
        for guid in guids:
            if guid in self.taken or guid in self.seen:
                continue
            self.seen.add(guid)
            other = self.notes[guid]
            common = len(self.words & other)
            total = len(self.words) + len(other) - common
            if total == 0 or common / total < REWORD_SIMILARITY:
                continue
            # common/total against shared/union, compared without rounding; ties to the smaller GUID.
            better, tied = common * self.union - self.shared * total, common * self.union == self.shared * total
            if self.best is None or better > 0 or (tied and guid < self.best):
                self.best, self.shared, self.union = guid, common, total


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The index is hundreds of thousands of small lists in no cycle; Python's cycle collector,
    woken by every few hundred of them, would walk them all again and again (half the time of
    indexing 20,000 notes)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _prefix_length(size: int, shared: int, union: int) -> int:
    """How many of a set's rarest words hold the first word it shares with any set at least as
    alike as shared/union (REWORD_SIMILARITY while union is 0): size - ceil(t * size) + 1."""
    if union == 0:
        least = math.ceil(REWORD_SIMILARITY * size - 1e-9)
    else:
        least = -(-shared * size // union)
    return size - least + 1


def place(guid: str, card: Card, digest: str, previous: dict[str, NoteRecord], now: int) -> Placed:
    record = previous.get(guid)
    if record is None:
        return Placed(card, guid, "new", now)
    if record.hash == digest:
        return Placed(card, guid, "unchanged", record.mod)
    return Placed(card, guid, "changed", max(now, record.mod + 1))


def record_for(placed: Placed, digest: str) -> NoteRecord:
    return NoteRecord(key=placed.card.key, hash=digest, mod=placed.mod, words=sorted(signature(placed.card)))


def notetype_record(content: str, schema: str, previous: NotetypeRecord | None, now: int) -> tuple[NotetypeRecord, str]:
    """The note type's record and what happened to it: "new", "unchanged", "changed" or
    "schema" (fields or card templates changed, which Anki cannot update in place)."""
    if previous is None:
        return NotetypeRecord(content, schema, now), "new"
    if previous.hash == content:
        return previous, "unchanged"
    status = "schema" if previous.schema != schema else "changed"
    return NotetypeRecord(content, schema, max(now, previous.mod + 1)), status


def note_digest(*parts: str) -> str:
    return content_hash(*parts)
