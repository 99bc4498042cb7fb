"""A statement named by a noun, with its owner as the possessive: `Donald Trump's claim that
Obama "founded ISIS"`. Without an owner there is no source, and no record."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onrecord.lexicon.grammar import SUBJ_DEPS
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.found import Found, How
from onrecord.quotes.reported.said import Outcome, statement, to_found
from onrecord.quotes.reported.span import trim
from onrecord.quotes.rules import Family


@dataclass(frozen=True)
class Claim:
    """What the claim rule looks at: the claim noun ("claim", "assertion", ...)."""

    text: str
    para: Paragraph
    n: Any


def claim(text: str, para: Paragraph, n: Any) -> Found | None:
    """The statement a claim noun at token `n` names, if any."""
    return to_found(para, CLAIM.first(Claim(text, para, n)))


def _possessive(c: Claim) -> Outcome | None:
    """`Donald Trump's claim that Obama "founded ISIS"`: the that-clause with a subject of its
    own, owned by the possessive."""
    n = c.n
    owner = next((x for x in n.children if x.dep_ == "poss"), None)
    clause = next((x for x in n.children if x.dep_ in ("acl", "ccomp", "relcl") and x.i > n.i
                   and any(m.lower_ == "that" and m.dep_ == "mark" for m in x.children)
                   and any(s.dep_ in SUBJ_DEPS for s in x.children)), None)
    if owner is None or clause is None or c.para.in_quote(owner):
        return None
    span = trim(c.para, clause.left_edge.i, list(clause.subtree)[-1].i)
    return statement(c.text, span, n, owner, least=3, how=How.OBJECT)


CLAIM: Family[Claim, Outcome] = Family("reported.claim", (_possessive,))
