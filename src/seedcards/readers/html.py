"""HTML pages, read with beautifulsoup4: the writing kept, the site around it dropped."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Doctype, ProcessingInstruction

from seedcards import text
from seedcards.document import Block, BlockKind, Document
from seedcards.readers import furniture
from seedcards.readers.byline import byline_name, looks_like_name, title_from_blocks

_DROP_TAGS = {"script", "style", "nav", "header", "footer", "form", "button", "aside", "noscript",
              "iframe", "svg", "template", "select", "input", "textarea", "object", "embed", "canvas",
              "video", "audio", "figure", "img", "head", "menu", "dialog"}
# Class and id fragments that mark a site's furniture rather than its writing.
_FURNITURE_ATTR = re.compile(
    r"(?:^|[\s_-])(nav|navbar|menu|sidebar|footer|header|masthead|breadcrumbs?|share|sharing|social|"
    r"subscribe|newsletter|cookie|banner|advert|ads?|promo|related|recommend\w*|vote\w*|karma|"
    r"comment-?(meta|actions|footer|header|form)|reply|replies-link|byline-meta|toolbar|pagination|"
    r"signup|login|modal|popup|tags?-list)(?:$|[\s_-])", re.IGNORECASE)
_BLOCK_TAGS = {"p", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th"}
_CONTAINER_TAGS = {"div", "section", "article", "main", "body", "ul", "ol", "dl", "table", "tbody",
                   "thead", "tr", "span", "details", "center"}
_EMPHASIS_TAGS = {"strong", "b", "em", "i", "dfn"}
_LANGUAGE_CLASS = re.compile(r"^(?:language|lang|highlight|brush|sourceCode)[-:]?(?P<lang>[\w+#.-]+)$", re.IGNORECASE)
_MAX_DEPTH = 400


_FOOTNOTE_REF = re.compile(r"^\[?\d{1,3}\]?$")


def _is_furniture(tag: Tag) -> bool:
    if tag.name in _DROP_TAGS:
        return True
    if tag.name == "sup" and _FOOTNOTE_REF.match(tag.get_text(strip=True)):
        return True  # a footnote mark, not a word of the sentence
    if tag.get("hidden") is not None or tag.get("aria-hidden") == "true" or tag.get("role") in ("navigation", "banner", "contentinfo", "complementary", "button"):
        return True
    marks = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
    return bool(marks.strip()) and bool(_FURNITURE_ATTR.search(marks))


def _code_language(pre: Tag) -> str | None:
    for node in [pre, *pre.find_all("code", limit=1)]:
        for cls in node.get("class") or []:
            match = _LANGUAGE_CLASS.match(cls)
            if match:
                return match["lang"].lower()
        if node.get("data-lang"):
            return str(node["data-lang"]).lower()
    return None


class _Walker:
    def __init__(self, root: Tag) -> None:
        self.blocks: list[Block] = []
        # Which tags hold a block-level tag somewhere below, found in one pass upwards from each
        # block tag: asking find() at every level would be quadratic on deeply nested pages.
        self.holds_blocks: set[int] = set()
        for block in root.find_all(_BLOCK_TAGS):
            parent = block.parent
            while parent is not None and id(parent) not in self.holds_blocks:
                self.holds_blocks.add(id(parent))
                parent = parent.parent

    @staticmethod
    def text_of(nodes: list[Tag | NavigableString]) -> tuple[str, tuple[str, ...]]:
        parts: list[str] = []
        spans: list[str] = []
        for node in nodes:
            if isinstance(node, Tag):
                parts.append(node.get_text(" "))
                if node.name in _EMPHASIS_TAGS:
                    spans.append(node.get_text(" "))
                spans.extend(e.get_text(" ") for e in node.find_all(_EMPHASIS_TAGS))
            else:
                parts.append(str(node))
        return text.squash(" ".join(parts)), tuple(text.squash(s) for s in spans if s.strip())

    def add(self, kind: BlockKind, nodes: Tag | list, line: int | None = None, level: int = 0,
            ordinal: int | None = None) -> None:
        if isinstance(nodes, Tag):
            line = nodes.sourceline if line is None else line
            nodes = [nodes]
        body, spans = self.text_of(nodes)
        body = re.sub(r"\s+([,.;:!?)])", r"\1", body)
        if not body or furniture.is_furniture_line(body) or furniture.is_pleasantry_block(body) or byline_name(body):
            return
        self.blocks.append(Block(kind, body, line or 0, level=level, emphasis=spans, ordinal=ordinal))

    def walk(self, node: Tag, list_depth: int = -1, in_quote: bool = False, depth: int = 0) -> None:
        loose: list[NavigableString | Tag] = []
        for child in list(node.children):
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                if child.strip():
                    loose.append(child)
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name in _BLOCK_TAGS or name in _CONTAINER_TAGS and depth < _MAX_DEPTH and id(child) in self.holds_blocks:
                self._flush_loose(loose, node, in_quote)
                loose = []
            else:
                loose.append(child)
                continue
            if name == "pre":
                code = child.get_text()
                if code.strip():
                    self.blocks.append(Block(BlockKind.CODE, code.strip("\n"), (child.sourceline or 0),
                                             language=_code_language(child)))
            elif name[0] == "h" and name[1:].isdigit():
                self.add(BlockKind.HEADING, child, level=int(name[1:]))
            elif name == "blockquote":
                if id(child) in self.holds_blocks:
                    self.walk(child, list_depth, True, depth + 1)
                else:
                    self.add(BlockKind.QUOTE, child)
            elif name == "li":
                nested = child.find(["ul", "ol"])
                ordinal = None
                if child.parent is not None and child.parent.name == "ol":
                    siblings = [s for s in child.parent.find_all("li", recursive=False)]
                    ordinal = siblings.index(child) + int(child.parent.get("start", 1) or 1)
                if nested is not None:
                    nested.extract()
                    self.add(BlockKind.LIST_ITEM, child, level=list_depth + 1, ordinal=ordinal)
                    self.walk(nested, list_depth + 1, in_quote, depth + 1)
                else:
                    self.add(BlockKind.LIST_ITEM, child, level=list_depth + 1, ordinal=ordinal)
            elif name in ("ul", "ol"):
                self.walk(child, list_depth + 1, in_quote, depth + 1)
            elif name in _BLOCK_TAGS:
                if child.find(["pre", "ul", "ol", "blockquote"]) and depth < _MAX_DEPTH:
                    self.walk(child, list_depth, in_quote, depth + 1)
                else:
                    self.add(BlockKind.QUOTE if in_quote else BlockKind.PARAGRAPH, child)
            else:
                self.walk(child, list_depth, in_quote, depth + 1)
        self._flush_loose(loose, node, in_quote)

    def _flush_loose(self, loose: list, parent: Tag, in_quote: bool) -> None:
        """Text that sits directly in a container, outside any paragraph, is a paragraph of its own."""
        if not loose:
            return
        line = next((n.sourceline for n in loose if isinstance(n, Tag) and n.sourceline), parent.sourceline)
        self.add(BlockKind.QUOTE if in_quote else BlockKind.PARAGRAPH, loose, line)


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"name": name}) or soup.find("meta", attrs={"property": name})
        if tag and tag.get("content", "").strip():
            return text.squash(tag["content"])
    return None


def _author(soup: BeautifulSoup) -> str | None:
    found = _meta(soup, "author", "article:author", "twitter:creator", "dc.creator")
    if found:
        return found
    for tag in soup.select('[rel~="author"], [itemprop="author"], .author, .byline, .post-author, address'):
        candidate = text.squash(tag.get_text(" "))
        candidate = re.sub(r"^(?:by|posted by|written by)\s+", "", candidate, flags=re.IGNORECASE)
        if looks_like_name(candidate):
            return candidate
    return None


def _content_root(soup: BeautifulSoup) -> Tag:
    """Where the writing is: <main>, or the one <article> that holds most of the page's text
    (pages also use <article> for each comment), else the whole body."""
    body = soup.body or soup
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if main is not None:
        return main
    articles = soup.find_all("article")
    if articles:
        largest = max(articles, key=lambda a: len(a.get_text(" ", strip=True)))
        if len(largest.get_text(" ", strip=True)) > 0.5 * len(body.get_text(" ", strip=True)):
            return largest
    return body


def read(path: Path, raw: str) -> Document:
    soup = BeautifulSoup(raw, "html.parser")
    title = _meta(soup, "og:title", "twitter:title")
    if title is None and soup.title and soup.title.get_text(strip=True):
        title = text.squash(soup.title.get_text())
    author = _author(soup)
    # Furniture goes first, wherever it sits: text gathered from a container must not pick it up.
    for tag in [t for t in soup.find_all(True) if _is_furniture(t)]:
        if not tag.decomposed:
            tag.decompose()
    root = _content_root(soup)
    walker = _Walker(root)
    walker.walk(root)
    blocks = walker.blocks
    if title is None:
        title = next((b.text for b in blocks if b.kind is BlockKind.HEADING), None)
    title = title or title_from_blocks(blocks, author, False) or path.stem
    return Document(path=path, title=title, blocks=tuple(blocks), author=author)
