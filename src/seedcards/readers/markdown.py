"""Markdown posts, parsed with markdown-it-py (CommonMark), which reports each block's lines."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from seedcards import text
from seedcards.document import Block, BlockKind, Document
from seedcards.readers import furniture
from seedcards.readers.byline import byline_name, title_from_blocks

_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_PARSER = MarkdownIt("commonmark").enable("table")


def _inline_text(token: Token) -> tuple[str, tuple[str, ...]]:
    """Plain text of an inline token, and the spans the author emphasised."""
    out: list[str] = []
    spans: list[str] = []
    depth = 0
    span: list[str] = []
    for child in token.children or []:
        if child.type in ("strong_open", "em_open"):
            depth += 1
            continue
        if child.type in ("strong_close", "em_close"):
            depth -= 1
            if depth == 0 and span:
                spans.append(text.squash("".join(span)))
                span = []
            continue
        piece = {"softbreak": " ", "hardbreak": " "}.get(child.type, child.content if child.type in ("text", "code_inline") else "")
        if child.type == "html_inline":
            piece = ""
        out.append(piece)
        if depth:
            span.append(piece)
    return text.squash("".join(out)), tuple(s for s in spans if s)


def read(path: Path, raw: str) -> Document:
    meta: dict = {}
    offset = 0
    front = _FRONT_MATTER.match(raw)
    if front:
        try:
            loaded = yaml.safe_load(front["body"])
            meta = loaded if isinstance(loaded, dict) else {}
        except yaml.YAMLError:
            meta = {}
        offset = front["body"].count("\n") + 3  # the body lines plus both --- lines
        raw = raw[front.end():]

    tokens = _PARSER.parse(raw)
    blocks: list[Block] = []
    kinds: list[str] = []
    list_depth = -1
    ordinals: list[int | None] = []
    author = meta.get("author") if isinstance(meta.get("author"), str) else None

    for index, token in enumerate(tokens):
        line = (token.map[0] + 1 + offset) if token.map else 0
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
            start = token.attrGet("start")
            ordinals.append((int(start) if start else 1) if token.type == "ordered_list_open" else None)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
            ordinals.pop()
        elif token.type in ("blockquote_open", "list_item_open", "heading_open"):
            kinds.append(token.type)
        elif token.type in ("blockquote_close", "list_item_close", "heading_close"):
            kinds.pop()
            if token.type == "list_item_close" and ordinals and ordinals[-1] is not None:
                ordinals[-1] += 1
        elif token.type in ("fence", "code_block"):
            language = (token.info or "").split()[0] if token.info else None
            blocks.append(Block(BlockKind.CODE, token.content.rstrip("\n"), line + (1 if token.type == "fence" else 0),
                                language=language or None))
        elif token.type == "inline":
            body, spans = _inline_text(token)
            if not body or furniture.is_furniture_line(body) or furniture.is_pleasantry_block(body):
                continue
            by = byline_name(body)
            if by and len(blocks) < 3:
                author = author or by
                continue
            parent = kinds[-1] if kinds else ""
            if parent == "heading_open":
                level = int(tokens[index - 1].tag[1:]) if tokens[index - 1].tag.startswith("h") else 1
                blocks.append(Block(BlockKind.HEADING, body, line, level=level, emphasis=spans))
            elif "list_item_open" in kinds:
                blocks.append(Block(BlockKind.LIST_ITEM, body, line, level=max(list_depth, 0), emphasis=spans,
                                    ordinal=ordinals[-1] if ordinals else None))
            elif "blockquote_open" in kinds:
                blocks.append(Block(BlockKind.QUOTE, body, line, emphasis=spans))
            else:
                blocks.append(Block(BlockKind.PARAGRAPH, body, line, emphasis=spans))

    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    if title is None:
        title = next((b.text for b in blocks if b.kind is BlockKind.HEADING and b.level == 1), None)
    title = title or title_from_blocks(blocks, author, False) or path.stem
    return Document(path=path, title=title, blocks=tuple(blocks), author=author)
