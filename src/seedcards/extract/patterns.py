"""The extractor's vocabulary patterns are compiled by seedcards.patterns, which the readers share."""

from seedcards.patterns import any_of

__all__ = ["any_of"]
