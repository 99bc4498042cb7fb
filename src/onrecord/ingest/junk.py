"""Watermark junk spliced into words by scraper sites (`atxjmtzywtack` -> `attack`).

A token is junk when it is no English word (absent from wordfreq's vocabulary), removing one
inner run of letters leaves a frequent word, and the removed run is unlike English spelling (it
holds letter pairs that almost no English word has, such as `xj`). Rare real words are in the
vocabulary, so they are never touched; names and compounds (`Diemont` -> `Dont`) collapse to
frequent words often, but their letters read as English, so they are kept.
"""
from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import iter_wordlist, zipf_frequency

from onrecord.ingest.edits import Edit

# Calibrated on the 2,225 BBC articles, 1,000+ PolNeAr articles (no hits) and the scraped CTV
# example (one hit):
MIN_TOKEN = 7        # shorter tokens are too often names or abbreviations
MIN_RUN = 4          # the spliced watermark is at least this many letters
MIN_RARE_PAIRS = 2   # ... and holds (with its two edges) at least this many rare letter pairs
RARE_PAIR_TYPES = 30  # a pair is rare when fewer of the vocabulary's words contain it ...
VOCAB_WORDS = 100_000  # ... among this many most frequent alphabetic English words
MIN_WORD = 4         # the repaired word is at least this long ...
MIN_ZIPF = 3.5       # ... and at least this frequent (zipf 3.5: ~3 per million words)
_TOKEN = re.compile(r"(?<![\w'’@#/.-])[A-Za-z]{%d,}(?![\w'’@/-]|\.\w)" % MIN_TOKEN)


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an English word (0 when it is not in the vocabulary)."""
    return zipf_frequency(word, "en")


@lru_cache(maxsize=1)
def rare_pairs() -> frozenset[str]:
    """Letter pairs found in fewer than RARE_PAIR_TYPES of the most frequent English words."""
    counts: dict[str, int] = {}
    n = 0
    for w in iter_wordlist("en"):
        if w.isascii() and w.isalpha():
            for pair in {w[k:k + 2] for k in range(len(w) - 1)}:
                counts[pair] = counts.get(pair, 0) + 1
            n += 1
            if n >= VOCAB_WORDS:
                break
    letters = "abcdefghijklmnopqrstuvwxyz"
    return frozenset(a + b for a in letters for b in letters
                     if counts.get(a + b, 0) < RARE_PAIR_TYPES)


def _unenglish(run: str) -> bool:
    """True when `run` (with one letter of context each side) has enough rare letter pairs."""
    rare = rare_pairs()
    return sum(run[k:k + 2] in rare for k in range(len(run) - 1)) >= MIN_RARE_PAIRS


def repair_token(token: str) -> str | None:
    """The frequent word `token` becomes without its spliced junk, or None if it is not junk."""
    low = token.lower()
    if token.isupper() or any(c.isupper() for c in token[1:]) or zipf(low) > 0:
        return None
    best: tuple[float, int, str] | None = None
    n = len(low)
    for i in range(1, n - 1):
        for j in range(i + MIN_RUN, n):
            cand = low[:i] + low[j:]
            if len(cand) < MIN_WORD:
                continue
            if not _unenglish(low[i - 1:j + 1]):
                continue
            z = zipf(cand)
            if z >= MIN_ZIPF and (best is None or (z, len(cand)) > best[:2]):
                best = (z, len(cand), token[:i] + token[j:])
    return best[2] if best else None


def find_junk(text: str) -> list[Edit]:
    """Edits replacing each junk token by the word hidden in it."""
    edits = []
    for m in _TOKEN.finditer(text):
        fixed = repair_token(m.group())
        if fixed is not None:
            edits.append(Edit(m.start(), m.end(), fixed, "junk"))
    return edits
