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
- It loses the speech rate now and then (issue 14: a whole run at 200 words a minute for 120
  asked). eSpeak's asynchronous mode queues `SetParameter` on its command thread, and
  runAndWait() ends its loop with `stop()`, which calls `espeak_Cancel()` whenever that thread
  is still busy; eSpeak then drops the command it had just taken from the queue (fifo.c,
  `say_thread`: a command popped while a stop is pending is deleted unprocessed) and restores
  its saved parameters. pyttsx3 queues our `setProperty("rate")` right before that stop, so
  whether the rate survived depended on thread timing, once per process. We set the rate
  ourselves while eSpeak is idle, wait until eSpeak reports it, and check it again after every
  piece: audio made at another rate is made again, never returned (or cached).

The espeak-ng engine calls libespeak-ng in process (its synchronous mode, through ctypes) when
the library can be loaded: about twice as fast as a process per piece. It loads a private copy
of the library so that its global state is never shared with pyttsx3's eSpeak in the same
process; without the library it runs the `espeak-ng` command per piece.

No speech passes through a file on disk (Linux): the library's copy and pyttsx3's WAVs live in
anonymous memory files, and the command's WAV comes on its standard output. A process killed
mid-piece, even by SIGKILL, leaves nothing behind (temporary folders did, one per killed worker).
"""

from __future__ import annotations

import contextlib
import copy
import ctypes
import ctypes.util
import dataclasses
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from seedcards.errors import UserError

ENGINES = ("espeak-ng", "pyttsx3")
DEFAULT_RATE = 175
INSTALL_HINT = (
    "Install eSpeak NG with: sudo apt-get install espeak-ng"
    if sys.platform.startswith("linux")
    else "Install a speech engine for your system (pyttsx3 uses the system voices on macOS and Windows)."
)


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


def read_wav(source: Path | bytes) -> Pcm:
    """The samples of a WAV file, or of a WAV's bytes (espeak-ng's standard output declares a
    length it does not know, so the samples are read to the end)."""
    with wave.open(io.BytesIO(source) if isinstance(source, bytes) else str(source), "rb") as wav:
        if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
            raise RuntimeError("unexpected WAV format from the speech engine")
        return Pcm(wav.getframerate(), wav.readframes(wav.getnframes()))


@contextlib.contextmanager
def _wav_target() -> Iterator[tuple[str, Callable[[], bytes]]]:
    """Where an engine that only writes files (pyttsx3) can write one WAV, and how to read it
    back (empty when nothing was written). On Linux an anonymous memory file: nothing is ever on
    disk, so a worker killed mid-piece leaves nothing behind. Elsewhere a temporary folder,
    removed on the way out (only SIGKILL can leave it)."""
    if hasattr(os, "memfd_create") and os.path.isdir("/proc/self/fd"):
        memory = os.memfd_create("seedcards-tts")
        try:
            path = f"/proc/self/fd/{memory}"
            yield path, Path(path).read_bytes
        finally:
            os.close(memory)
        return
    with tempfile.TemporaryDirectory(prefix="seedcards-tts-") as scratch:
        out = Path(scratch) / "speech.wav"
        yield str(out), lambda: out.read_bytes() if out.exists() else b""


class EspeakCommand:
    """The `espeak-ng` program, one run per piece of text."""

    name = "espeak-ng"

    def __init__(self, spec: EngineSpec) -> None:
        binary = shutil.which("espeak-ng")
        if binary is None:
            raise UserError("the espeak-ng speech engine is not installed.", hint=INSTALL_HINT)
        self.binary: str = binary
        self.spec = spec
        known = self.voices()
        if spec.voice:
            # Voice names match whatever their case, as pyttsx3's do.
            wanted = spec.voice.lower()
            found = next((v.id for v in known if wanted in (v.id.lower(), v.name.lower())), None)
            if found is None:
                raise UserError(
                    f"espeak-ng has no voice '{spec.voice}'.",
                    hint="List them with `seedcards voices --engine espeak-ng`.",
                )
            self.spec = dataclasses.replace(spec, voice=found)

    def default_voice(self) -> str:
        # Without -v espeak-ng speaks with its voice file gmw/en, which it lists as en-gb.
        return "en-gb"

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
        # The WAV comes back on standard output: no file, so a kill leaves nothing behind.
        command = [self.binary, "-s", str(self.spec.rate), "--stdout"]
        if self.spec.voice:
            command += ["-v", self.spec.voice]
        spoken = subprocess.run(command + ["--stdin"], input=text.encode("utf-8"), check=True, capture_output=True)
        return read_wav(spoken.stdout)


_SYNCHRONOUS, _POS_CHARACTER, _CHARS_UTF8, _ENDPAUSE, _RATE_PARAMETER = 2, 1, 1, 0x1000, 1
_AudioCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


class _DlInfo(ctypes.Structure):
    _fields_ = [
        ("fname", ctypes.c_char_p),
        ("fbase", ctypes.c_void_p),
        ("sname", ctypes.c_char_p),
        ("saddr", ctypes.c_void_p),
    ]


def _private_library() -> tuple[ctypes.CDLL, int] | None:
    """A copy of libespeak-ng of our own, and the memory file it was loaded from (a copy is a
    different file, so the loader maps it apart from the one pyttsx3 loads): None when there is
    no library to load. The copy lives in an anonymous memory file, never on disk. The file stays
    open while the copy is loaded: the loader knows a library by its path, /proc/self/fd/N, so
    the number must not be reused by another copy meanwhile."""
    name = ctypes.util.find_library("espeak-ng")
    if not name or not hasattr(os, "memfd_create"):
        return None
    try:
        shared = ctypes.CDLL(name)
        info = _DlInfo()
        if not ctypes.CDLL(None).dladdr(ctypes.cast(shared.espeak_Synth, ctypes.c_void_p), ctypes.byref(info)):
            return None
        memory = os.memfd_create("seedcards-espeak")
        try:
            with open(info.fname, "rb") as original, open(memory, "wb", closefd=False) as out:
                shutil.copyfileobj(original, out)
            return ctypes.CDLL(f"/proc/self/fd/{memory}"), memory
        except OSError:
            os.close(memory)
            raise
    except (OSError, AttributeError):
        return None


class _Library:
    """One loaded copy of libespeak-ng in synchronous mode (its state is global to the copy)."""

    def __init__(self, library: ctypes.CDLL, memory: int) -> None:
        self.lib = library
        self._memory = memory
        self.sample_rate = int(library.espeak_Initialize(_SYNCHRONOUS, 500, None, 0))
        if self.sample_rate <= 0:
            raise OSError("libespeak-ng could not be initialised")
        self._chunks: list[bytes] = []
        self._callback = _AudioCallback(self._collect)  # kept alive as long as the library uses it
        library.espeak_SetSynthCallback(self._callback)
        self._settings: tuple[str | None, int] | None = None

    def _collect(self, samples, count: int, events) -> int:
        if count > 0:
            self._chunks.append(ctypes.string_at(samples, count * 2))
        return 0

    def use(self, voice: str | None, rate: int) -> None:
        if self._settings != (voice, rate):
            if voice and self.lib.espeak_SetVoiceByName(voice.encode("utf-8")) != 0:
                raise UserError(
                    f"espeak-ng has no voice '{voice}'.", hint="List them with `seedcards voices --engine espeak-ng`."
                )
            self.lib.espeak_SetParameter(_RATE_PARAMETER, rate, 0)
            self._settings = (voice, rate)

    def rate(self) -> int:
        return int(self.lib.espeak_GetParameter(_RATE_PARAMETER, 1))

    def speak(self, text: str) -> bytes:
        data = text.encode("utf-8")
        self._chunks = []
        self.lib.espeak_Synth(data, len(data) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8 | _ENDPAUSE, None, None)
        return b"".join(self._chunks)

    def close(self) -> None:
        import _ctypes

        self.lib.espeak_Terminate()
        _ctypes.dlclose(self.lib._handle)
        os.close(self._memory)


def _load_library() -> _Library | None:
    loaded = _private_library()
    if loaded is None:
        return None
    try:
        return _Library(*loaded)
    except OSError:
        os.close(loaded[1])
        return None


class EspeakLibrary(EspeakCommand):
    """eSpeak NG in process: the same voices as the command, without a process per piece.

    eSpeak carries state from one text to the next (the same sentence comes out a few
    milliseconds different after another one), so output depends on what was said before in
    the same library. A `session()` is a fresh copy of the library: each episode (or each
    worker's share of card clips) gets one, which makes the audio independent of how work is
    spread over threads, and lets sessions run in parallel threads.
    """

    def __init__(self, spec: EngineSpec, library: _Library) -> None:
        super().__init__(spec)
        self.library = library
        self._lock = threading.Lock()

    def version(self) -> str:
        return super().version() + " (library)"

    def session(self) -> EspeakLibrary | None:
        """The same engine over a fresh copy of the library (close() it after use), or None if
        no further copy can be loaded."""
        library = _load_library()
        if library is None:
            return None
        fresh = copy.copy(self)
        fresh.library, fresh._lock = library, threading.Lock()
        return fresh

    def close(self) -> None:
        self.library.close()

    def synthesize(self, text: str) -> Pcm:
        with self._lock:
            self.library.use(self.spec.voice, self.spec.rate)
            samples = self.library.speak(text)
            if self.library.rate() != self.spec.rate:
                raise RuntimeError("eSpeak NG changed its speech rate during synthesis")
        return Pcm(self.library.sample_rate, samples)


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

    def default_voice(self) -> str | None:
        return self.engine.getProperty("voice")

    def version(self) -> str:
        from importlib.metadata import version

        return f"pyttsx3 {version('pyttsx3')} ({type(self.engine.proxy._driver).__module__})"

    def voices(self) -> list[Voice]:
        return [
            Voice(v.id, v.name, tuple(str(lang) for lang in (v.languages or ())))
            for v in self.engine.getProperty("voices")
        ]

    def _espeak(self):
        """pyttsx3's eSpeak binding when eSpeak is the driver (Linux), else None."""
        if type(self.engine.proxy._driver).__module__ != "pyttsx3.drivers.espeak":
            return None
        from pyttsx3.drivers import _espeak

        return _espeak

    def _espeak_rate(self) -> int | None:
        espeak = self._espeak()
        # Called on the library itself: pyttsx3's GetParameter binding drops the "current" argument.
        return None if espeak is None else int(espeak.dll.espeak_GetParameter(espeak.RATE, 1))

    def _set_rate(self) -> None:
        """The rate, in force before the piece starts (see the module docstring for why)."""
        espeak = self._espeak()
        if espeak is None:
            self.engine.setProperty("rate", self.spec.rate)  # queued, applied before the piece
            return
        if self._espeak_rate() == self.spec.rate:
            return
        espeak.SetParameter(espeak.RATE, self.spec.rate, 0)
        deadline = time.monotonic() + 5.0
        while self._espeak_rate() != self.spec.rate:
            if time.monotonic() > deadline:
                raise RuntimeError("eSpeak did not take the speech rate")
            time.sleep(0.002)

    def _espeak_playing(self) -> bool:
        espeak = self._espeak()
        return bool(espeak.IsPlaying()) if espeak is not None else False

    def _wait_until_idle(self, seconds: float = 5.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and (self.engine.isBusy() or self._espeak_playing()):
            time.sleep(0.002)

    def _synthesize_once(self, text: str) -> Pcm:
        with _wav_target() as (out, written):
            self._wait_until_idle()
            self._set_rate()
            self._done.clear()
            with contextlib.redirect_stdout(io.StringIO()):
                self.engine.save_to_file(text, out)
                self.engine.runAndWait()
                finished = self._done.wait(timeout=max(self._TIMEOUT_FLOOR, len(text) / 20))
                self._wait_until_idle()
            wav = written()
            if not finished or not wav:
                raise RuntimeError("pyttsx3 did not finish writing its audio in time")
            if self._espeak_rate() not in (None, self.spec.rate):
                return Pcm(22050, b"")  # made at another rate: the caller makes it again
            return read_wav(wav)

    def synthesize(self, text: str) -> Pcm:
        pcm = self._synthesize_once(text)
        if not pcm.samples and any(ch.isalnum() for ch in text):
            pcm = self._synthesize_once(text)
            if not pcm.samples:
                lost = self._espeak_rate() not in (None, self.spec.rate)
                raise RuntimeError(
                    "eSpeak lost the speech rate twice in a row"
                    if lost
                    else f"pyttsx3 produced no audio for: {text[:60]!r}"
                )
        return pcm


def open_engine(spec: EngineSpec) -> EspeakCommand | Pyttsx3Engine:
    """The engine ``spec`` names, ready to synthesize (a UserError, with what to install, when it is missing)."""
    if spec.name == "espeak-ng":
        library = _load_library() if sys.platform.startswith("linux") else None
        return EspeakLibrary(spec, library) if library is not None else EspeakCommand(spec)
    if spec.name == "pyttsx3":
        return Pyttsx3Engine(spec)
    raise UserError(f"unknown speech engine '{spec.name}'.", hint=f"Use one of: {', '.join(ENGINES)}.")
