"""Hostile text inside sources: runs of spaces, unclosed math and tags, deep nesting and control
characters are read in time proportional to their length, never crash a reader, and never reach
the terminal as escape sequences."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from seedcards.cli import main
from seedcards.readers.htmlsafe import MAX_DEPTH, parseable, soup

SRC = Path(__file__).resolve().parents[1] / "src"
SENTENCE = "I think interpretability is underrated by most alignment researchers."

# Each took minutes (or crashed) before: a quadratic or cubic search from every position.
SLOW_TEXT = [
    ("spaces.txt", "a" + " " * 200_000 + "b."),  # a regex with three overlapping runs of spaces
    ("math.md", "\\(" * 100_000),  # texmath searched the rest of the text from every opening
    ("quoted.html", "<a b='>'" * 25_000),  # html.parser looked for each tag's end to the text's end
    ("comments.html", "<!-- " * 40_000),
    ("attributes.html", "<a " * 60_000),
    ("nested.html", "<b>" * 60_000 + SENTENCE),  # every tree walk paid for the depth
]


@pytest.mark.parametrize("name, content", SLOW_TEXT, ids=[name for name, _ in SLOW_TEXT])
def test_pathological_text_is_read_in_bounded_time(tmp_path: Path, name: str, content: str) -> None:
    post = tmp_path / name
    post.write_text(f"{SENTENCE}\n\n{content}\n\n{SENTENCE}\n")
    done = subprocess.run(
        [sys.executable, "-m", "seedcards", "extract", str(post), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=90,  # a few seconds on a loaded machine; before, minutes to hours
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


def test_a_marked_section_html_parser_cannot_name_is_text_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "odd.html").write_text(f"<html><body><p>{SENTENCE}</p><![?\n]<p>More.</p></body></html>")
    os.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", str(tmp_path / "posts"), "--name", "Odd"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 0, result.output


BROKEN_AND_WHOLE_HTML = [
    "<p>a <b>b</b> c</p>",
    "<a title='x>y'>t</a>",
    "<p>x <!-- c --> y</p>",
    "<p>x <!-- never closed",
    "<p>x</p><a b='never closed",
    "<p>1 < 2 and 3 > 2</p>",
    "<![CDATA[x]]><p>y</p>",
    '<p title="a<b">z</p>',
    "<script>if (a<b) x()</script><p>q</p>",
    "<img src='data:" + "A" * 20_000 + "'><p>after a long tag</p>",
    "x </ y",
    "x <? y",
]


@pytest.mark.parametrize("page", BROKEN_AND_WHOLE_HTML, ids=range(len(BROKEN_AND_WHOLE_HTML)))
def test_guarding_html_changes_no_text_the_parser_shows(page: str) -> None:
    assert BeautifulSoup(parseable(page), "html.parser").get_text() == BeautifulSoup(page, "html.parser").get_text()


def test_nesting_past_the_limit_keeps_the_text_and_what_follows() -> None:
    depth = MAX_DEPTH * 3
    page = "<div>" * depth + "deep words" + "</div>" * depth + "<p>after the nest</p>"
    parsed = soup(page)
    assert parsed.get_text() == "deep wordsafter the nest"
    deepest = max(len(list(tag.parents)) for tag in parsed.find_all(True))
    assert deepest <= MAX_DEPTH + 1
    assert parsed.find("p").get_text() == "after the nest"  # closed tags still close


CONTROL_NAMES = [
    ("\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07"),  # retitles the terminal window
    ("\x1b[2J", "\\x1b[2J"),  # clears the screen
    ("\x9b31m", "\\x9b31m"),  # the one-byte form of ESC [
    ("\u202eevil", "\\u202eevil"),  # shows the rest of the line backwards
]


@pytest.mark.parametrize("control, shown", CONTROL_NAMES, ids=["osc title", "csi clear", "c1 csi", "bidi override"])
def test_control_characters_in_a_file_name_are_shown_escaped_never_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, control: str, shown: str
) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / f"empty{control}.txt").write_text("")  # skipped with a warning that names it
    (posts / "real.txt").write_text(SENTENCE + "\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", str(posts), "--name", f"Deck{control}"], color=True)
    output = result.output + (result.stderr if result.stderr_bytes else "")
    assert result.exit_code == 0, output
    assert control not in output
    assert f"empty{shown}.txt" in output and f"Deck{shown}" in output
    assert "\x1b[33m" in output  # seedcards' own colours still reach the terminal


@pytest.mark.parametrize(
    "entry, expected",
    [
        ('""', "must be a line number"),
        ("-1", "cloze line -1 is outside the code"),
        ("'5-2'", "cloze lines 5-2 are outside the code"),
        ("'1-99999999999'", "cloze lines 1-99999999999"),  # once a list of 10^11 line numbers
        ("true", "must be a line number"),
        ("1.5", "must be a line number"),
        ("[1]", "must be a line number"),
        ("{a: 1}", "must be a line number"),
        ("null", "must be a line number"),
    ],
)
def test_a_code_cloze_entry_of_the_wrong_kind_is_one_line_at_its_line(project: Path, entry: str, expected: str) -> None:
    (project / "decks" / "zz.yaml").write_text(
        f'deck: Code\nnotes:\n  - type: code\n    prompt: p\n    code: "x = 1\\ny = 2\\n"\n    cloze: [{entry}]\n'
    )
    result = CliRunner().invoke(main, ["check"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 1 and "zz.yaml:6" in result.output and expected in result.output, result.output


def _pdf(drawing: bytes) -> bytes:
    """A one-page PDF whose page draws ``drawing``, compressed (as real PDFs are)."""
    stream = zlib.compress(drawing, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table)


WRITING = b"BT /F1 12 Tf 72 720 Td (" + SENTENCE.encode() + b") Tj ET\n"
PDF_BOMBS = [
    (WRITING + b" " * 300_000_000, "drawing expands to more than 32 MB"),  # 300 KB on disk
    (WRITING + b"BT /F1 1 Tf 1 1 Td (aaaaaaaaaaaaaaaaaaaa) Tj ET\n" * 200_000, "draws more than 50,000 characters"),
]


@pytest.mark.parametrize("drawing, expected", PDF_BOMBS, ids=["inflates to 300 MB", "draws 4 million characters"])
def test_a_small_pdf_that_draws_too_much_is_skipped_quickly(tmp_path: Path, drawing: bytes, expected: str) -> None:
    (tmp_path / "bomb.pdf").write_bytes(_pdf(drawing))
    (tmp_path / "fine.pdf").write_bytes(_pdf(WRITING))
    assert (tmp_path / "bomb.pdf").stat().st_size < 400_000
    done = subprocess.run(
        [sys.executable, "-m", "seedcards", "extract", str(tmp_path / "bomb.pdf"), str(tmp_path / "fine.pdf")],
        capture_output=True,
        text=True,
        timeout=120,  # seconds; before, minutes and gigabytes
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "bomb.pdf: page 1" in done.stderr and expected in done.stderr, done.stderr
    assert "fine.pdf" not in done.stderr


def test_a_file_named_with_a_line_break_is_warned_about_on_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "empty\nfile.txt").write_text("")
    (posts / "two\nlines.txt").write_text(SENTENCE + "\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", str(posts), "--name", "Lines", "-q"])
    assert result.exit_code == 0, result.output
    (warning,) = [line for line in result.output.splitlines() if line]
    assert warning.startswith("warning: ") and "empty\\nfile.txt: is empty" in warning
