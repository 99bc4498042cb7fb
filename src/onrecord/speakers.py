"""People, organisations and sources in an article, and the resolution of a speaker mention
(name, surname, first name, title, pronoun, misspelling) to one of them."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from onrecord.lexicon import DOCUMENT_NOUNS, HONORIFICS, PERSON_PRONOUNS, THING_PRONOUNS
from onrecord.model import Entity
from onrecord.paragraphs import Paragraph

ORG_WORDS = frozenset({
    "department", "ministry", "party", "bank", "inc", "ltd", "plc", "council", "commission",
    "agency", "office", "group", "association", "union", "university", "institute", "company",
    "corp", "corporation", "police", "court", "service", "board", "committee", "authority",
    "government", "administration", "league", "federation", "club", "foundation", "fund",
    "organisation", "organization", "network", "house", "senate", "parliament", "assembly",
    "news", "times", "post", "journal", "press", "bbc", "cbc", "ctv", "reuters", "force",
    "forces", "army", "navy", "team", "society", "trust", "centre", "center", "commons",
})
# Role words that a named-entity span sometimes swallows ("Superintendent Alan Frost").
ROLE_WORDS = frozenset({
    "superintendent", "chairman", "chairwoman", "chair", "director", "commissioner",
    "spokesman", "spokeswoman", "spokesperson", "councillor", "councilor", "ambassador",
    "adviser", "advisor", "editor", "economist", "analyst", "attorney", "lawyer", "inspector",
    "constable", "coach", "manager", "ceo", "founder", "leader", "deputy", "chief", "head",
    "representative", "congressman", "congresswoman", "assemblyman", "assemblywoman",
    "minister", "secretary", "president", "vice", "mayor", "sheriff", "officer", "sergeant",
    "lieutenant", "admiral", "commander", "senator", "governor", "premier", "chancellor",
    "treasurer", "prosecutor", "detective", "trustee", "principal", "dean", "bishop",
})

SUB_BODIES = frozenset({"department", "ministry", "office", "division", "unit", "board",
                        "committee", "agency", "service", "court", "commission", "council"})

# Nouns that, with "the", stand for people named together before ("the pair said").
GROUP_NOUNS = frozenset({"pair", "two", "couple", "duo", "trio", "three", "brothers", "sisters"})

# Nouns that, with "the", stand for an organisation named earlier ("the firm said").
ORG_NOUNS = frozenset({
    "firm", "company", "group", "tank", "bank", "body", "organisation", "organization",
    "agency", "department", "ministry", "government", "party", "union", "club", "association",
    "institute", "watchdog", "regulator", "council", "charity", "retailer", "carrier",
    "airline", "broadcaster", "network", "studio", "label", "manufacturer", "maker", "giant",
    "chain", "operator", "insurer", "lender", "newspaper", "magazine", "website", "team",
    "side", "league", "board", "commission", "corporation", "business", "publisher",
    "developer", "provider", "supplier", "authority", "administration", "committee",
    "federation", "foundation", "university", "school", "hospital", "court", "service",
})


def fold(s: str) -> str:
    """Lower-case, accent-free form used to compare names."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")


def name_words(text: str) -> list[str]:
    """The words of a name without honorifics, roles or a possessive:
    "Ms. Joly's" -> ["Joly"], "Superintendent Alan Frost" -> ["Alan", "Frost"]."""
    words = [w.strip(".,;:") for w in text.replace("’s", "").replace("'s", "").split()]
    words = [w for w in words if w]
    while words and fold(words[0]).rstrip(".") in HONORIFICS and len(words) > 1:
        words = words[1:]
    while len(words) > 2 and fold(words[0]) in ROLE_WORDS:
        words = words[1:]
    return words


def leading_role(text: str) -> str | None:
    """The role words a name was given inside it ("Superintendent" of "Superintendent Alan
    Frost"), as a title."""
    words = text.split()
    k = 0
    while len(words) - k > 2 and fold(words[k]) in ROLE_WORDS:
        k += 1
    return " ".join(words[:k]) or None


def edit1(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion or substitution (or a swap)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(b)):
        if b[:i] + b[i + 1:] == a:
            return True
    return False


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

    @property
    def first_seen(self) -> int:
        return min((m[0] for m in self.mentions), default=1 << 30)

    def vote(self, g: str) -> None:
        self.votes[g] = self.votes.get(g, 0) + 1
        m, f = self.votes.get("m", 0), self.votes.get("f", 0)
        self.gender = "m" if m > f else "f" if f > m else None

    def add_mention(self, lo: int, hi: int, form: str) -> None:
        if (lo, hi) not in self.mentions:
            self.mentions.append((lo, hi))
        self.last_seen = max(self.last_seen, lo)
        if form and form != self.name and form not in self.aliases:
            self.aliases.append(form)

    def add_title(self, title: str) -> None:
        title = title.strip(" ,")
        if title and title not in self.titles and fold(title) != fold(self.name):
            self.titles.append(title)

    def to_entity(self) -> Entity:
        return Entity(id=self.id, name=self.name, kind=self.kind, titles=list(self.titles),
                      aliases=list(self.aliases), mentions=[[a, b] for a, b in sorted(self.mentions)])


@dataclass
class Mention:
    """A mention of a person or organisation outside quotes, for pronoun resolution."""

    pos: int
    entity: Known
    subject: bool


class Cast:
    """Every entity of one article, and the resolution of speaker mentions to them."""

    def __init__(self) -> None:
        self.known: list[Known] = []
        self.mentions: list[Mention] = []
        self._count = {"person": 0, "organization": 0, "source": 0}

    # -- building -------------------------------------------------------------------------
    def _new(self, name: str, kind: str, words: list[str]) -> Known:
        self._count[kind] += 1
        prefix = {"person": "p", "organization": "o", "source": "s"}[kind]
        k = Known(f"{prefix}{self._count[kind]}", name, kind, words)
        self.known.append(k)
        return k

    def person(self, text: str, lo: int, hi: int, *, pos: int | None = None) -> Known | None:
        """The person entity for a name mention, created or merged by surname/first name."""
        words = name_words(text)
        if not words or not any(w[:1].isupper() for w in words):
            return None
        fw = [fold(w) for w in words]
        best = None
        if len(fw) >= 2:
            for k in self.known:
                if k.kind != "person":
                    continue
                kw = [fold(w) for w in k.words]
                if kw[-1] == fw[-1] and (len(kw) == 1 or kw[0] == fw[0] or _initial(kw[0], fw[0])):
                    best = k
                    break
            if best is None:
                best = self._new(" ".join(words), "person", words)
                # Earlier one-word forms of this surname belonged to this person.
                for k in list(self.known):
                    if k is not best and k.kind == "person" and len(k.words) == 1 and \
                            fold(k.words[0]) == fw[-1]:
                        self._absorb(best, k)
            elif len(words) > len(best.words):
                best.aliases.append(best.name) if best.name not in best.aliases else None
                best.name, best.words = " ".join(words), words
        else:
            at = pos if pos is not None else lo
            best = self.lookup_word(words[0], person_only=True, at=at) or \
                self.lookup_word(words[0], person_only=True, at=at, fuzzy=True)
            if best is None:
                best = self._new(words[0], "person", words)
        best.add_mention(lo, hi, text.strip())
        role = leading_role(text)
        if role:
            best.add_title(role)
        return best

    def _absorb(self, keep: Known, gone: Known) -> None:
        for m in gone.mentions:
            keep.add_mention(m[0], m[1], "")
        for a in [gone.name, *gone.aliases]:
            if a != keep.name and a not in keep.aliases:
                keep.aliases.append(a)
        for t in gone.titles:
            keep.add_title(t)
        for men in self.mentions:
            if men.entity is gone:
                men.entity = keep
        self.known.remove(gone)

    def organization(self, text: str, lo: int, hi: int) -> Known:
        """The organisation entity for a mention ("the State Department" -> State Department)."""
        words = text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        words = [w for w in words if w not in ("'s", "’s")]
        name = " ".join(words).replace("’s", "").replace("'s", "")
        for k in self.known:
            if k.kind == "organization" and fold(k.name) == fold(name):
                k.add_mention(lo, hi, text.strip())
                return k
        k = self._new(name, "organization", words)
        k.add_mention(lo, hi, text.strip())
        return k

    def source(self, text: str, lo: int, hi: int) -> Known:
        """An unnamed or nominal source ("a police spokesperson", "the readout")."""
        for k in self.known:
            if k.kind == "source" and fold(k.name) == fold(text):
                k.add_mention(lo, hi, text)
                return k
        k = self._new(text, "source", text.split())
        k.add_mention(lo, hi, text)
        return k

    def lookup_word(self, word: str, *, person_only: bool = False, at: int = 1 << 30,
                    fuzzy: bool = False) -> Known | None:
        """The entity a single word names: surname, then first name, then a near miss."""
        fw = fold(word)
        pool = [k for k in self.known if k.kind == "person" or not person_only]
        pool.sort(key=lambda k: -k.last_seen if k.last_seen < at else 0)
        for test in (lambda k: fold(k.words[-1]) == fw,
                     lambda k: len(k.words) > 1 and fold(k.words[0]) == fw,
                     lambda k: any(fold(a) == fw for a in k.aliases)):
            hits = [k for k in pool if k.words and test(k)]
            if hits:
                return hits[0]
        if fuzzy and len(fw) >= 3:
            hits = [k for k in pool if k.kind == "person" and k.words and len(k.words[-1]) >= 4
                    and fold(k.words[-1])[0] == fw[0] and edit1(fold(k.words[-1]), fw)]
            if len(hits) == 1:
                return hits[0]
        return None

    def by_title(self, noun: str, at: int) -> Known | None:
        """The person whose title holds this noun ("the minister" -> Foreign Affairs Minister)."""
        fn = fold(noun)
        best = None
        for k in self.known:
            if k.kind != "person" or k.first_seen > at:
                continue
            if any(fn in fold(t).split() for t in k.titles):
                if best is None or k.last_seen > best.last_seen:
                    best = k
        return best

    def note(self, pos: int, entity: Known, subject: bool) -> None:
        self.mentions.append(Mention(pos, entity, subject))

    def antecedent(self, pos: int, *, kind: str, window: int, gender: str | None = None,
                   speaker: Known | None = None, subjects: bool = True) -> Known | None:
        """The latest entity of `kind` mentioned before `pos` (subjects first) within `window`,
        skipping people known to be of the other gender."""
        cands = [m for m in self.mentions if m.pos < pos and m.pos >= pos - window
                 and m.entity.kind == kind
                 and (gender is None or m.entity.gender in (None, gender))]
        if not cands:
            return None
        subj = [m for m in cands if m.subject and subjects] or cands
        pick = max(subj, key=lambda m: m.pos)
        if gender is not None and pick.entity.gender is None and speaker is not None and \
                speaker.gender == gender and any(m.entity is speaker for m in cands):
            # The previous speaker, known to match, over a later mention of unknown gender:
            # "Knight said she ... Knight and Roni Size released ... She said".
            return speaker
        return pick.entity

    def entities(self) -> list[Entity]:
        return [k.to_entity() for k in self.known if k.mentions]


def _initial(a: str, b: str) -> bool:
    return (len(a) <= 2 and b.startswith(a.rstrip("."))) or (len(b) <= 2 and a.startswith(b.rstrip(".")))


# ---- reading entities off the parse ---------------------------------------------------------

def collect(cast: Cast, paras: list[Paragraph]) -> None:
    """Add every PERSON and ORG named in the article to the cast, with titles and appositions."""
    live = [p for p in paras if not p.caption and p.doc is not None]
    for label in ("PERSON", "ORG"):  # people first, so "Size" tagged ORG can find Roni Size
        for para in live:
            for ent in para.doc.ents:
                if ent.label_ == label:
                    _collect_entity(cast, para, ent)
    for para in live:
        if not para.parsed:
            continue
        _nominal_subjects(cast, para)
        _gender_evidence(cast, para)
    cast.mentions.sort(key=lambda m: m.pos)


def _collect_entity(cast: Cast, para: Paragraph, ent: Any) -> None:
    lo, hi = para.char(ent[0]), para.char_end(ent[-1])
    quoted = para.in_quote(ent[0])
    if para.parsed:
        subject = ent.root.dep_ in ("nsubj", "nsubjpass")
    else:  # unparsed sentence: a name that opens it is most likely its subject
        subject = ent.start == 0 or para.doc[ent.start - 1].text in (".", "!", "?")
    if ent.label_ == "ORG" and len(ent) == 1:
        known = cast.lookup_word(ent.text, person_only=True) or \
            cast.lookup_word(ent.text, person_only=True, fuzzy=True)
        if known is not None and (fold(known.words[-1]) == fold(ent.text)
                                  or edit1(fold(known.words[-1]), fold(ent.text))):
            known.add_mention(lo, hi, ent.text)
            if not quoted:
                cast.note(lo, known, subject)
            return
    if ent.label_ == "PERSON":
        k = cast.person(ent.text, lo, hi)
        if k is None or quoted:
            return
        if para.parsed:
            _conjoined_names(cast, para, ent)
        for title in titles_of(para, ent) if para.parsed else [leading_role(ent.text)]:
            if title:
                k.add_title(title)
        cast.note(lo, k, subject)
    elif not quoted:
        cast.note(lo, cast.organization(ent.text, lo, hi), subject)


def _conjoined_names(cast: Cast, para: Paragraph, ent: Any) -> None:
    """"Gabriela Ruiz and Annie Park": a full name joined to a person's is a person too."""
    for c in ent.root.children:
        if c.dep_ != "conj" or c.pos_ != "PROPN" or c.ent_type_ == "PERSON":
            continue
        first = [t for t in c.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        if len(first) == 1 and first[0].i == c.i - 1 and first[0].text[:1].isupper():
            cast.person(f"{first[0].text} {c.text}", para.char(first[0]), para.char_end(c))


MALE = frozenset({"he", "his", "him", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "father", "brother"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister"})


def _nominal_subjects(cast: Cast, para: Paragraph) -> None:
    """"the chancellor is leaving ...": a title standing for a person is a mention of them."""
    for t in para.doc:
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and not para.in_quote(t) and \
                any(c.lower_ == "the" for c in t.lefts):
            k = cast.by_title(t.lower_, para.char(t))
            if k is not None:
                cast.note(para.char(t), k, True)


def _gender_evidence(cast: Cast, para: Paragraph) -> None:
    """Honorifics (Mr, Ms) and the pronouns of sentences about one person give a gender."""
    doc = para.doc
    for sent in doc.sents:
        people = [e for e in sent.ents if e.label_ == "PERSON" and not para.in_quote(e[0])]
        for e in people:
            prev = doc[e.start - 1].lower_.rstrip(".") if e.start > 0 else ""
            k = cast.person(e.text, para.char(e[0]), para.char_end(e[-1]))
            if k is None:
                continue
            if prev in MALE_TITLES or fold(e[0].text).rstrip(".") in MALE_TITLES:
                k.vote("m")
            elif prev in FEMALE_TITLES or fold(e[0].text).rstrip(".") in FEMALE_TITLES:
                k.vote("f")
        if len({fold(e.text.split()[-1]) for e in people}) != 1:
            continue
        k = cast.person(people[0].text, para.char(people[0][0]), para.char_end(people[0][-1]))
        if k is None or people[0].root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        after = [t.lower_ for t in sent if t.i > people[0].end and not para.in_quote(t)]
        m = sum(w in MALE for w in after)
        f = sum(w in FEMALE for w in after)
        if m and not f:
            k.vote("m")
        elif f and not m:
            k.vote("f")


def titles_of(para: Paragraph, ent: Any) -> list[str]:
    """Titles and roles given with a name: "NDP Leader Jagmeet Singh", "Braun, a professor",
    "said Dr. Helena Voss, a freshwater ecologist" (the honorific alone is not a title)."""
    out = [t for t in (_left_title(para, ent), leading_role(ent.text), _appos_title(para, ent)) if t]
    return [t for t in out if not all(fold(w).rstrip(".") in COURTESY for w in t.split())]


COURTESY = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "rev", "prof"})


def _left_title(para: Paragraph, ent: Any) -> str | None:
    head = ent.root
    doc = para.doc
    # Words before the name inside its noun phrase ("Foreign Affairs Minister").
    left = [t for t in head.lefts if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    if left:
        lo = min(t.left_edge.i for t in left)
        for k in range(lo, ent.start):  # "Knight and drum 'n' bass star Roni Size"
            if doc[k].pos_ == "CCONJ" or doc[k].ent_type_ == "PERSON" or doc[k].is_punct and doc[k].text != "-":
                lo = k + 1
        while lo < ent.start and doc[lo].dep_ in ("det", "poss", "case") or \
                (lo < ent.start and doc[lo].tag_ == "POS"):
            lo += 1
        words = doc[lo:ent.start]
        if words and any(t.text[:1].isupper() or t.pos_ == "NOUN" for t in words) and \
                not any(t.ent_type_ == "PERSON" for t in words):
            text = words.text.strip(" ,")
            if text and len(text.split()) <= 8:
                return text
    return None


def _appos_title(para: Paragraph, ent: Any) -> str | None:
    head = ent.root
    doc = para.doc
    if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < ent.start:
        role = head.head  # "The chief librarian, Helen Osei, said"
        lo = min([role.i] + [t.left_edge.i for t in role.lefts
                             if t.dep_ in ("det", "amod", "compound", "poss", "nmod")])
        text = doc[lo:role.i + 1].text
        if len(text.split()) <= 8:
            return text
    for c in head.children:
        if c.dep_ == "appos" and c.i > head.i and c.ent_type_ != "PERSON":
            toks = list(c.subtree)
            text = doc[toks[0].i:toks[-1].i + 1].text.strip(" ,")
            if 1 <= len(text.split()) <= 14 and any(t.is_alpha for t in toks):
                return text
    return None


def mention_span(para: Paragraph, tok: Any) -> tuple[int, int, str]:
    """The words of the speaker mention headed by `tok`, without relative clauses."""
    doc = para.doc
    lo = tok.i
    for t in tok.lefts:
        if t.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "case"):
            lo = min(lo, t.left_edge.i)
    if tok.dep_ == "compound" and tok.head.i > tok.i:  # "the readout states" tagged as a noun
        for t in tok.head.lefts:
            if t.dep_ in ("det", "poss", "amod") and t.i < lo:
                lo = t.left_edge.i
    anc = tok
    while anc.dep_ not in ("nsubj", "nsubjpass", "ROOT") and anc.head.i != anc.i and \
            anc.head.pos_ in ("NOUN", "PROPN", "ADP") and anc.head.i < tok.i:
        anc = anc.head  # "A Department for Work and Pensions spokeswoman" (parsed head-first)
    if anc is not tok and anc.dep_ in ("nsubj", "nsubjpass"):
        lo = min(lo, anc.left_edge.i)
    hi = tok.i
    for t in tok.rights:
        if t.dep_ in ("compound", "case"):
            hi = max(hi, t.right_edge.i)
        elif t.dep_ == "prep" and t.lower_ in ("for", "of", "at", "from", "with", "in") and \
                tok.pos_ == "NOUN":
            hi = max(hi, _edge_without_clauses(t))
        else:
            break
    while lo < tok.i and doc[lo].is_punct:
        lo += 1
    while hi > tok.i and doc[hi].is_punct:
        hi -= 1
    span = doc[lo:hi + 1]
    return para.char(span[0]), para.char_end(span[-1]), span.text


def _edge_without_clauses(tok: Any) -> int:
    """Right edge of a phrase, leaving out relative clauses and asides."""
    hi = tok.i
    for c in tok.children:
        if c.i > tok.i and c.dep_ not in ("relcl", "acl", "appos", "punct", "advcl", "cc", "conj"):
            hi = max(hi, _edge_without_clauses(c))
    return hi


def resolve(cast: Cast, para: Paragraph, tok: Any, speaker: Known | None = None,
            ) -> tuple[Known | None, tuple[int, int, str]]:
    """The entity a speaker mention stands for, and the mention's offsets and words: the
    whole noun phrase the attribution uses ("White House spokesman Josh Earnest",
    "Kenneth Baer, a former official,"); `speaker` breaks ties between pronoun antecedents."""
    known, span = _resolve(cast, para, tok, speaker)
    if tok.pos_ != "PRON" and para.doc is not None:
        lo = np_start(para, tok)
        if lo is not None and lo < span[0]:
            span = (lo, span[1], para.doc.text[lo - para.start:span[1] - para.start])
    return known, span


MAX_NP = 30  # tokens; a longer "noun phrase" is a parse gone wrong


def np_start(para: Paragraph, tok: Any) -> int | None:
    """Where the noun phrase of a speaker word starts, titles included ("White House
    spokesman Josh Earnest"); the mention still ends at the name or head noun."""
    anc = tok
    while anc.dep_ not in ("nsubj", "nsubjpass", "pobj", "dobj", "ROOT") and \
            anc.head.i != anc.i and anc.head.pos_ in ("NOUN", "PROPN", "ADP", "NUM") and \
            anc.head.i < tok.i:
        anc = anc.head
    doc = para.doc
    lo = anc.left_edge.i
    while lo < tok.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    words = doc[lo:tok.i + 1]
    if tok.i - lo + 1 > MAX_NP or any(t.is_punct and t.text not in ".-'’&" for t in words) \
            or any(t.pos_ in ("VERB", "AUX") for t in words) or any(para.in_quote(t) for t in words):
        return None
    return para.char(doc[lo])


def _resolve(cast: Cast, para: Paragraph, tok: Any, speaker: Known | None = None,
             ) -> tuple[Known | None, tuple[int, int, str]]:
    lo, hi, text = mention_span(para, tok)
    pos = para.char(tok)
    low = tok.lower_
    if tok.pos_ == "PRON" or low in PERSON_PRONOUNS or low in THING_PRONOUNS or low == "they":
        span = (para.char(tok), para.char_end(tok), tok.text)
        if low in PERSON_PRONOUNS:
            g = "m" if low in ("he", "him") else "f"
            return cast.antecedent(pos, kind="person", window=2500, gender=g,
                                   speaker=speaker), span
        if low in THING_PRONOUNS:
            return (cast.antecedent(pos, kind="organization", window=1500)
                    or cast.antecedent(pos, kind="organization", window=4000, subjects=False)
                    or cast.antecedent(pos, kind="source", window=1500)), span
        if low == "they":
            return cast.antecedent(pos, kind="organization", window=800), span
        return None, span
    # Joint speakers: "Gabriela and Annie said".
    root = tok
    while root.dep_ == "conj" and root.head.i < root.i and root.head.pos_ == "PROPN":
        root = root.head  # "Gabriela and Annie said": parsed with Annie as the conjunct
    conj = []
    link = root
    while True:  # the chain of conjuncts, not names inside an apposition
        nxt = [c for c in link.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        if not nxt:
            break
        link = nxt[0]
        conj.append(link)
    same_name = root.ent_iob_ != "O" and all(
        c.ent_iob_ == "I" and _ent_of(c) == _ent_of(root) for c in conj)
    if conj and root.pos_ == "PROPN" and not same_name:  # not "Ernst & Young"
        tok = root
        people = [_name_entity(cast, para, t, pos) for t in (tok, *conj)]
        names = [p.name for p in people if p is not None]
        if len(names) >= 2:
            first = tok.left_edge
            last = list(conj[-1].subtree)[-1]
            jlo, jhi = para.char(first), para.char_end(last)
            joint = cast.source(" and ".join(names), jlo, jhi)
            joint.kind = "person"
            return joint, (jlo, jhi, para.doc[first.i:last.i + 1].text)
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        k = _name_entity(cast, para, tok, pos)
        if k is not None:
            return k, _name_span(para, tok, (lo, hi, text))
    # A common noun: a title standing for a person, or an unnamed/document source.
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN":
            k = _name_entity(cast, para, c, pos)
            if k is not None:
                return k, _name_span(para, c, (lo, hi, text))
    definite = any(t.dep_ == "det" and t.lower_ in ("the", "this", "that") for t in tok.lefts)
    if (definite and low in GROUP_NOUNS) or low == "both":
        joint = [k for k in cast.known if " and " in k.name and k.kind == "person"
                 and k.first_seen < pos]
        if joint:  # "The pair said": the joint speakers named before
            k = max(joint, key=lambda k: k.last_seen)
            k.add_mention(lo, hi, "")
            return k, (lo, hi, text)
    # "the firm", "the Paris-based economics think tank" stand for the organisation named
    # before; "the finance department" is a part of one, a source of its own.
    sub_body = low in SUB_BODIES and any(c.dep_ in ("compound", "nmod") for c in tok.children)
    if definite and low in ORG_NOUNS and not sub_body and \
            not any(c.dep_ == "prep" for c in tok.children):
        k = cast.antecedent(pos, kind="organization", window=3000)
        if k is not None:  # "the firm", "the think tank": the organisation named before
            k.add_mention(lo, hi, "")
            return k, (lo, hi, text)
    if definite and low not in DOCUMENT_NOUNS:
        k = cast.by_title(tok.lemma_ or low, pos) or cast.by_title(low, pos)
        if k is not None:
            k.add_mention(lo, hi, "")
            return k, (lo, hi, text)
    return cast.source(text, lo, hi), (lo, hi, text)


def _name_span(para: Paragraph, tok: Any, fallback: tuple[int, int, str]) -> tuple[int, int, str]:
    ent = _ent_of(tok)
    if ent is not None:
        return para.char(ent[0]), para.char_end(ent[-1]), ent.text
    return fallback


def _ent_of(tok: Any) -> Any:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _name_entity(cast: Cast, para: Paragraph, tok: Any, pos: int) -> Known | None:
    """The person or organisation a proper-noun mention names; a near-miss spelling included."""
    ent = _ent_of(tok)
    if ent is not None and ent.label_ == "PERSON":
        return cast.person(ent.text, para.char(ent[0]), para.char_end(ent[-1]), pos=pos)
    words = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
    text = para.doc[words[0].i:tok.i + 1].text if ent is None else ent.text
    lo = para.char(ent[0]) if ent is not None else para.char(words[0])
    hi = para.char_end(ent[-1]) if ent is not None else para.char_end(tok)
    if ent is not None and ent.label_ in ("ORG", "NORP", "GPE"):
        # Clip a run-on entity ("Gartner More than 167 million") to the name around tok.
        a, b = tok.i, tok.i
        while a - 1 >= ent.start and para.doc[a - 1].pos_ == "PROPN":
            a -= 1
        while b + 1 < ent.end and para.doc[b + 1].pos_ in ("PROPN", "ADP", "CCONJ") and \
                para.doc[b + 1].text[:1].isupper() or (b + 1 < ent.end and para.doc[b + 1].lower_ in ("of", "and", "&", "for")):
            b += 1
        while b > tok.i and not para.doc[b].text[:1].isupper():
            b -= 1
        ragged = any(not (t.text[:1].isupper() or t.is_punct or t.lower_ in ("of", "and", "&", "for", "the"))
                     for t in ent)
        if ragged and (a, b + 1) != (ent.start, ent.end):
            span = para.doc[a:b + 1]
            return cast.organization(span.text, para.char(span[0]), para.char_end(span[-1]))
        word = name_words(ent.text)[-1]
        known = (cast.lookup_word(word, person_only=True, at=pos)
                 or cast.lookup_word(word, person_only=True, at=pos, fuzzy=True)) \
            if len(ent) == 1 else None
        if known is not None:
            known.add_mention(lo, hi, ent.text)
            return known
        return cast.organization(ent.text, lo, hi)
    # Not recognised as a name by the model: a known surname, a near miss, or a new name.
    last = name_words(text)
    if not last:
        return None
    known = cast.lookup_word(last[-1], at=pos, fuzzy=True)
    if known is not None:
        known.add_mention(lo, hi, text)
        return known
    if fold(last[-1]) in ORG_WORDS or any(fold(w) in ORG_WORDS for w in last):
        return cast.organization(text, lo, hi)
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        return cast.person(text, lo, hi, pos=pos)
    return None
