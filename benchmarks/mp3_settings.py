"""What each LAME setting costs and keeps, on exactly the speech `narrate` makes of the seeds:
the encoding CPU time over all of it, the MP3's size, and, over its first ten minutes, the
signal-to-noise ratio of the decoded MP3 against eSpeak NG's samples and how much of the
8-11 kHz band survives. The figures behind the bit rate in src/seedcards/audio/encode.py.

    python benchmarks/mp3_settings.py [--rates 32,40,48,64] [--qualities 7]

Needs espeak-ng, lameenc, and the test extras (NumPy, miniaudio).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

import lameenc
import miniaudio
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from narration import RATE, VOICE, spoken_text  # noqa: E402

PIECE = 22050 * 2 * 8  # bytes of 16-bit samples in eight seconds: narrate encodes piece by piece
COMPARED_SECONDS = 600


def _encode(samples: bytes, rate: int, bit_rate: int, quality: int) -> tuple[bytes, float]:
    encoder = lameenc.Encoder()
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    encoder.set_bit_rate(bit_rate)
    encoder.set_quality(quality)
    start = time.thread_time()
    parts = [bytes(encoder.encode(samples[i : i + PIECE])) for i in range(0, len(samples), PIECE)]
    parts.append(bytes(encoder.flush()))
    return b"".join(parts), time.thread_time() - start


def _power(signal: np.ndarray) -> np.ndarray:
    size = 2048
    frames = signal[: len(signal) // size * size].reshape(-1, size) * np.hanning(size)
    return (np.abs(np.fft.rfft(frames, axis=1)) ** 2).sum(axis=0)


def _compare(original: np.ndarray, mp3: bytes, rate: int) -> tuple[float, float]:
    """Signal-to-noise ratio (dB) and the share of the 8-11 kHz band's energy kept."""
    decoded = miniaudio.decode(mp3, output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1, sample_rate=rate)
    heard = np.frombuffer(decoded.samples, dtype="<i2").astype(float)
    # The decoder's output starts after LAME's delay: find it by correlation.
    delay = int(np.argmax(np.correlate(heard[:200_000], original[:20_000], mode="valid")))
    heard = heard[delay : delay + len(original)]
    original = original[: len(heard)]
    snr = 10 * np.log10((original**2).sum() / ((heard - original) ** 2).sum())
    band = (np.fft.rfftfreq(2048, 1 / rate) >= 8000).nonzero()
    return float(snr), float(_power(heard)[band].sum() / _power(original)[band].sum())


def main() -> None:
    rates = [int(r) for r in _option("--rates", "32,40,48,64").split(",")]
    qualities = [int(q) for q in _option("--qualities", "7").split(",")]
    with tempfile.TemporaryDirectory(prefix="seedcards-mp3-settings-") as scratch:
        text, wav = Path(scratch) / "text.txt", Path(scratch) / "speech.wav"
        text.write_text(spoken_text(sorted((ROOT / "seeds").glob("*.txt"))))
        subprocess.run(["espeak-ng", "-v", VOICE, "-s", RATE, "-f", str(text), "-w", str(wav)], check=True)
        with wave.open(str(wav), "rb") as speech:
            rate, samples = speech.getframerate(), speech.readframes(speech.getnframes())
    seconds = len(samples) / 2 / rate
    head = np.frombuffer(samples[: COMPARED_SECONDS * rate * 2], dtype="<i2").astype(float)
    above = _power(head)[np.fft.rfftfreq(2048, 1 / rate) > 10_000].sum() / _power(head).sum()
    print(f"{seconds / 60:.0f} minutes of speech at {rate} Hz; {above:.3%} of its energy above 10 kHz")
    print("| kbit/s | LAME quality | encoding CPU (s) | MB | SNR (dB) | 8-11 kHz kept |")
    print("| --- | --- | --- | --- | --- | --- |")
    for quality in qualities:
        for bit_rate in rates:
            mp3, cpu = _encode(samples, rate, bit_rate, quality)
            head_mp3, _ = _encode(samples[: COMPARED_SECONDS * rate * 2], rate, bit_rate, quality)
            snr, kept = _compare(head, head_mp3, rate)
            print(f"| {bit_rate} | {quality} | {cpu:.2f} | {len(mp3) / 1e6:.1f} | {snr:.1f} | {kept:.0%} |")


def _option(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


if __name__ == "__main__":
    main()
