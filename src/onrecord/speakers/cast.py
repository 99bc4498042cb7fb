"""The people, organisations and sources of one article, and how their names are compared
(surname, first name, honorifics, a one-letter slip)."""
from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from onrecord.model import Entity
from onrecord.speakers.genders import first_name_gender
from onrecord.speakers.names import (
    initials_match,
    is_surname_alone,
    leading_role,
    name_words,
    org_head,
    surname_of,
    title_heads,
)
from onrecord.spelling import edit_distance, fold_accents


@dataclass
class Known:
    """An entity being built: its forms, titles and mention offsets."""

    id: str
    name: str
    kind: str
    words: list[str]
    titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    last_seen: int = -1
    gender: str | None = None  # "m" | "f" when the article shows it (honorific, pronouns)
    votes: dict[str, int] = field(default_factory=dict)
    seq: int = field(default=0, compare=False, repr=False)  # creation order in its Cast
    index: Any = field(default=None, compare=False, repr=False)  # the Cast's _Index

    @property
    def first_seen(self) -> int:
        return min((m[0] for m in self.mentions), default=1 << 30)

    def sign(self, name: str, n: int = 1) -> None:
        """Count `n` more of one sign of what this entity is (a gender vote, "he", "its",
        "common-noun", "body-sign", "org-noun"...)."""
        self.votes[name] = self.votes.get(name, 0) + n

    def vote(self, g: str, *, strong: bool = True) -> None:
        """One piece of the article's evidence of gender: an honorific (strong) or the
        pronouns of a sentence about this person (weak: "Moss inspected her ovens")."""
        self.sign(g if strong else "weak-" + g)
        m = self.votes.get("m", 0) * 2 + self.votes.get("weak-m", 0)
        f = self.votes.get("f", 0) * 2 + self.votes.get("weak-f", 0)
        self.gender = "m" if m > f else "f" if f > m else None

    def likely_gender(self, *, leaning: bool = False) -> str | None:
        """The gender the article shows, else the one the first name usually has; the first
        name outweighs a single sentence's pronouns ("Warren told Stumpf, after he admitted").
        With `leaning` (the record's gender, not pronoun resolution), a name that only leans
        to one gender decides when the article gives no pronoun."""
        if self.kind != "person":
            return self.gender
        if self.votes.get("m", 0) != self.votes.get("f", 0):
            return self.gender
        prior = clear = None
        if len(self.words[0].rstrip(".")) > 1 and " and " not in self.name and \
                not is_surname_alone(self.words):
            prior = first_name_gender(self.words[0], leaning=leaning)
            clear = first_name_gender(self.words[0])
        if prior is None:
            return self.gender
        weak = self.votes.get("weak-m", 0) - self.votes.get("weak-f", 0)
        if clear is None and weak:
            return self.gender  # a name that only leans yields to the article's pronouns
        if (prior == "m" and weak <= -2) or (prior == "f" and weak >= 2):
            return self.gender
        return prior

    def add_mention(self, lo: int, hi: int, form: str) -> None:
        if not any(a <= lo and hi <= b for a, b in self.mentions):
            self.mentions.append((lo, hi))  # not at a place (or in a longer mention) read before
        self.last_seen = max(self.last_seen, lo)
        if form and form != self.name and form not in self.aliases:
            self.aliases.append(form)
            if self.index is not None:
                self.index.add("alias", fold_accents(form), self)

    def add_title(self, title: str) -> None:
        title = title.strip(" ,")
        if title and title not in self.titles and fold_accents(title) != fold_accents(self.name):
            self.titles.append(title)
            if self.index is not None:
                for w in fold_accents(title).split():
                    self.index.add("title", w, self)

    def to_entity(self) -> Entity:
        return Entity(id=self.id, name=self.name, kind=self.kind, titles=list(self.titles),
                      aliases=list(self.aliases), mentions=[[a, b] for a, b in sorted(self.mentions)])


@dataclass
class Mention:
    """A mention of a person or organisation outside quotes, for pronoun resolution."""

    pos: int
    entity: Known
    subject: bool
    main: bool = True  # the subject of a sentence's main clause, not of a clause inside it


class _Index:
    """The entities of a Cast by folded name, surname, first name, alias and title word, so
    that a lookup reads the few entities that can match instead of every one (an article
    with thousands of people stays linear). Entries are only ever added: a lookup takes the
    live entities under a key, in the Cast's order, and applies its own test to them."""

    def __init__(self) -> None:
        self.keys: dict[tuple[str, Any], dict[int, Known]] = {}
        self.live: dict[int, Known] = {}

    def add(self, what: str, key: Any, k: Known) -> None:
        self.keys.setdefault((what, key), {})[id(k)] = k

    def words(self, k: Known) -> None:
        self.add("name", fold_accents(k.name), k)
        if k.words:
            last = fold_accents(k.words[-1])
            self.add("last", last, k)
            if last:
                self.add("fuzzy", (last[0], len(last)), k)
            if len(k.words) > 1:
                self.add("first", fold_accents(k.words[0]), k)
        if k.kind == "organization":
            head = org_head(k.name)
            if head:
                self.add("head", head, k)

    def get(self, *keys: tuple[str, Any]) -> list[Known]:
        """The live entities under any of `keys`, in the Cast's order."""
        found: dict[int, Known] = {}
        for key in keys:
            found.update(self.keys.get(key, {}))
        return sorted((k for i, k in found.items() if i in self.live), key=lambda k: k.seq)


class Cast:
    """Every entity of one article, and the resolution of speaker mentions to them."""

    def __init__(self, *, name_gender: bool = True) -> None:
        self.name_gender = name_gender  # entities' gender from first names (describe.py)
        self.known: list[Known] = []
        self.mentions: list[Mention] = []  # kept in order of position (ties: as noted)
        self._count = {"person": 0, "organization": 0, "source": 0}
        self._index = _Index()
        self._mentions_of: dict[int, list[Mention]] = {}
        self._seq = 0
        self._retyped: set[int] = set()  # "people" found to be organisations

    # -- building -------------------------------------------------------------------------
    def _new(self, name: str, kind: str, words: list[str]) -> Known:
        self._count[kind] += 1
        prefix = {"person": "p", "organization": "o", "source": "s"}[kind]
        self._seq += 1
        k = Known(f"{prefix}{self._count[kind]}", name, kind, words, seq=self._seq,
                  index=self._index)
        self.known.append(k)
        self._index.live[id(k)] = k
        self._index.words(k)
        self._index.add("id", k.id, k)
        return k

    def by_id(self, entity_id: str) -> Known | None:
        """The entity with this id (None once it was merged into another)."""
        return next(iter(self._index.get(("id", entity_id))), None)

    def person(self, text: str, lo: int, hi: int, *, pos: int | None = None) -> Known | None:
        """The person entity for a name mention, created or merged by surname/first name."""
        words = name_words(text)
        if not words or not any(w[:1].isupper() for w in words):
            return None
        fw = [fold_accents(w) for w in words]
        best = None
        if len(fw) >= 2:
            for k in self._index.get(("last", fw[-1])):
                if k.kind != "person":
                    continue
                kw = [fold_accents(w) for w in k.words]
                if kw[-1] == fw[-1] and (len(kw) == 1 or kw[0] == fw[0] or initials_match(kw[0], fw[0])
                                         or surname_of(kw, fw) or surname_of(fw, kw)):
                    best = k
                    break
            if best is None:  # "Dixon Hall", found to be an organisation
                best = self._retyped_named(" ".join(fw))
                if best is not None:
                    best.add_mention(lo, hi, text.strip())
                    return best
            if best is None:
                best = self._new(" ".join(words), "person", words)
                # Earlier surname-only forms ("Basha", "Al Basha") belonged to this person.
                for k in self._index.get(("last", fw[-1])):
                    if k is not best and k.kind == "person" and (
                            (len(k.words) == 1 and fold_accents(k.words[0]) == fw[-1])
                            or surname_of([fold_accents(w) for w in k.words], fw)):
                        self._absorb(best, k)
            elif len(words) > len(best.words) and \
                    not surname_of(fw, [fold_accents(w) for w in best.words]):
                if best.name not in best.aliases:
                    best.aliases.append(best.name)
                    self._index.add("alias", fold_accents(best.name), best)
                best.name, best.words = " ".join(words), words
                self._index.words(best)
        else:
            at = pos if pos is not None else lo
            best = self.lookup_word(words[0], person_only=True, at=at) or \
                self.lookup_word(words[0], person_only=True, at=at, fuzzy=True)
            if best is None:
                best = self._retyped_named(fw[0])  # "Zentrix" is a company
            if best is None:
                best = self._new(words[0], "person", words)
        best.add_mention(lo, hi, text.strip())
        role = leading_role(text)
        if role:
            best.add_title(role)
        return best

    def _retyped_named(self, key: str) -> Known | None:
        """The "person" of this folded name that the article showed to be an organisation."""
        return next((k for k in self._index.get(("name", key)) if id(k) in self._retyped), None)

    def people_with_surname(self, word: str) -> list[Known]:
        """The people whose name ends with this surname (or is it)."""
        fw = fold_accents(word)
        return [k for k in self._index.get(("last", fw)) if k.kind == "person"
                and fold_accents(k.words[-1]) == fw and " and " not in k.name]

    def as_organization(self, k: Known) -> None:
        """A "person" the article shows to be an organisation becomes one (new id)."""
        self._count["organization"] += 1
        k.kind, k.id = "organization", f"o{self._count['organization']}"
        self._retyped.add(id(k))
        self._index.add("id", k.id, k)
        self._index.words(k)

    def by_surname(self, text: str) -> Known | None:
        """The person whose many-word surname this is ("El Amrani", tagged as an organisation,
        of Samira El Amrani)."""
        words = [fold_accents(w) for w in name_words(text)]
        if not is_surname_alone(words):
            return None
        return next((k for k in self.known if k.kind == "person"
                     and surname_of(words, [fold_accents(w) for w in k.words])), None)

    def _absorb(self, keep: Known, gone: Known) -> None:
        for m in gone.mentions:
            keep.add_mention(m[0], m[1], "")
        for a in [gone.name, *gone.aliases]:
            if a != keep.name and a not in keep.aliases:
                keep.aliases.append(a)
                self._index.add("alias", fold_accents(a), keep)
        for t in gone.titles:
            keep.add_title(t)
        moved = self._mentions_of.pop(id(gone), [])
        for men in moved:
            men.entity = keep
        self._mentions_of.setdefault(id(keep), []).extend(moved)
        self.known.remove(gone)
        del self._index.live[id(gone)]

    def organization(self, text: str, lo: int, hi: int) -> Known:
        """The organisation entity for a mention ("the State Department" -> State Department)."""
        words = text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        words = [w for w in words if w not in ("'s", "’s")]
        name = " ".join(words).replace("’s", "").replace("'s", "")
        for k in self._index.get(("name", fold_accents(name))):
            if k.kind == "organization" and fold_accents(k.name) == fold_accents(name):
                k.add_mention(lo, hi, text.strip())
                return k
        k = self._new(name, "organization", words)
        k.add_mention(lo, hi, text.strip())
        return k

    def source(self, text: str, lo: int, hi: int) -> Known:
        """An unnamed or nominal source ("a police spokesperson", "the readout")."""
        for k in self._index.get(("name", fold_accents(text))):
            if k.kind == "source" and fold_accents(k.name) == fold_accents(text):
                k.add_mention(lo, hi, text)
                return k
        k = self._new(text, "source", text.split())
        k.add_mention(lo, hi, text)
        return k

    def lookup_word(self, word: str, *, person_only: bool = False, at: int = 1 << 30,
                    fuzzy: bool = False) -> Known | None:
        """The entity a single word names: surname, then first name, then a near miss."""
        fw = fold_accents(word)
        pool = [k for k in self._index.get(("last", fw), ("first", fw), ("alias", fw))
                if k.kind == "person" or not person_only]
        pool.sort(key=lambda k: -k.last_seen if k.last_seen < at else 0)
        for test in (lambda k: fold_accents(k.words[-1]) == fw,
                     lambda k: len(k.words) > 1 and fold_accents(k.words[0]) == fw,
                     lambda k: any(fold_accents(a) == fw for a in k.aliases)):
            hits = [k for k in pool if k.words and test(k)]
            if hits:
                return hits[0]
        if fuzzy and len(fw) >= 3:
            pool = [k for k in self._index.get(*(("fuzzy", (fw[0], n))
                                                 for n in (len(fw) - 1, len(fw), len(fw) + 1)))
                    if k.kind == "person" or not person_only]
            hits = [k for k in pool if k.kind == "person" and k.words and len(k.words[-1]) >= 4
                    and fold_accents(k.words[-1])[0] == fw[0]
                    and abs(len(fold_accents(k.words[-1])) - len(fw)) <= 1  # before the table
                    and edit_distance(fold_accents(k.words[-1]), fw) == 1]
            if len(hits) == 1:
                return hits[0]
        return None

    def by_title(self, noun: str, at: int) -> Known | None:
        """The person whose title is headed by this noun ("the minister" -> Foreign Affairs
        Minister; "the brewery" is not the founder of Lakefront Brewery)."""
        fn = fold_accents(noun)
        best = None
        for k in self._index.get(("title", fn)):
            if k.kind != "person" or k.first_seen > at:
                continue
            if any(fn in title_heads(t) for t in k.titles):
                if best is None or k.last_seen > best.last_seen:
                    best = k
        return best

    def by_head(self, nouns: frozenset[str], at: int, *, window: int,
                whole: bool = True) -> Known | None:
        """The organisation whose name is headed by one of these nouns that "the <noun>" at
        `at` stands for ("the commission" -> Ontario Civilian Police Commission, "the union"
        -> International Union of Operating Engineers): the latest one mentioned within
        `window` (subjects first), else (`whole`) the one mentioned last before `at`."""
        k = self.antecedent(at, kind="organization", window=window,
                            where=lambda k: org_head(k.name) in nouns)
        if k is not None or not whole:
            return k
        before = [(max((m[0] for m in k.mentions if m[0] < at), default=-1), k)
                  for k in self._index.get(*(("head", n) for n in nouns))
                  if k.kind == "organization"]
        before = [b for b in before if b[0] >= 0]
        return max(before, key=lambda b: b[0])[1] if before else None

    def note(self, pos: int, entity: Known, subject: bool, main: bool = True) -> None:
        m = Mention(pos, entity, subject, subject and main)
        insort(self.mentions, m, key=lambda m: m.pos)  # after the mentions at the same place
        self._mentions_of.setdefault(id(entity), []).append(m)

    def antecedent(self, pos: int, *, kind: str, window: int, gender: str | None = None,
                   speaker: Known | None = None, subjects: bool = True,
                   sentence: int | None = None,
                   where: Callable[[Known], bool] | None = None) -> Known | None:
        """The latest entity of `kind` mentioned before `pos` (subjects first) within `window`,
        skipping people known to be of the other gender. With `sentence` (where the sentence
        of `pos` starts), a subject of a clause inside an earlier sentence ("Although Trump
        tweeted ...", "a text that Olazabal sent") gives way to the main subjects before it.
        `where` keeps only the entities it accepts."""
        near = self.mentions[bisect_left(self.mentions, pos - window, key=lambda m: m.pos):
                             bisect_left(self.mentions, pos, key=lambda m: m.pos)]
        cands = [m for m in near if m.pos < pos and m.pos >= pos - window
                 and m.entity.kind == kind
                 and (gender is None or m.entity.likely_gender() in (None, gender))
                 and (where is None or where(m.entity))]
        if not cands:
            return None
        subj = [m for m in cands if m.subject and subjects] or cands
        if sentence is not None and subjects:
            subj = [m for m in subj if m.main or m.pos >= sentence] or subj
        pick = max(subj, key=lambda m: m.pos)
        if gender is not None and pick.entity.likely_gender() is None and speaker is not None and \
                speaker.likely_gender() == gender and any(m.entity is speaker for m in cands):
            # The previous speaker, known to match, over a later mention of unknown gender:
            # "Knight said she ... Knight and Roni Size released ... She said".
            return speaker
        return pick.entity

    def entities(self) -> list[Entity]:
        from onrecord.speakers.describe import entity_of

        return [entity_of(k, name_gender=self.name_gender) for k in self.known if k.mentions]
