"""Corpus mode: run the extractor over many articles into a DuckDB store, then query it."""

# Seconds one article may take by default (`onrecord run --article-timeout`): extraction is
# linear in the article's length, and the longest article accepted (2M characters) takes
# about 90 s on one core of a small machine.
ARTICLE_TIMEOUT = 300.0
