"""Near-duplicate groups for one batch, with candidates from the store's lookup index (LSH
bands on disk) instead of an in-memory index of every article: the same groups as
`dedup.NearDuplicates` gives, at a cost per batch that does not grow with the store."""
from __future__ import annotations

import numpy as np

from onrecord.corpus.dedup import THRESHOLD, Assignment
from onrecord.corpus.index import LookupIndex, bands_of


class BatchGroups:
    """Assigns each new article of a batch to a group (stored articles come from `index`);
    `sigs` and `regroup` are what the index and the store must record for the batch."""

    def __init__(self, index: LookupIndex, threshold: float = THRESHOLD) -> None:
        self.index = index
        self.threshold = threshold
        self.seq = index.next_seq()
        self.info: dict[str, tuple[int, str | None]] = {}   # article -> (order, canonical)
        self.local: dict[str, np.ndarray] = {}               # this batch's signatures
        self.local_bands: dict[int, list[str]] = {}
        self.remap: dict[str, str] = {}                      # former canonical -> canonical
        self.sigs: list[tuple[str, int, str | None, bytes | None]] = []
        self.regroup: list[tuple[str, str]] = []
        self.bands: dict[int, list[str]] | None = None  # stored articles per band (prefetched)
        self.stored: dict[str, tuple[int, str | None, bytes]] = {}

    def prefetch(self, sigs: list[bytes | None]) -> None:
        """Look up the stored candidates of a whole batch at once (bands, then signatures):
        the index does not change while the batch is grouped, so `assign` gives the groups
        one lookup per article would."""
        self.bands = self.index.band_members([b for s in sigs if s for b in bands_of(s)])
        arts = sorted({a for v in self.bands.values() for a in v})
        self.stored = self.index.signatures(arts)

    def _stored_candidates(self, bands: list[int]) -> dict[str, tuple[int, str | None, bytes]]:
        if self.bands is None:
            return self.index.signatures(sorted(self.index.candidates(bands)))
        return {a: self.stored[a] for b in bands for a in self.bands.get(b, ())
                if a in self.stored}

    def _canonical(self, article: str) -> str:
        c = self.info[article][1] or article
        while c in self.remap:
            c = self.remap[c]
        return c

    def _order(self, article: str) -> int:
        if article not in self.info:
            found = self.index.signatures([article])
            self.info[article] = (found[article][0], found[article][1]) if article in found \
                else (self.seq, None)
        return self.info[article][0]

    def assign(self, article_id: str, sig: bytes | None) -> Assignment | None:
        """Place one new article (in store order); its group if it copies known ones."""
        seq = self.seq
        self.seq += 1
        if not sig:
            self.info[article_id] = (seq, None)
            self.sigs.append((article_id, seq, None, None))
            return None
        m = np.frombuffer(sig, dtype="<u4")
        bands = bands_of(sig)
        groups: dict[str, float] = {}
        stored = self._stored_candidates(bands)
        cands: list[tuple[str, np.ndarray]] = []
        for a, (order, canon, s) in stored.items():
            self.info.setdefault(a, (order, canon))
            cands.append((a, np.frombuffer(s, dtype="<u4")))
        near = {a for b in bands for a in self.local_bands.get(b, [])}
        cands += [(a, self.local[a]) for a in sorted(near)]
        same = [(a, other) for a, other in cands if len(other) == len(m)]
        if same:  # one comparison for all candidates, in candidate order
            sims = np.count_nonzero(np.stack([o for _, o in same]) == m, axis=1) / len(m)
            for (a, _), sim in zip(same, sims.tolist()):
                if sim >= self.threshold:
                    canon = self._canonical(a)
                    groups[canon] = max(sim, groups.get(canon, 0.0))
        self.local[article_id] = m
        for b in bands:
            self.local_bands.setdefault(b, []).append(article_id)
        if not groups:
            self.info[article_id] = (seq, None)
            self.sigs.append((article_id, seq, None, sig))
            return None
        ranked = sorted(groups, key=self._order)
        target = ranked[0]
        merged = [(c, groups[c]) for c in ranked[1:]]
        for old, _ in merged:
            self.remap[old] = target
            self.regroup.append((old, target))
        self.info[article_id] = (seq, target)
        self.sigs.append((article_id, seq, target, sig))
        return Assignment(target, groups[target], merged)
