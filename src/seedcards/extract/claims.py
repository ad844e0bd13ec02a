"""Review verdicts on earlier claims ("claim" → ✅ comment): a card of their own.

(Positions stated in prose are ranked and shaped like every other sentence: salience.py, shaping.py.)"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seedcards import text
from seedcards.extract.cues import cues
from seedcards.extract.sentences import Sentence

_MAX_VERDICT_WORDS = 35


@dataclass(frozen=True)
class Verdict:
    claim: str
    marks: str
    meaning: str
    comment: str
    important: bool


def find_verdict(sentence: Sentence) -> Verdict | None:
    c = cues()
    body = sentence.block.text if sentence.index == 0 else sentence.text
    if not any(mark in body for mark in c.verdict_marks):
        return None  # a verdict holds a mark; most sentences are spared the slow pattern
    match = c.verdict.match(body.strip())
    if not match:
        return None
    claim = match["claim"].strip()
    important = any(mark in claim for mark in c.importance_marks)
    for mark in c.importance_marks:
        claim = claim.replace(mark, "")
    quoted = re.search(r"[\"“]([^\"”]{6,})[\"”]", claim)
    claim = (quoted.group(1) if quoted else claim).strip(" :-–—")
    if not 2 <= len(text.words(claim)) <= _MAX_VERDICT_WORDS:
        return None
    marks = re.sub(r"\s+", "", match["marks"])
    meaning = c.verdict_marks.get(marks) or c.verdict_marks.get(marks[:2]) or c.verdict_marks.get(marks[:1], "")
    comment = match["comment"].strip()
    first_sentence = text.sentences(comment)[:2]
    return Verdict(claim=claim, marks=marks, meaning=meaning, comment=" ".join(first_sentence), important=important)
