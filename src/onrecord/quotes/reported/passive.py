"""Passive cues with no subject: the speaker is after "by" (`Asked by Matt Lauer whether she
had ...`, `As reported by the Post, investigators found ...`, `The ban was first reported by
BuzzFeed`). A passive cue without one (`is said to be`) gives no statement."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onrecord.lexicon.grammar import IF_WHETHER
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.cues import cue_lemma
from onrecord.quotes.found import How
from onrecord.quotes.reported.clause import is_as_clause
from onrecord.quotes.reported.said import Outcome, statement
from onrecord.quotes.reported.span import sentence_around, trim
from onrecord.quotes.rules import Family


@dataclass(frozen=True)
class Passive:
    """What the passive rules look at: the cue verb and its speaker after "by"."""

    text: str
    para: Paragraph
    v: Any
    src: Any  # the object of "by"


def passive(text: str, para: Paragraph, v: Any) -> tuple[str, Outcome] | None:
    """The first passive rule's result for cue `v`; None when no speaker follows "by" (outside
    quotation marks) or no rule's construction is there."""
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    src = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if src is None or para.in_quote(src):
        return None
    return PASSIVE.first(Passive(text, para, v, src))


def _said(c: Passive, span: tuple[int, int] | None) -> Outcome:
    return statement(c.text, span, c.v, c.src, least=3, how=How.OBJECT)


def _question(c: Passive) -> Outcome | None:
    """`Asked by Matt Lauer whether she had ...`: the question put, after the speaker."""
    if cue_lemma(c.v) != "ask":
        return None
    asked = next((x for x in c.v.children if x.i > c.src.i and (
        (x.dep_ == "ccomp" and x.left_edge.lower_ in IF_WHETHER)
        or x.dep_ == "xcomp" or (x.dep_ == "prep" and x.lower_ == "about"))), None)
    return _said(c, None if asked is None else trim(c.para, asked.left_edge.i,
                                                    list(asked.subtree)[-1].i))


def _as_clause(c: Passive) -> Outcome | None:
    """`As reported by the Post, investigators found ...`: the sentence the as-clause hangs on."""
    if not is_as_clause(c.v):
        return None
    return _said(c, sentence_around(c.para, c.v))


def _subject(c: Passive) -> Outcome | None:
    """`The ban was first reported by BuzzFeed`: the passive's subject noun phrase."""
    if c.v.dep_ != "ROOT":
        return None
    said = next((x for x in c.v.children if x.dep_ == "nsubjpass"), None)
    if said is None or said.pos_ not in ("NOUN", "PROPN"):
        return _said(c, None)
    return _said(c, trim(c.para, said.left_edge.i, list(said.subtree)[-1].i))


# A question first: "asked" says what was asked whatever the clause it heads ("As asked by
# ..."); an as-clause is never the root, so the last two never compete. Whichever rule's
# construction is there decides, statement or not.
PASSIVE: Family[Passive, Outcome] = Family("reported.passive", (_question, _as_clause, _subject))
