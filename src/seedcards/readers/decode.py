"""Bytes to text: BOMs, Windows line endings, legacy encodings and binary files."""

from __future__ import annotations

from pathlib import Path

from seedcards import limits
from seedcards.errors import UnreadableSource, UserError

_SNIFF = 8192
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


def read_bytes(path: Path) -> bytes:
    try:
        return limits.read_bytes(path, "source")
    except UserError as problem:  # a pipe, a device, or larger than the limit: skipped, never hung on
        raise UnreadableSource(f"{problem.message} Skipped.", path, hint=problem.hint) from problem
    except OSError as exc:
        raise UnreadableSource(
            f"cannot read the file ({exc.strerror}).", path, hint="Check that it exists and that you may read it."
        ) from exc


def read_text(path: Path) -> tuple[str, list[str]]:
    """The file's text with Unix line endings, and warnings about how it was decoded."""
    data = read_bytes(path)
    if b"\x00" in data[:_SNIFF] and not data.startswith(_UTF16_BOMS + _UTF32_BOMS):
        raise UnreadableSource("looks like a binary file, not a text document; skipped.", path)
    warnings: list[str] = []
    # UTF-32's little-endian mark begins with UTF-16's: tried first, it is not read as UTF-16 noise.
    for encoding in ("utf-8-sig", "utf-32", "utf-16"):
        if encoding == "utf-32" and not data.startswith(_UTF32_BOMS):
            continue
        if encoding == "utf-16" and not data.startswith(_UTF16_BOMS):
            continue
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        # Old exports are mostly Windows-1252; where even that fails, keep the text and mark the gaps.
        try:
            text = data.decode("cp1252")
            warnings.append(f"{path}: not UTF-8; read as Windows-1252.")
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
            warnings.append(f"{path}: not valid UTF-8; undecodable bytes were replaced with \N{REPLACEMENT CHARACTER}.")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, warnings
