"""The DIRECT family: whether a quoted stretch is a whole direct quote, and how it is
attributed. A rule takes the `Stretch` and gives an `Attributed` (how the quote was found, its
cue and speaker tokens), `NOT_DIRECT` (the stretch is no direct quote: a fragment, left to
reported speech to make its clause mixed) or None (the next rule decides)."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeAlias

from onrecord.quotes.cues import addressee_of, cue_span
from onrecord.quotes.direct.cue import (
    belongs_after,
    cue_with_subject,
    name_only,
    starts_with_attribution,
    surface_cue,
)
from onrecord.quotes.direct.introduced import clause_subject, prefix_introduces
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


def _bare_name(s: Stretch) -> Attributed | None:
    """`"...," Mr Bootle.` with the verb left out."""
    named = name_only(s.suffix) if s.leads else None
    return Attributed(How.DIRECT, subj=named) if named is not None else None


def _colon_clause(s: Stretch) -> Attributed | None:
    """`Smith put it this way: "..."`: the subject of the clause ending on the colon."""
    if not (s.before.endswith(":") and s.prefix):
        return None
    subj = clause_subject(s.prefix)
    if subj is not None and s.words >= 3:
        return Attributed(How.COLON, subj.head, subj)
    return None


def _stand_alone(s: Stretch) -> Attributed | None:
    """A stand-alone quote: the whole sentence or paragraph is the quote (its speaker is the
    previous one, `How.CONTINUATION`)."""
    if not s.before and (not s.after or all(c in SENT_END + "”\"" for c in s.after)) \
            and s.words >= 4:
        return Attributed(How.CONTINUATION)
    return None


# A fragment is told apart first: no attribution makes a direct quote of it. Then the cue
# after the quote wins over one before it (`X said: "A," Y added.` is Y's), a grammatical cue
# over a surface reading, and both over a cue before the quote; a bare name, a colon clause and
# a stand-alone quote are what is left when no cue is found.
DIRECT: Family[Stretch, Outcome] = Family("direct", (
    _not_introduced, _runs_on, _cue_after, _surface_attribution, _cue_before, _bare_name,
    _colon_clause, _stand_alone))


def to_found(s: Stretch, rule: str, att: Attributed) -> Found:
    """The candidate for a direct quote the rule `rule` attributed."""
    cue = att.cue
    return Found(Kind.DIRECT, s.m.start, s.m.end, s.para, att.how, rule, cue=cue,
                 cue_span=cue_span(s.para, cue) if cue is not None else None, subj=att.subj,
                 addressee=addressee_of(cue) if cue is not None and att.how == How.DIRECT
                 else None)
