"""Development proxy on rated document sets that are not in this repository (never on a held-out set).

    python benchmarks/devsets.py /path/to/setA /path/to/setB [--cards] [--per-1000 N] [--min-score X]

Each set folder holds `docs/` (the documents), `ideas/<stem>.md` (the key ideas a blind rater listed,
one "N. idea" a line) and, optionally, earlier rounds' `cards-*/<stem>.jsonl` with `ratings-*.md`
(tables "| card number | 2/1/0 | idea | reason |" under "## NN" per document). For each set it prints
the cards the current extractor makes and two proxies, which are not ratings:

- on-idea share: cards whose content words overlap one listed idea (at least two shared words and a
  third of the card's words); a card that states none of the ideas is what a rater drops;
- ideas touched: listed ideas with such a card (an optimistic stand-in for coverage);
- earlier ratings carried over: how many cards are the same card (same key) or the same sentence
  (same kind and line) as a card rated 2 / 1 / 0 in an earlier round, and how many are new.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from seedcards import ankisyntax, text  # noqa: E402
from seedcards.card import Card  # noqa: E402
from seedcards.extract import DEFAULT_MIN_SCORE, Extractor, merge_duplicates  # noqa: E402
from seedcards.extract.topics import load_topics  # noqa: E402
from seedcards.readers import read  # noqa: E402

_IDEA = re.compile(r"^\s*(\d+)\.\s+(.*)")
_DOC = re.compile(r"^## (\d\d)")
_ROW = re.compile(r"^\|\s*(\d+)\s*\|\s*([012])\s*\|")
_MIN_SHARED = 2
_MIN_SHARE = 0.3
_OPTIONS = ("--per-1000", "--min-score")


def words_of(value: str) -> set[str]:
    return {text.stem(w) for w in text.content_words(value) if len(w) > 2}


def card_words(card: Card | dict) -> set[str]:
    get = card.get if isinstance(card, dict) else lambda k, d="": getattr(card, k, d)
    body = get("text", "") or f"{get('front', '')} {get('back', '')}"
    return words_of(ankisyntax.strip_clozes(body) if "{{" in body else body)


def ideas_of(path: Path) -> dict[int, set[str]]:
    found = (_IDEA.match(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {int(m.group(1)): words_of(m.group(2)) for m in found if m}


def idea_of(card: Card, ideas: dict[int, set[str]]) -> int | None:
    words = card_words(card)
    best, best_share = None, 0.0
    for number, idea in ideas.items():
        shared = len(words & idea)
        share = shared / max(1, len(words))
        if shared >= _MIN_SHARED and share >= _MIN_SHARE and share > best_share:
            best, best_share = number, share
    return best


def earlier_ratings(folder: Path) -> dict[str, dict[tuple, int]]:
    """Per document stem: (key slug) and (kind, line) -> the rating an earlier round gave."""
    import json

    rated: dict[str, dict[tuple, int]] = {}
    # The latest round first: its rating of a card stands over an earlier one.
    for ratings in sorted(folder.glob("ratings-*.md"), key=lambda p: p.stat().st_mtime, reverse=True):
        cards_dir = folder / f"cards-{ratings.stem.removeprefix('ratings-')}"
        table: dict[str, dict[int, int]] = {}
        doc = None
        for line in ratings.read_text(encoding="utf-8").splitlines():
            if heading := _DOC.match(line):
                doc = heading.group(1)
            elif (row := _ROW.match(line)) and doc:
                table.setdefault(doc, {})[int(row.group(1))] = int(row.group(2))
        for path in sorted(cards_dir.glob("*.jsonl")):
            lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
            marks = rated.setdefault(path.stem, {})
            for number, card in enumerate(lines, 1):
                if number in table.get(path.stem[:2], {}):
                    mark = table[path.stem[:2]][number]
                    marks.setdefault(("key", card["key"].split("#", 1)[1]), mark)
                    marks.setdefault(("line", card["type"], card["line"]), mark)
    return rated


def measure(folder: Path, show: bool, options: dict[str, float]) -> dict:
    extractor = Extractor(
        load_topics(ROOT / "decks" / "topics.yaml"),
        min_score=options.get("--min-score", DEFAULT_MIN_SCORE),
        cards_per_1000_words=options.get("--per-1000"),
    )
    rated = earlier_ratings(folder)
    totals: Counter = Counter()
    for path in sorted((folder / "docs").iterdir()):
        ideas = ideas_of(folder / "ideas" / f"{path.stem}.md")
        cards = merge_duplicates([extractor.document_cards(read(path), path.as_posix())])
        marks = rated.get(path.stem, {})
        touched = set()
        for card in cards:
            idea = idea_of(card, ideas)
            touched |= {idea} if idea is not None else set()
            mark = marks.get(("key", card.key.split("#", 1)[1]), marks.get(("line", card.kind.value, card.line)))
            totals[f"rated {mark}" if mark is not None else "new"] += 1
            if show:
                print(f"  [{mark if mark is not None else '?'}] idea {idea}: {card.text or card.front}"[:160])
        totals["cards"] += len(cards)
        totals["on idea"] += sum(idea_of(c, ideas) is not None for c in cards)
        totals["ideas"] += len(ideas)
        totals["touched"] += len(touched)
        print(f"{path.stem[:40]:40} cards {len(cards):3}  ideas touched {len(touched):2}/{len(ideas)}")
    return dict(totals)


def main(argv: list[str]) -> None:
    show = "--cards" in argv
    options = {flag: float(value) for flag, value in pairwise(argv) if flag in _OPTIONS}
    folders = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] not in _OPTIONS)]
    for name in folders:
        t = measure(Path(name), show, options)
        print(
            f"== {name}: {t['cards']} cards, on-idea {t['on idea'] / max(1, t['cards']):.0%}, "
            f"ideas touched {t['touched']}/{t['ideas']} ({t['touched'] / max(1, t['ideas']):.0%}); "
            f"earlier ratings 2/1/0: {t.get('rated 2', 0)}/{t.get('rated 1', 0)}/{t.get('rated 0', 0)}, "
            f"new {t.get('new', 0)}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
