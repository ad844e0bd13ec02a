"""Narration against its floor, measured in the same run: `espeak-ng -w` writing a WAV of the
same text (the floor), a user's shell alternative `espeak-ng --stdout | lame -q7 -b64` (MP3 like
ours, without chapters, tags or cache), and `seedcards narrate --jobs 1` and `--jobs 2` with a
cold cache. The commands take turns (one of each per round), so a busy machine slows them alike;
each is reported by wall time and CPU time (user + system, the process and its children), as
min / median / max, with seedcards' peak memory.

Targets (issue 14): `--jobs 2` at most 1.6x the floor's wall time, `--jobs 1` at most 3.1x, and
at most 200 MB resident. The ratios of CPU time are reported beside them: on a shared machine
they say what an idle one would show, as wall times cannot. The load average is recorded before
and after. Called by benchmarks/run.py as `run(quick)`; on its own:
`python benchmarks/narration.py [--quick] [--rounds N] [--without-lame] [--json]`.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOICE, RATE = "en-us", "175"
TARGETS = {"jobs2_ratio": 1.6, "jobs1_ratio": 3.1, "peak_mb": 200.0}


def _measure(
    command: list[str] | str, stdin: bytes | None = None, env: dict | None = None, cwd: Path | None = None
) -> dict[str, float]:
    """Wall time, CPU time and peak memory of one command (and everything it starts), via wait4."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        shell=isinstance(command, str),
        stdin=subprocess.PIPE if stdin else None,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=cwd,
    )
    if stdin:
        assert process.stdin is not None
        process.stdin.write(stdin)
        process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{command!r} exited with {process.returncode}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def spoken_text(paths: list[Path]) -> str:
    """Exactly what seedcards says for these documents, one piece per paragraph."""
    sys.path.insert(0, str(ROOT / "src"))
    from seedcards import readers
    from seedcards.audio.speech import document_script, load_pronunciations, pieces

    say = load_pronunciations()
    parts = [
        piece
        for path in paths
        for chapter in document_script(readers.read(path), say).chapters
        for paragraph in chapter.paragraphs
        for piece in pieces(paragraph)
    ]
    return "\n\n".join(parts)


def _summary(samples: list[dict[str, float]]) -> dict[str, object]:
    out: dict[str, object] = {"runs": len(samples)}
    for key in ("wall", "cpu", "peak_mb"):
        values = [s[key] for s in samples]
        out[key] = {"min": min(values), "median": statistics.median(values), "max": max(values)}
    return out


def run(quick: bool = False, rounds: int | None = None, lame: bool = True) -> dict:
    """The figures as a dict: per command its wall/CPU/peak min-median-max, the ratios of the
    medians to the floor's (wall to wall, CPU to CPU), the load average, and whether each target
    is met. ``lame``: also time the shell alternative through Debian's lame, when installed."""
    sources = sorted((ROOT / "seeds").glob("*.txt"))[: 1 if quick else None]
    rounds = rounds or (1 if quick else 5)
    load_before = os.getloadavg()
    seedcards = shutil.which("seedcards", path=str(Path(sys.executable).parent)) or "seedcards"
    with tempfile.TemporaryDirectory(prefix="seedcards-narration-bench-") as scratch_name:
        scratch = Path(scratch_name)
        text = spoken_text(sources).encode("utf-8")
        (scratch / "text.txt").write_bytes(text)

        def narrate(jobs: int) -> dict[str, float]:
            out, cache = scratch / f"pod-{jobs}", scratch / f"cache-{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(cache, ignore_errors=True)
            env = dict(os.environ, SEEDCARDS_CACHE=str(cache), PYTHONPATH=str(ROOT / "src"))
            return _measure(
                [
                    seedcards,
                    "narrate",
                    *map(str, sources),
                    "--engine",
                    "espeak-ng",
                    "--voice",
                    VOICE,
                    "--rate",
                    RATE,
                    "--jobs",
                    str(jobs),
                    "--out",
                    str(out),
                    "-q",
                ],
                env=env,
                cwd=scratch,
            )

        commands = {
            "espeak-ng -w (floor)": lambda: _measure(
                [
                    "espeak-ng",
                    "-v",
                    VOICE,
                    "-s",
                    RATE,
                    "-f",
                    str(scratch / "text.txt"),
                    "-w",
                    str(scratch / "floor.wav"),
                ]
            ),
            "seedcards narrate --jobs 1": lambda: narrate(1),
            "seedcards narrate --jobs 2": lambda: narrate(2),
        }
        if lame and shutil.which("lame"):
            commands["espeak-ng --stdout | lame -q7 -b64"] = lambda: _measure(
                f"espeak-ng -v {VOICE} -s {RATE} -f {scratch / 'text.txt'} --stdout | lame --silent -q7 -b64 - "
                f"{scratch / 'shell.mp3'}"
            )
        samples: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
        for _ in range(rounds):  # taking turns: one run of each command per round
            for name, measure in commands.items():
                samples[name].append(measure())
    result = {name: _summary(values) for name, values in samples.items()}
    floor = result["espeak-ng -w (floor)"]["wall"]["median"]  # type: ignore[index]
    ratios = {name: summary["wall"]["median"] / floor for name, summary in result.items()}  # type: ignore[index]
    floor_cpu = result["espeak-ng -w (floor)"]["cpu"]["median"]  # type: ignore[index]
    cpu_ratios = {name: summary["cpu"]["median"] / floor_cpu for name, summary in result.items()}  # type: ignore[index]
    peak = max(result[f"seedcards narrate --jobs {j}"]["peak_mb"]["max"] for j in (1, 2))  # type: ignore[index]
    return {
        "text_kb": len(text) / 1000,
        "documents": len(sources),
        "rounds": rounds,
        "cores": os.cpu_count(),
        "load_average": {"before": list(load_before), "after": list(os.getloadavg())},
        "commands": result,
        "ratio_to_floor": ratios,
        "cpu_ratio_to_floor": cpu_ratios,
        "targets": {
            "jobs2_ratio": {
                "value": ratios["seedcards narrate --jobs 2"],
                "target": TARGETS["jobs2_ratio"],
                "met": ratios["seedcards narrate --jobs 2"] <= TARGETS["jobs2_ratio"],
            },
            "jobs1_ratio": {
                "value": ratios["seedcards narrate --jobs 1"],
                "target": TARGETS["jobs1_ratio"],
                "met": ratios["seedcards narrate --jobs 1"] <= TARGETS["jobs1_ratio"],
            },
            "peak_mb": {"value": peak, "target": TARGETS["peak_mb"], "met": peak <= TARGETS["peak_mb"]},
        },
    }


def _table(figures: dict) -> str:
    lines = [
        f"{figures['documents']} documents, {figures['text_kb']:.0f} kB of speech text, {figures['rounds']} rounds, "
        f"{figures['cores']} cores, load average (1/5/15 min) "
        + " before, ".join("/".join(f"{x:.1f}" for x in figures["load_average"][when]) for when in ("before", "after"))
        + " after",
        "",
        "| command | wall min / median / max (s) | CPU min / median / max (s) | peak MB | wall / floor | CPU / floor |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, summary in figures["commands"].items():
        wall, cpu, peak = summary["wall"], summary["cpu"], summary["peak_mb"]
        lines.append(
            f"| `{name}` | {wall['min']:.2f} / {wall['median']:.2f} / {wall['max']:.2f} | "
            f"{cpu['min']:.2f} / {cpu['median']:.2f} / {cpu['max']:.2f} | {peak['max']:.0f} | "
            f"{figures['ratio_to_floor'][name]:.2f}x | {figures['cpu_ratio_to_floor'][name]:.2f}x |"
        )
    lines.append("")
    for name, target in figures["targets"].items():
        lines.append(
            f"- {name}: {target['value']:.2f} (target <= {target['target']}): {'met' if target['met'] else 'NOT met'}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else None
    figures = run(quick="--quick" in sys.argv, rounds=rounds, lame="--without-lame" not in sys.argv)
    print(_table(figures))
    if "--json" in sys.argv:
        print(json.dumps(figures, indent=2))
