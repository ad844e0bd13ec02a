"""seedcards benchmarks: each figure is the median of several runs, next to a floor measured
in the same run, as a ratio. Prints a table and writes the figures as JSON.

    python benchmarks/run.py                 # the full run (several minutes)
    python benchmarks/run.py --quick         # a small smoke run, as CI does
    python benchmarks/run.py --out FILE.json

These are measurements, not tests: a missed target is reported, never an error.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SEEDCARDS = str(BIN / "seedcards")
PYTHON = sys.executable
sys.path.insert(0, str(ROOT / "benchmarks"))


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    floor: float | None = None
    ratio: float | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""


def run(command: list[str], cwd: Path | None = None, env: dict | None = None, stdin: bytes | None = None) -> float:
    """Wall time of one command, in seconds."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, input=stdin, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def peak_rss_mb(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall time and peak resident memory of a command, run in a fresh process."""
    code = ("import resource, subprocess, sys, time; s = time.perf_counter(); "
            "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
            "w = time.perf_counter() - s; "
            "print(w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([PYTHON, "-c", code, *command], cwd=cwd, check=True, capture_output=True, text=True).stdout
    wall, kilobytes = out.split()
    return float(wall), int(kilobytes) / 1024


def project_copy(scratch: Path) -> Path:
    project = scratch / "project"
    for name in ("decks", "templates", "seeds"):
        shutil.copytree(ROOT / name, project / name)
    return project


# -- the benchmarks ------------------------------------------------------------------------------

def startup(runs: int) -> list[Figure]:
    seedcards = median([run([SEEDCARDS, "--help"]) for _ in range(runs)])
    bare = median([run([PYTHON, "-c", "pass"]) for _ in range(runs)])
    click = median([run([PYTHON, "-c", "import click"]) for _ in range(runs)])
    return [Figure("startup: seedcards --help", seedcards * 1000, "ms", click * 1000, seedcards / click,
                   "<= 150 ms", seedcards <= 0.150, f"python -c pass: {bare * 1000:.0f} ms; floor is python + click")]


FLOOR_SCRIPT = r'''
import json, sys, genanki
spec = json.load(open(sys.argv[1]))
models = {}
for m in spec["models"]:
    models[m["type"]] = genanki.Model(m["id"], m["name"], fields=[{"name": f} for f in m["fields"]],
        templates=[{"name": n, "qfmt": q, "afmt": a} for n, q, a in m["templates"]], css=m["css"],
        model_type=genanki.Model.CLOZE if m["cloze"] else genanki.Model.FRONT_BACK)
decks = {}
for n in spec["notes"]:
    deck = decks.setdefault(n["deck"], genanki.Deck(abs(hash(n["deck"])) % (1 << 31), n["deck"]))
    deck.add_note(genanki.Note(model=models[n["type"]], fields=n["fields"], tags=n["tags"], guid=n["guid"]))
genanki.Package(list(decks.values())).write_to_file(sys.argv[2], timestamp=1700000000)
'''


def _floor_spec(project: Path, path: Path) -> None:
    """The notes of the shipped decks, as the build makes them, for the genanki floor script."""
    import genanki  # noqa: F401  (the floor's only dependency)

    from seedcards import resources
    from seedcards.anki.notes import field_values, notetype_key, tags_for
    from seedcards.anki.notetypes import load_notetypes
    from seedcards.build import deck_cards
    from seedcards.decks import load_decks
    from seedcards.extract.topics import load_topics

    topics = load_topics(project / "decks" / "topics.yaml")
    notetypes = load_notetypes(resources.templates_dir(project))
    decks, _ = load_decks(project / "decks", topics)
    notes = []
    for deck in decks:
        for index, (card, subdeck) in enumerate(deck_cards(deck, topics, project, [])):
            notetype = notetypes[notetype_key(card)]
            notes.append({"deck": subdeck, "type": notetype.type, "fields": field_values(card, notetype),
                          "tags": tags_for(card), "guid": f"g{index}-{deck.id}"})
    models = [{"type": t.type, "id": t.id, "name": t.name, "fields": list(t.fields), "cloze": t.is_cloze,
               "templates": [list(x) for x in t.templates], "css": t.css} for t in notetypes.values()]
    path.write_text(json.dumps({"models": models, "notes": notes}))


def build(scratch: Path, runs: int) -> list[Figure]:
    project = project_copy(scratch)
    floor_input, floor_script = scratch / "floor.json", scratch / "floor.py"
    _floor_spec(project, floor_input)
    floor_script.write_text(FLOOR_SCRIPT)
    lock = project / "decks" / "seedcards.lock"
    original_lock = lock.read_text()

    def full_build() -> float:
        # Every note is made and written: the output is gone, so nothing can be skipped.
        shutil.rmtree(project / "build", ignore_errors=True)
        lock.write_text(original_lock)
        return run([SEEDCARDS, "build", "-q"], cwd=project)

    ours = median([full_build() for _ in range(runs)])
    floor = median([run([PYTHON, str(floor_script), str(floor_input), str(scratch / "floor.apkg")]) for _ in range(runs)])
    unchanged = median([run([SEEDCARDS, "build", "-q"], cwd=project) for _ in range(runs)])
    return [Figure("build: shipped decks, no audio", ours, "s", floor, ours / floor, "<= 1.5x floor", ours / floor <= 1.5,
                   "floor: a script writing the same notes directly with genanki"),
            Figure("build: nothing changed", unchanged, "s", ours, unchanged / ours, "", None,
                   "inputs fingerprinted; the deck is not rebuilt")]


def extraction(scratch: Path, sizes: list[float], runs: int) -> list[Figure]:
    from corpus import generate

    figures = []
    times = {}
    for size in sizes:
        folder = scratch / f"corpus-{size:g}mb"
        files, written = generate(folder, size, seed=int(size * 10))
        samples = [peak_rss_mb([SEEDCARDS, "extract", str(folder), "--format", "jsonl"]) for _ in range(runs)]
        wall = median([s[0] for s in samples])
        peak = max(s[1] for s in samples)
        times[size] = wall
        rate = written / 1e6 / wall
        figures.append(Figure(f"extract: {size:g} MB ({files} documents)", rate, "MB/s", None, None, ">= 5 MB/s",
                              rate >= 5, f"{wall:.1f} s wall"))
        figures.append(Figure(f"extract: {size:g} MB peak memory", peak, "MB", None, None, "< 300 MB", peak < 300))
        shutil.rmtree(folder)
    if len(sizes) == 2:
        small, large = sizes
        ratio = times[large] / times[small]
        figures.append(Figure(f"extract: time {large:g} MB / {small:g} MB", ratio, "x", None, None,
                              f"<= {2.1 * large / small / 2:.1f}", ratio <= 2.1 * large / small / 2))
    return figures


def _spoken_text(paths: list[Path]) -> str:
    from seedcards import readers
    from seedcards.audio.speech import document_script, load_pronunciations, pieces

    say = load_pronunciations()
    parts = []
    for path in paths:
        for chapter in document_script(readers.read(path), say).chapters:
            for paragraph in chapter.paragraphs:
                parts.extend(pieces(paragraph))
    return "\n\n".join(parts)


def narration(scratch: Path, sources: list[Path], runs: int, engines: list[str]) -> list[Figure]:
    voice, rate = "en-us", "175"
    text = _spoken_text(sources).encode("utf-8")
    floor = median([run(["espeak-ng", "-v", voice, "-s", rate, "-w", str(scratch / "floor.wav"), "--stdin"], stdin=text)
                    for _ in range(runs)])
    figures = [Figure("narrate floor: espeak-ng on the same text", floor, "s", note=f"{len(text) / 1000:.0f} kB of text")]

    def narrate(engine: str, jobs: int, cold: bool, tag: str) -> float:
        out, cache = scratch / f"audio-{tag}", scratch / f"cache-{tag}"
        if cold:
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(cache, ignore_errors=True)
        env = dict(os.environ, SEEDCARDS_CACHE=str(cache))
        return run([SEEDCARDS, "narrate", *map(str, sources), "--engine", engine, "--voice", voice, "--rate", rate,
                    "--jobs", str(jobs), "--out", str(out), "-q"], env=env)

    for engine in engines:
        one = median([narrate(engine, 1, True, f"{engine}-1") for _ in range(runs)])
        two = median([narrate(engine, 2, True, f"{engine}-2") for _ in range(runs)])
        warm = median([narrate(engine, 1, False, f"{engine}-1") for _ in range(runs)])
        figures += [
            Figure(f"narrate ({engine}): throughput vs espeak-ng", floor / one, "x", floor, one / floor, ">= 0.8x",
                   floor / one >= 0.8, f"{one:.1f} s with --jobs 1, MP3 encoding included"),
            Figure(f"narrate ({engine}): --jobs 2 speed-up", one / two, "x", None, None, ">= 1.7x",
                   one / two >= 1.7, f"{two:.1f} s with --jobs 2 on {os.cpu_count()} cores"),
            Figure(f"narrate ({engine}): rebuild, nothing changed", warm, "s", one, warm / one, "<= 5% of cold",
                   warm / one <= 0.05),
        ]
    return figures


def build_audio(scratch: Path, runs: int) -> list[Figure]:
    project = project_copy(scratch / "audio-build")
    lock = project / "decks" / "seedcards.lock"
    original_lock = lock.read_text()
    cache = scratch / "cache-build"
    env = dict(os.environ, SEEDCARDS_CACHE=str(cache))
    command = [SEEDCARDS, "build", "-q", "--audio", "--engine", "espeak-ng"]

    def cold() -> float:
        shutil.rmtree(project / "build", ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        lock.write_text(original_lock)
        return run(command, cwd=project, env=env)

    first = median([cold() for _ in range(runs)])
    warm = median([run(command, cwd=project, env=env) for _ in range(runs)])
    return [Figure("build --audio: rebuild, nothing changed", warm, "s", first, warm / first, "<= 5% of cold",
                   warm / first <= 0.05, f"cold build with audio: {first:.1f} s")]


def machine() -> dict:
    memory = ""
    try:
        memory = next(line.split(":", 1)[1].strip() for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    except OSError:
        pass
    cpu = platform.processor()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    espeak = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True).stdout.split(" Data")[0]
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": memory, "python": platform.python_version(),
            "system": platform.platform(), "espeak-ng": espeak.strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small smoke run (CI)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument("--only", default="startup,build,extract,narrate,build-audio",
                        help="comma-separated parts to run (default: all)")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    runs = 1 if args.quick else 5
    heavy_runs = 1 if args.quick else 3
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="seedcards-bench-") as folder:
        scratch = Path(folder)
        if "startup" in parts:
            figures += startup(3 if args.quick else 15)
        if "build" in parts:
            figures += build(scratch, runs)
        if "extract" in parts:
            figures += extraction(scratch, [0.25, 0.5] if args.quick else [50, 100], heavy_runs)
        if "narrate" in parts:
            sources = [ROOT / "tests" / "corpus" / "thread.txt"] if args.quick else sorted((ROOT / "seeds").iterdir())
            figures += narration(scratch, sources, heavy_runs, ["espeak-ng"] if args.quick else ["espeak-ng", "pyttsx3"])
        if "build-audio" in parts:
            figures += build_audio(scratch, heavy_runs)
    width = max(len(f.name) for f in figures)
    print(f"{'benchmark':<{width}}  {'value':>10}  {'floor':>8}  {'ratio':>6}  target          met")
    for f in figures:
        floor = f"{f.floor:.3g}" if f.floor is not None else ""
        ratio = f"{f.ratio:.2f}" if f.ratio is not None else ""
        met = {True: "yes", False: "NO", None: ""}[f.met]
        print(f"{f.name:<{width}}  {f.value:>8.3g} {f.unit:<3}{floor:>8}  {ratio:>6}  {f.target:<15} {met:<4} {f.note}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"machine": machine(), "quick": args.quick,
                                    "figures": [asdict(f) for f in figures]}, indent=2) + "\n")
    print(f"\nwritten to {args.out}")


if __name__ == "__main__":
    main()
