"""seedcards benchmarks: every figure beside a floor measured in the same run, outside seedcards.

    python benchmarks/run.py                      # everything (tens of minutes on 2 cores)
    python benchmarks/run.py --only startup,build # groups: startup, build, extract, reworded, narrate, quality
    python benchmarks/run.py --quick              # a small smoke run, as CI does
    python benchmarks/run.py --sizes 20,100 --runs 5 --docs docs/benchmarks.md

The floors: Python plus click running a command (start-up), genanki writing the same notes,
deflated as seedcards writes them (a build), reading and parsing the same files with the same
parsers (extraction), espeak-ng (narration, in benchmarks/narration.py). A figure's commands run
alternately (A B A B ...), never grouped, so that a neighbour's load falls on both sides; each
keeps wall time, CPU time (user + system of the process and its children, from wait4) and peak
memory, reported as min / median / max. These are measurements, not tests: a missed target is
reported, never an error.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks"
FLOORS = HERE / "floors"
BIN = Path(sys.executable).parent
SEEDCARDS = str(BIN / "seedcards") if (BIN / "seedcards").exists() else "seedcards"
PYTHON = sys.executable
GROUPS = ("startup", "build", "extract", "reworded", "narrate", "quality")
sys.path.insert(0, str(HERE))


# -- measuring --------------------------------------------------------------------------------------


@dataclass
class Sample:
    wall: float
    cpu: float
    peak_mb: float


@dataclass
class Command:
    label: str
    argv: list[str]
    cwd: Path | None = None
    setup: Callable[[], None] | None = None
    """Run before each sample, untimed (e.g. remove the last build's output)."""
    samples: list[Sample] = field(default_factory=list)

    def shown(self) -> str:
        argv = [Path(a).name if a in (SEEDCARDS, PYTHON) else a for a in self.argv]
        argv = ["python" if a == Path(PYTHON).name else a for a in argv]
        where = f"cd {self.cwd} && " if self.cwd else ""
        return where + shlex.join(argv)


def environment(scratch: Path) -> dict[str, str]:
    """Every command gets compiled bytecode, as an installed package has: the same for seedcards
    and for the floors, kept in the scratch folder rather than the checkout."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    env["SEEDCARDS_BENCH_SCRATCH"] = str(scratch)
    env.setdefault("PYTHONPATH", str(ROOT / "src"))
    return env


ENV: dict[str, str] = dict(os.environ)


TIME = shutil.which("time", path="/usr/bin:/bin")


def measure(command: Command) -> Sample:
    """One run: wall time, and the CPU time wait4 reports for the process tree. Peak memory comes
    from GNU time standing between: a child forked from this process inherits its high-water mark,
    one forked from the small `time` does not."""
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        argv = [TIME, "-f", "%M", "-o", peak.name, *command.argv] if TIME else command.argv
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=command.cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        assert process.stderr is not None
        errors = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise RuntimeError(
                f"{command.shown()} failed ({process.returncode}): {errors.decode(errors='replace')[-2000:]}"
            )
        kilobytes = peak.read().strip().splitlines()[-1:] if TIME else []
    return Sample(wall, usage.ru_utime + usage.ru_stime, int(kilobytes[0]) / 1024 if kilobytes else 0.0)


def alternate(commands: list[Command], runs: int, warmup: int = 1) -> None:
    """Run the commands in turn, A B C A B C ..., after an untimed warm-up of each."""
    for _ in range(warmup):
        for command in commands:
            if command.setup:
                command.setup()
            measure(command)
    for _ in range(runs):
        for command in commands:
            if command.setup:
                command.setup()
            command.samples.append(measure(command))


@dataclass
class Spread:
    min: float
    median: float
    max: float

    @classmethod
    def of(cls, values: list[float]) -> Spread:
        return cls(min(values), statistics.median(values), max(values))


@dataclass
class Side:
    """One command's runs."""

    what: str
    command: str
    wall: Spread
    cpu: Spread
    peak_mb: float

    @classmethod
    def of(cls, what: str, command: Command) -> Side:
        return cls(
            what,
            command.shown(),
            Spread.of([s.wall for s in command.samples]),
            Spread.of([s.cpu for s in command.samples]),
            max(s.peak_mb for s in command.samples),
        )


@dataclass
class Figure:
    group: str
    name: str
    ours: Side
    floor: Side
    ratio: float
    """Median wall time of seedcards over the floor's."""
    cpu_ratio: float
    target: str = ""
    met: bool | None = None
    note: str = ""
    rates: dict[str, float] = field(default_factory=dict)
    """Throughputs (MB/s) where the figure is about throughput."""


def figure(
    group: str, name: str, ours: Command, floor: Command, floor_what: str, limit: float | None = None, note: str = ""
) -> Figure:
    mine, base = Side.of("seedcards", ours), Side.of(floor_what, floor)
    ratio = mine.wall.median / base.wall.median
    return Figure(
        group,
        name,
        mine,
        base,
        ratio,
        mine.cpu.median / base.cpu.median,
        f"<= {limit:g}x the floor" if limit else "",
        (ratio <= limit) if limit else None,
        note,
    )


# -- start-up -----------------------------------------------------------------------------------------


def click_floor(*arguments: str, cwd: Path | None = None) -> Command:
    return Command("python + click", [PYTHON, str(FLOORS / "click_app.py"), *arguments], cwd)


def startup(scratch: Path, runs: int) -> list[Figure]:
    tiny = scratch / "tiny.txt"
    tiny.write_text("A corrigible agent is one that accepts correction from its overseers.\n")
    extract = Command("extract", [SEEDCARDS, "extract", str(tiny)], scratch)
    floor = click_floor("extract", str(tiny), cwd=scratch)
    helps = Command("help", [SEEDCARDS, "--help"], scratch)
    alternate([extract, floor, helps], runs)
    return [
        figure("startup", "start-up: `extract` on a one-line file", extract, floor, "Python + click", 2.0),
        figure("startup", "start-up: `--help`", helps, floor, "Python + click"),
    ]


# -- build ------------------------------------------------------------------------------------------


def project_copy(scratch: Path) -> Path:
    project = scratch / "project"
    for name in ("decks", "templates", "seeds"):
        shutil.copytree(ROOT / name, project / name)
    return project


def floor_notes(project: Path, path: Path) -> int:
    """The notes of the project's decks with their fields made, for the genanki floor; their count."""
    from seedcards import resources
    from seedcards.anki.notes import field_values, notetype_key, tags_for
    from seedcards.anki.notetypes import load_notetypes
    from seedcards.build import deck_cards
    from seedcards.decks import load_decks
    from seedcards.extract.topics import load_topics

    topics = load_topics(resources.topics_file(project / "decks"))
    notetypes = load_notetypes(resources.templates_dir(project))
    decks, _ = load_decks(project / "decks", topics)
    notes = []
    for deck in decks:
        for index, placed in enumerate(deck_cards(deck, topics, project, [])):
            card, subdeck = placed.card, placed.subdeck
            notetype = notetypes[notetype_key(card)]
            notes.append(
                {
                    "deck": subdeck,
                    "type": notetype.type,
                    "fields": field_values(card, notetype),
                    "tags": tags_for(card),
                    "guid": f"g{index}-{deck.id}",
                }
            )
    models = [
        {
            "type": t.type,
            "id": t.id,
            "name": t.name,
            "fields": list(t.fields),
            "cloze": t.is_cloze,
            "templates": [list(x) for x in t.templates],
            "css": t.css,
        }
        for t in notetypes.values()
    ]
    path.write_text(json.dumps({"models": models, "notes": notes}))
    return len(notes)


def _source_bytes(project: Path) -> int:
    return sum(p.stat().st_size for p in (project / "seeds").rglob("*") if p.is_file())


def build(scratch: Path, runs: int) -> list[Figure]:
    project = project_copy(scratch)
    spec = scratch / "floor-notes.json"
    count = floor_notes(project, spec)
    lock = project / "decks" / "seedcards.lock"
    shipped_lock = lock.read_text()
    deck = sorted(p for p in (project / "decks").glob("*.yaml") if p.name != "topics.yaml")[0]
    edits = iter(range(1, 1 << 30))

    def from_nothing() -> None:
        shutil.rmtree(project / "build", ignore_errors=True)
        lock.write_text(shipped_lock)

    def edit_deck() -> None:
        deck.write_text(deck.read_text() + f"# edit {next(edits)}\n")

    cold = Command("cold", [SEEDCARDS, "build", "-q"], project, from_nothing)
    genanki = Command(
        "genanki", [PYTHON, str(FLOORS / "genanki_write.py"), str(spec), str(scratch / "floor.apkg")], project
    )
    edited = Command("deck edited", [SEEDCARDS, "build", "-q"], project, edit_deck)
    unchanged = Command("unchanged", [SEEDCARDS, "build", "-q"], project)
    click = click_floor("build", "-q", cwd=project)
    extract = Command("extract sources", [SEEDCARDS, "extract", "seeds", "--format", "jsonl"], project)
    read = Command("read sources", [PYTHON, str(FLOORS / "read_parse.py"), "seeds"], project)
    alternate([cold, genanki, edited, unchanged, click, extract, read], runs)
    cold_figure = figure(
        "build", f"build from nothing ({count} notes, no audio)", cold, genanki, "genanki writing the same notes"
    )
    edited_figure = figure(
        "build",
        "rebuild after editing the deck file (sources unchanged)",
        edited,
        genanki,
        "genanki writing the same notes",
        2.0,
    )
    # What a cold build does beyond the rebuild whose sources all come from the card cache is extraction.
    size = _source_bytes(project) / 1e6
    extraction_wall = cold_figure.ours.wall.median - edited_figure.ours.wall.median
    extraction_cpu = cold_figure.ours.cpu.median - edited_figure.ours.cpu.median
    if extraction_wall > 0 and extraction_cpu > 0:
        cold_figure.note = (
            f"cold minus the cached rebuild: {extraction_wall:.2f} s wall, {extraction_cpu:.2f} s CPU, "
            f"is extraction of {size * 1000:.0f} kB of sources"
        )
        cold_figure.rates = {"extraction (wall)": size / extraction_wall, "extraction (CPU)": size / extraction_cpu}
    extract_figure = figure(
        "build", "extract the deck's sources (`extract seeds`)", extract, read, "read and parse the same files"
    )
    extract_figure.rates = {
        "seedcards": size / extract_figure.ours.wall.median,
        "floor": size / extract_figure.floor.wall.median,
    }
    return [
        cold_figure,
        edited_figure,
        figure("build", "build with nothing changed", unchanged, click, "Python + click", 1.5),
        extract_figure,
    ]


# -- extraction ---------------------------------------------------------------------------------------


def has_jobs_option() -> bool:
    shown = subprocess.run([SEEDCARDS, "extract", "--help"], capture_output=True, text=True, env=ENV).stdout
    return "--jobs" in shown


def warm_up_extraction(scratch: Path) -> None:
    """Compile every module both sides import once, untimed, so the first timed run is not the
    one that writes the bytecode."""
    folder = scratch / "warm-up"
    folder.mkdir(exist_ok=True)
    for suffix in (".txt", ".md", ".html"):
        shutil.copy(next((ROOT / "tests" / "corpus").glob(f"*{suffix}")), folder / f"warm{suffix}")
    alternate(
        [
            Command("extract", [SEEDCARDS, "extract", str(folder)]),
            Command("read", [PYTHON, str(FLOORS / "read_parse.py"), str(folder)]),
        ],
        runs=0,
    )


def extraction(scratch: Path, sizes: list[float], runs: int) -> list[Figure]:
    from corpus import generate

    jobs = [1, 2] if has_jobs_option() else [None]
    figures: list[Figure] = []
    times: dict[float, tuple[float, float]] = {}
    sides: dict[float, tuple[Side, Side]] = {}
    warm_up_extraction(scratch)
    for size in sizes:
        folder = scratch / f"corpus-{size:g}mb"
        files, written = generate(folder, size, seed=int(size * 10))
        megabytes = written / 1e6
        commands: list[tuple[int | None, Command, Command]] = []
        for n in jobs:
            option = ["--jobs", str(n)] if n else []
            commands.append(
                (
                    n,
                    Command(f"extract {n}", [SEEDCARDS, "extract", str(folder), "--format", "jsonl", *option]),
                    Command(f"read {n}", [PYTHON, str(FLOORS / "read_parse.py"), str(folder), "--jobs", str(n or 1)]),
                )
            )
        alternate([c for _, ours, floor in commands for c in (ours, floor)], runs, warmup=0)
        for n, ours, floor in commands:
            workers = n or 1
            result = figure(
                "extract",
                f"extract {size:g} MB ({files} documents), {workers} worker{'s' * (workers > 1)}",
                ours,
                floor,
                "read and parse the same files",
            )
            rate = megabytes / result.ours.wall.median
            # Per core: megabytes per CPU-second, which a neighbour's load on the shared machine
            # stretches far less than it stretches wall time.
            per_core = megabytes / result.ours.cpu.median
            result.rates = {
                "seedcards": rate,
                "floor": megabytes / result.floor.wall.median,
                "seedcards per wall-second per worker": rate / workers,
                "seedcards per CPU-second": per_core,
            }
            result.target, result.met = ">= 0.6 MB/s per core (per CPU-second)", per_core >= 0.6
            result.note = "" if n else "extract has no --jobs option yet: one process"
            figures.append(result)
            if workers == 1:
                times[size] = (result.ours.wall.median, result.floor.wall.median)
                sides[size] = (result.ours, result.floor)
        shutil.rmtree(folder)
    if len(sizes) >= 2:
        small, large = min(sizes), max(sizes)
        growth, floor_growth = times[large][0] / times[small][0], times[large][1] / times[small][1]
        limit = 5.5 * (large / small) / 5  # issue 13: at most 5.5 for five times the text
        figures.append(
            Figure(
                "extract",
                f"extract time, {large:g} MB / {small:g} MB (1 worker)",
                *sides[large],
                growth,
                growth / floor_growth,
                f"<= {limit:.1f}",
                growth <= limit,
                f"the floor's own ratio is {floor_growth:.2f}; the sizes grow {large / small:g}-fold",
                {"seedcards ratio": growth, "floor ratio": floor_growth},
            )
        )
    return figures


# -- reworded notes (issue 11, item 22) ---------------------------------------------------------------


def reworded(scratch: Path, sizes: list[int], runs: int) -> list[Figure]:
    """Matching a deck whose every note was reworded (benchmarks/reworded.py) at two sizes, beside
    reading and hashing the same notes; then how the matching grows against how the floor grows.
    The matcher's own time is each run's time less that of the same command on no notes
    (importing seedcards), so that start-up does not flatter the growth."""
    files = {}
    for count in [0, *sizes]:
        files[count] = scratch / f"reworded-{count}.json"
        subprocess.run([PYTHON, str(HERE / "reworded.py"), "make", str(count), str(files[count])], env=ENV, check=True)
    ours = {n: Command(f"match {n}", [PYTHON, str(HERE / "reworded.py"), "match", str(files[n])]) for n in files}
    floors = {n: Command(f"hash {n}", [PYTHON, str(FLOORS / "hash_notes.py"), str(files[n])]) for n in files}
    alternate([c for n in files for c in (ours[n], floors[n])], runs)
    figures = [
        figure(
            "reworded",
            f"match {n:,} reworded notes of one source to their notes",
            ours[n],
            floors[n],
            "read and hash the same notes",
        )
        for n in sizes
    ]
    small, large = min(sizes), max(sizes)

    def own(commands: dict[int, Command], n: int, what: str) -> float:
        runs = statistics.median(getattr(s, what) for s in commands[n].samples)
        return max(runs - statistics.median(getattr(s, what) for s in commands[0].samples), 1e-3)

    growth = {what: own(ours, large, what) / own(ours, small, what) for what in ("wall", "cpu")}
    floor_growth = {what: own(floors, large, what) / own(floors, small, what) for what in ("wall", "cpu")}
    limit = 1.5 * large / small
    figures.append(
        Figure(
            "reworded",
            f"matching time, {large:,} / {small:,} reworded notes (less start-up)",
            Side.of("seedcards", ours[large]),
            Side.of("read and hash the same notes", floors[large]),
            growth["wall"],
            growth["cpu"],
            f"<= {limit:g} ({large / small:g}x the notes, 1.5x linear), by CPU",
            growth["cpu"] <= limit,
            f"the floor's own ratio is {floor_growth['cpu']:.2f} by CPU; comparing every note with every "
            f"card would grow {(large / small) ** 2:g}-fold",
            {"seedcards ratio (CPU)": growth["cpu"], "floor ratio (CPU)": floor_growth["cpu"]},
        )
    )
    return figures


# -- the other engineers' parts -----------------------------------------------------------------------


def optional(module: str, function: str, *arguments: Any) -> tuple[Any, str]:
    """Call benchmarks/<module>.py's function if the file is there; else a note saying so."""
    if not (HERE / f"{module}.py").is_file():
        return None, f"benchmarks/{module}.py is not there yet: skipped"
    loaded = importlib.import_module(module)
    if not hasattr(loaded, function):
        return None, f"benchmarks/{module}.py has no {function}(): skipped"
    return getattr(loaded, function)(*arguments), ""


def narration_figures(result: dict[str, Any]) -> list[Figure]:
    """benchmarks/narration.py's summaries as figures: each `seedcards narrate` run beside the
    espeak-ng floor it measured in the same rounds."""
    floor_name = next(name for name in result["commands"] if "(floor)" in name)

    def side(name: str) -> Side:
        summary = result["commands"][name]
        return Side(
            "seedcards" if name.startswith("seedcards") else name,
            name,
            Spread(**summary["wall"]),
            Spread(**summary["cpu"]),
            summary["peak_mb"]["max"],
        )

    floor = side(floor_name)
    floor.what = "espeak-ng -w, a WAV of the same text"
    targets = {name: target for name, target in result.get("targets", {}).items()}
    others = [
        f"`{name}` {result['commands'][name]['wall']['median']:.2f} s wall"
        for name in result["commands"]
        if name != floor_name and not name.startswith("seedcards")
    ]
    figures = []
    for name in result["commands"]:
        if not name.startswith("seedcards"):
            continue  # the floor, and a user's shell alternative (named in the note)
        ours = side(name)
        jobs = name.rsplit(" ", 1)[-1]
        target = targets.get(f"jobs{jobs}_ratio")
        figures.append(
            Figure(
                "narrate",
                f"narrate {result['documents']} documents ({result['text_kb']:.0f} kB of speech text): {name}",
                ours,
                floor,
                ours.wall.median / floor.wall.median,
                ours.cpu.median / floor.cpu.median,
                f"<= {target['target']}x the floor" if target else "",
                target["met"] if target else None,
                "; ".join(["exact commands in benchmarks/narration.py"] + others),
            )
        )
    return figures


def _plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


# -- reporting ----------------------------------------------------------------------------------------


def _spread(spread: Spread, unit: str = "s") -> str:
    if spread.median < 1:
        return f"{spread.median * 1000:.0f} ms ({spread.min * 1000:.0f}–{spread.max * 1000:.0f})"
    return f"{spread.median:.2f} {unit} ({spread.min:.2f}–{spread.max:.2f})"


def print_figures(figures: list[Figure]) -> None:
    for f in figures:
        met = {True: "met", False: "MISSED", None: ""}[f.met]
        print(f"\n{f.name}")
        for side in (f.ours, f.floor):
            print(
                f"  {side.what:<32} wall {_spread(side.wall):<24} cpu {_spread(side.cpu):<24} "
                f"peak {side.peak_mb:.0f} MB"
            )
            print(f"  {'':<32} $ {side.command}")
        rates = "  ".join(f"{k} {v:.2f} MB/s" if "ratio" not in k else f"{k} {v:.2f}" for k, v in f.rates.items())
        print(f"  ratio {f.ratio:.2f}x wall, {f.cpu_ratio:.2f}x cpu  {rates}  {f.target} {met}  {f.note}".rstrip())


def markdown(figures: list[Figure]) -> str:
    lines = [
        "| figure | seedcards: wall (min–max) | CPU | floor | floor: wall (min–max) | CPU | ratio wall / CPU | target |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    commands = []
    for number, f in enumerate(figures, start=1):
        met = {True: "met", False: "**missed**", None: ""}[f.met]
        rates = "; ".join(f"{k} {v:.2f}" + ("" if "ratio" in k else " MB/s") for k, v in f.rates.items())
        extra = "<br>".join(x for x in (rates, f.note) if x)
        lines.append(
            f"| {number}. {f.name}{'<br>' + extra if extra else ''} | {_spread(f.ours.wall)} | "
            f"{_spread(f.ours.cpu)} | {f.floor.what} | {_spread(f.floor.wall)} | {_spread(f.floor.cpu)} | "
            f"{f.ratio:.2f}× / {f.cpu_ratio:.2f}× | {f.target} {met} |"
        )
        commands.append(f"{number}. `{_portable(f.ours.command)}` against `{_portable(f.floor.command)}`")
    return (
        "\n".join(
            lines
            + [
                "",
                "Commands (run alternately; `$SCRATCH` is the run's scratch folder, holding "
                "the copied project and the generated corpora; other paths are the checkout's):",
                "",
            ]
            + commands
        )
        + "\n"
    )


def _portable(command: str) -> str:
    return command.replace(str(ENV.get("SEEDCARDS_BENCH_SCRATCH", "")), "$SCRATCH").replace(f"{ROOT}/", "")


def write_docs(path: Path, figures: list[Figure], header: str) -> None:
    """Replace the text between the figure markers of the docs page."""
    start, end = "<!-- figures: written by benchmarks/run.py --docs -->", "<!-- /figures -->"
    page = path.read_text(encoding="utf-8") if path.is_file() else f"{start}\n{end}\n"
    if start not in page:
        page += f"\n{start}\n{end}\n"
    before, rest = page.split(start, 1)
    after = rest.split(end, 1)[1] if end in rest else "\n"
    path.write_text(f"{before}{start}\n{header}\n\n{markdown(figures)}{end}{after}", encoding="utf-8")


def machine() -> dict:
    def first(path: str, key: str) -> str:
        try:
            return next(line.split(":", 1)[1].strip() for line in open(path) if line.startswith(key))
        except (OSError, StopIteration):
            return ""

    espeak = shutil.which("espeak-ng")
    version = (
        subprocess.run([espeak, "--version"], capture_output=True, text=True).stdout.split(" Data")[0] if espeak else ""
    )
    return {
        "cpu": first("/proc/cpuinfo", "model name") or platform.processor(),
        "cores": os.cpu_count(),
        "memory": first("/proc/meminfo", "MemTotal"),
        "python": platform.python_version(),
        "system": platform.platform(),
        "espeak-ng": version.strip(),
        "load average": os.getloadavg(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small smoke run (CI): tiny sizes, few runs")
    parser.add_argument(
        "--only",
        default=",".join(g for g in GROUPS if g != "quality"),
        help=f"comma-separated groups of {', '.join(GROUPS)} (default: all but quality)",
    )
    parser.add_argument("--runs", type=int, default=None, help="timed runs per command (default 15 / 5 / 3)")
    parser.add_argument("--sizes", default=None, help="corpus sizes in MB (default 20,100; --quick 0.2,0.4)")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--docs", type=Path, default=None, help="also rewrite the figures in this Markdown page")
    args = parser.parse_args()
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = set(parts) - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s) {', '.join(sorted(unknown))}; choose from {', '.join(GROUPS)}")
    runs = {"startup": 3, "build": 2, "heavy": 1} if args.quick else {"startup": 15, "build": 7, "heavy": 3}
    if args.runs:
        runs = {"startup": args.runs, "build": args.runs, "heavy": args.runs}
    sizes = [float(s) for s in (args.sizes or ("0.2,0.4" if args.quick else "20,100")).split(",")]
    figures: list[Figure] = []
    extra: dict[str, Any] = {}
    global ENV
    with tempfile.TemporaryDirectory(prefix="seedcards-bench-") as folder:
        scratch = Path(folder)
        ENV = environment(scratch)
        groups: list[tuple[str, Callable[[], list[Figure]]]] = [
            ("startup", lambda: startup(scratch, runs["startup"])),
            ("build", lambda: build(scratch, runs["build"])),
            ("extract", lambda: extraction(scratch, sizes, runs["heavy"])),
            ("reworded", lambda: reworded(scratch, [400, 2000] if args.quick else [4000, 20000], runs["heavy"])),
            ("narrate", lambda: other_group("narrate", "narration", "run", (args.quick,), extra)),
            ("quality", lambda: other_group("quality", "quality", "run_quality", (), extra)),
        ]
        for name, measure_group in groups:
            if name in parts:
                new = measure_group()
                print_figures(new)
                figures += new
                save(figures, extra, args)  # after every group: a long run cut short keeps what it measured
    print(f"\nbenchmark results written to {args.out}")


def other_group(group: str, module: str, function: str, arguments: tuple, extra: dict[str, Any]) -> list[Figure]:
    """A group another module measures; its result kept as it came, narration's also as figures."""
    result, note = optional(module, function, *arguments)
    extra[group] = {"result": _plain(result), "note": note}
    if group == "narrate" and isinstance(result, dict) and "commands" in result:
        return narration_figures(result)
    print(f"\n{group}: {note}" if note else f"\n{group}: {json.dumps(_plain(result), default=str)[:3000]}")
    return []


def save(figures: list[Figure], extra: dict[str, Any], args: argparse.Namespace) -> None:
    info = machine()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {"machine": info, "quick": args.quick, "figures": [asdict(f) for f in figures], **extra},
            indent=2,
            default=str,
        )
        + "\n"
    )
    if args.docs:
        header = (
            f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {info['cores']} cores "
            f"({info['cpu']}), Python {info['python']}; load average at the end {info['load average'][0]:.1f}."
        )
        write_docs(args.docs, figures, header)


if __name__ == "__main__":
    main()
