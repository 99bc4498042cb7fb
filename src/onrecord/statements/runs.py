"""A quote's word runs as 64-bit keys: the ones it is looked up by and the ones it is stored
under. Pure functions of the quote, so workers compute them and the one writer need not."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from onrecord.statements.words import Words, quoted_words, shingles

# Quotes up to this many words index every word run; longer ones only the runs winnowing picks
# (the smallest key in each WINDOW runs in a row: about half of them), which any cut of
# WINDOW + 2 words or more still shares with them. Lookups use every run.
ALL_KEYS_UP_TO = 10
WINDOW = 3


@lru_cache(maxsize=1 << 16)
def key_of(run: Words) -> int:
    """A word run as a signed 64-bit key."""
    h = hashlib.blake2b(" ".join(run).encode(), digest_size=8).digest()
    return int.from_bytes(h, "little", signed=True)


def stored_keys(ws: Words) -> set[int]:
    """The keys a quote is indexed under (all its runs when short, a winnowed half when long)."""
    keys = [key_of(ws[i:i + 3]) for i in range(len(ws) - 2)] if len(ws) > 3 else \
        [key_of(ws)] if ws else []
    if len(ws) <= ALL_KEYS_UP_TO or len(keys) <= WINDOW:
        return set(keys)
    return {min(keys[i:i + WINDOW]) for i in range(len(keys) - WINDOW + 1)}


@dataclass(frozen=True, slots=True)
class QuoteRuns:
    """One quote's words (`quoted_words`), the keys of all its runs and the keys it is stored
    under."""

    words: Words
    keys: frozenset[int]
    stored: frozenset[int]


def quote_runs(kind: str, text: str) -> QuoteRuns:
    """What statements file a quote by, from its kind and text alone."""
    ws = quoted_words(kind, text)
    return QuoteRuns(ws, frozenset(key_of(r) for r in shingles(ws)), frozenset(stored_keys(ws)))
