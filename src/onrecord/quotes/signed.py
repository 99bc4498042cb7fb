"""Signed layouts: words followed by the name of who wrote or said them, with no verb. An
embedded post (`... https://t.co/x — Jane Roe (@janeroe) May 3, 2021`), a dash signature
(`“...” — Commissioner Jane Roe`, on the quote's line or the next) and a pull quote
(`... constitute an emergency. Linda Lamoureux`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.found import Found, How, Kind

_DATE = r"(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})?"
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|al|bin))*"
# `— Jane Roe (@janeroe) May 3, 2021` (the handle makes it a post), or `— Commissioner Jane
# Roe` / `-- Jane Roe, Lakeside Council`, ending the paragraph.
SIGNATURE = re.compile(
    rf"(?:^|\s|(?<=[”\"’]))(?:[—–―]|--?)\s*(?P<name>{_NAME})(?P<handle>\s*\(@\w+\){_DATE}"
    rf"|,\s*[\w.'’&-]+(?:\s+[\w.'’&-]+){{0,4}})?\s*$")
# `... an emergency. Linda Lamoureux` or `... doors. Matt Danison, Rentals.ca`: a name (and an
# affiliation) after the last sentence, with no punctuation of its own at the end.
PULL_NAME = re.compile(rf"(?<=[.!?”\"])\s+(?P<name>{_NAME})(?:,\s*[\w.'’&-]+(?:\s+[\w.'’&-]+)"
                       rf"{{0,3}})?\s*$")
SIGNATURE_MAX_WORDS = 14  # a longer tail is a sentence, not a signature
_OPENING = "“\"‘'«"
_LINKS = re.compile(r"(?:\s*(?:https?://\S+|pic\.twitter\.com/\S+|t\.co/\S+))+\s*$")


@dataclass(frozen=True, slots=True)
class Signed:
    """Content [start, end) in `para` and the name token in `named` that signs it."""

    para: Paragraph
    start: int
    end: int
    named: Paragraph
    name: Any
    rule: str


def signed_quotes(text: str, live: list[Paragraph], found: list[Found]) -> list[Found]:
    """`found` with each signed layout's speaker given: an unattributed quote it signs takes the
    name, and signed words that hold no quote become one."""
    out = list(found)
    for sig in _signatures(text, live):
        inside = [i for i, f in enumerate(out) if sig.start <= f.start and f.end <= sig.end]
        if inside:
            for i in inside:
                f = out[i]
                if f.subj is None and f.kind == Kind.DIRECT and f.label is None:
                    out[i] = replace(f, subj=sig.name, borrowed=sig.named, how=How.DIRECT,
                                     rule=sig.rule)
            continue
        if any(f.start < sig.end and sig.start < f.end for f in out):
            continue
        m = next((m for m in sig.para.marks if m.open_mark == sig.start
                  and m.close_mark == sig.end - 1), None)
        lo, hi, kind = (m.start, m.end, Kind.DIRECT) if m else (sig.start, sig.end, Kind.INDIRECT)
        if kind == Kind.INDIRECT and text[hi - 1:hi] == ".":
            hi -= 1
        out.append(Found(kind, lo, hi, sig.para, How.DIRECT, sig.rule, subj=sig.name,
                         borrowed=sig.named))
    return out


def _signatures(text: str, live: list[Paragraph]) -> list[Signed]:
    """Every signed layout of the article, in text order."""
    by_index: dict[int, list[Paragraph]] = {}
    for p in live:
        by_index.setdefault(p.index, []).append(p)
    out = []
    for index, pieces in sorted(by_index.items()):
        last = pieces[-1]
        lo, hi = pieces[0].start, last.end
        body = text[lo:hi]
        sig = SIGNATURE.search(body)
        rule = "layout.signed_post" if sig and sig.group("handle") and "(@" in sig.group(0) \
            else "layout.dash_signature"
        if sig is None and body[-1:] not in ".!?…":  # `... Sen. Barack Obama.` ends a sentence
            sig = PULL_NAME.search(body)
            rule = "layout.pull_quote"
        if sig is None or len(sig.group(0).split()) > SIGNATURE_MAX_WORDS:
            continue
        name = _person_token(last, lo + sig.start("name"), lo + sig.end("name"), rule)
        if name is None:
            continue
        end = _LINKS.sub("", body[:sig.start()]).rstrip()
        if end.strip():
            start, end_at, para = lo, lo + len(end), pieces[0]
        elif index - 1 in by_index and rule != "layout.pull_quote":
            prev = by_index[index - 1]  # the signature on a line of its own
            start, para = prev[0].start, prev[0]
            end_at = start + len(_LINKS.sub("", text[start:prev[-1].end]).rstrip())
        else:
            continue
        if rule == "layout.dash_signature" and text[start:start + 1] not in _OPENING:
            continue  # an author's sign-off under prose, not a quote's signature
        if len(text[start:end_at].split()) >= 4:
            out.append(Signed(para, start, end_at, last, name, rule))
    return out


def _person_token(p: Paragraph, lo: int, hi: int, rule: str) -> Any:
    """The last token of a person's name in text[lo:hi]: a person the model tagged (for a
    post, whose handle says it is someone's, any run of capitalised words)."""
    toks = [t for t in p.doc if lo <= p.char(t) and p.char_end(t) <= hi and not t.is_punct]
    if not toks:
        return None
    person = [t for t in toks if t.ent_type_ == "PERSON"]
    if person:
        return person[-1]
    return toks[-1] if rule == "layout.signed_post" and len(toks) >= 2 else None
