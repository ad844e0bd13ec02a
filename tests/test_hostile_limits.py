"""Hostile files and settings: nothing outside the project is read, nothing hangs or exhausts
memory, no two decks overwrite each other, nothing is lost, and every refusal is one clear
line naming the file (and line), never a traceback."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from seedcards.card import Card, CardKind
from seedcards.cli import main
from seedcards.errors import UserError
from seedcards.identity import guids
from seedcards.identity.guids import REWORD_SIMILARITY, assign_guids
from seedcards.identity.ids import note_guid
from seedcards.identity.lock import NoteRecord

SRC = Path(__file__).resolve().parents[1] / "src"
POST = "I think interpretability is underrated by most alignment researchers.\n"


def invoke(*args: str, env: dict[str, str] | None = None):
    result = CliRunner(env=env).invoke(main, list(args))
    output = result.output + (result.stderr if result.stderr_bytes else "")
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    return result, output


def run(*args: str, cwd: Path, timeout: float = 120, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """seedcards in its own process, for what could hang or crash the interpreter."""
    full_env = {**os.environ, "PYTHONPATH": str(SRC), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "seedcards", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
    )


def deck(project: Path, content: str, name: str = "zz-hostile.yaml") -> Path:
    path = project / "decks" / name
    path.write_text(content)
    return path


# --- item 6: sources stay inside the project -------------------------------------------------


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    folder = tmp_path / "secret"
    folder.mkdir()
    (folder / "creds.txt").write_text("I think the password hunter2 is underrated by alignment researchers.\n")
    return folder / "creds.txt"


@pytest.mark.parametrize(
    "source",
    ["../secret/creds.txt", "{secret}", "{secret_dir}/*.txt", "../secret/*.txt", "elsewhere/link.txt", "linked/*.txt"],
    ids=["dot-dot", "absolute", "absolute glob", "dot-dot glob", "link to a file", "link to a folder"],
)
def test_a_deck_file_cannot_read_outside_the_project(project: Path, secret: Path, source: str) -> None:
    (project / "elsewhere").mkdir()
    (project / "elsewhere" / "link.txt").symlink_to(secret)
    (project / "linked").symlink_to(secret.parent)
    deck(project, f"deck: Leak\nsources: ['{source.format(secret=secret, secret_dir=secret.parent)}']\n")
    result, output = invoke("build", "-q")
    assert result.exit_code != 0 and "zz-hostile.yaml" in output and "outside the project folder" in output, output
    assert not (project / "build" / "leak.apkg").exists()
    assert (project / "build" / "ai-safety-seeds.apkg").is_file()  # the other deck still builds


def test_a_file_outside_the_project_may_be_given_on_the_command_line(project: Path, secret: Path) -> None:
    result, output = invoke("build", str(secret), "--name", "Mine")
    assert result.exit_code == 0, output
    assert (project / "build" / "mine.apkg").is_file()


def test_a_source_named_like_a_glob_is_read_as_a_name(project: Path) -> None:
    (project / "seeds" / "notes[1].txt").write_text(POST)
    deck(project, "deck: Brackets\nsources: ['seeds/notes[1].txt']\n")
    result, output = invoke("build", "-q")
    assert result.exit_code == 0, output


# --- item 7: regular files only, of a size the user can raise ---------------------------------


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda p: os.mkfifo(p), "a pipe"),
        (lambda p: p.symlink_to("/dev/zero"), "a device"),
    ],
    ids=["fifo", "link to /dev/zero"],
)
def test_a_source_that_is_not_a_regular_file_is_skipped_not_read(tmp_path: Path, make, expected: str) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "real.txt").write_text(POST)
    make(posts / "trap.txt")
    done = run(
        "build",
        str(posts / "trap.txt"),
        str(posts / "real.txt"),
        "--name",
        "Trap",
        cwd=tmp_path,
        env={"SEEDCARDS_DATA": str(tmp_path / "data")},
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    # Named as given, or where the link leads (a device has no suffix, so no reader either).
    assert ("trap.txt" in done.stderr and expected in done.stderr) or "/dev/zero: no reader" in done.stderr, done.stderr


def test_a_pipe_inside_the_project_is_skipped_not_read(project: Path) -> None:
    os.mkfifo(project / "seeds" / "trap.md")
    deck(project, "deck: Trap\nsources: [seeds/trap.md]\n")
    done = run("build", "-q", cwd=project)
    assert done.returncode == 0 and "seeds/trap.md" in done.stderr and "a pipe" in done.stderr, done.stderr


@pytest.mark.parametrize(
    "target", ["decks/zz-trap.yaml", "decks/topics.yaml", "decks/seedcards.lock", "templates/basic/front.html"]
)
def test_a_deck_file_topic_file_or_lock_linked_to_a_device_is_an_error(project: Path, target: str) -> None:
    (project / target).unlink(missing_ok=True)
    (project / target).symlink_to("/dev/zero")
    done = run("build", "-q", cwd=project, timeout=120)
    assert done.returncode != 0 and Path(target).name in done.stderr, done.stderr
    assert "a device" in done.stderr or "does not exist" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_the_size_limit_names_itself_and_can_be_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "big.txt").write_text(POST * 100)  # 7 KB
    (posts / "small.txt").write_text(POST)
    monkeypatch.chdir(tmp_path)
    env = {"SEEDCARDS_DATA": str(tmp_path / "data"), "SEEDCARDS_MAX_FILE_MB": "0.005"}
    result, output = invoke("build", str(posts), "--name", "Big", env=env)
    assert result.exit_code == 0 and "big.txt" in output and "0.005 MB limit" in output, output
    assert "SEEDCARDS_MAX_FILE_MB" in output and "small.txt" not in output
    result, output = invoke("build", str(posts), "--name", "Big", env={**env, "SEEDCARDS_MAX_FILE_MB": "1"})
    assert result.exit_code == 0 and "MB limit" not in output, output


@pytest.mark.parametrize("value", ["abc", "-1", "0", "nan", "inf"])
def test_a_bad_size_limit_is_one_line(project: Path, value: str) -> None:
    result, output = invoke("build", "-q", env={"SEEDCARDS_MAX_FILE_MB": value})
    assert result.exit_code == 2 and "SEEDCARDS_MAX_FILE_MB" in output, output


# --- items 8 and 9: YAML limits ----------------------------------------------------------------

ALIAS_BOMB = "  - key: a\n    topics: &l9 [*l8, *l8, *l8, *l8, *l8, *l8, *l8, *l8, *l8]\n"
BOMB_LEVELS = "".join(f"x{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 9))

HOSTILE_YAML = [
    (
        "l0: &l0 [a, a, a, a, a, a, a, a, a]\n" + BOMB_LEVELS.replace("x", "y") + "deck: X\nextracted:\n" + ALIAS_BOMB,
        "expands to more than",
        None,
    ),
    ("deck: X\nmin_score: " + "9" * 5000 + "\n", "5000 digits", 2),
    ("deck: X\nid: " + "7" * 5000 + "\n", "5000 digits", 2),
    ("deck: X\nnotes: " + "[" * 300 + "]" * 300 + "\n", "nests more than", 2),
    ("deck: X\nnotes: " + "[" * 100_000 + "]" * 100_000 + "\n", "nests more than", 2),
    ("deck: X\nnotes:\n" + "".join("  " * (i + 1) + "- \n" for i in range(200)), "nests more than", None),
    ("a: &a [*a]\ndeck: X\n", "refers to itself", 1),
]


@pytest.mark.parametrize(
    "content, expected, line",
    HOSTILE_YAML,
    ids=[
        "alias bomb in topics",
        "5000-digit number",
        "5000-digit id",
        "300 nested lists",
        "100000 nested lists",
        "deep block lists",
        "recursive alias",
    ],
)
def test_hostile_yaml_is_refused_quickly_at_its_line(
    project: Path, content: str, expected: str, line: int | None
) -> None:
    deck(project, content)
    started = time.monotonic()
    done = run("build", "-q", cwd=project, timeout=120)
    assert time.monotonic() - started < 60
    assert done.returncode != 0 and "zz-hostile.yaml" in done.stderr and expected in done.stderr, done.stderr
    if line is not None:
        assert f"zz-hostile.yaml:{line}" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert (project / "build" / "ai-safety-seeds.apkg").is_file()


def test_front_matter_is_held_to_the_same_limits(project: Path) -> None:
    bomb = "l0: &l0 [a, a, a, a, a, a, a, a, a]\n" + BOMB_LEVELS + "n: " + "9" * 5000 + "\n"
    (project / "seeds" / "bomb.md").write_text(f"---\n{bomb}---\n\n{POST}")
    deck(project, "deck: Front\nsources: [seeds/bomb.md]\n")
    done = run("build", "-q", cwd=project, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


@pytest.mark.parametrize(
    "content", ["symbols:\n  '': seven\n", "words:\n  ? ''\n  : x\n", "symbols:\n  ~: x\n", "words:\n  RSP: [a, b]\n"]
)
def test_pronunciations_with_empty_or_odd_entries_are_refused(tmp_path: Path, content: str) -> None:
    from seedcards.audio.speech import load_pronunciations

    path = tmp_path / "pronunciations.yaml"
    path.write_text(content)
    with pytest.raises(UserError, match="non-empty text") as caught:
        load_pronunciations(path)
    assert caught.value.path == path and caught.value.line == 2


# --- item 10: two decks in one place -----------------------------------------------------------


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("deck: My Reading\n", "deck: my-reading\n", "write the same package"),
        ("deck: One\nid: shared\n", "deck: Two\nid: shared\n", "have the same id"),
    ],
    ids=["same output", "same id"],
)
def test_two_decks_in_one_place_are_both_refused(project: Path, first: str, second: str, expected: str) -> None:
    note = "notes:\n  - {type: basic, front: q, back: a}\n"
    deck(project, first + note, "first.yaml")
    deck(project, second + note, "second.yaml")
    result, output = invoke("build", "-q")
    assert result.exit_code == 1 and expected in output, output
    assert "first.yaml" in output and "second.yaml" in output
    assert sorted(p.name for p in (project / "build").glob("*.apkg")) == ["ai-safety-seeds.apkg"]


# --- items 11 and 20: the lock's records -------------------------------------------------------


def _lock_with(project: Path, change) -> None:
    invoke("build", "-q")
    path = project / "decks" / "seedcards.lock"
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def _first_note(data: dict) -> dict:
    return next(iter(data["decks"]["ai-safety-seeds"].values()))


def _steal_guid(data: dict) -> None:
    guid, record = next(iter(data["decks"]["ai-safety-seeds"].items()))
    data["decks"]["other"] = {guid: dict(record)}


LOCK_DAMAGE = [
    (_steal_guid, "recorded under both"),
    (lambda d: _first_note(d).update(mod="abc"), "mod must be a whole number"),
    (lambda d: _first_note(d).update(mod=True), "mod must be a whole number"),
    (lambda d: _first_note(d).update(words=[1, 2]), "a list of words"),
    (lambda d: _first_note(d).update(colour="red"), "unknown entry 'colour'"),
    (lambda d: d["builds"].update({"ai-safety-seeds": "yesterday"}), "must be a mapping"),
    (lambda d: d["builds"]["ai-safety-seeds"].update(size="big"), "wrong type"),
    (lambda d: next(iter(d["notetypes"].values())).update(mod=None), "mod must be a whole number"),
    (lambda d: d.update(decks=[]), "decks must be a mapping"),
    (lambda d: d["decks"].update({"ai-safety-seeds": "none"}), "must be a mapping"),
]


@pytest.mark.parametrize(
    "change, expected",
    LOCK_DAMAGE,
    ids=[
        "guid of another deck",
        "mod text",
        "mod boolean",
        "words numbers",
        "unknown entry",
        "build record text",
        "build size text",
        "note type mod null",
        "decks list",
        "deck text",
    ],
)
def test_a_damaged_lock_record_is_named(project: Path, change, expected: str) -> None:
    _lock_with(project, change)
    result, output = invoke("build", "-q")
    assert result.exit_code == 2 and "seedcards.lock" in output and expected in output, output


def test_a_deeply_nested_lock_is_damaged_not_a_crash(project: Path) -> None:
    (project / "decks" / "seedcards.lock").write_text("[" * 100_000 + "]" * 100_000)
    done = run("build", "-q", cwd=project)
    assert done.returncode == 2 and "lock file is damaged" in done.stderr and "Traceback" not in done.stderr


# --- item 12: package and lock agree; SIGTERM cleans up -----------------------------------------


def test_a_package_newer_than_its_lock_is_rebuilt_to_agree(project: Path) -> None:
    invoke("build", "-q")
    lock_path = project / "decks" / "seedcards.lock"
    old_lock = lock_path.read_text()
    (project / "decks" / "ai-safety-seeds.yaml").write_text(
        (project / "decks" / "ai-safety-seeds.yaml").read_text().replace("Key Ideas", "Main Ideas")
    )
    invoke("build", "-q")
    lock_path.write_text(old_lock)  # as if the build was killed between the package's rename and the lock's save
    result, output = invoke("build")
    assert result.exit_code == 0 and "stopped before saving the lock" in output, output
    recorded = json.loads(lock_path.read_text())["builds"]["ai-safety-seeds"]["package"]
    import hashlib

    assert hashlib.sha256((project / "build" / "ai-safety-seeds.apkg").read_bytes()).hexdigest() == recorded
    result, output = invoke("build")  # and now they agree: nothing to do
    assert "stopped before" not in output and "0 new, 0 changed" in output, output


@pytest.mark.parametrize("delay", [0.5, 1.5, 2.5])
def test_sigterm_leaves_no_temporary_files_and_whole_outputs(project: Path, delay: float) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    process = subprocess.Popen(
        [sys.executable, "-m", "seedcards", "build", "-q"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(delay)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode in (0, 143, -signal.SIGTERM), err
    assert "Traceback" not in err
    leftovers = [p for p in project.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []
    package = project / "build" / "ai-safety-seeds.apkg"
    if package.exists():
        with zipfile.ZipFile(package) as archive:
            assert archive.testzip() is None
    json.loads((project / "decks" / "seedcards.lock").read_text())


# --- item 17: SOURCE_DATE_EPOCH ----------------------------------------------------------------


@pytest.mark.parametrize("value", ["abc", "1e9", "99999999999999999999", "-5", "1.5", " ", "٣٣"])
def test_a_bad_source_date_epoch_is_one_line(project: Path, value: str) -> None:
    result, output = invoke("build", "-q", env={"SOURCE_DATE_EPOCH": value})
    assert result.exit_code == 2 and "SOURCE_DATE_EPOCH" in output, output


def test_a_good_source_date_epoch_is_used(project: Path) -> None:
    result, output = invoke("build", "-q", env={"SOURCE_DATE_EPOCH": "0"})
    assert result.exit_code == 0, output


# --- item 18: long names -----------------------------------------------------------------------


def test_long_deck_and_source_names_stay_within_the_file_name_limit(project: Path) -> None:
    long_source = project / "seeds" / ("s" * 246 + ".txt")  # 250 characters
    long_source.write_text(POST)
    name = "A very long deck name " * 14  # about 300 characters
    deck(project, f"deck: {name.strip()}\nsources: ['seeds/{long_source.name}']\n")
    result, output = invoke("build", "-q")
    assert result.exit_code == 0, output
    outputs = [p for p in (project / "build").glob("*.apkg") if p.name != "ai-safety-seeds.apkg"]
    assert len(outputs) == 1 and len(outputs[0].name) < 100
    result, output = invoke("preview", "--out", "preview")
    assert result.exit_code == 0, output


# --- item 19: places that cannot be written -----------------------------------------------------


@pytest.mark.parametrize(
    "setup, args, expected",
    [
        (lambda p: (p / "build").write_text("a file"), ("build", "-q"), "build"),
        (lambda p: (p / "plain").write_text("a file"), ("build", "-q", "--out", "plain/sub"), "plain/sub"),
        (lambda p: (p / "plain").write_text("a file"), ("preview", "--out", "plain/sub"), "plain/sub"),
    ],
    ids=["build is a file", "--out under a file", "preview --out under a file"],
)
def test_an_output_folder_that_cannot_be_made_is_one_line(
    project: Path, setup, args: tuple[str, ...], expected: str
) -> None:
    setup(project)
    result, output = invoke(*args)
    assert result.exit_code != 0 and expected in output and "cannot write" in output, output
    assert len([line for line in output.splitlines() if line.startswith("error")]) <= 2


def test_a_full_disk_is_one_line_and_keeps_the_previous_package(project: Path) -> None:
    invoke("build", "-q")
    package = project / "build" / "ai-safety-seeds.apkg"
    before = package.read_bytes()
    (project / "decks" / "ai-safety-seeds.yaml").write_text(
        (project / "decks" / "ai-safety-seeds.yaml").read_text().replace("Key Ideas", "Main Ideas")
    )
    # No file may grow past 20 KB, as on a disk that is full (the kernel says EFBIG, not ENOSPC).
    script = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000)); "
        "from seedcards.cli import main; sys.argv = ['seedcards', 'build', '-q']; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
    assert "ai-safety-seeds.apkg" in done.stderr and "cannot write" in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert package.read_bytes() == before
    assert not [p for p in project.rglob("*.tmp")]


def test_a_read_only_build_folder_is_one_line(project: Path) -> None:
    (project / "build").mkdir()
    if os.geteuid() == 0:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(project / "build")], capture_output=True
        )
        if mounted.returncode != 0:
            pytest.skip("root ignores permissions, and no read-only file system can be mounted here")
    else:
        (project / "build").chmod(0o555)
    try:
        result, output = invoke("build", "-q")
        assert result.exit_code != 0 and "cannot write" in output and "/build/" in output, output
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", str(project / "build")], check=True)
        else:
            (project / "build").chmod(0o755)


def test_init_over_a_file_named_seeds_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "new"
    target.mkdir()
    (target / "seeds").write_text("a file")
    result, output = invoke("init", str(target))
    assert result.exit_code == 2 and "seeds" in output and "nothing was changed" in output, output
    assert sorted(p.name for p in target.iterdir()) == ["seeds"]


# --- item 22: rewording every note keeps every note, the same way --------------------------------


def _brute_force(cards: list[Card], previous: dict[str, NoteRecord]) -> list[str | None]:
    """The reworded-note rule stated plainly: each card in turn takes the most alike vanished
    note of its source and kind (ties to the smallest GUID), if alike enough."""
    from seedcards.extract.ranking import signature

    taken: set[str] = set()
    chosen = []
    for card in cards:
        words = signature(card)
        best, best_similarity = None, REWORD_SIMILARITY
        for guid in sorted(previous):
            other = set(previous[guid].words)
            if guid in taken or previous[guid].key.split(":")[0] != card.key.split(":")[0]:
                continue
            similarity = len(words & other) / len(words | other) if words | other else 0.0
            if similarity >= best_similarity and (best is None or similarity > best_similarity):
                best, best_similarity = guid, similarity
        if best is not None:
            taken.add(best)
        chosen.append(best)
    return chosen


@pytest.mark.parametrize("rare", [16, 0], ids=["rare words alone", "every word paired"])
@pytest.mark.parametrize("seed", range(8))
def test_reworded_notes_find_the_same_notes_as_comparing_with_all(
    seed: int, rare: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seedcards.extract.ranking import signature

    # With no word rare enough to be searched alone, every note is found through pairs of words.
    monkeypatch.setattr(guids, "RARE_IN_SOURCE", rare)
    rng = random.Random(seed)
    vocabulary = [f"term{i}" for i in range([6, 15, 40, 200][seed % 4])]
    previous, texts = {}, []
    for i in range(60):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(0, 9))]
        key = f"seeds/{rng.choice('ab')}.txt#{rng.choice(['cloze', 'claim'])}:old{i}"
        previous[note_guid("d", key)] = NoteRecord(
            key=key, hash="h", mod=1, words=sorted(signature(Card(kind=CardKind.BASIC, key=key, front=" ".join(words))))
        )
        texts.append((key, words))
    cards = []
    for i in range(60):
        key, words = rng.choice(texts)
        if rng.random() < 0.3:  # an unrelated card
            words = [rng.choice(vocabulary) for _ in range(rng.randint(0, 9))]
        else:  # a rewording: a word or two changed
            words = [rng.choice(vocabulary) if rng.random() < 0.2 else w for w in words]
        family = key.split(":")[0] if rng.random() < 0.9 else "seeds/c.txt#claim"
        cards.append(Card(kind=CardKind.BASIC, key=f"{family}:new{i}", front=" ".join(words)))
    expected = _brute_force(cards, previous)
    got = [guid if guid in previous else None for _, guid in assign_guids("d", cards, previous)]
    assert got == expected
    assert sum(g is not None for g in got) >= 10  # the case does exercise rewording


def test_rewording_every_note_of_a_large_source_compares_each_card_with_few_notes() -> None:
    # One source whose 3,000 notes share a small vocabulary, so that every word is common in it:
    # each card must still be compared with a handful of notes, not with a share of the deck.
    rng = random.Random(7)
    vocabulary = [f"term{i}" for i in range(400)]
    previous, cards = {}, []
    for i in range(3000):
        words = rng.sample(vocabulary, rng.randint(6, 16))
        key = f"seeds/big.md#cloze:{i}"
        previous[note_guid("d", key)] = NoteRecord(key=key, hash="h", mod=1, words=sorted(words))
        words[rng.randrange(len(words))] = rng.choice(vocabulary)  # one word reworded
        cards.append(Card(kind=CardKind.BASIC, key=f"{key}x", front=" ".join(words)))
    index = guids._RewordIndex(previous)
    taken: set[str] = set()
    for card in cards:
        found = index.likeliest(card, taken)
        assert found is not None
        taken.add(found)
    assert index.compared <= 5 * len(cards)


def test_a_signal_that_lands_in_a_finalizer_is_sent_again_rather_than_swallowed() -> None:
    # Python ignores an exception raised inside __del__, so a `kill` arriving there would be lost.
    import inspect

    from seedcards.cli import _unwind

    received: list[int] = []
    previous = signal.signal(signal.SIGUSR1, lambda number, frame: received.append(number))
    try:

        class Finalized:
            def __del__(self) -> None:
                _unwind(signal.SIGUSR1, inspect.currentframe())

        Finalized()
        time.sleep(0.05)  # the re-sent signal is handled at the next bytecode boundary
    finally:
        signal.signal(signal.SIGUSR1, previous)
    assert received == [signal.SIGUSR1]
    with pytest.raises(SystemExit) as stopped:
        _unwind(signal.SIGTERM, inspect.currentframe())
    assert stopped.value.code == 128 + signal.SIGTERM
