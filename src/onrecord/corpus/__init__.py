"""Corpus mode: run the extractor over many articles into a DuckDB store, then query it."""

# Seconds one article may take by default (`onrecord run --article-timeout`): extraction is
# linear in the article's length, and the longest article accepted (2M characters) takes
# about 90 s on one core of a small machine.
ARTICLE_TIMEOUT = 300.0
# Largest --limit/--offset a query takes (DuckDB's LIMIT and OFFSET are 64-bit).
MAX_ROWS = 2**63 - 1
# Speaker ids are 32-bit INTEGERs: a bigger number names no speaker.
MAX_SPEAKER_ID = 2**31 - 1
# Most articles one write takes: results that are already waiting when the writer comes back
# for more are written together (one transaction), so a store that falls behind a fast cluster
# pays its per-transaction cost once per many batches (BENCHMARKS.md, "Store writer").
WRITE_MAX = 1024
