"""The lock file (decks/seedcards.lock): what each note was at the last build, and since when.

It keeps three things Anki needs to update notes in place: each note's GUID (so a reworded
card keeps its note), a hash of its content, and the time that content last changed (so
Anki's "update if newer" applies real edits and leaves unchanged notes alone).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from seedcards.atomic import write_text
from seedcards.errors import UserError

VERSION = 1


@dataclass
class NoteRecord:
    key: str
    hash: str
    mod: int
    words: list[str] = field(default_factory=list)
    """Content words, to recognise a reworded card whose key changed."""


@dataclass
class NotetypeRecord:
    hash: str
    schema: str
    mod: int


@dataclass
class Lock:
    decks: dict[str, dict[str, NoteRecord]] = field(default_factory=dict)
    notetypes: dict[str, NotetypeRecord] = field(default_factory=dict)
    builds: dict[str, dict] = field(default_factory=dict)
    """Per deck: a fingerprint of everything the last build read, and what it wrote; a deck whose
    fingerprint and output are unchanged is not built again."""

    @classmethod
    def load(cls, path: Path) -> "Lock":
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != VERSION:
                raise ValueError(f"unknown version {data.get('version')!r}")
            decks = {deck: {guid: NoteRecord(**rec) for guid, rec in notes.items()}
                     for deck, notes in data.get("decks", {}).items()}
            notetypes = {name: NotetypeRecord(**rec) for name, rec in data.get("notetypes", {}).items()}
            builds = dict(data.get("builds", {}))
        except (ValueError, TypeError, AttributeError) as exc:
            raise UserError(f"the lock file is damaged ({exc}).", path,
                            hint="Restore it from version control; deleting it makes the next import add duplicates.") from exc
        return cls(decks, notetypes, builds)

    def save(self, path: Path) -> None:
        data = {"version": VERSION,
                "builds": {k: v for k, v in sorted(self.builds.items())},
                "notetypes": {k: asdict(v) for k, v in sorted(self.notetypes.items())},
                "decks": {deck: {guid: asdict(rec) for guid, rec in sorted(notes.items())}
                          for deck, notes in sorted(self.decks.items())}}
        text = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return  # unchanged: leave the file (and its time stamp) alone
        write_text(path, text)
