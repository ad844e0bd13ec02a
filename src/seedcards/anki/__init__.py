"""The Anki side: note types from templates/, genanki notes, and the .apkg writer."""
