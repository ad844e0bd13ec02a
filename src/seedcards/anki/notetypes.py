"""Note types, loaded from templates/<type>/ (notetype.yaml, HTML templates, CSS)."""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from pathlib import Path

from seedcards import limits, yamlfile
from seedcards.card import Card
from seedcards.errors import UserError
from seedcards.identity.ids import content_hash, stable_id


@dataclass(frozen=True)
class NoteType:
    """One Anki note type as the files describe it (anki/package.py turns it into a genanki Model)."""

    type: str
    """The folder name, which is also the card kind it serves (basic, cloze, ...)."""
    name: str
    is_cloze: bool
    fields: tuple[str, ...]
    templates: tuple[tuple[str, str, str], ...]
    """(name, front HTML, back HTML) per card template."""
    css: str
    sources: tuple[str | None, ...] = ()
    """Per field, the card attribute that fills it (notetype.yaml's 'fields'); None leaves the
    field to the learner."""

    @property
    def id(self) -> int:
        # From the folder, not the display name, so renaming a note type keeps it the same in Anki.
        return stable_id("notetype", self.type)

    @property
    def schema_hash(self) -> str:
        """Changes when fields or card templates are added, removed or renamed."""
        return content_hash(str(self.is_cloze), *self.fields, "|", *(t[0] for t in self.templates))

    @property
    def content_hash(self) -> str:
        return content_hash(self.name, self.schema_hash, self.css, *(f"{q}\x1e{a}" for _, q, a in self.templates))


def _text_file(path: Path) -> str:
    """A template or stylesheet: a regular file within the size limit, in UTF-8."""
    try:
        return limits.read_bytes(path, "template").decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(f"this template is not UTF-8 text ({exc.reason} at byte {exc.start}).", path) from exc


def _card_template(node: yamlfile.Located, entry: object, templates_dir: Path, folder: Path) -> tuple[str, str, str]:
    """(name, front HTML, back HTML) of one card template entry; its files lie inside templates/."""
    card = yamlfile.located(entry, node.path, node.lines.get("templates", 1))
    yamlfile.check_keys(card, ["name", "front", "back"], "a card template")
    name, front, back = (
        yamlfile.expect(card, k, str, "a card template", required=True) for k in ("name", "front", "back")
    )
    html = []
    for key, file_name in (("front", front), ("back", back)):
        path = folder / file_name
        if not path.is_file():
            raise card.error(f"template file '{file_name}' does not exist in {folder}.", key)
        if not limits.inside(path, templates_dir):
            raise card.error(f"template file '{file_name}' must be in {templates_dir}.", key)
        html.append(_text_file(path))
    return name, html[0], html[1]


def load_notetypes(templates_dir: Path) -> dict[str, NoteType]:
    """Every note type under templates/, keyed by its folder name."""
    base_css = _text_file(templates_dir / "base.css")
    found: dict[str, NoteType] = {}
    for spec_path in sorted(templates_dir.glob("*/notetype.yaml")):
        folder = spec_path.parent
        node = yamlfile.located(yamlfile.load(spec_path), spec_path)
        what = "a note type"
        yamlfile.check_keys(node, ["name", "kind", "fields", "templates", "css", "pygments"], what)
        name = yamlfile.expect(node, "name", str, what, required=True)
        kind = yamlfile.expect(node, "kind", str, what) or "standard"
        if kind not in ("standard", "cloze"):
            raise node.error(f"'kind' must be standard or cloze, not '{kind}'.", "kind")
        fields = _field_sources(node, spec_path)
        entries = yamlfile.expect(node, "templates", list, what, required=True)
        templates = [_card_template(node, entry, templates_dir, folder) for entry in entries]
        css = base_css
        own_css = folder / (yamlfile.expect(node, "css", str, what) or "style.css")
        if not limits.inside(own_css, templates_dir):
            raise node.error(f"the CSS file '{own_css.name}' must be in {templates_dir}.", "css")
        if own_css.is_file():
            css += "\n" + _text_file(own_css)
        elif "css" in node.value:
            raise node.error(f"the CSS file '{node.value['css']}' does not exist.", "css")
        palettes = yamlfile.expect(node, "pygments", dict, what)
        if palettes:
            from pygments.util import ClassNotFound

            from seedcards.highlight import palette_css

            try:
                css += "\n" + palette_css(str(palettes.get("light", "default")), str(palettes.get("dark", "monokai")))
            except ClassNotFound as exc:
                raise node.error(f"unknown Pygments style ({exc}).", "pygments") from exc
        found[folder.name] = NoteType(
            folder.name, name, kind == "cloze", tuple(fields), tuple(templates), css, tuple(fields.values())
        )
    if not found:
        raise UserError("no note types found (expected <type>/notetype.yaml files).", templates_dir)
    return found


CARD_ATTRIBUTES = frozenset(f.name for f in dataclasses.fields(Card)) - {"kind", "key", "score", "html", "origin"}
"""What a field can be filled from: a card's attribute (``code`` is the highlighted code, ``audio``
the card's spoken clip)."""


def _field_sources(node: yamlfile.Located, path: Path) -> dict[str, str | None]:
    """The note type's fields in order, each with the card attribute that fills it: named in
    the file, so that renaming a field there cannot leave it silently empty."""
    fields = yamlfile.expect(node, "fields", (dict, list), "a note type", required=True)
    line = node.lines.get("fields", node.line)
    if isinstance(fields, list):
        raise UserError(
            "'fields' must name the card attribute that fills each field, one per line, e.g. 'Front: front' "
            "('Notes:' with nothing after it leaves a field for you to fill in Anki).",
            path,
            line,
            hint=f"Attributes: {', '.join(sorted(CARD_ATTRIBUTES))}.",
        )
    sources: dict[str, str | None] = {}
    for name, attribute in fields.items():
        if attribute is not None and (not isinstance(attribute, str) or attribute not in CARD_ATTRIBUTES):
            close = difflib.get_close_matches(str(attribute), sorted(CARD_ATTRIBUTES), n=1)
            raise UserError(
                f"the field '{name}' is filled from '{attribute}', which is not a card attribute.",
                path,
                getattr(fields, "key_lines", {}).get(name, line),
                hint=f"Did you mean '{close[0]}'?" if close else f"Attributes: {', '.join(sorted(CARD_ATTRIBUTES))}.",
            )
        sources[str(name)] = attribute
    return sources
