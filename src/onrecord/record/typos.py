"""Flag misspellings inside quotes and in speaker names (never change the words).

Inside quoted words, a word is flagged with a suggestion when it is
- a rare word (or none at all) that a common slip of a much more frequent word would produce:
  a letter left out (`wold` -> `would`, `goverment` -> `government`), two letters swapped
  (`wtih` -> `with`) or one doubled (`emmissions`): the noisy-channel reading, where the slip
  is likelier than the rare word. Other one-letter differences (`halve`/`have`,
  `wrung`/`wrong`) are usually real words and stay;
- no English word at all and one edit from a common word (`optoins`);
- a known confusable in a slot that wants the other form (`would loose` -> `lose`).
A speaker mention that misspells one word of a more frequent form of the entity's name (`Joy`
for `Joly`) is flagged too. Repairs of kind `typo` only report: `article.text` is unchanged.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from onrecord.ingest.junk import zipf
from onrecord.lexicon.grammar import CONFUSABLE_VERBS, VERB_SLOT_WORDS
from onrecord.lexicon.people import HONORIFICS_FOR_TYPO_CHECK, PRONOUN_MENTIONS
from onrecord.model import Article, Entity, Quote, Repair
from onrecord.spelling import edit_distance

# Calibrated on the quoted words of the BBC and PolNeAr articles (326,000 words): 43 flags,
# most of them real misspellings (spearate, peformance, enviroment); rare real words stay.
MIN_LEN = 4           # shorter words are too often abbreviations or interjections

RARE_ZIPF = 3.0       # a word is a suspect only below this frequency ...

SLIP_GAP = 2.5        # ... when a slip of a word 10^2.5 times more frequent explains it

COMMON_ZIPF = 3.5     # a non-word's one-edit suggestion must be at least this common

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")

_QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"")

_LETTERS = "abcdefghijklmnopqrstuvwxyz"

OTHER_ENTITY_USES = 3  # another person's name form must be this well attested


def flag_typos(article: Article) -> None:
    """Append `typo` repairs (with a suggestion) for misspelt words in quotes and names."""
    seen = {(r.start, r.end) for r in article.repairs if r.kind == "typo"}
    found: list[Repair] = []
    for q in article.quotes:
        for start, end, word, fix in quote_typos(article.text, q):
            if (start, end) not in seen:
                seen.add((start, end))
                found.append(Repair("typo", start, end, word, fix))
    for start, end, name, fix in name_typos(article):
        if (start, end) not in seen:
            seen.add((start, end))
            found.append(Repair("typo", start, end, name, fix))
    article.repairs.extend(found)
    article.repairs.sort(key=lambda r: (r.start, r.end))


def quote_typos(text: str, q: Quote) -> list[tuple[int, int, str, str]]:
    """(start, end, word, suggestion) for suspect words in the quoted words of `q`."""
    spans = [(q.start, q.end)] if q.kind == "direct" else [
        (q.start + m.start() + 1, q.start + m.end() - 1)
        for m in _QUOTED.finditer(text[q.start:q.end])]
    out = []
    for s, e in spans:
        prev = ""
        for m in _WORD.finditer(text, s, e):
            word = m.group()
            fix = suggest(word, prev)
            if fix is not None:
                out.append((m.start(), m.end(), word, fix))
            prev = word.lower()
    return out


def suggest(word: str, prev: str = "") -> str | None:
    """A correction for `word` (lower case, as printed) after `prev`, or None."""
    if len(word) < MIN_LEN or not word.islower() or "'" in word or "’" in word:
        return None
    if word in CONFUSABLE_VERBS and prev in VERB_SLOT_WORDS:
        return CONFUSABLE_VERBS[word]
    z = zipf(word)
    if z >= RARE_ZIPF:
        return None
    best = _most_frequent(slips_of(word))
    if best and zipf(best) >= COMMON_ZIPF and zipf(best) - z >= SLIP_GAP and not _plural(word, best):
        return best
    if z == 0:
        best = _most_frequent(edits1(word))
        if best and zipf(best) >= COMMON_ZIPF and not _plural(word, best):
            return best
    return None


def _most_frequent(words: set[str]) -> str | None:
    return max(words, key=lambda c: (zipf(c), c), default=None)


def _plural(word: str, base: str) -> bool:
    return word in (base + "s", base + "es")


def slips_of(word: str) -> set[str]:
    """Words whose common slips give `word`: a letter left out, two swapped, one doubled."""
    out = {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in _LETTERS}
    for i in range(len(word) - 1):
        out.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
        if word[i] == word[i + 1]:
            out.add(word[:i] + word[i + 1:])
    out.discard(word)
    return out


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    out.discard(word)
    return {w for w in out if len(w) >= 2}


def name_typos(article: Article) -> list[tuple[int, int, str, str]]:
    """(start, end, mention, form) for speaker mentions one slip from a commoner name form.

    The forms of the speaker's own entity are tried first; a mention used only once may also
    match a form of another person used at least OTHER_ENTITY_USES times (the resolver may
    have made `Joy` an entity of its own).
    """
    by_id = {e.id: e for e in article.entities}
    people = [e for e in article.entities if e.kind == "person"]
    counts: dict[str, int] = {}  # uses of each form in this article, counted once
    words = _WordIndex(article.text)
    forms = _FormIndex(people)

    def count(form: str) -> int:
        if form not in counts:
            counts[form] = words.count(form)
        return counts[form]

    out = []
    for q in article.quotes:
        sp = q.speaker
        if sp is None or sp.start is None or sp.end is None:
            continue
        mention = article.text[sp.start:sp.end]
        ent = by_id.get(sp.id) if sp.id else None
        fix = closest_form(mention, _forms(ent) if ent else set(sp.name.split()) | {sp.name},
                           article.text, count)
        if fix is None and count(mention) == 1:
            others = {f for e, f in forms.near(mention) if e is not ent
                      if misspelt_name(mention, f) and count(f) >= OTHER_ENTITY_USES}
            fix = closest_form(mention, others, article.text, count)
        if fix is not None:
            out.append((sp.start, sp.end, mention, fix))
    return out


def _forms(ent: Entity) -> set[str]:
    return set(ent.aliases) | {ent.name} | set(ent.name.split())


def closest_form(mention: str, forms: set[str], text: str,
                 count: Callable[[str], int] | None = None) -> str | None:
    """The name form `mention` misspells (see misspelt_name) that the text uses more often;
    `count(form)` (uses in `text`) may be given to share counts between calls."""
    if not mention[:1].isupper() or mention.lower() in PRONOUN_MENTIONS:
        return None
    if count is None:
        def count(form: str) -> int:
            return _count(form, text)
    uses = count(mention)
    best: tuple[int, str] | None = None
    for f in forms:
        if f == mention or not f[:1].isupper():
            continue
        if misspelt_name(mention, f):
            n = count(f)
            if n > uses and (best is None or n > best[0]):
                best = (n, f)
    return best[1] if best else None


def misspelt_name(mention: str, form: str) -> bool:
    """True when `mention` is `form` with one word slightly misspelt (one edit, two for
    words of 8+ letters); a different title (`Mrs`/`Mary`) is not a misspelling."""
    a, b = mention.split(), form.split()
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if x.lower().rstrip(".") in HONORIFICS_FOR_TYPO_CHECK or \
            y.lower().rstrip(".") in HONORIFICS_FOR_TYPO_CHECK:
        return False
    return edit_distance(x.lower(), y.lower()) <= (2 if len(y) >= 8 else 1)


def _count(form: str, text: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(form)}(?!\w)", text))


_RUN = re.compile(r"\w+")


class _WordIndex:
    """`_count` for many forms over one text without reading the whole text for each: a use
    of a form that starts with a word character starts where a run of word characters does,
    and that run is the form's first one; only those places are tried."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at: dict[str, list[int]] = {}
        for m in _RUN.finditer(text):
            self.at.setdefault(m.group(), []).append(m.start())

    def count(self, form: str) -> int:
        first = _RUN.match(form)
        if first is None:
            return _count(form, self.text)
        rx = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")
        n, free = 0, 0  # findall's uses do not overlap: the next starts past the last one
        for i in self.at.get(first.group(), ()):
            if i >= free:
                m = rx.match(self.text, i)
                if m is not None:
                    n, free = n + 1, m.end()
        return n


class _FormIndex:
    """The name forms of the people of an article, by their words but one, so that the forms
    one word away from a mention (what `misspelt_name` can accept) are found directly."""

    def __init__(self, people: list[Entity]) -> None:
        self.people = people
        self.forms = [_forms(e) for e in people]
        self.by_key: dict[tuple[int, int, tuple[str, ...]], set[int]] = {}
        for n, fs in enumerate(self.forms):
            for f in fs:
                for key in _keys(f):
                    self.by_key.setdefault(key, set()).add(n)

    def near(self, mention: str) -> list[tuple[Entity, str]]:
        """(entity, form) for the forms that differ from `mention` in at most one word, in
        the order of the people and of each one's forms (the order of a scan of them all)."""
        hits: set[int] = set()
        for key in _keys(mention):
            hits |= self.by_key.get(key, set())
        keys = set(_keys(mention))
        return [(self.people[n], f) for n in sorted(hits) for f in self.forms[n]
                if keys & set(_keys(f))]


def _keys(form: str) -> list[tuple[int, int, tuple[str, ...]]]:
    w = form.split()
    return [(len(w), i, tuple(w[:i] + w[i + 1:])) for i in range(len(w))]
