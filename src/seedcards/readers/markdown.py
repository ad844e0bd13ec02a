"""Markdown posts, parsed with markdown-it-py (CommonMark), which reports each block's lines.

Plugins from mdit-py-plugins read what CommonMark leaves as text: `$...$` / `$$...$$` and
`\\(...\\)` / `\\[...\\]` math, mkdocs admonitions (`!!! tip "Title"`) and footnotes. Obsidian and
GitHub callouts (`> [!note] Title`) are blockquotes whose first line names the kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.texmath import texmath_plugin

from seedcards import text, yamlfile
from seedcards.document import Block, BlockKind, Document, Region
from seedcards.errors import UserError
from seedcards.readers import chat, furniture, mathtext
from seedcards.readers.byline import byline_name, title_from_blocks
from seedcards.readers.structure import iso_date

_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_PARSER = (
    MarkdownIt("commonmark")
    .enable("table")
    .use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    .use(texmath_plugin, delimiters="brackets")
    .use(admon_plugin)
    .use(footnote_plugin)
)
_CALLOUT = re.compile(r"^\[!(?P<kind>[A-Za-z][\w-]*)\][+-]?[ \t]*(?P<title>[^\n]*)")
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|\*|__|_)(?=\S)(?P<span>[^*_\n]{1,80}?)(?<=\S)\1(?![\w*])")


def _inline_text(children: list[Token]) -> tuple[str, tuple[str, ...]]:
    """Plain text of an inline token's children, and the spans the author emphasised."""
    out: list[str] = []
    spans: list[str] = []
    depth = 0
    span: list[str] = []
    for child in children:
        if child.type in ("strong_open", "em_open"):
            depth += 1
            continue
        if child.type in ("strong_close", "em_close"):
            depth -= 1
            if depth == 0 and span:
                spans.append(text.squash("".join(span)))
                span = []
            continue
        piece = _piece(child)
        out.append(piece)
        if depth:
            span.append(piece)
    return text.squash("".join(out)), tuple(s for s in spans if s)


def _piece(child: Token) -> str:
    if child.type in ("softbreak", "hardbreak"):
        return " "
    if child.type in ("text", "code_inline"):
        return child.content
    if child.type == "math_inline":
        return mathtext.inline(child.content)
    if child.type == "math_inline_double":
        return mathtext.display(child.content)
    return ""  # raw HTML, footnote marks, images


@dataclass
class _State:
    """Where the parser stands: open containers, list numbering, callout and chat turn."""

    kinds: list[str] = field(default_factory=list)
    list_depth: int = -1
    ordinals: list[int | None] = field(default_factory=list)
    callout: str | None = None
    callout_title: str | None = None
    region: Region = Region.BODY
    speaker: str | None = None
    time: str | None = None
    chat_turns: int = 0


class _Reader:
    def __init__(self, offset: int, author: str | None) -> None:
        self.offset = offset
        self.author = author
        self.blocks: list[Block] = []
        self.state = _State()

    def add(self, kind: BlockKind, body: str, line: int, **extra: Any) -> None:
        state = self.state
        if state.callout is not None and kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE):
            kind = BlockKind.CALLOUT
        speaker = extra.pop("speaker", state.speaker)
        if kind is BlockKind.QUOTE and state.speaker is not None:
            speaker = chat.quoted_speaker(self.blocks, state.speaker, body)
        self.blocks.append(
            Block(
                kind,
                body,
                line,
                callout=state.callout,
                region=state.region,
                lead_in=state.callout_title if state.callout else None,
                speaker=speaker,
                time=state.time if kind is not BlockKind.QUOTE else None,
                **extra,
            )
        )

    def token(self, tokens: list[Token], index: int) -> None:
        token = tokens[index]
        line = (token.map[0] + 1 + self.offset) if token.map else self._last_line()
        handler = _HANDLERS.get(token.type)
        if handler is not None:
            handler(self, tokens, index, line)

    def _list_open(self, tokens: list[Token], index: int, line: int) -> None:
        token = tokens[index]
        self.state.list_depth += 1
        start = token.attrGet("start")
        self.state.ordinals.append((int(start) if start else 1) if token.type == "ordered_list_open" else None)

    def _list_close(self, tokens: list[Token], index: int, line: int) -> None:
        self.state.list_depth -= 1
        self.state.ordinals.pop()

    def _open(self, tokens: list[Token], index: int, line: int) -> None:
        self.state.kinds.append(tokens[index].type)
        if tokens[index].type == "blockquote_open":
            self._callout_quote(tokens, index)

    def _admonition(self, tokens: list[Token], index: int, line: int) -> None:
        opening = tokens[index].type == "admonition_open"
        self.state.callout = (tokens[index].meta.get("tag") or "note").lower() if opening else None
        self.state.callout_title = None

    def _footnotes(self, tokens: list[Token], index: int, line: int) -> None:
        self.state.region = Region.NOTES if tokens[index].type == "footnote_block_open" else Region.BODY

    def _code(self, tokens: list[Token], index: int, line: int) -> None:
        token = tokens[index]
        language = (token.info or "").split()[0] if token.info else None
        self.add(
            BlockKind.CODE,
            token.content.rstrip("\n"),
            line + (1 if token.type == "fence" else 0),
            language=language or None,
        )

    def _math(self, tokens: list[Token], index: int, line: int) -> None:
        self.add(BlockKind.PARAGRAPH, mathtext.display(tokens[index].content), line)

    def _html_block(self, tokens: list[Token], index: int, line: int) -> None:
        self._html(tokens[index].content, line)

    def _close_token(self, tokens: list[Token], index: int, line: int) -> None:
        self._close(tokens[index].type)

    def _close(self, kind: str) -> None:
        state = self.state
        opened = state.kinds.pop()
        if opened == "blockquote_open" and state.callout is not None and "callout_quote" in state.kinds[-1:]:
            state.kinds.pop()
            state.callout = state.callout_title = None
        if kind == "list_item_close" and state.ordinals and state.ordinals[-1] is not None:
            state.ordinals[-1] += 1

    def _callout_quote(self, tokens: list[Token], index: int) -> None:
        """`> [!note] Title` opens a callout; its first line names the kind and title."""
        following = next((t for t in tokens[index + 1 : index + 4] if t.type == "inline"), None)
        match = _CALLOUT.match(following.content) if following is not None else None
        if match is None or following is None:
            return
        self.state.kinds.insert(len(self.state.kinds) - 1, "callout_quote")
        self.state.callout = match["kind"].lower()
        self.state.callout_title = text.squash(match["title"]) or None
        children = following.children or []
        cut = next((i for i, c in enumerate(children) if c.type in ("softbreak", "hardbreak")), len(children))
        following.children = children[cut + 1 :]

    def _html(self, content: str, line: int) -> None:
        """Raw HTML in Markdown: `<details>` summaries ("Solution") and figure captions carry meaning."""
        soup = BeautifulSoup(content, "html.parser")
        for tag, kind in (("summary", BlockKind.PARAGRAPH), ("figcaption", BlockKind.CAPTION)):
            for found in soup.find_all(tag):
                body = text.squash(found.get_text(" "))
                if body:
                    self.add(kind, body, line)

    def _inline(self, tokens: list[Token], index: int, line: int) -> None:
        state = self.state
        token = tokens[index]
        if state.kinds[-1:] != ["heading_open"] and self._chat_lines(token, line):
            return
        body, spans = _inline_text(token.children or [])
        if not self._is_writing(body):
            return
        kinds = state.kinds
        if kinds[-1:] == ["heading_open"]:
            level = int(tokens[index - 1].tag[1:]) if tokens[index - 1].tag.startswith("h") else 1
            self.add(BlockKind.HEADING, body, line, level=level, emphasis=spans)
        elif tokens[index - 1].type == "admonition_title_open":
            state.callout_title = body
        elif "list_item_open" in kinds:
            self.add(
                BlockKind.LIST_ITEM,
                body,
                line,
                level=max(state.list_depth, 0),
                emphasis=spans,
                ordinal=state.ordinals[-1] if state.ordinals else None,
            )
        elif "blockquote_open" in kinds:
            self.add(BlockKind.QUOTE, body, line, emphasis=spans)
        else:
            self.add(BlockKind.PARAGRAPH, body, line, emphasis=spans)

    def _is_writing(self, body: str) -> bool:
        """Not furniture, a pleasantry or the byline (which names the author instead)."""
        if not body or furniture.is_furniture_line(body) or furniture.is_pleasantry_block(body):
            return False
        by = byline_name(body)
        if by and len(self.blocks) < 3:
            self.author = self.author or by
            return False
        return True

    def _chat_lines(self, token: Token, line: int) -> bool:
        """A paragraph of chat turns, one a line: each turn becomes a block with its speaker and time."""
        lines = token.content.split("\n")
        turns = [chat.turn(raw) for raw in lines]
        if turns[0] is None:
            return False
        state = self.state
        for number, (raw, found) in enumerate(zip(lines, turns, strict=False), start=line):
            if found is not None:
                state.speaker, state.time, raw = found.speaker, found.time, found.rest
                state.chat_turns += 1
            body = text.squash(_EMPHASIS.sub(lambda m: m["span"], raw))
            if body and not furniture.is_pleasantry_block(body) and not furniture.is_furniture_line(body):
                self.add(BlockKind.PARAGRAPH, mathtext.convert(body), number)
        return True

    def _last_line(self) -> int:
        return self.blocks[-1].line if self.blocks else 1 + self.offset


_HANDLERS = {
    "bullet_list_open": _Reader._list_open,
    "ordered_list_open": _Reader._list_open,
    "bullet_list_close": _Reader._list_close,
    "ordered_list_close": _Reader._list_close,
    "blockquote_open": _Reader._open,
    "list_item_open": _Reader._open,
    "heading_open": _Reader._open,
    "blockquote_close": _Reader._close_token,
    "list_item_close": _Reader._close_token,
    "heading_close": _Reader._close_token,
    "admonition_open": _Reader._admonition,
    "admonition_close": _Reader._admonition,
    "footnote_block_open": _Reader._footnotes,
    "footnote_block_close": _Reader._footnotes,
    "fence": _Reader._code,
    "code_block": _Reader._code,
    "math_block": _Reader._math,
    "math_block_label": _Reader._math,
    "math_block_eqno": _Reader._math,
    "html_block": _Reader._html_block,
    "inline": _Reader._inline,
}


def _front_matter(raw: str) -> tuple[dict[str, Any], int, str]:
    front = _FRONT_MATTER.match(raw)
    if not front:
        return {}, 0, raw
    try:
        # The same limits as deck files (aliases, depth, long numbers): front matter is YAML from a source.
        loaded = yamlfile.parse(front["body"], Path("front matter"))
    except UserError:
        loaded = None
    offset = front["body"].count("\n") + 3  # the body lines plus both --- lines
    return (loaded if isinstance(loaded, dict) else {}), offset, raw[front.end() :]


# Metadata written as a link definition that renders nothing, a common Markdown comment:
# `[title]: <> (My post)`, `[date]: # (2025/07/10)`.
_COMMENT_META = re.compile(r"^\[(?P<key>[A-Za-z][\w-]*)\]:\s*(?:<>|#)\s*\((?P<value>[^\n]*)\)\s*$", re.MULTILINE)


def _comment_meta(raw: str) -> dict[str, str]:
    return {m["key"].lower(): m["value"].strip() for m in _COMMENT_META.finditer(raw) if m["value"].strip()}


def _author(meta: dict[str, Any]) -> str | None:
    value = meta.get("author") or meta.get("authors")
    if isinstance(value, list):
        names = [v if isinstance(v, str) else (v or {}).get("name") for v in value]
        value = ", ".join(n for n in names if isinstance(n, str))
    return value if isinstance(value, str) and value.strip() else None


def read(path: Path, raw: str) -> Document:
    meta, offset, raw = _front_matter(raw)
    meta = {**_comment_meta(raw), **meta}
    tokens = _PARSER.parse(raw)
    reader = _Reader(offset, _author(meta))
    for index in range(len(tokens)):
        reader.token(tokens, index)
    blocks = reader.blocks
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    if title is None:
        title = next((b.text for b in blocks if b.kind is BlockKind.HEADING and b.level == 1), None)
    title = title or title_from_blocks(blocks, reader.author, False) or path.stem
    url = meta.get("url") or meta.get("canonical_url") or meta.get("link")
    return Document(
        path=path,
        title=title,
        blocks=tuple(blocks),
        author=reader.author,
        kind="chat" if reader.state.chat_turns >= 2 else "post",
        date=iso_date(meta.get("date") or meta.get("published")),
        url=url if isinstance(url, str) else None,
    )
