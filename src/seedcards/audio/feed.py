"""A podcast feed (RSS 2.0 with the iTunes tags) for a folder of narrated documents."""

from __future__ import annotations

import email.utils
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from seedcards.atomic import write_text

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"


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


def _duration(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def write_feed(path: Path, episodes: list[Episode], title: str, base_url: str = "") -> None:
    """Enclosure URLs are ``base_url`` + file name: relative (a local folder) unless a base is given."""
    ET.register_namespace("itunes", ITUNES)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = title
    ET.SubElement(channel, "link").text = base_url or "./"
    ET.SubElement(channel, "description").text = f"{title}: narrated with seedcards."
    ET.SubElement(channel, "language").text = "en"
    ET.SubElement(channel, f"{{{ITUNES}}}author").text = "seedcards"
    ET.SubElement(channel, f"{{{ITUNES}}}category", {"text": "Education"})
    ET.SubElement(channel, f"{{{ITUNES}}}explicit").text = "false"
    for episode in episodes:
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = episode.title
        ET.SubElement(item, "description").text = episode.description
        ET.SubElement(item, "enclosure", {"url": base_url + episode.file_name, "length": str(episode.size),
                                          "type": "audio/mpeg"})
        ET.SubElement(item, "guid", {"isPermaLink": "false"}).text = episode.guid
        ET.SubElement(item, "pubDate").text = email.utils.formatdate(episode.published, usegmt=True)
        ET.SubElement(item, f"{{{ITUNES}}}duration").text = _duration(episode.seconds)
        if episode.author:
            ET.SubElement(item, f"{{{ITUNES}}}author").text = episode.author
    ET.indent(rss)
    write_text(path, '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n")
