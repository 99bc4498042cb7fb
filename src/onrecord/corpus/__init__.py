"""Corpus mode: run the extractor over many articles into a DuckDB store, then query it."""
