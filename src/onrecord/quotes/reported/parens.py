"""A cue set in parentheses speaks only for the words in them: `Iowa (93 percent of voters
were white, according to exit polls)`, `(at one point as low as 19%, Gutin says)`, `(we
explained his history above)` are the writer's asides on the sentence around them."""
from __future__ import annotations

from dataclasses import replace

from onrecord.quotes.found import Found

MIN_WORDS = 3  # fewer words left inside the parentheses are no statement ("which one")
ASIDE_WORDS = 2  # words beside speaker and cue in an aside of the host sentence ("on Monday")


def within_parentheses(text: str, f: Found) -> Found | None:
    """`f` clipped to the parentheses its cue sits in (unchanged when the cue is in none or the
    statement is inside them already); None when a statement from outside them keeps nothing
    inside them but the cue."""
    if f.cue_span is None:
        return f
    cue_at, cue_end = f.cue_span[0], f.cue_span[1]
    lo, hi = f.para.start, f.para.end
    opened = text.rfind("(", lo, cue_at)
    if opened < 0 or text.rfind(")", opened, cue_at) >= 0:
        return f
    closed = text.find(")", cue_end, hi)
    if closed < 0 or text.find("(", cue_end, closed) >= 0:
        return f
    if (opened < f.start and f.end <= closed) or _only_attribution(f, opened, closed):
        return f
    start, end = max(f.start, opened + 1), min(f.end, closed)
    while end > start and text[end - 1] in " ,;:—–-":
        end -= 1
    while start < end and text[start] == " ":
        start += 1
    if len(text[start:end].split()) < MIN_WORDS:
        return None
    if f.start > opened:  # it opens inside them and runs past their end: only the end moves
        return replace(f, end=end)
    return None if start <= cue_at < end else replace(f, start=start, end=end)


def _only_attribution(f: Found, opened: int, closed: int) -> bool:
    """`The main worry (the central bank said) was ...`: the parentheses hold the speaker and
    the cue and at most a time or two words, an aside of the sentence around them."""
    para, cue = f.para, f.cue
    if cue is None:
        return False
    mine = {cue.i} | ({t.i for t in f.subj.subtree} if f.subj is not None else set())
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc):
        mine |= {t.i for t in cue.doc[cue.i + 1].subtree}
    rest = [t for t in para.doc if opened < para.char(t) < closed
            and t.i not in mine and not t.is_punct]
    return len(rest) <= ASIDE_WORDS
