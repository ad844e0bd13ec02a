"""Floor for matching reworded notes: read the same notes and cards, and hash each with its word set.

    python hash_notes.py FILE

What any matcher must do at least: read every note and card once. No seedcards code runs here.
"""

import hashlib
import json
import sys
from pathlib import Path


def main(path: str) -> None:
    data = json.loads(Path(path).read_text())
    digests = set()
    for note in data["notes"].values():
        digests.add(hashlib.sha256(" ".join(note["words"]).encode()).hexdigest())
    for card in data["cards"]:
        words = sorted({w.strip(".,;:").lower() for w in card["text"].split()})
        digests.add(hashlib.sha256(" ".join(words).encode()).hexdigest())
    print(f"{len(digests)} digests")


if __name__ == "__main__":
    main(sys.argv[1])
