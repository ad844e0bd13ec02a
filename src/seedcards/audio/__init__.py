"""Narration: documents and cards prepared for the ear, synthesized, encoded, tagged and fed.

A branch off the main pipeline: it reads Documents and Cards and never changes them.
"""
