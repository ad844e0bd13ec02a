"""seedcards: turn writing about AI safety into Anki decks and audio."""

__version__ = "0.1.0"
