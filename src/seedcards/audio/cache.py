"""A content-addressed cache of synthesized speech: the same text, engine, engine version,
voice and rate are never synthesized twice."""

from __future__ import annotations

import hashlib
import os
import wave
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from seedcards.atomic import replacing
from seedcards.audio.engines import EngineSpec, Pcm, read_wav


def default_cache_dir() -> Path:
    base = os.environ.get("SEEDCARDS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "seedcards")
    return Path(base) / "speech"


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


class SpeechCache:
    def __init__(self, folder: Path, spec: EngineSpec, engine_version: str) -> None:
        self.folder = folder
        self._identity = "\x1f".join([spec.name, engine_version, spec.voice or "", str(spec.rate)])

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self._identity}\x1e{text}".encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.wav"

    def get(self, text: str) -> Pcm | None:
        path = self._path(self.key(text))
        if not path.is_file():
            return None
        try:
            return read_wav(path)
        except (EOFError, wave.Error, RuntimeError):
            return None  # a damaged entry is synthesized again

    def put(self, text: str, pcm: Pcm) -> None:
        path = self._path(self.key(text))
        with replacing(path) as temporary:
            with wave.open(str(temporary), "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(pcm.rate)
                wav.writeframes(pcm.samples)

    def get_clip(self, text: str) -> bytes | None:
        """An encoded MP3 clip made earlier from this text."""
        path = self._path(self.key(text)).with_suffix(".mp3")
        return path.read_bytes() if path.is_file() else None

    def put_clip(self, text: str, mp3: bytes) -> None:
        with replacing(self._path(self.key(text)).with_suffix(".mp3")) as temporary:
            temporary.write_bytes(mp3)
