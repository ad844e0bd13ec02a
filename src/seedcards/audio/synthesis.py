"""Many pieces of text to speech: from the cache when it can, in worker processes when asked."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from seedcards.audio.cache import SpeechCache, split_cached
from seedcards.audio.engines import EngineSpec, Pcm, open_engine

_WORKER_ENGINE = None


def _start_worker(spec: EngineSpec) -> None:
    # One engine per worker process, made once: pyttsx3 can crash when engines are re-created.
    global _WORKER_ENGINE
    _WORKER_ENGINE = open_engine(spec)


def _synthesize_in_worker(text: str) -> tuple[int, bytes]:
    pcm = _WORKER_ENGINE.synthesize(text)
    return pcm.rate, pcm.samples


@dataclass
class SynthesisStats:
    synthesized: int = 0
    cached: int = 0


class Synthesizer:
    def __init__(self, spec: EngineSpec, cache_dir: Path, jobs: int = 1) -> None:
        self.spec = spec
        self.engine = open_engine(spec)  # fails early, with the install hint, if the engine is missing
        self.version = self.engine.version()
        self.cache = SpeechCache(cache_dir, spec, self.version)
        self.jobs = max(1, jobs)
        self.stats = SynthesisStats()
        self._pool: ProcessPoolExecutor | None = None

    def identity(self) -> str:
        return self.cache.key("")

    def __enter__(self) -> "Synthesizer":
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def _workers(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # Spawned, not forked: a child forked after the parent used pyttsx3 deadlocks.
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start_worker, initargs=(self.spec,))
        return self._pool

    def speak(self, texts: list[str], progress: Callable[[int], None] | None = None) -> dict[str, Pcm]:
        """Speech for every text (duplicates made once)."""
        results, missing = split_cached(texts, self.cache.get)
        self.stats.cached += len(results)
        if progress and results:
            progress(len(results))
        if self.jobs > 1 and len(missing) > 1:
            chunk = max(1, len(missing) // (self.jobs * 8))
            made = ((text, Pcm(*out)) for text, out in zip(missing, self._workers().map(_synthesize_in_worker, missing, chunksize=chunk)))
        else:
            made = ((text, self.engine.synthesize(text)) for text in missing)
        for text, pcm in made:
            self.cache.put(text, pcm)
            results[text] = pcm
            self.stats.synthesized += 1
            if progress:
                progress(1)
        return results
