"""The extractor recognises the ways writers define terms and state claims, in sentences it has never seen."""

from __future__ import annotations

from pathlib import Path

import pytest

from seedcards.card import CardKind
from seedcards.extract import Extractor
from seedcards.readers import read
from seedcards.extract.topics import load_topics
from tests.conftest import REPO

TOPICS = load_topics(REPO / "decks" / "topics.yaml")


def cards_of(tmp_path: Path, content: str, name: str = "post.txt", author: str | None = "Ada Example"):
    text = (f"{author}\n\n" if author and name.endswith(".txt") else "") + content
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return Extractor(TOPICS, min_score=0.0).document_cards(read(path))


def definitions(cards) -> dict[str, str]:
    return {c.front: c.back for c in cards if c.kind is CardKind.DEFINITION}


@pytest.mark.parametrize("sentence, term, meaning", [
    ("A gradient hacker is a model that steers its own training.", "gradient hacker", "a model that steers its own training"),
    ("Mode collapse refers to a generative model producing only a few kinds of output.", "Mode collapse",
     "a generative model producing only a few kinds of output"),
    ("Goodharting means optimising a proxy until it stops tracking the goal.", "Goodharting",
     "optimising a proxy until it stops tracking the goal"),
    ("By corrigibility I mean a system's willingness to be corrected or shut down.", "corrigibility",
     "a system's willingness to be corrected or shut down"),
    ("What I call a tripwire is an evaluation that halts training when crossed.", "a tripwire",
     "an evaluation that halts training when crossed"),
    ("The model stops improving on the proxy once it saturates, which we call proxy saturation.", "proxy saturation",
     "The model stops improving on the proxy once it saturates"),
    ("Reward models (RMs) are classifiers trained on human preference comparisons.", "Reward models (RMs)",
     "classifiers trained on human preference comparisons"),
    ("As for what calibration measures, it's basically how well stated confidence matches accuracy.", "calibration",
     "basically how well stated confidence matches accuracy"),
    ("Sycophancy is basically a proxy for telling people what they want to hear.", "Sycophancy",
     "a proxy for telling people what they want to hear"),
    ("Their notion of capacity (which is the same as what others call dimensionality) is useful.", "capacity",
     "the same as what others call dimensionality"),
    ("Myopia: optimising only for the current episode's reward.", "Myopia", "optimising only for the current episode's reward"),
])
def test_definition_forms(tmp_path: Path, sentence: str, term: str, meaning: str) -> None:
    found = definitions(cards_of(tmp_path, sentence + "\n"))
    assert any(t.lower().startswith(term.lower().removeprefix("a ")) for t in found), found
    assert any(meaning.lower() in d.lower() for d in found.values()), found


def test_emphasised_term_in_markdown_and_dfn_in_html(tmp_path: Path) -> None:
    md = cards_of(tmp_path, "**Scheming** is when a model fakes alignment during training to pursue other goals later.\n",
                  name="p.md")
    assert "Scheming" in definitions(md)
    html = cards_of(tmp_path, "<p>A <dfn>honeypot</dfn> is a fake opportunity for misbehaviour that a monitor watches.</p>",
                    name="p.html")
    assert definitions(html) == {"honeypot": "a fake opportunity for misbehaviour that a monitor watches"}


def test_definition_side_does_not_give_the_term_away(tmp_path: Path) -> None:
    found = definitions(cards_of(tmp_path, "Deceptive alignment is when a model fakes deceptive alignment checks.\n"))
    assert all("Deceptive alignment".lower() not in d.lower() for d in found.values())


@pytest.mark.parametrize("sentence", [
    "This is a really important point.",
    "It is a shame that nobody replied.",
    "The main problem is that evaluations are expensive.",
    "Note: the results are preliminary and may change.",
    "There is a lot of interesting work on probes.",
])
def test_sentences_that_are_not_definitions(tmp_path: Path, sentence: str) -> None:
    assert definitions(cards_of(tmp_path, sentence + "\n")) == {}


@pytest.mark.parametrize("sentence, hidden", [
    ("I think interpretability will matter most for auditing deceptive models.", "auditing deceptive models"),
    ("My guess is that sparse autoencoders recover only 65% of the variance in practice.", "65%"),
    ("I expect AI control techniques to work well for early transformative models.", "AI control techniques"),
    ("TL;DR: responsible scaling policies need evaluations that labs cannot game.", None),
    ("I'm skeptical that linear probes find the features models actually use.", None),
])
def test_stance_sentences_become_clozes_that_hide_content(tmp_path: Path, sentence: str, hidden: str | None) -> None:
    from seedcards.text import stopwords

    clozes = [c for c in cards_of(tmp_path, sentence + "\n") if c.kind is CardKind.CLOZE]
    assert len(clozes) == 1
    inner = clozes[0].text.split("{{c1::", 1)[1].split("}}", 1)[0]
    assert inner.lower() not in stopwords() and len(inner) > 2
    if hidden:
        assert inner == hidden
    assert clozes[0].text.replace("{{c1::", "").replace("}}", "") == sentence


def test_claims_with_a_known_author_also_get_a_claim_card(tmp_path: Path) -> None:
    cards = cards_of(tmp_path, "I expect anomaly detection to catch most measurement tampering.\n")
    claims = [c for c in cards if c.kind is CardKind.CLAIM]
    assert claims and claims[0].front.startswith("What does Ada Example expect about")
    assert claims[0].back == "I expect anomaly detection to catch most measurement tampering."
    anonymous = cards_of(tmp_path, "I expect anomaly detection to catch most measurement tampering.\n", name="a.md")
    assert not [c for c in anonymous if c.kind is CardKind.CLAIM]


def test_a_claim_that_points_back_carries_the_previous_sentence_or_is_dropped(tmp_path: Path) -> None:
    cards = cards_of(tmp_path, "Probing classifiers are cheap to train on activations. "
                               "This probably makes them the first tool to try for interpretability.\n")
    follow = [c for c in cards if c.kind is CardKind.CLOZE]
    assert follow and follow[0].context == "Probing classifiers are cheap to train on activations."
    alone = cards_of(tmp_path, "This probably makes them the first tool to try for interpretability.\n")
    assert not [c for c in alone if c.kind in (CardKind.CLOZE, CardKind.CLAIM)]


def test_a_fact_right_after_a_definition_is_resolved_to_its_term(tmp_path: Path) -> None:
    cards = cards_of(tmp_path, "Feature importance is a measure of how much a feature reduces the loss. "
                               "It can be unrelated to how often the feature fires.\n")
    texts = [c.text for c in cards if c.kind is CardKind.CLOZE]
    assert any(t.startswith("Feature importance can be unrelated") for t in texts), texts


def test_review_verdicts_become_claim_cards(tmp_path: Path) -> None:
    cards = cards_of(tmp_path, '- "Probes will never scale to frontier models" → ❌ Wrong: they scaled fine.\n'
                               '- "Evals are hard to game" → ❓✅ Mostly right, with caveats about sandbagging.\n')
    verdicts = [c for c in cards if c.kind is CardKind.CLAIM and "later judge" in c.front]
    assert len(verdicts) == 2
    assert "Probes will never scale to frontier models" in verdicts[0].front and verdicts[0].back.startswith("❌ wrong")
    assert verdicts[1].back.startswith("❓✅ leaning right")


def test_questions_pleasantries_and_furniture_give_no_cards(tmp_path: Path) -> None:
    content = ("Thanks so much, really glad it helped!\n\nDo you think interpretability scales?\n\n"
               "Read 12 replies\n\nBecome Premium to support the site\n")
    assert cards_of(tmp_path, content) == []


def test_keys_are_stable_and_do_not_depend_on_position(tmp_path: Path) -> None:
    first = cards_of(tmp_path, "Goodharting means optimising a proxy until it stops tracking the goal.\n")
    second = cards_of(tmp_path, "I think evals matter for scaling policy.\n\n"
                                "Goodharting means optimising a proxy until it stops tracking the goal.\n")
    key = next(c.key for c in first if c.kind is CardKind.DEFINITION)
    assert key in {c.key for c in second}
