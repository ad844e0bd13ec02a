"""Speech engines behind one small interface: text in, 16-bit mono PCM out.

`espeak-ng` runs the eSpeak NG command; `pyttsx3` drives the system's engine through pyttsx3
(eSpeak NG on Linux, the system voices on macOS and Windows). pyttsx3's Linux driver has
pitfalls, each handled below and measured on a Debian machine:

- runAndWait() returns before the WAV exists: synthesis finishes on eSpeak's own thread.
  We wait for the "finished-utterance" notification, which comes after the file is written,
  and then until the driver is idle and eSpeak has stopped: its thread still runs after the
  notification, and a synthesis started in that window can come back empty (seen once, in CI).
  An empty result for a text with words is synthesized once more.
- Only the last save_to_file() before a runAndWait() is honoured: one file per loop.
- Creating an engine per file can crash the process: one engine per process, reused.
- A worker forked after the parent used pyttsx3 deadlocks: workers are spawned (narrate.py).
- It prints "Audio saved to ..." to stdout: silenced while it runs.
- Its time grows faster than linearly with text length (it concatenates bytes per callback):
  callers give it paragraph-sized pieces (speech.pieces) and join the results.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import wave
from dataclasses import dataclass
from pathlib import Path

from seedcards.errors import UserError

ENGINES = ("espeak-ng", "pyttsx3")
DEFAULT_RATE = 175
INSTALL_HINT = "Install eSpeak NG with: sudo apt-get install espeak-ng" if sys.platform.startswith("linux") \
    else "Install a speech engine for your system (pyttsx3 uses the system voices on macOS and Windows)."


@dataclass(frozen=True)
class Pcm:
    """Mono 16-bit little-endian samples."""

    rate: int
    samples: bytes

    @property
    def seconds(self) -> float:
        return len(self.samples) / 2 / self.rate


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class EngineSpec:
    """What identifies an engine's output, for the cache and for starting worker processes."""

    name: str
    voice: str | None = None
    rate: int = DEFAULT_RATE


def read_wav(path: Path) -> Pcm:
    with wave.open(str(path), "rb") as wav:
        if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
            raise RuntimeError(f"unexpected WAV format from the speech engine: {path}")
        return Pcm(wav.getframerate(), wav.readframes(wav.getnframes()))


class EspeakCommand:
    """The `espeak-ng` program, one run per piece of text."""

    name = "espeak-ng"

    def __init__(self, spec: EngineSpec) -> None:
        self.binary = shutil.which("espeak-ng")
        if self.binary is None:
            raise UserError("the espeak-ng speech engine is not installed.", hint=INSTALL_HINT)
        self.spec = spec
        if spec.voice and spec.voice not in {v.id for v in self.voices()} | {v.name for v in self.voices()}:
            raise UserError(f"espeak-ng has no voice '{spec.voice}'.", hint="List them with `seedcards voices --engine espeak-ng`.")

    def version(self) -> str:
        result = subprocess.run([self.binary, "--version"], capture_output=True, text=True, check=False)
        return result.stdout.strip().split(" Data at")[0]

    def voices(self) -> list[Voice]:
        result = subprocess.run([self.binary, "--voices"], capture_output=True, text=True, check=False)
        voices = []
        for line in result.stdout.splitlines()[1:]:
            parts = line.split()
            if len(parts) >= 5:
                voices.append(Voice(parts[1], parts[3].replace("_", " "), (parts[1],)))
        return voices

    def synthesize(self, text: str) -> Pcm:
        with tempfile.TemporaryDirectory(prefix="seedcards-tts-") as scratch:
            out = Path(scratch) / "speech.wav"
            command = [self.binary, "-s", str(self.spec.rate), "-w", str(out)]
            if self.spec.voice:
                command += ["-v", self.spec.voice]
            subprocess.run(command + ["--stdin"], input=text.encode("utf-8"), check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            return read_wav(out)


class Pyttsx3Engine:
    """pyttsx3, with its Linux driver's pitfalls worked around (see the module docstring)."""

    name = "pyttsx3"
    _TIMEOUT_FLOOR = 30.0

    def __init__(self, spec: EngineSpec) -> None:
        try:
            import pyttsx3
            with contextlib.redirect_stdout(io.StringIO()):
                self.engine = pyttsx3.init()
        except Exception as exc:  # pyttsx3 raises bare OSError/RuntimeError/KeyError when no engine is found
            raise UserError(f"pyttsx3 found no speech engine ({exc}).", hint=INSTALL_HINT) from exc
        self.spec = spec
        self.engine.setProperty("rate", spec.rate)
        if spec.voice:
            self.engine.setProperty("voice", self._voice_id(spec.voice))
        self._done = threading.Event()
        self.engine.connect("finished-utterance", lambda name, completed: self._done.set())

    def _voice_id(self, wanted: str) -> str:
        lowered = wanted.lower()
        for voice in self.voices():
            if lowered in (voice.id.lower(), voice.id.lower().rsplit("/", 1)[-1], voice.name.lower()):
                return voice.id
        raise UserError(f"pyttsx3 has no voice '{wanted}'.", hint="List them with `seedcards voices`.")

    def version(self) -> str:
        from importlib.metadata import version
        return f"pyttsx3 {version('pyttsx3')} ({type(self.engine.proxy._driver).__module__})"

    def voices(self) -> list[Voice]:
        return [Voice(v.id, v.name, tuple(str(lang) for lang in (v.languages or ())))
                for v in self.engine.getProperty("voices")]

    def _espeak_playing(self) -> bool:
        if type(self.engine.proxy._driver).__module__ != "pyttsx3.drivers.espeak":
            return False
        from pyttsx3.drivers import _espeak
        return bool(_espeak.IsPlaying())

    def _wait_until_idle(self, seconds: float = 5.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and (self.engine.isBusy() or self._espeak_playing()):
            time.sleep(0.002)

    def _synthesize_once(self, text: str) -> Pcm:
        with tempfile.TemporaryDirectory(prefix="seedcards-tts-") as scratch:
            out = Path(scratch) / "speech.wav"
            self._wait_until_idle()
            self._done.clear()
            with contextlib.redirect_stdout(io.StringIO()):
                self.engine.save_to_file(text, str(out))
                self.engine.runAndWait()
                finished = self._done.wait(timeout=max(self._TIMEOUT_FLOOR, len(text) / 20))
                self._wait_until_idle()
            if not finished or not out.exists():
                raise RuntimeError("pyttsx3 did not finish writing its audio in time")
            return read_wav(out)

    def synthesize(self, text: str) -> Pcm:
        pcm = self._synthesize_once(text)
        if not pcm.samples and any(ch.isalnum() for ch in text):
            pcm = self._synthesize_once(text)
            if not pcm.samples:
                raise RuntimeError(f"pyttsx3 produced no audio for: {text[:60]!r}")
        return pcm


def open_engine(spec: EngineSpec) -> EspeakCommand | Pyttsx3Engine:
    if spec.name == "espeak-ng":
        return EspeakCommand(spec)
    if spec.name == "pyttsx3":
        return Pyttsx3Engine(spec)
    raise UserError(f"unknown speech engine '{spec.name}'.", hint=f"Use one of: {', '.join(ENGINES)}.")
