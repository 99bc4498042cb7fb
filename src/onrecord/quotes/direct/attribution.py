"""The DIRECT family: whether a quoted stretch is a whole direct quote, and how it is
attributed. A rule takes the `Stretch` and gives an `Attributed` (how the quote was found, its
cue and speaker tokens), `NOT_DIRECT` (the stretch is no direct quote: a fragment, left to
reported speech to make its clause mixed) or None (the next rule decides)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeAlias

from onrecord.lexicon.layout import CONTRACTED_IS
from onrecord.quotes.cues import addressee_of, cue_span
from onrecord.quotes.direct.cue import (
    belongs_after,
    cue_with_subject,
    name_only,
    starts_with_attribution,
    surface_cue,
)
from onrecord.quotes.direct.introduced import can_speak, clause_subject, prefix_introduces
from onrecord.quotes.direct.stretch import SENT_END, Stretch
from onrecord.quotes.found import Found, How, Kind
from onrecord.quotes.rules import Family


@dataclass(frozen=True, slots=True)
class Attributed:
    """A direct quote: how it was found, its cue token and its speaker token (when any)."""

    how: How
    cue: Any = None
    subj: Any = None


class NotDirect(Enum):
    FRAGMENT = "not a direct quote"


NOT_DIRECT = NotDirect.FRAGMENT
Outcome: TypeAlias = Attributed | NotDirect


def _cued(cue: Any, subj: Any) -> Attributed:
    return Attributed(How.ACCORDING if cue.lower_ == "according" else How.DIRECT, cue, subj)


def _after_possessive(s: Stretch) -> NotDirect | None:
    """`said on CBS’ “Face the Nation.”`, `NBC’s “Today” show`: a name after a possessive is
    a title (of a show, a book, a slogan), no quote."""
    return NOT_DIRECT if is_title(s.text, s.opener) else None


_POSSESSIVE = re.compile(r"(\w+)(?:['’]s|(?<=s)['’])\s*$", re.I)


def is_title(text: str, opener: int) -> bool:
    """The quotation mark at `opener` follows a possessive (`CBS’ “Face the Nation”`), not a
    contracted "is" (`it’s “a disaster”`)."""
    m = _POSSESSIVE.search(text, max(0, opener - 40), opener)
    return m is not None and m.group(1).lower() not in CONTRACTED_IS


def only_a_title(text: str, f: Found) -> bool:
    """A reported statement that is nothing but a quoted title (`said on CBS’ “Face the
    Nation.”`): no statement."""
    return any(m.open_mark == f.start and m.close_mark + 1 == f.end and is_title(text, f.start)
               for m in f.para.marks)


def _not_introduced(s: Stretch) -> NotDirect | None:
    """The words before the stretch do not introduce a whole quote (`his commitment to "..."`,
    `said it's unrealistic to think that if we pull back, “...”`): a fragment."""
    if not prefix_introduces(s.prefix, s.para, s.text, s.opener):
        return NOT_DIRECT
    return None


def _runs_on(s: Stretch) -> NotDirect | None:
    """`said “it makes me angry” every time ...`: a fragment of a reported clause that runs on
    in lower case after it."""
    if s.prefix and s.before[-1:] not in ",:;—–-(" and not s.ends_like_quote \
            and s.after[:1].isalpha() and s.after[:1].islower():
        return NOT_DIRECT
    return None


def _cue_after(s: Stretch) -> Attributed | None:
    """`"...," said Joly.`, `"...," she told reporters.`: a cue with a subject after the quote."""
    hit = s.cue_after
    if hit and (s.leads or starts_with_attribution(s.suffix, hit)):
        return _cued(*hit)
    return None


def _surface_attribution(s: Stretch) -> Attributed | None:
    """`," the readout states.` when the tagger missed the verb, `," said Skelly`."""
    if s.cue_after is not None or not s.leads:
        return None
    hit = surface_cue(s.suffix, s.para)
    if hit and not belongs_after(s.text, s.para, s.inner, hit[0]):
        return _cued(*hit)
    return None


def _cue_before(s: Stretch) -> Attributed | None:
    """`Pires told the Evening Standard: "..."`: the last cue with a subject before the quote."""
    hit = cue_with_subject(s.prefix, s.para, last=True)
    return _cued(*hit) if hit else None


def _before_sentence(s: Stretch) -> Attributed | None:
    """`“We wish them well.” Foster writes that ...`, `“...” He added, “...”`: a quoted
    sentence standing first, before a sentence (or a next quote's cue) of its own; its speaker
    is the previous one."""
    if not s.before and s.inner[-1:] in SENT_END and s.after[:1].isupper() and s.words >= 4:
        return Attributed(How.CONTINUATION)
    return None


def _second_half(s: Stretch) -> Attributed | None:
    """`“The kids will love it,” added librarian Tom Baker, “and so will their parents.”`: the
    second half of a quote split by its attribution (the parser missed the cue); the speaker
    of the first half goes on."""
    prev = [m for m in s.para.marks if 0 <= m.close_mark < s.opener]
    if not prev or not s.before.endswith(",") or not s.inner[:1].islower():
        return None
    between = s.text[prev[-1].close_mark + 1:s.opener]
    first = s.text[prev[-1].start:prev[-1].end].rstrip()
    if first[-1:] == "," and len(between.split()) <= 8 and not any(c in between for c in ".!?"):
        return Attributed(How.CONTINUATION)
    return None


def _bare_name(s: Stretch) -> Attributed | None:
    """`"...," Mr Bootle.` with the verb left out."""
    named = name_only(s.suffix) if s.leads else None
    return Attributed(How.DIRECT, subj=named) if named is not None else None


def _colon_clause(s: Stretch) -> Attributed | None:
    """`Smith put it this way: "..."`: the subject of the clause ending on the colon."""
    if not (s.before.endswith(":") and s.prefix):
        return None
    subj = clause_subject(s.prefix)
    if subj is not None and s.words >= 3 and can_speak(subj):
        return Attributed(How.COLON, subj.head, subj)
    return None


def _colon_lead(s: Stretch) -> Attributed | None:
    """`Then, after a pause: “A few beers.”` (the previous speaker goes on), `From Chairwoman
    Jane Roe: “...”` (the person named): a lead-in with no verb before a colon."""
    if not (s.before.endswith(":") and s.prefix) or s.words < 3 or not s.inner[:1].isupper():
        return None
    lead = s.text[s.para.start:s.region[0]].rstrip().rstrip("”\"’'")
    if lead and lead[-1] not in SENT_END + "…":
        return None  # `..., whom he described as "volatile," with Clinton: "..."`
    words = [t for t in s.prefix if not t.is_punct and not t.is_space]
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    named = [t for t in words if t.ent_type_ == "PERSON"]
    if not named and all(t.pos_ == "PROPN" for t in words) and len(words) <= 3:
        named = words  # `Kasich: ‘We Are Going ...’`, a name the model did not tag
    return Attributed(How.COLON, subj=named[-1]) if named else Attributed(How.CONTINUATION)


def _stand_alone(s: Stretch) -> Attributed | None:
    """A stand-alone quote: the whole sentence or paragraph is the quote (its speaker is the
    previous one, `How.CONTINUATION`); a short one only right after a quote and its cue
    (`'We'll be back,' he added. 'Mark my words.'`)."""
    if not s.before and (not s.after or all(c in SENT_END + "”\"" for c in s.after)) \
            and s.words >= (2 if _after_cued_quote(s) else 4):
        return Attributed(How.CONTINUATION)
    return None


def _after_cued_quote(s: Stretch) -> bool:
    """The sentence before the stretch is a quote and its short attribution (`'A,' he said.`)."""
    prev = [m for m in s.para.marks if 0 <= m.close_mark < s.opener]
    if not prev or s.text[prev[-1].close_mark - 1] != ",":
        return False
    between = s.text[prev[-1].close_mark + 1:s.opener].strip()
    return between[-1:] in SENT_END and 0 < len(between.split()) <= 6 and \
        not any(c in between[:-1] for c in SENT_END)


# A fragment is told apart first: no attribution makes a direct quote of it. Then the cue
# after the quote wins over one before it (`X said: "A," Y added.` is Y's), a grammatical cue
# over a surface reading, and both over a cue before the quote; a bare name, a colon clause and
# a stand-alone quote are what is left when no cue is found.
DIRECT: Family[Stretch, Outcome] = Family("direct", (
    _after_possessive, _not_introduced, _runs_on, _cue_after, _surface_attribution, _cue_before,
    _second_half, _bare_name, _colon_clause, _colon_lead, _stand_alone, _before_sentence))


def to_found(s: Stretch, rule: str, att: Attributed) -> Found:
    """The candidate for a direct quote the rule `rule` attributed."""
    cue = att.cue
    return Found(Kind.DIRECT, s.m.start, s.m.end, s.para, att.how, rule, cue=cue,
                 cue_span=cue_span(s.para, cue) if cue is not None else None, subj=att.subj,
                 addressee=addressee_of(cue) if cue is not None and att.how == How.DIRECT
                 else None)
