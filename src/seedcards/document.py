"""What every reader produces: a document as an ordered list of blocks with their source lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    CODE = "code"


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    line: int
    """1-based line in the source file where the block starts."""
    level: int = 0
    """Heading level, or nesting depth of a list item (0 for top level)."""
    language: str | None = None
    """Language of a code block, when the source names it."""
    emphasis: tuple[str, ...] = ()
    """Spans the author set in bold, italics or <dfn>: candidate defined terms."""
    ordinal: int | None = None
    """The number of an item in a numbered list."""


@dataclass(frozen=True)
class Document:
    path: Path
    title: str
    blocks: tuple[Block, ...]
    author: str | None = None
    warnings: tuple[str, ...] = field(default=())
    kind: str = "post"
    """"post", or "comments" for a page listing one person's comments."""

    @property
    def source_label(self) -> str:
        """How cards cite this document: title, author and file."""
        parts = [self.title]
        if self.author and self.author not in self.title:
            parts.append(f"by {self.author}")
        return " ".join(parts) + f" ({self.path.name})"
