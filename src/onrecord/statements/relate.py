"""How two quotes' words relate: the same, one a truncation of the other, a near-variant, or none."""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from onrecord.statements.words import Words

# A part (truncation) must keep this many words: "very good" is in too many quotes to mean one.
MIN_PART = 4
# A near-variant: this many words at least, and this share of the words in common.
MIN_VARIANT = 6
VARIANT_RATIO = 0.8


class Relation(StrEnum):
    """What `a` is to `b`."""

    SAME = "same"          # the same words (case and punctuation aside)
    PART = "part"          # a's words all appear in b, in order: a truncation of b
    WHOLE = "whole"        # b is a part of a: a extends b
    VARIANT = "variant"    # most words in common, some changed
    NONE = "none"


def relate(a: Words, b: Words) -> Relation:
    """The relation of quote words `a` to quote words `b`."""
    if a == b:
        return Relation.SAME
    if not a or not b:
        return Relation.NONE
    sm = SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in sm.get_matching_blocks())
    if matched == len(a) and len(a) >= MIN_PART:
        return Relation.PART
    if matched == len(b) and len(b) >= MIN_PART:
        return Relation.WHOLE
    if min(len(a), len(b)) >= MIN_VARIANT and 2 * matched / (len(a) + len(b)) >= VARIANT_RATIO:
        return Relation.VARIANT
    return Relation.NONE


@dataclass(frozen=True, slots=True)
class Edit:
    """One word-level change from the statement's text to a variant: `op` is replace, delete
    or insert; `before` the statement's words, `after` the variant's."""

    op: str
    before: str
    after: str


def word_diff(text: Words, variant: Words) -> list[Edit]:
    """The word-level edits that turn the statement's words into the variant's."""
    sm = SequenceMatcher(None, text, variant, autojunk=False)
    return [Edit(op, " ".join(text[i1:i2]), " ".join(variant[j1:j2]))
            for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


def is_truncation(variant: Words, text: Words) -> bool:
    """Whether the variant only leaves words out of the statement's text (no word changed)."""
    sm = SequenceMatcher(None, variant, text, autojunk=False)
    return sum(block.size for block in sm.get_matching_blocks()) == len(variant)
