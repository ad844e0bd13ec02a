"""Issue 11 item 22: a deck whose every note was reworded and lost its key, matched to its notes.

    python benchmarks/reworded.py make N FILE   # N notes of one source and their rewordings, as JSON
    python benchmarks/reworded.py match FILE    # seedcards' assign_guids on them; prints how many kept

The notes are sentences of the benchmark corpus (benchmarks/corpus.py), all in one source and kind,
so that the deck's words are common in the family the matcher searches: the hard case. Each card
is its note with one word replaced. The floor (floors/hash_notes.py) reads the same file and hashes
every note and card and their word sets: the least any matcher must do.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path


def make(count: int, path: Path) -> None:
    from corpus import Sentences
    from seedcards.card import Card, CardKind
    from seedcards.extract.ranking import signature
    from seedcards.identity.ids import note_guid

    rng = random.Random(count)
    sentences = Sentences(rng)
    notes, cards = {}, []
    for i in range(count):
        sentence = sentences.next()
        key = f"seeds/large.md#cloze:{i}"
        words = sorted(signature(Card(CardKind.CLOZE, key, text=sentence)))
        notes[note_guid("bench", key)] = {"key": key, "words": words}
        tokens = sentence.split()
        tokens[rng.randrange(len(tokens))] = rng.choice(sentences.words)
        cards.append({"key": f"{key}-reworded", "text": " ".join(tokens)})
    path.write_text(json.dumps({"notes": notes, "cards": cards}))


def match(path: Path) -> None:
    from seedcards.card import Card, CardKind
    from seedcards.identity.guids import assign_guids
    from seedcards.identity.lock import NoteRecord

    data = json.loads(path.read_text())
    previous = {guid: NoteRecord(n["key"], "", 0, n["words"]) for guid, n in data["notes"].items()}
    cards = [Card(CardKind.CLOZE, c["key"], text=c["text"]) for c in data["cards"]]
    kept = sum(guid in previous for _, guid in assign_guids("bench", cards, previous))
    print(f"{kept} of {len(cards)} reworded notes kept their GUID")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    if sys.argv[1] == "make":
        make(int(sys.argv[2]), Path(sys.argv[3]))
    else:
        match(Path(sys.argv[2]))
