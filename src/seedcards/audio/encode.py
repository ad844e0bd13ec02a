"""PCM to MP3 with lameenc (no ffmpeg; identical input gives identical bytes).

lameenc releases the GIL while it encodes, so episodes encoded in several threads use several
cores; an episode is encoded piece by piece as its speech arrives, so it is never held as PCM.
"""

from __future__ import annotations

import hashlib

import lameenc

from seedcards.audio.engines import Pcm

# eSpeak NG speaks at 22,050 Hz, mono, with almost nothing above 10 kHz (0.015% of the energy
# of the seeds' speech). At 48 kbit/s LAME keeps that whole band at 23 dB signal-to-noise (64:
# 25 dB; 40: 22; 32: 20, and its low-pass takes two thirds of the 8-11 kHz band), a quarter
# smaller than 64 and a few percent faster to encode (benchmarks/mp3_settings.py). The samples are never resampled: 22,050 Hz MPEG-2
# layer III, which every MP3 decoder plays (the README says why not 44.1 kHz).
BIT_RATE = 48
# LAME's quality 7 ("fast") encodes speech about 2 times faster than 5 and 3 times faster than 2,
# with no audible difference on synthesized voices; lameenc accepts nothing faster (8 and 9 are
# 7). Encoding is most of narration's cost.
QUALITY = 7


def silence(rate: int, milliseconds: int) -> bytes:
    return b"\x00\x00" * (rate * milliseconds // 1000)


def _encoder(rate: int) -> lameenc.Encoder:
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(BIT_RATE)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    encoder.set_quality(QUALITY)
    return encoder


def to_mp3(pcm: Pcm) -> bytes:
    encoder = _encoder(pcm.rate)
    return bytes(encoder.encode(pcm.samples) + encoder.flush())


class Mp3Stream:
    """An MP3 built up from speech and pauses, with the running time of what went in."""

    def __init__(self) -> None:
        self._encoder: lameenc.Encoder | None = None
        self._parts: list[bytes] = []
        self.rate = 22050
        self._samples = 0

    @property
    def ms(self) -> int:
        return self._samples * 1000 // self.rate

    def add(self, pcm: Pcm) -> None:
        if self._encoder is None:
            self.rate = pcm.rate
            self._encoder = _encoder(pcm.rate)
        elif pcm.rate != self.rate:
            raise RuntimeError(f"speech at {pcm.rate} Hz in an episode at {self.rate} Hz")
        self._parts.append(bytes(self._encoder.encode(pcm.samples)))
        self._samples += len(pcm.samples) // 2

    def pause(self, milliseconds: int) -> None:
        self.add(Pcm(self.rate, silence(self.rate, milliseconds)))

    def finish(self) -> bytes:
        if self._encoder is not None:
            self._parts.append(bytes(self._encoder.flush()))
        return b"".join(self._parts)


def media_name(mp3: bytes) -> str:
    """A content hash: the same clip always has the same name, so Anki never keeps renamed copies."""
    return f"seedcards-{hashlib.sha256(mp3).hexdigest()[:20]}.mp3"
