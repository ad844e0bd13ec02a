"""`seedcards init`: the files of a new project, copied from here and from seedcards' defaults."""

from __future__ import annotations

import shutil
from importlib import resources as package_files
from pathlib import Path

from seedcards import resources
from seedcards.errors import UserError


def make_project(directory: Path) -> list[Path]:
    """Create decks/, templates/ and seeds/ in ``directory``; never overwrite a file."""
    targets = [directory / "decks" / "my-reading.yaml", directory / "decks" / "topics.yaml",
               directory / "templates", directory / "seeds" / "example-post.md"]
    existing = [t for t in targets if t.exists()]
    if existing:
        raise UserError(f"{existing[0]} already exists; nothing was changed.",
                        hint="Choose an empty folder, or edit the project that is there.")
    here = package_files.files(__package__)
    (directory / "decks").mkdir(parents=True, exist_ok=True)
    (directory / "seeds").mkdir(parents=True, exist_ok=True)
    targets[0].write_text(here.joinpath("my-reading.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copyfile(resources.topics_file(directory / "decks"), targets[1])
    shutil.copytree(resources.templates_dir(directory), targets[2])
    targets[3].write_text(here.joinpath("example-post.md").read_text(encoding="utf-8"), encoding="utf-8")
    return targets
