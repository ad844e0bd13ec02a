"""Short spoken clips for the backs of definition and claim cards, as Anki media."""

from __future__ import annotations

from seedcards.audio.cache import split_cached
from seedcards.audio.encode import media_name, to_mp3
from seedcards.audio.speech import Pronunciations, card_speech
from seedcards.audio.synthesis import Synthesizer
from seedcards.card import Card


def card_clips(cards: list[Card], synth: Synthesizer, say: Pronunciations) -> tuple[list[Card], dict[str, bytes]]:
    """The cards with their clip's media name set, and the media files by name."""
    speech = {card.key: card_speech(card, say) for card in cards}
    wanted = [t for t in speech.values() if t]
    encoded, missing = split_cached(wanted, synth.cache.get_clip)
    synth.stats.cached += len(encoded)
    for text, pcm in synth.speak(missing).items():
        encoded[text] = to_mp3(pcm)
        synth.cache.put_clip(text, encoded[text])
    media: dict[str, bytes] = {}
    updated = []
    for card in cards:
        text = speech[card.key]
        if text:
            name = media_name(encoded[text])
            media[name] = encoded[text]
            card = card.with_changes(audio=name)
        updated.append(card)
    return updated, media
