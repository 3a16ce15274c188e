"""Browser tests for the built site (pytest package, so helpers import relatively)."""
