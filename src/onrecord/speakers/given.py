"""People the model tagged as an organisation or a place, or did not tag at all ("Marta Sørlie
spoke on Tuesday ... Sørlie said"): a name of two or three words whose first is a clear given
name, acting as a person in the article and never as a body."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from onrecord.ingest.junk import zipf
from onrecord.lexicon.people import (
    BODY_SPEECH_WORDS,
    FEMALE_PRONOUNS,
    HONORIFICS,
    MALE_PRONOUNS,
    MARKET_BELONGINGS,
    ORG_BELONGINGS,
    PERSON_NOUNS,
    PLURAL_VERBS,
    ROLE_WORDS,
)
from onrecord.lexicon.sources import ORG_APPOSITION_NOUNS, ORG_WORDS, PLACE_NAME_WORDS
from onrecord.lexicon.speech import SPEECH_FORMS
from onrecord.parse.paragraphs import COMMON_ZIPF, RARE_ZIPF, Paragraph
from onrecord.speakers.genders import first_name_gender
from onrecord.spelling import fold_accents

_WORD = re.compile(r"[\w’'-]+|[&]")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_APPOSITION = re.compile(r",\s+(?:(?:a|an|the|who|whose)\s+)?(?P<rest>[^,.;:!?\"“”]{0,60})"
                         r"(?=[,.;:!?\"“”]|$)")  # closed by a comma or the sentence's end
_AGE = re.compile(r",\s+\d{1,2},")
_PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
OPENING_ZIPF = 5.0  # a word this common opening a sentence is more likely the word ("Given")
_POSSESSIVE = re.compile(r"['’]s$")
_END = r"(?=['’]s\b|[^\w’'-]|$)"  # the end of a name, a possessive's "'s" allowed


def name_like(words: list[str]) -> bool:
    """Two or three capitalised words, the first a clear given name and no very common word,
    the last a rare word, none an organisation's word ("Marta Sørlie", not "Marta Trust",
    "Other Republicans" nor "Clark County")."""
    if not 2 <= len(words) <= 3 or first_name_gender(words[0]) is None or \
            zipf(words[0].lower()) >= COMMON_ZIPF or zipf(words[-1].lower()) >= RARE_ZIPF:
        return False
    return all(len(w) >= 2 and w[:1].isupper() and not w.isupper() and
               w.replace("-", "").replace("’", "").replace("'", "").isalpha() and
               fold_accents(w).lower() not in ORG_WORDS and
               fold_accents(w).lower() not in PLACE_NAME_WORDS for w in words)


@dataclass
class GivenNames:
    """The article's paragraphs, and what each name of a given name shows in them."""

    paras: list[Paragraph]
    _seen: dict[str, bool] = field(default_factory=dict)
    _lower: set[str] | None = None

    def in_lower_case(self, word: str) -> bool:
        """The word is written in lower case somewhere in the article (a common word that
        opens a sentence: "Given Sanders' success")."""
        if self._lower is None:
            self._lower = {w for p in self.paras for w in _WORD.findall(p.text) if w.islower()}
        return word.lower() in self._lower

    def given_name_before(self, para: Paragraph, ent: Any) -> Any | None:
        """The token of a clear given name right before a one-word PERSON entity that the
        model left out of it ("Pavel Kowalczyk spoke", tagged "Kowalczyk", or "Marta" tagged
        as a place on its own), or None."""
        if len(ent) != 1 or ent.start == 0:
            return None
        prev = ent.doc[ent.start - 1]
        if prev.ent_type_ not in ("", "GPE", "NORP", "LOC") or \
                (prev.ent_type_ and prev.ent_iob_ != "B") or \
                (prev.ent_type_ and prev.i > 0 and prev.doc[prev.i - 1].ent_type_ == prev.ent_type_) or \
                not prev.is_alpha or not prev.text[:1].isupper() or prev.is_upper or \
                para.in_quote(prev) or prev.whitespace_ != " " or \
                fold_accents(prev.text).lower() in HONORIFICS or prev.lower_ in ROLE_WORDS or \
                self.in_lower_case(prev.text) or (prev.is_sent_start and zipf(prev.lower_) >= OPENING_ZIPF):
            return None
        return prev if name_like([prev.text, ent.text]) else None

    def is_person(self, name: str) -> bool:
        """`name` is a person's: `name_like`, some sign of a person (its surname used alone,
        an honorific or role before it, a person's apposition, "he" or "she" after it) and no
        sign of a body ("its", "said in a statement", "at X", "X's shares", "X have")."""
        words = _POSSESSIVE.sub("", name).split()  # "Saudi Arabia’s" is "Saudi Arabia"
        if not name_like(words):
            return False
        name = " ".join(words)
        if name not in self._seen:
            person, body = self._signs(words)
            self._seen[name] = person and not body
        return self._seen[name]

    def _signs(self, words: list[str]) -> tuple[bool, bool]:
        person = body = False
        full = re.compile(r"(?<![\w’'-])" + r"\s+".join(map(re.escape, words)) + _END)
        last = re.compile(r"(?<![\w’'-])" + re.escape(words[-1]) + _END)
        for para in self.paras:
            text = para.text
            for m in full.finditer(text):
                if para.mark_at(para.start + m.start()) is not None:
                    continue
                p, b = _around(para, m.start(), m.end())
                person, body = person or p, body or b
            for m in last.finditer(text):
                if para.mark_at(para.start + m.start()) is not None or \
                        _capitalised_before(text, m.start()) or _capitalised_after(text, m.end()):
                    continue  # part of the full name, or of another one
                p, b = _around(para, m.start(), m.end())
                person, body = person or _speaks(para, m.start(), m.end()), body or b
        return person, body


def market_body(para: Paragraph, lo: int, hi: int) -> bool:
    """The mention (`lo` to `hi` in the paragraph's own text) opens its sentence as a company
    does: a market's word right after it ("Kessler stock climbed"), or "its" later in the
    sentence with no "he" or "she" before it ("Kessler has cut its prices")."""
    text = para.text
    if not _starts_sentence(text, lo):
        return False
    end = _SENTENCE_END.search(text, hi)
    after = [m.group().lower() for m in _WORD.finditer(text, hi, end.start() if end else len(text))
             if para.mark_at(para.start + m.start()) is None]
    if after and after[0] in MARKET_BELONGINGS:
        return True
    upto = after.index("its") if "its" in after else -1
    return upto >= 0 and not any(w in _PERSON_PRONOUNS for w in after[:upto])


def _around(para: Paragraph, lo: int, hi: int) -> tuple[bool, bool]:
    """Signs of a person and of a body in the words around one mention of a name (at `lo`
    to `hi` in the paragraph's text), quoted words left out."""
    text = para.text
    before = [m.group().lower() for m in _WORD.finditer(text, max(0, lo - 40), lo)
              if para.mark_at(para.start + m.start()) is None]
    prev = fold_accents(before[-1]).rstrip(".") if before else ""
    end = _SENTENCE_END.search(text, hi)
    raw = [m.group() for m in _WORD.finditer(text, hi, end.start() if end else len(text))
           if para.mark_at(para.start + m.start()) is None]
    after = [w.lower() for w in raw]
    nxt = after[0].lstrip("’'") if after else ""
    person = prev in HONORIFICS or prev in ROLE_WORDS or prev in PERSON_NOUNS or \
        _AGE.match(text, hi) is not None
    body = prev in ("the", "at", "in", "of", "from") or nxt in ORG_BELONGINGS or nxt in PLURAL_VERBS or \
        (nxt in ("s", "’s", "'s") and len(after) > 1 and after[1] in ORG_BELONGINGS) or \
        any(w in BODY_SPEECH_WORDS for w in after) or \
        (len(before) >= 2 and before[-1] == "for" and before[-2].startswith("spokes"))
    appos = _APPOSITION.match(text, hi)
    if appos is not None:
        nouns = _WORD.findall(appos.group("rest").lower())[:5]
        body = body or any(n in ORG_APPOSITION_NOUNS for n in nouns)
        person = person or any(n in PERSON_NOUNS or n in ROLE_WORDS for n in nouns)
    upto = next((i for i, w in enumerate(after) if w in _PERSON_PRONOUNS), -1)
    if upto >= 0 and not any(w in ("it", "its") for w in after) and _starts_sentence(text, lo) \
            and not any(w[:1].isupper() for w in raw[:upto]):  # "Marta Sørlie left before her ..."
        person = True
    elif any(w == "its" for w in after):
        body = True
    return person, body


def _speaks(para: Paragraph, lo: int, hi: int) -> bool:
    """A bare surname that speaks as a person does: it opens a sentence or follows a quote,
    and a verb of saying comes next ("Sørlie said", "... ,” Sørlie told reporters")."""
    text = para.text
    nxt = _WORD.match(text, hi + 1) if text[hi:hi + 1] == " " else None
    head = text[:lo].rstrip()
    return nxt is not None and nxt.group().lower() in SPEECH_FORMS and \
        (not head or head[-1] in ".!?:\"”“'’,")


def _capitalised_before(text: str, lo: int) -> bool:
    m = re.search(r"([\w’'-]+)\s+$", text[max(0, lo - 40):lo])
    return m is not None and m.group(1)[:1].isupper() and not _starts_sentence(text, lo - len(m.group(0)))


def _starts_sentence(text: str, i: int) -> bool:
    head = text[:i].rstrip()
    return not head or head[-1] in ".!?\"”“'’:"


def _capitalised_after(text: str, hi: int) -> bool:
    m = re.match(r"\s+([\w’'-]+)", text[hi:hi + 40])
    return m is not None and m.group(1)[:1].isupper()
