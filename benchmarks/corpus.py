"""A generated corpus for throughput benchmarks: many varied documents, not one file repeated.

Sentences come from the seeds and the test corpus, shuffled into new documents of different
formats (text, Markdown, HTML), lengths and shapes (headings, lists, comment pages), with
words swapped between sentences so that no two documents are alike.
"""

from __future__ import annotations

import html
import random
from pathlib import Path

from seedcards import readers, text

ROOT = Path(__file__).resolve().parents[1]
FORMATS = (".txt", ".md", ".html")


def sentence_pool() -> list[str]:
    pool: list[str] = []
    for folder in (ROOT / "seeds", ROOT / "tests" / "corpus"):
        for path in readers.expand([folder]):
            for block in readers.read(path).blocks:
                if block.kind.value != "code":
                    pool.extend(s for s in text.sentences(block.text) if 4 <= len(s.split()) <= 60)
    return pool


def _vary(sentence: str, rng: random.Random, words: list[str]) -> str:
    tokens = sentence.split()
    for _ in range(rng.randint(0, 3)):
        index = rng.randrange(len(tokens))
        if tokens[index].isalpha() and tokens[index].islower():
            tokens[index] = rng.choice(words)
    return " ".join(tokens)


def document(rng: random.Random, pool: list[str], words: list[str], suffix: str) -> str:
    paragraphs = []
    for _ in range(rng.randint(8, 60)):
        shape = rng.random()
        body = [_vary(rng.choice(pool), rng, words) for _ in range(rng.randint(1, 6))]
        if shape < 0.1:
            paragraphs.append(("heading", " ".join(body[0].split()[:6]).rstrip(".")))
        elif shape < 0.25:
            paragraphs.append(("list", body))
        else:
            paragraphs.append(("para", " ".join(body)))
    if suffix == ".md":
        out = [f"# {paragraphs[0][1] if paragraphs[0][0] == 'heading' else 'Notes'}\n"]
        for kind, body in paragraphs:
            out.append(f"## {body}\n" if kind == "heading" else
                       "\n".join(f"- {item}" for item in body) + "\n" if kind == "list" else body + "\n")
        return "\n".join(out)
    if suffix == ".html":
        out = ["<html><head><title>Generated post</title></head><body><nav><a href='/'>Home</a></nav><article>"]
        for kind, body in paragraphs:
            if kind == "heading":
                out.append(f"<h2>{html.escape(body)}</h2>")
            elif kind == "list":
                out.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in body) + "</ul>")
            else:
                out.append(f"<p>{html.escape(body)}</p>")
        out.append("</article><footer>Subscribe</footer></body></html>")
        return "\n".join(out)
    out = [rng.choice(["Ada Example", "Sam Researcher", "Kim Writer"]), "", "Comments", "Sorted by", ""]
    for kind, body in paragraphs:
        out.append("\n".join(f"  • {item}" for item in body) if kind == "list" else body)
        out.append(rng.choice(["", "", "Reply", "12 points"]))
        out.append("")
    return "\n".join(out)


def generate(folder: Path, megabytes: float, seed: int = 0) -> tuple[int, int]:
    """Write documents into ``folder`` until they add up to ``megabytes``; (files, bytes)."""
    rng = random.Random(seed)
    pool = sentence_pool()
    words = sorted({w for s in pool for w in s.split() if w.isalpha() and w.islower() and len(w) > 3})
    folder.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 1_000_000)
    written = files = 0
    while written < target:
        suffix = FORMATS[files % len(FORMATS)]
        content = document(rng, pool, words, suffix).encode("utf-8")
        (folder / f"doc{files:06d}{suffix}").write_bytes(content)
        written += len(content)
        files += 1
    return files, written
