"""Cross-article speaker keys: one id per person across name forms, apart when only a surname is shared."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from onrecord.lexicon.grammar import ARTICLES, TITLE_STOPWORDS
from onrecord.lexicon.people import HONORIFICS_FOR_KEYS, NAME_SUFFIXES
from onrecord.spelling import fold_words


def name_tokens(name: str, kind: str = "person") -> list[str]:
    """The folded words that identify a name (honorifics or leading articles removed)."""
    return list(_name_tokens(name, kind))


@lru_cache(maxsize=65536)  # the same names come back in every batch
def _name_tokens(name: str, kind: str) -> tuple[str, ...]:
    words = fold_words(name).split()
    if kind == "person":
        words = [w for w in words if w not in HONORIFICS_FOR_KEYS]
        if words and words[-1] in NAME_SUFFIXES:
            words = words[:-1]
    else:
        while words and words[0] in ARTICLES:
            words = words[1:]
    return tuple(words)


def kind_and_words(name: str, kind: str) -> tuple[str, list[str]]:
    """The speaker kind a name is filed under (an unknown kind is a "source") and its words."""
    kind = kind if kind in ("person", "organization", "source") else "source"
    return kind, name_tokens(name, kind)


def lookup_keys(name: str, kind: str = "person") -> tuple[tuple[str, str] | None, str | None]:
    """What resolving `name` may look up in the store: its (kind, key), and for a person the
    surname (its full-name namesakes, and a bare-surname speaker under ("person", surname))."""
    kind, words = kind_and_words(name, kind)
    if not words:
        return None, None
    return (kind, " ".join(words)), words[-1] if kind == "person" else None


def title_key(title: str) -> frozenset[str]:
    """A title as a set of content words, so word order and 'of' do not matter ('Mr' is no title)."""
    return frozenset(w for w in fold_words(title).split()
                     if w not in TITLE_STOPWORDS and w not in HONORIFICS_FOR_KEYS)


def titles_match(a: Iterable[frozenset[str]], b: Iterable[frozenset[str]]) -> bool:
    """True when some title of one side equals or contains a title of the other."""
    bs = [t for t in b if t]
    return any(x <= y or y <= x for x in a if x for y in bs)


@dataclass(slots=True)
class Speaker:
    """One resolved speaker as the registry holds it."""

    id: int
    name: str
    key: str
    kind: str
    titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    merged_into: int | None = None

    def title_keys(self) -> list[frozenset[str]]:
        return [title_key(t) for t in self.titles]


@dataclass(slots=True)
class Resolution:
    """The speaker a name resolved to, and any speakers merged into it on the way."""

    speaker_id: int
    merged: list[int] = field(default_factory=list)


class SpeakerSource(Protocol):
    """Where a registry finds the speakers it has not seen yet (the store's lookup index)."""

    def by_key(self, kind: str, key: str) -> Speaker | None: ...
    def full_by_surname(self, surname: str) -> list[Speaker]: ...
    def by_id(self, speaker_id: int) -> Speaker | None: ...


class SpeakerRegistry:
    """Assigns stable ids to names seen across articles; the store persists its speakers.

    With a `source`, speakers are loaded when a name needs them (and dropped with the
    registry), so the registry holds one batch's speakers, not the store's."""

    def __init__(self, speakers: Iterable[Speaker] = (), *, source: SpeakerSource | None = None,
                 next_id: int = 1) -> None:
        self.by_id: dict[int, Speaker] = {}
        self.by_key: dict[str, int | None] = {}
        self.full_by_surname: dict[str, list[int]] = {}
        self.dirty: set[int] = set()
        self.next_id = next_id
        self.source = source
        for s in speakers:
            self._index(s)
            self.next_id = max(self.next_id, s.id + 1)

    def _index(self, s: Speaker) -> None:
        self.by_id[s.id] = s
        if s.merged_into is not None:
            return
        self.by_key[f"{s.kind}:{s.key}"] = s.id
        words = s.key.split()
        if s.kind == "person" and len(words) >= 2:
            self._surnamed(words[-1]).append(s.id)

    def _cache(self, s: Speaker | None) -> Speaker | None:
        """A speaker loaded from the source (the copy already held wins)."""
        if s is None:
            return None
        return self.by_id.setdefault(s.id, s)

    def _get(self, speaker_id: int) -> Speaker:
        s = self.by_id.get(speaker_id)
        if s is None and self.source is not None:
            s = self._cache(self.source.by_id(speaker_id))
        if s is None:
            raise KeyError(speaker_id)
        return s

    def _key(self, kind_key: str) -> int | None:
        """The live speaker with this `kind:key`, if any."""
        if kind_key not in self.by_key:
            found = None
            if self.source is not None:
                kind, key = kind_key.split(":", 1)
                found = self._cache(self.source.by_key(kind, key))
            self.by_key[kind_key] = found.id if found is not None else None
        return self.by_key[kind_key]

    def _surnamed(self, surname: str) -> list[int]:
        """Live full-name people with this surname, oldest first (loaded once)."""
        ids = self.full_by_surname.get(surname)
        if ids is None:
            ids = []
            if self.source is not None:
                for s in self.source.full_by_surname(surname):
                    held = self._cache(s)
                    if held is not None and held.merged_into is None:
                        ids.append(held.id)
            self.full_by_surname[surname] = ids
        return ids

    def live(self, speaker_id: int) -> int:
        """Follow merges to the speaker that now stands for `speaker_id`."""
        s = self._get(speaker_id)
        while s.merged_into is not None:
            s = self._get(s.merged_into)
        return s.id

    def resolve(self, name: str, *, kind: str = "person",
                titles: Iterable[str] = ()) -> Resolution | None:
        """The speaker for `name` (with the titles the article gives it); None for an empty name."""
        kind, words = kind_and_words(name, kind)
        if not words:
            return None
        titles = [t for t in titles if t]
        tkeys = [k for k in (title_key(t) for t in titles) if k]
        merged: list[int] = []
        if kind == "person" and len(words) == 1:
            sid = self._surname_match(words[0], tkeys)
            if sid is None:
                sid = self._get_or_create(" ".join(words), kind, name)
        else:
            key = " ".join(words)
            known = self._key(f"{kind}:{key}")
            sid = known if known is not None else self._get_or_create(key, kind, name)
            if known is None and kind == "person":
                merged = self._absorb_bare_surname(sid, words[-1], tkeys)
        self._remember(sid, name, titles)
        return Resolution(sid, merged)

    def _surname_match(self, surname: str, tkeys: list[frozenset[str]]) -> int | None:
        """A full-name speaker a bare surname stands for: same title, or the only one without a clash."""
        cands = [self._get(i) for i in self._surnamed(surname)]
        if tkeys:
            same = [c for c in cands if titles_match(tkeys, c.title_keys())]
            if len(same) == 1:
                return same[0].id
            if same:
                return None
            cands = [c for c in cands if not any(c.title_keys())]
        return cands[0].id if len(cands) == 1 else None

    def _absorb_bare_surname(self, sid: int, surname: str,
                             tkeys: list[frozenset[str]]) -> list[int]:
        """Merge an earlier surname-only speaker into a new full name when their titles agree."""
        bare = self._key(f"person:{surname}")
        if bare is None or not tkeys:
            return []
        b = self._get(bare)
        if not titles_match(tkeys, b.title_keys()):
            return []
        if len(self._surnamed(surname)) > 1:
            return []  # another full name shares the surname: which one is unclear
        b.merged_into = sid
        self.by_key[f"person:{surname}"] = None
        target = self._get(sid)
        for t in b.titles:
            if t not in target.titles:
                target.titles.append(t)
        for a in [b.name, *b.aliases]:
            if a != target.name and a not in target.aliases:
                target.aliases.append(a)
        self.dirty.update((bare, sid))
        return [bare]

    def _get_or_create(self, key: str, kind: str, name: str) -> int:
        sid = self._key(f"{kind}:{key}")
        if sid is not None:
            return sid
        s = Speaker(id=self.next_id, name=name.strip(), key=key, kind=kind)
        self.next_id += 1
        self._index(s)
        self.dirty.add(s.id)
        return s.id

    def _remember(self, sid: int, name: str, titles: list[str]) -> None:
        s = self._get(sid)
        name = name.strip()
        changed = False
        if name != s.name and name not in s.aliases:
            s.aliases.append(name)
            changed = True
        for t in titles:
            if t not in s.titles and title_key(t) not in s.title_keys():
                s.titles.append(t)
                changed = True
        if changed:
            self.dirty.add(sid)

    def add_alias(self, speaker_id: int, alias: str) -> None:
        """Record another form of a speaker's name as the article gives it."""
        s = self._get(self.live(speaker_id))
        alias = alias.strip()
        if alias and alias != s.name and alias not in s.aliases:
            s.aliases.append(alias)
            self.dirty.add(s.id)

    def take_dirty(self) -> list[Speaker]:
        """Speakers created or changed since the last call (to write to the store)."""
        out = [self._get(i) for i in sorted(self.dirty)]
        self.dirty.clear()
        return out
