"""Claims: sentences that carry an author's position, and review verdicts on earlier claims."""

from __future__ import annotations

import re
from dataclasses import dataclass

from seedcards import text
from seedcards.document import BlockKind
from seedcards.extract.cues import cues, opens_with_anaphor
from seedcards.extract.sentences import Sentence

_MIN_WORDS = 6
_MAX_WORDS = 60
_MAX_VERDICT_WORDS = 35
_THAT = re.compile(r"\s*(?:,\s*)?(?:that\s+)?", re.IGNORECASE)
# An export that cut the text off mid-word ("and h...") leaves a sentence that cannot be studied.
_TRUNCATED = re.compile(r"\w(?:\.\.\.|…)\W*$")
_LEADING_PREPOSITION = re.compile(r"^\s*(?:with|about|on|to|for|of)\s+", re.IGNORECASE)
_NUMBER_REF = re.compile(r"(?<![\w.])\d\.(?=\s|$|[,)])")


@dataclass(frozen=True)
class Claim:
    sentence: str
    proposition_start: int
    """Offset where the claimed content starts (after "I think that")."""
    verb: str
    form: str
    strength: float
    context: str = ""
    needs_context: bool = False


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


def find_claim(sentence: Sentence) -> Claim | None:
    """The position a sentence states, with where its content starts."""
    body = sentence.text.strip()
    word_count = len(body.split())
    if body.endswith(("?", ":")) or _TRUNCATED.search(body) or not _MIN_WORDS <= word_count <= _MAX_WORDS:
        return None
    c = cues()
    summary = c.summary.match(body)
    if summary:
        return _finish(sentence, Claim(body, summary.start("body"), "say", "summary", 0.65))
    own_list = sentence.block.kind is BlockKind.LIST_ITEM and sentence.index == 0 and bool(sentence.lead_in) \
        and bool(c.thesis_lead_in.search(sentence.lead_in)) and word_count >= 6 and not body.endswith((",", ":", ";"))
    if own_list:
        # An item of a list the writer introduced as their own points ("My takeaways:").
        return _finish(sentence, Claim(body, 0, "think", "thesis", 0.55, context=sentence.lead_in))
    for stance, match in _stances_in(body):
        opening = match.start() <= 40 and stance.strong
        start = _THAT.match(body, match.end()).end() if opening else 0
        if len(text.words(body[start:])) < 4:
            continue
        strength = 0.55 if stance.strong else 0.42
        return _finish(sentence, Claim(body, start, stance.verb, "stance", strength))
    if sentence.block.kind is BlockKind.LIST_ITEM and sentence.index == 0:
        numbered = sentence.block.ordinal is not None and word_count >= 8
        if numbered or sentence.lead_in:
            return _finish(sentence, Claim(body, 0, "say", "thesis", 0.45 if numbered else 0.42,
                                           context=sentence.lead_in or sentence.heading or ""))
    because = re.search(r"\bbecause\b", body)
    if because and len(text.words(body[:because.start()])) >= 4 and len(text.words(body[because.end():])) >= 4:
        return _finish(sentence, Claim(body, 0, "argue", "because", 0.4))
    return None


def _stances_in(body: str):
    """The stance cues in a sentence, strong before weak, as the vocabulary orders them.

    One combined scan finds whether any cue is present (most sentences have none); only then
    is each cue looked for on its own, so the first cue in vocabulary order still wins.
    """
    c = cues()
    folded = text.fold(body)
    if not c.any_stance.search(folded):
        return
    for stance in c.stances:
        match = stance.pattern.search(folded)
        if match:
            yield stance, match


def _finish(sentence: Sentence, claim: Claim) -> Claim | None:
    """Make the claim stand alone, or give it up."""
    body = claim.sentence
    # "I agree with this", "I think about that a lot": the proposition's object is outside the card.
    proposition = _LEADING_PREPOSITION.sub("", body[claim.proposition_start:])
    if claim.proposition_start and opens_with_anaphor(proposition) and not claim.context:
        return None
    if _NUMBER_REF.search(body):
        # "2. is the most promising strategy for 1." points at a list the card cannot show;
        # keep the clause before it when that clause stands alone.
        head = re.split(r"\s*[:;]\s", body, maxsplit=1)[0].rstrip(",")
        if head == body or _NUMBER_REF.search(head) or len(text.words(head[claim.proposition_start:])) < 5:
            return None
        claim = Claim(head + ".", claim.proposition_start, claim.verb, claim.form, claim.strength,
                      claim.context, claim.needs_context)
        body = claim.sentence
    if opens_with_anaphor(body[claim.proposition_start:]) or opens_with_anaphor(body):
        if sentence.previous and not opens_with_anaphor(sentence.previous) and not sentence.derived:
            return Claim(body, claim.proposition_start, claim.verb, claim.form, claim.strength - 0.12,
                         context=sentence.previous, needs_context=True)
        return None
    return claim
