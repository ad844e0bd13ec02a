"""Hostile project files: note types that point outside the templates folder, templates that are
not text. Each is one line naming the file, and nothing outside the project reaches a package."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from seedcards.cli import main


def invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    output = result.output  # stdout and stderr, as a terminal shows them
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    assert "Traceback" not in output
    return result, output


def _front_outside(project: Path, secret: Path) -> None:
    spec = project / "templates" / "basic" / "notetype.yaml"
    spec.write_text(spec.read_text().replace("front: front.html", f"front: ../../../{secret.name}", 1))


def _css_linked_outside(project: Path, secret: Path) -> None:
    (project / "templates" / "basic" / "style.css").symlink_to(secret)


def _template_not_utf8(project: Path, secret: Path) -> None:
    (project / "templates" / "basic" / "front.html").write_bytes(b"\xff\xfe<b>{{Front}}</b>")


@pytest.mark.parametrize(
    "damage, expected",
    [
        (_front_outside, "must be in"),
        (_css_linked_outside, "the CSS file 'style.css' must be in"),
        (_template_not_utf8, "front.html: this template is not UTF-8 text"),
    ],
    ids=["template path with ..", "stylesheet linked outside", "template not UTF-8"],
)
def test_a_note_type_reads_only_text_files_inside_the_templates_folder(project: Path, damage, expected: str) -> None:
    secret = project.parent / "secret.txt"
    secret.write_text("the admin password is hunter2\n")
    damage(project, secret)
    result, output = invoke("build", "-q")
    assert result.exit_code != 0 and expected in output, output
    assert len(output.strip().splitlines()) == 1, output
    assert not (project / "build" / "ai-safety-seeds.apkg").exists()


@pytest.mark.parametrize("encoding, mark", [("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_a_utf32_source_with_its_byte_order_mark_is_read(tmp_path: Path, encoding: str, mark: bytes) -> None:
    """UTF-32's little-endian mark starts like UTF-16's: read as UTF-16 it gave no cards and no word."""
    from seedcards.readers import read

    post = tmp_path / "post.txt"
    post.write_bytes(
        mark + "Superposition is when a network represents more features than dimensions.\n".encode(encoding)
    )
    document = read(post)
    assert [block.text for block in document.blocks] == [
        "Superposition is when a network represents more features than dimensions."
    ]


def test_episodes_of_case_twins_get_names_that_differ_on_any_disk() -> None:
    """macOS, Windows and most phones see Post.mp3 and post.mp3 as one file: one episode would
    overwrite the other when the podcast folder is copied there."""
    import unicodedata

    from seedcards.audio.narrate import episode_stems

    names = ["a/Post.txt", "a/post.txt", "b/POST.md", "a/" + unicodedata.normalize("NFD", "Café.txt"), "a/café.md"]
    stems = episode_stems(names, {})
    assert sorted(stems) == sorted(names)
    folded = [unicodedata.normalize("NFC", stem).casefold() for stem in stems.values()]
    assert len(set(folded)) == len(names), stems
    assert stems["a/Post.txt"] == "Post"  # the first keeps its own name


@pytest.mark.parametrize("command", ["build", "extract", "narrate"])
def test_a_link_in_a_given_folder_that_leads_out_of_it_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """A folder of posts (downloaded, say) may hold a `notes.txt` linked to a secret elsewhere."""
    (tmp_path / "secret.txt").write_text("Hunter2 is when the admin password of the cluster is written in a post.\n")
    posts = tmp_path / "posts"
    (posts / "inner").mkdir(parents=True)
    (posts / "inner" / "real.txt").write_text(
        "Superposition is when a network represents more features than dimensions.\n"
    )
    (posts / "also.txt").symlink_to(posts / "inner" / "real.txt")  # a link that stays inside is read
    (posts / "notes.txt").symlink_to(tmp_path / "secret.txt")
    monkeypatch.chdir(tmp_path)
    extra = {"build": ["--name", "Posts"], "extract": [], "narrate": ["--engine", "espeak-ng", "--out", "pod"]}[command]
    result, output = invoke(command, str(posts), *extra)
    assert result.exit_code == 2 and "notes.txt: is a link to" in output and "outside the folder" in output, output
    assert "hunter2" not in output.lower() and not (tmp_path / "build" / "posts.apkg").exists()
    result, output = invoke(command, str(posts / "inner"), str(posts / "also.txt"), *extra)
    assert result.exit_code == 0, output
