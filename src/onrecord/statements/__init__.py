"""Statements across a corpus: every quote that carries one speaker's words, grouped."""
