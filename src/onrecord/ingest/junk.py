"""Watermark junk spliced into words by scraper sites (`atxjmtzywtack` -> `attack`).

A token is junk when it is no English word (absent from wordfreq's vocabulary), removing one
inner run of letters leaves a frequent word, and the removed run is unlike English spelling
(it holds letter triples that almost no English word has, such as `xjm`); the longest word
left wins. Rare real words are in the vocabulary, so they are never touched; names and
compounds (`Diemont` -> `Dont`) often collapse to frequent words, but their letters read as
English, so they are kept.
"""
from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import iter_wordlist, zipf_frequency

from onrecord.ingest.edits import Edit

# Calibrated on the 2,225 BBC and 1,008 PolNeAr articles (no hits among their 1,617 tokens
# that are no word), the scraped CTV example (one hit) and 2,000 random 6-10 letter runs
# spliced into BBC words (81% repaired exactly, 1.2% repaired to a wrong word):
MIN_TOKEN = 7        # shorter tokens are too often names or abbreviations
MIN_RUN = 4          # the spliced watermark is at least this many letters
MIN_RARE = 3         # ... and (with one letter of context each side) holds this many ...
RARE_SHARE = 0.34    # ... and this share of letter triples that English spelling hardly uses:
RARE_WEIGHT = 1e-6   # a triple is rare when the words holding it sum to less than this
VOCAB_WORDS = 100_000  # ... frequency, among this many most frequent alphabetic English words
MIN_WORD = 4         # the repaired word is at least this long ...
MIN_ZIPF = 3.0       # ... and at least this frequent (zipf 3: one per million words)
_TOKEN = re.compile(r"(?<![\w'’@#/.-])[A-Za-z]{" + str(MIN_TOKEN) + r",}(?![\w'’@/-]|\.\w)")


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an English word (0 when it is not in the vocabulary)."""
    return zipf_frequency(word, "en")


@lru_cache(maxsize=1)
def rare_trigrams() -> frozenset[str]:
    """Letter triples whose words, among the most frequent English ones, are rarely used:
    summed word frequency below RARE_WEIGHT (a triple only names use counts as rare)."""
    from wordfreq import get_frequency_dict

    freq = get_frequency_dict("en")
    weight: dict[str, float] = {}
    n = 0
    for w in iter_wordlist("en"):
        if w.isascii() and w.isalpha():
            f = freq.get(w, 0.0)
            for tri in {w[k:k + 3] for k in range(len(w) - 2)}:
                weight[tri] = weight.get(tri, 0.0) + f
            n += 1
            if n >= VOCAB_WORDS:
                break
    letters = "abcdefghijklmnopqrstuvwxyz"
    return frozenset(a + b + c for a in letters for b in letters for c in letters
                     if weight.get(a + b + c, 0.0) < RARE_WEIGHT)


def _unenglish(run: str) -> bool:
    """True when most letter triples of `run` (with one letter of context each side) are
    ones that English spelling hardly uses."""
    rare = rare_trigrams()
    tris = [run[k:k + 3] for k in range(len(run) - 2)]
    n = sum(t in rare for t in tris)
    return n >= MIN_RARE and n >= RARE_SHARE * len(tris)


def repair_token(token: str) -> str | None:
    """The frequent word `token` becomes without its spliced junk, or None if it is not junk."""
    low = token.lower()
    if token.isupper() or any(c.isupper() for c in token[1:]) or zipf(low) > 0:
        return None
    best: tuple[int, float, str] | None = None  # the longest word left, then the commonest
    n = len(low)
    for i in range(1, n - 1):
        for j in range(i + MIN_RUN, n):
            cand = low[:i] + low[j:]
            if len(cand) < MIN_WORD:
                continue
            if not _unenglish(low[i - 1:j + 1]):
                continue
            z = zipf(cand)
            if z >= MIN_ZIPF and (best is None or (len(cand), z) > best[:2]):
                best = (len(cand), z, token[:i] + token[j:])
    return best[2] if best else None


def find_junk(text: str) -> list[Edit]:
    """Edits replacing each junk token by the word hidden in it. A capitalised token that
    stands inside a sentence somewhere in the text ("said Marta Holmqvist") is a name, there
    and at the start of a sentence ("Holmqvist said"), never junk."""
    edits = []
    names: set[str] | None = None
    for m in _TOKEN.finditer(text):
        fixed = repair_token(m.group())
        if fixed is None:
            continue
        if m.group()[:1].isupper():
            if names is None:
                names = _inner_capitalised(text)
            if m.group() in names:
                continue
        edits.append(Edit(m.start(), m.end(), fixed, "junk"))
    return edits


# A capitalised word after a word, a comma or a closing mark on the same line: inside a sentence.
_INNER_CAPITALISED = re.compile(r"(?:(?<=[\w,;])|(?<=[,?!][\"”’']))[ \t]+([A-Z][A-Za-z]+)")


def _inner_capitalised(text: str) -> set[str]:
    return {m.group(1) for m in _INNER_CAPITALISED.finditer(text)}
