"""Span scoring for attribution roles: exact and overlap P/R/F1 over word positions.

A span is a tuple of (start, end) character fragments. It is compared by the set of word
tokens (``\\w+``) it covers, so whitespace, punctuation and quotation marks at its edges never
decide a match. Content spans also drop a leading "that" (onrecord and the guidelines start
reported clauses after "that"; PolNeAR starts them at "that").
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

WORD = re.compile(r"\w+", re.UNICODE)
Frags = tuple[tuple[int, int], ...]
# Leading words that are not part of the reported content (complementisers).
CONTENT_LEAD = frozenset({"that"})


def words(text: str, frags: Frags, *, drop_lead: frozenset[str] = frozenset()) -> frozenset[int]:
    """Start offsets of the word tokens inside `frags`, minus leading words in `drop_lead`."""
    starts: list[tuple[int, str]] = []
    for a, b in sorted(frags):
        for m in WORD.finditer(text, a, b):
            starts.append((m.start(), m.group().lower()))
    while starts and starts[0][1] in drop_lead:
        starts.pop(0)
    return frozenset(s for s, _ in starts)


@dataclass(slots=True)
class RoleScore:
    """Counts for one role (source, cue or content) over a set of documents."""

    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap: int = 0

    def add(self, other: "RoleScore") -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.exact += other.exact
        self.overlap += other.overlap

    def prf(self, kind: str) -> tuple[float, float, float]:
        """Precision, recall and F1 for `kind` ("exact" or "overlap")."""
        tp = self.exact if kind == "exact" else self.overlap
        p = tp / self.pred if self.pred else 0.0
        r = tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class Matching:
    """One-to-one pairs (gold index, pred index) by overlap, and which of them are exact."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    exact: set[tuple[int, int]] = field(default_factory=set)
    ignored_pred: set[int] = field(default_factory=set)


def match(gold: Sequence[frozenset[int]], pred: Sequence[frozenset[int]],
          ignore: Sequence[frozenset[int]] = ()) -> Matching:
    """Pair gold and predicted word sets one-to-one, most shared words first.

    Unpaired predictions that overlap an `ignore` span (an out-of-scope gold attribution)
    are set aside: they count neither as right nor as wrong.
    """
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            shared = len(g & p)
            if shared:
                cands.append((g == p, shared / len(g | p), gi, pi))
    cands.sort(reverse=True)
    out = Matching()
    used_g: set[int] = set()
    used_p: set[int] = set()
    for same, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.pairs.append((gi, pi))
        if same:
            out.exact.add((gi, pi))
    for pi, p in enumerate(pred):
        if pi not in used_p and any(p & o for o in ignore):
            out.ignored_pred.add(pi)
    return out


def keep(spans: Sequence[frozenset[int]]) -> tuple[list[frozenset[int]], list[int]]:
    """Non-empty, first-seen spans and their original indices (one mention can serve two cues)."""
    seen: dict[frozenset[int], int] = {}
    for i, s in enumerate(spans):
        if s and s not in seen:
            seen[s] = i
    return list(seen), list(seen.values())


def score_role(gold: Sequence[frozenset[int]], pred: Sequence[frozenset[int]],
               ignore: Sequence[frozenset[int]] = ()) -> tuple[RoleScore, Matching]:
    """Score one role in one document; `gold` and `pred` as returned by `keep`."""
    m = match(gold, pred, ignore)
    s = RoleScore(gold=len(gold), pred=len(pred) - len(m.ignored_pred),
                  exact=len(m.exact), overlap=len(m.pairs))
    return s, m


def total(scores: Iterable[RoleScore]) -> RoleScore:
    """Sum of per-document counts."""
    out = RoleScore()
    for s in scores:
        out.add(s)
    return out
