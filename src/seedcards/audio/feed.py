"""A podcast feed (RSS 2.0 with the iTunes and Podcasting 2.0 tags) for a folder of episodes."""

from __future__ import annotations

import email.utils
import html
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree as ET

from seedcards.atomic import write_text

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
# Characters XML 1.0 cannot carry at all (a feed holding one is not XML), and the C1 controls.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Episode:
    file_name: str
    title: str
    author: str | None
    description: str
    size: int
    seconds: float
    guid: str
    published: int
    chapters: str | None = None
    """File name of the episode's JSON chapters, if it has them."""
    transcript: str | None = None
    """File name of its WebVTT transcript."""


@dataclass(frozen=True)
class Channel:
    title: str
    author: str
    cover: str
    base_url: str = ""


def clean(text: str) -> str:
    """Text as XML can carry it: control characters become spaces."""
    return _NOT_XML.sub(" ", text)


def address(base_url: str, file_name: str) -> str:
    """``base_url`` and a file name joined with exactly one slash (just the name without a base)."""
    name = quote(file_name)
    return f"{base_url.rstrip('/')}/{name}" if base_url else name


def channel_author(episodes: list[Episode], title: str) -> str:
    """The episodes' own author when they share one (or up to three), else the podcast's title."""
    authors = Counter(e.author for e in episodes if e.author)
    if not authors:
        return title
    names = [name for name, _ in authors.most_common()]
    return ", ".join(names) if len(names) <= 3 else f"{names[0]} and others"


def _duration(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _text(parent: ET.Element, tag: str, value: str, attributes: dict[str, str] | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: clean(v) for k, v in (attributes or {}).items()})
    element.text = clean(value) if value else None
    return element


def _html_text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    """An element whose text podcast apps read as HTML (RSS's description): written words are
    escaped once for HTML as well as for XML, so a post's "<img onerror=...>" shows as text."""
    return _text(parent, tag, html.escape(value, quote=False) if value else value)


def write_feed(path: Path, episodes: list[Episode], channel: Channel) -> None:
    """Newest episode first. Without a base URL the addresses are relative (a local folder)."""
    ET.register_namespace("itunes", ITUNES)
    ET.register_namespace("podcast", PODCAST)
    rss = ET.Element("rss", {"version": "2.0"})
    feed = ET.SubElement(rss, "channel")
    url = lambda name: address(channel.base_url, name)  # noqa: E731
    _text(feed, "title", channel.title)
    _text(feed, "link", channel.base_url.rstrip("/") + "/" if channel.base_url else "./")
    _html_text(feed, "description", f"{channel.title}: narrated with seedcards.")
    _text(feed, "language", "en")
    _text(feed, f"{{{ITUNES}}}author", channel.author)
    _text(feed, f"{{{ITUNES}}}image", "", {"href": url(channel.cover)})
    image = ET.SubElement(feed, "image")
    for tag, value in (("url", url(channel.cover)), ("title", channel.title), ("link", channel.base_url or "./")):
        _text(image, tag, value)
    _text(feed, f"{{{ITUNES}}}category", "", {"text": "Education"})
    _text(feed, f"{{{ITUNES}}}explicit", "false")
    for episode in sorted(episodes, key=lambda e: (-e.published, e.title)):
        item = ET.SubElement(feed, "item")
        _text(item, "title", episode.title)
        _html_text(item, "description", episode.description)
        _text(item, "enclosure", "", {"url": url(episode.file_name), "length": str(episode.size), "type": "audio/mpeg"})
        _text(item, "guid", episode.guid, {"isPermaLink": "false"})
        _text(item, "pubDate", email.utils.formatdate(episode.published, usegmt=True))
        _text(item, f"{{{ITUNES}}}duration", _duration(episode.seconds))
        if episode.author:
            _text(item, f"{{{ITUNES}}}author", episode.author)
        if episode.chapters:
            _text(
                item, f"{{{PODCAST}}}chapters", "", {"url": url(episode.chapters), "type": "application/json+chapters"}
            )
        if episode.transcript:
            _text(item, f"{{{PODCAST}}}transcript", "", {"url": url(episode.transcript), "type": "text/vtt"})
    ET.indent(rss)
    write_text(path, '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n")
