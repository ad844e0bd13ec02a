"""Cache entries that prove themselves: a checksum line, then the body, written atomically.

A cache only saves work, so an entry that was cut short, altered or cannot be read is treated as
missing (and made again by its caller), and one that cannot be written is simply not kept.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from seedcards import atomic
from seedcards.errors import UserError


def read(path: Path) -> bytes | None:
    """The body stored at ``path``, or None if there is none or it fails its checksum."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    checksum, _, body = raw.partition(b"\n")
    return body if hashlib.sha256(body).hexdigest().encode() == checksum else None


def write(path: Path, body: bytes) -> None:
    try:
        with atomic.replacing(path) as temporary:
            temporary.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    except (OSError, UserError):  # atomic.replacing names the file in a UserError; a cache needs no word
        pass  # not kept: the next run makes it again
