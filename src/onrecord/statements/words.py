"""The words a statement is grouped by: a quote's folded words, or a mixed quote's quoted fragments."""
from __future__ import annotations

import re

from onrecord.spelling import fold_words

Words = tuple[str, ...]

# A fragment between double marks (curly, straight, guillemets) inside a mixed quote's text.
_QUOTED = re.compile(r"[“\"«„]([^“”\"«»„]+)[”\"»“]")


def words(text: str) -> Words:
    """Lower case, accents and punctuation gone: what two copies of a quote share."""
    return tuple(fold_words(text).split())


def quoted_words(kind: str, text: str) -> Words:
    """The words a quote is grouped by: for mixed speech only its quoted fragments (joined in
    order), for direct and indirect speech all of its words."""
    if kind == "mixed":
        frags = [m.group(1) for m in _QUOTED.finditer(text)]
        if frags:
            return tuple(w for f in frags for w in words(f))
    return words(text)


def shingles(ws: Words, size: int = 3) -> set[Words]:
    """The runs of `size` words (the whole quote when shorter): the keys candidates share."""
    if len(ws) <= size:
        return {ws} if ws else set()
    return {ws[i:i + size] for i in range(len(ws) - size + 1)}
