"""A narrated folder is a podcast that apps accept: every episode kept across runs, absolute
addresses, cover art, an author, real dates, chapters and a transcript timed like the MP3, show
notes in the written words. Real eSpeak NG, real MP3 decoding, a real feed parser."""

from __future__ import annotations

import itertools
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import miniaudio
import pytest
from click.testing import CliRunner
from mutagen.id3 import ID3
from PIL import Image

from seedcards.audio.chapters import read_transcript
from seedcards.audio.engines import EngineSpec
from seedcards.audio.narrate import narrate_documents
from seedcards.audio.speech import document_script, load_pronunciations, show_notes
from seedcards.audio.synthesis import Synthesizer
from seedcards.cli import main
from seedcards.document import Block, BlockKind, Document
from seedcards.readers import read
from tests.conftest import CORPUS

SAY = load_pronunciations()
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"


def post(folder: Path, name: str, title: str, body: str, author: str = "Ada Writer") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\nauthor: {author}\n---\n\n{body}\n", encoding="utf-8")
    return path


def run_narrate(tmp_path: Path, *arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main,
        [
            "narrate",
            "--engine",
            "espeak-ng",
            "--voice",
            "en-us",
            "--rate",
            "260",
            "--cache",
            str(tmp_path / "cache"),
            "--out",
            str(tmp_path / "pod"),
            *arguments,
        ],
    )  # not -q: the tests read the summary
    return result.exit_code, result.output


def feed_of(tmp_path: Path):
    parsed = feedparser.parse(str(tmp_path / "pod" / "feed.xml"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_each_run_adds_to_the_feed_and_a_removed_episode_leaves_it(tmp_path: Path) -> None:
    first = post(tmp_path / "docs", "first.md", "The first post", "Interpretability is hard. It is also useful.")
    second = post(tmp_path / "docs", "second.md", "The second post", "Control is a different goal. It assumes less.")
    assert run_narrate(tmp_path, str(first))[0] == 0
    assert run_narrate(tmp_path, str(second))[0] == 0
    assert sorted(e.title for e in feed_of(tmp_path).entries) == ["The first post", "The second post"]
    # As the README says: delete the episode's MP3, and the next run drops it and its companions.
    (tmp_path / "pod" / "first.mp3").unlink()
    assert run_narrate(tmp_path, str(second))[0] == 0
    assert [e.title for e in feed_of(tmp_path).entries] == ["The second post"]
    assert not list((tmp_path / "pod").glob("first.*"))


def test_enclosures_are_absolute_with_a_base_url_and_a_warning_says_so_without(tmp_path: Path) -> None:
    source = post(
        tmp_path / "docs", "essay.md", "An essay", "Scalable oversight needs weak judges. They can be fooled."
    )
    code, output = run_narrate(tmp_path, str(source))
    assert code == 0 and "--base-url" in output and "relative" in output
    for base in ("https://example.org/pod", "https://example.org/pod/"):
        code, output = run_narrate(tmp_path, str(source), "--base-url", base)
        assert code == 0 and "--base-url" not in output
        entry = feed_of(tmp_path).entries[0]
        assert entry.enclosures[0].href == "https://example.org/pod/essay.mp3"
        root = ET.parse(tmp_path / "pod" / "feed.xml").getroot()
        item = root.find("./channel/item")
        assert item.find(f"{PODCAST}chapters").get("url") == "https://example.org/pod/essay.chapters.json"
        assert item.find(f"{PODCAST}transcript").get("url") == "https://example.org/pod/essay.vtt"
        assert root.find(f"./channel/{ITUNES}image").get("href") == "https://example.org/pod/seedcards-cover.png"


def test_cover_art_author_and_album_follow_the_options(tmp_path: Path) -> None:
    source = post(
        tmp_path / "docs", "essay.md", "An essay", "Scalable oversight needs weak judges. They can be fooled."
    )
    assert run_narrate(tmp_path, str(source), "--title", "Morning reading")[0] == 0
    parsed = feed_of(tmp_path)
    assert parsed.feed.author == "Ada Writer" and parsed.feed.image.href == "seedcards-cover.png"
    with Image.open(tmp_path / "pod" / "seedcards-cover.png") as cover:
        assert cover.size == (1400, 1400) and cover.format == "PNG" and cover.text["Title"] == "Morning reading"
        low, high = cover.convert("L").getextrema()
        assert high - low > 100  # drawn on, not a blank square
    mp3 = tmp_path / "pod" / "essay.mp3"
    assert str(ID3(str(mp3))["TALB"]) == "Morning reading"
    audio_before = mp3.read_bytes()[ID3(str(mp3)).size :]

    own = tmp_path / "art.jpg"
    Image.new("RGB", (1500, 1500), (200, 30, 30)).save(own, format="JPEG")
    code, output = run_narrate(
        tmp_path, str(source), "--title", "Evening reading", "--cover", str(own), "--author", "The Reading Group"
    )
    assert code == 0 and "(1 unchanged)" in output
    parsed = feed_of(tmp_path)
    assert parsed.feed.author == "The Reading Group" and parsed.feed.image.href == "cover.jpg"
    assert (tmp_path / "pod" / "cover.jpg").read_bytes() == own.read_bytes()
    # The unchanged episode is not made again, but its album follows the new title.
    assert str(ID3(str(mp3))["TALB"]) == "Evening reading"
    assert mp3.read_bytes()[ID3(str(mp3)).size :] == audio_before
    # The cover given once stays for later runs.
    assert run_narrate(tmp_path, str(source))[0] == 0 and feed_of(tmp_path).feed.image.href == "cover.jpg"

    # A cover that is not an image stops the run before anything is spoken.
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not an image")
    unread = tmp_path / "unread.md"
    unread.write_text("# Unread\n\nA post nobody has narrated yet, about reward hacking.\n")
    episodes_before = sorted(p.name for p in (tmp_path / "pod").glob("*.mp3"))
    code, output = run_narrate(tmp_path, str(source), str(unread), "--cover", str(junk))
    assert code == 2 and "junk.png" in output and "Traceback" not in output
    assert sorted(p.name for p in (tmp_path / "pod").glob("*.mp3")) == episodes_before


def test_publication_dates_come_from_the_document_or_the_first_narration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = (Block(BlockKind.PARAGRAPH, "Deceptive alignment is a worry. It may not happen.", 1),)
    dated = Document(tmp_path / "dated.md", "A dated post", blocks, "Ada", date="2024-03-05")
    undated = Document(tmp_path / "undated.md", "An undated post", blocks, "Ada")

    def narrate_now(epoch: int) -> dict[str, str]:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        with Synthesizer(EngineSpec("espeak-ng", "en-us", 300), tmp_path / "cache") as synth:
            report = narrate_documents([(dated, "dated.md"), (undated, "undated.md")], tmp_path / "pod", synth, SAY)
        return {e.title: e.published_parsed for e in feedparser.parse(str(report.feed)).entries}

    first = narrate_now(1_700_000_000)
    assert first["A dated post"][:3] == (2024, 3, 5)
    assert first["An undated post"][:3] == (2023, 11, 14)  # the first narration
    # A later run, even one that makes the episode again, keeps the date it was first published.
    changed = Document(
        undated.path, undated.title, blocks + (Block(BlockKind.PARAGRAPH, "A new paragraph.", 3),), "Ada"
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    with Synthesizer(EngineSpec("espeak-ng", "en-us", 300), tmp_path / "cache") as synth:
        report = narrate_documents([(changed, "undated.md")], tmp_path / "pod", synth, SAY)
    assert report.reused == 0
    dates = {e.title: e.published_parsed for e in feedparser.parse(str(report.feed)).entries}
    assert dates["An undated post"][:3] == (2023, 11, 14) and dates["A dated post"][:3] == (2024, 3, 5)


def test_chapters_file_and_transcript_are_timed_like_the_mp3(tmp_path: Path) -> None:
    document = read(CORPUS / "eval-awareness.md")
    with Synthesizer(EngineSpec("espeak-ng", "en-us", 260), tmp_path / "cache", jobs=2) as synth:
        report = narrate_documents([(document, "eval-awareness.md")], tmp_path / "pod", synth, SAY)
    pod = tmp_path / "pod"
    frames = sorted(
        (f for f in ID3(str(pod / "eval-awareness.mp3")).values() if f.FrameID == "CHAP"), key=lambda f: f.start_time
    )
    chapters = json.loads((pod / "eval-awareness.chapters.json").read_text())
    assert chapters["version"].startswith("1.")
    assert [round(c["startTime"] * 1000) for c in chapters["chapters"]] == [f.start_time for f in frames]
    assert [c["title"] for c in chapters["chapters"]] == [str(f.sub_frames["TIT2"]) for f in frames]

    vtt = (pod / "eval-awareness.vtt").read_text()
    assert vtt.startswith("WEBVTT\n")
    cues = read_transcript(pod / "eval-awareness.vtt")
    starts = {cue.start_ms for cue in cues}
    assert all(f.start_time in starts for f in frames)  # each chapter opens with a cue
    assert all(a.end_ms <= b.start_ms for a, b in itertools.pairwise(cues))
    decoded = miniaudio.decode_file(str(pod / "eval-awareness.mp3"))
    seconds = decoded.num_frames / decoded.sample_rate
    assert cues[-1].end_ms <= seconds * 1000 + 100 and abs(report.episodes[0].seconds - seconds) < 0.2
    spoken = " ".join(c.text for c in cues)
    assert "Evaluation awareness" in spoken and "sandbagging" in spoken.lower()


def test_show_notes_are_the_written_words_cut_at_a_sentence_end() -> None:
    body = (
        "Sparse autoencoders (SAEs) split activations into features. " * 4
        + "Because of the SAEs (even in large models) we can read circuits. " * 6
    )
    document = Document(
        Path("x.md"), "On SAEs", (Block(BlockKind.HEADING, "On SAEs", 1, 1), Block(BlockKind.PARAGRAPH, body, 3)), "Ada"
    )
    notes = show_notes(document)
    assert "S A Es" not in notes and "SAEs" in notes
    assert notes.endswith(".") and len(notes) <= 400 and body.startswith(notes)


def test_titles_and_bylines_are_read_once() -> None:
    comments = Document(
        Path("c.html"),
        "Comments by Charbel-Raphaël",
        (Block(BlockKind.PARAGRAPH, "I think RSPs helped.", 1),),
        "Charbel-Raphaël",
        kind="comments",
    )
    opening = document_script(comments, SAY).chapters[0].paragraphs[0]
    assert opening.count("Charbel-Raphaël") == 1
    markdown = read(CORPUS / "eval-awareness.md")
    spoken = " ".join(p for c in document_script(markdown, SAY).chapters for p in c.paragraphs)
    assert spoken.count("Evaluation awareness and why it matters") == 1
    assert spoken.startswith("Evaluation awareness and why it matters, by Tomasz Wiśniewski")


def test_math_is_read_without_backslashes_times_are_never_read_and_speakers_are_named() -> None:
    blocks = (
        Block(
            BlockKind.PARAGRAPH,
            r"The loss \(L = \sum_i x_i^2\) falls, and \[\frac{a}{b} \leq 1\].",
            1,
            speaker="Alice",
            time="10:42",
        ),
        Block(BlockKind.PARAGRAPH, "I agree with that.", 2, speaker="Bob", time="10:43"),
        Block(BlockKind.PARAGRAPH, "And one more thing.", 3, speaker="Bob", time="10:44"),
    )
    script = document_script(Document(Path("chat.txt"), "A chat", blocks, kind="chat"), SAY)
    spoken = " ".join(p for c in script.chapters for p in c.paragraphs)
    assert "\\" not in spoken and "frac" not in spoken and "sum" in spoken
    assert "10:42" not in spoken and "10:4" not in spoken
    assert "Alice says" in spoken and spoken.count("Bob says") == 1


def test_narrate_without_sources_says_what_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["narrate", "--engine", "espeak-ng"])
    assert result.exit_code != 0 and "no ./seeds folder" in result.output
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["narrate", "empty", "--engine", "espeak-ng"])
    assert result.exit_code != 0 and "no document to narrate" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "build" / "audio" / "feed.xml").exists()


def test_a_project_pronunciation_file_is_used_by_narrate_and_is_not_a_deck(project: Path) -> None:
    (project / "decks" / "pronunciations.yaml").write_text("words:\n  RLHF: reinforcement learning from feedback\n")
    post(project / "notes", "rlhf.md", "On RLHF", "RLHF shapes behaviour. It is widely used.")
    assert CliRunner().invoke(main, ["check"]).exit_code == 0
    result = CliRunner().invoke(
        main, ["narrate", "notes", "--engine", "espeak-ng", "--cache", str(project / "cache"), "-q"]
    )
    assert result.exit_code == 0, result.output
    transcript = (project / "build" / "audio" / "rlhf.vtt").read_text()
    assert "reinforcement learning from feedback" in transcript and "RLHF" not in transcript
    assert CliRunner().invoke(main, ["build", "-q"]).exit_code == 0


def test_default_jobs_is_every_core() -> None:
    from seedcards.cli import _jobs

    assert _jobs(None) == (os.cpu_count() or 1) and _jobs(3) == 3
