"""Grouping quotes into statements as they arrive: exact repeats, truncations, extensions and
near-variants of one speaker's words, never two speakers' words together."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from onrecord.statements.relate import Relation, relate
from onrecord.statements.words import Words, quoted_words, shingles


@dataclass(frozen=True, slots=True)
class Member:
    """One quote in one article, as a statement sees it; `speaker` is the corpus-wide speaker
    key (None when the article gives none), `order` the article's input order (for ties)."""

    article_id: str
    idx: int
    kind: str
    text: str
    speaker: str | None
    published: str | None
    order: int
    outlet: str | None = None
    url: str | None = None
    start: int = 0
    end: int = 0

    @property
    def family(self) -> str:
        """Quoted words (direct and mixed speech) group together; reported clauses apart."""
        return "reported" if self.kind == "indirect" else "quoted"

    @property
    def seen_key(self) -> tuple[bool, str, int]:
        """Earliest first: dated articles by date, then undated ones, ties by input order."""
        return (self.published is None, self.published or "", self.order)


@dataclass(slots=True)
class Statement:
    """One speaker's statement and the quotes that carry it; `words` and `text` are its faithful
    form (see `settle`), `forms` every distinct wording with its first text, `counts` how many
    members use each. `members` is filled in memory (a store loads them only to show them)."""

    id: str
    family: str
    speaker: str | None
    words: Words
    text: str
    seq: int = 0  # creation order: when statements merge, the older keeps its id
    kind: str | None = None  # the kind a store recorded (members then hold only new quotes)
    members: list[Member] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # ids of statements merged into this one
    forms: dict[Words, str] = field(default_factory=dict)
    counts: Counter[Words] = field(default_factory=Counter)

    def settle(self) -> None:
        """Choose the faithful form: the wording that most members repeat or cut (a changed
        word in one copy does not win over the others), then the longest, then the first."""
        if len(self.forms) == 1:  # most statements have one wording: nothing to weigh
            best = next(iter(self.forms))
        else:
            def score(f: Words) -> tuple[int, int]:
                return (sum(n for g, n in self.counts.items() if relate(g, f) in _FAITHFUL),
                        len(f))
            best = max(self.forms, key=score)
        self.words, self.text = best, self.forms[best]

    @property
    def first_seen(self) -> Member:
        """The member with the earliest article date (undated after dated, then input order)."""
        return min(self.members, key=lambda m: m.seen_key)

    @property
    def speaker_confidence(self) -> float:
        """The share of members whose own article names the pooled speaker."""
        if self.speaker is None:
            return 0.0
        return sum(m.speaker == self.speaker for m in self.members) / len(self.members)


_FAITHFUL = (Relation.SAME, Relation.PART)


class Candidates(Protocol):
    """Where statements are found by the word runs they contain (memory or an on-disk table);
    a run is whatever key the caller files it under (the runs themselves, or their hashes)."""

    def find(self, family: str, keys: Iterable[Hashable]) -> set[str]: ...

    def add(self, family: str, sid: str, keys: Iterable[Hashable]) -> None: ...

    def move(self, old: str, new: str) -> None: ...


class MemoryCandidates:
    """An in-memory word-run index: fine for one article set or a test, not for an archive."""

    def __init__(self) -> None:
        self._index: dict[tuple[str, Hashable], set[str]] = defaultdict(set)

    def find(self, family: str, keys: Iterable[Hashable]) -> set[str]:
        found: set[str] = set()
        for k in keys:
            found |= self._index.get((family, k), set())
        return found

    def add(self, family: str, sid: str, keys: Iterable[Hashable]) -> None:
        for k in keys:
            self._index[(family, k)].add(sid)

    def move(self, old: str, new: str) -> None:
        for sids in self._index.values():
            if old in sids:
                sids.discard(old)
                sids.add(new)


def statement_id(m: Member) -> str:
    """A stable id from the first quote that made the statement."""
    return "s" + hashlib.sha1(f"{m.article_id}\x00{m.idx}".encode()).hexdigest()[:12]


class Grouper:
    """Adds quotes one at a time; each joins the statements it repeats, cuts or extends."""

    def __init__(self, candidates: Candidates | None = None, *,
                 load: Callable[[str], Statement | None] | None = None, seq: int = 0) -> None:
        self.candidates: Candidates = candidates or MemoryCandidates()
        self.statements: dict[str, Statement] = {}
        self._redirect: dict[str, str] = {}
        self._load = load  # statements kept elsewhere (a store), fetched when a quote needs one
        self._seq = seq
        self.merged: list[tuple[str, str]] = []  # (folded id, kept id), in order
        self.filed: list[tuple[str, Member, Words]] = []  # (statement id, quote, its words)

    def add(self, m: Member, ws: Words | None = None,
            keys: Iterable[Hashable] | None = None) -> str:
        """File one quote under its statement (a new one when none matches); its statement id.
        `ws` and `keys` are its words and their runs when the caller has them already."""
        if ws is None:
            ws = quoted_words(m.kind, m.text)
        if keys is None:
            keys = shingles(ws)
        matches = self._matches(m, ws, keys)
        if not matches:
            st = Statement(statement_id(m), m.family, m.speaker, ws, m.text, seq=self._seq)
            self._seq += 1
            self.statements[st.id] = st
        else:
            st = min(matches, key=lambda s: s.seq)
            for other in matches:
                if other is not st:
                    self._merge(other, st)
            if st.speaker is None:
                st.speaker = m.speaker
        st.members.append(m)
        st.forms.setdefault(ws, m.text)
        st.counts[ws] += 1
        st.settle()
        self.candidates.add(m.family, st.id, keys)
        self.filed.append((st.id, m, ws))
        return st.id

    @property
    def next_seq(self) -> int:
        """The creation number the next new statement gets."""
        return self._seq

    def get(self, sid: str) -> Statement | None:
        """A statement by its id or the id of a statement merged into it."""
        sid = self._redirect.get(sid, sid)
        if sid not in self.statements and self._load is not None:
            st = self._load(sid)
            if st is not None:
                self.statements[st.id] = st
                if st.id != sid:
                    self._redirect[sid] = st.id
        return self.statements.get(sid)

    def _matches(self, m: Member, ws: Words, keys: Iterable[Hashable]) -> list[Statement]:
        """The statements this quote belongs to: related words, a compatible speaker, and when
        the quote has no speaker, candidates of one speaker only (else it stays apart)."""
        found = []
        for sid in sorted(self.candidates.find(m.family, keys)):
            st = self.get(sid)
            if st is None or st in found:
                continue
            rels = {relate(ws, f) for f in st.forms} - {Relation.NONE}
            if not rels:
                continue
            rel = Relation.VARIANT if rels == {Relation.VARIANT} else Relation.SAME
            if m.speaker is not None and st.speaker is not None and m.speaker != st.speaker:
                continue
            if rel is Relation.VARIANT and (m.speaker is None or st.speaker is None):
                continue  # a changed word and no speaker to vouch for it: too weak
            found.append(st)
        speakers = {st.speaker for st in found if st.speaker is not None}
        if m.speaker is not None:
            speakers.add(m.speaker)
        return found if len(speakers) <= 1 else []

    def _merge(self, src: Statement, dst: Statement) -> None:
        """Fold `src` into `dst` (the older one keeps its id; the other id still finds it)."""
        dst.members.extend(src.members)
        dst.aliases.extend([src.id, *src.aliases])
        for f, text in src.forms.items():
            dst.forms.setdefault(f, text)
        dst.counts.update(src.counts)
        if dst.speaker is None:
            dst.speaker = src.speaker
        del self.statements[src.id]
        for sid in (src.id, *src.aliases):
            self._redirect[sid] = dst.id
        self.candidates.move(src.id, dst.id)
        self.merged.append((src.id, dst.id))
