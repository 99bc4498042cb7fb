"""How spellings are compared: words and names folded to lower case without accents (two ways),
and the edit distance between two words."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[\w'-]+")


@lru_cache(maxsize=65536)
def fold_accents(s: str) -> str:
    """Lower case without accents, ’ as ' ("Mélanie  Joly's" -> "melanie  joly's"); unlike
    `fold_words`, punctuation and spacing are kept (cached: names repeat)."""
    if s.isascii():
        return s.lower()
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")


def fold_words(text: str) -> str:
    """Lower case without accents, punctuation reduced to spaces between single-spaced words
    ("O’Neil,  Jr." -> "o'neil jr"); unlike `fold_accents`, only the words are kept."""
    plain = text if text.isascii() else "".join(  # ASCII has no accents to take off
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(w.strip("'-") for w in _WORD.findall(plain.lower().replace("’", "'"))
                    if w.strip("'-"))


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count one): 1 for one insertion,
    deletion, substitution or swap of neighbours (a one-letter slip), 0 for the same word."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]
