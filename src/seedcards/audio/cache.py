"""A content-addressed cache of synthesized speech and encoded clips: the same text, engine,
engine version, voice and rate are never synthesized twice.

Every entry carries a SHA-256 of its content and is checked when read: a truncated, cut or
altered entry is treated as missing and made again, never used. Entries are renamed into place
but not fsynced (a cache entry lost in a crash is only made again), which keeps a cold run fast.
"""

from __future__ import annotations

import hashlib
import os
import struct
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from seedcards.audio.engines import EngineSpec, Pcm
from seedcards.errors import UserError

_SPEECH_MAGIC = b"seedcards-pcm-1\n"
_CLIP_MAGIC = b"seedcards-mp3-1\n"
_DIGEST = 32


def default_cache_dir() -> Path:
    base = os.environ.get("SEEDCARDS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "seedcards"
    )
    return Path(base) / "speech"


def usable_cache_dir(folder: Path) -> Path:
    """The folder, made if needed and known to be writable; else one clear error saying what to do."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".probe-", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except OSError as problem:
        reason = problem.strerror or type(problem).__name__
        raise UserError(
            f"the speech cache {folder} cannot be used ({reason}).",
            hint="Set SEEDCARDS_CACHE to a folder you can write to, or pass --cache DIR.",
        ) from None
    return folder


T = TypeVar("T")


def split_cached(texts: Iterable[str], lookup: Callable[[str], T | None]) -> tuple[dict[str, T], list[str]]:
    """What the cache has for each distinct text, and the texts it does not have, in order."""
    found: dict[str, T] = {}
    missing: list[str] = []
    for text in dict.fromkeys(texts):
        value = lookup(text)
        if value is None:
            missing.append(text)
        else:
            found[text] = value
    return found, missing


def _sealed(magic: bytes, header: bytes, payload: bytes) -> tuple[bytes, bytes]:
    """An entry as its head (magic, header, digest) and its payload, written one after the other:
    speech is most of the bytes a cold run writes, so it is hashed and written without a copy."""
    digest = hashlib.sha256(header)
    digest.update(payload)
    return magic + header + digest.digest(), payload


def _opened(raw: bytes, magic: bytes, header_size: int) -> tuple[bytes, bytes] | None:
    """(header, payload) if the entry is whole and unaltered, else None."""
    start = len(magic) + header_size + _DIGEST
    if len(raw) < start or not raw.startswith(magic):
        return None
    header, digest = raw[len(magic) : len(magic) + header_size], raw[start - _DIGEST : start]
    payload = memoryview(raw)[start:]
    check = hashlib.sha256(header)
    check.update(payload)
    return (header, payload.tobytes()) if check.digest() == digest else None


class SpeechCache:
    def __init__(self, folder: Path, spec: EngineSpec, engine_version: str) -> None:
        self.folder = folder
        self._identity = "\x1f".join([spec.name, engine_version, spec.voice or "", str(spec.rate)])

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self._identity}\x1e{text}".encode()).hexdigest()

    def _path(self, text: str, suffix: str) -> Path:
        key = self.key(text)
        return self.folder / key[:2] / f"{key}{suffix}"

    @staticmethod
    def _read(path: Path) -> bytes | None:
        try:
            return path.read_bytes()
        except OSError:
            return None

    @staticmethod
    def _write(path: Path, content: tuple[bytes, bytes]) -> None:
        # A cold run writes an entry per piece: the temporary name is unique to this process and
        # thread (no random name to try), and the folder is made only the first time it is missing.
        temporary = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
        try:
            try:
                handle = os.open(temporary, flags, 0o644)
            except FileNotFoundError:
                path.parent.mkdir(parents=True, exist_ok=True)
                handle = os.open(temporary, flags, 0o644)
            with os.fdopen(handle, "wb") as out:
                for part in content:
                    out.write(part)
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise

    def get(self, text: str) -> Pcm | None:
        raw = self._read(self._path(text, ".pcm"))
        entry = _opened(raw, _SPEECH_MAGIC, 4) if raw is not None else None
        if entry is None or len(entry[1]) % 2:
            return None  # missing or damaged: synthesized again
        return Pcm(struct.unpack("<I", entry[0])[0], entry[1])

    def put(self, text: str, pcm: Pcm) -> None:
        self._write(self._path(text, ".pcm"), _sealed(_SPEECH_MAGIC, struct.pack("<I", pcm.rate), pcm.samples))

    def get_clip(self, text: str) -> bytes | None:
        """An encoded MP3 clip made earlier from this text, if it is whole."""
        raw = self._read(self._path(text, ".mp3"))
        entry = _opened(raw, _CLIP_MAGIC, 0) if raw is not None else None
        return entry[1] if entry is not None and entry[1] else None

    def put_clip(self, text: str, mp3: bytes) -> None:
        self._write(self._path(text, ".mp3"), _sealed(_CLIP_MAGIC, b"", mp3))
