"""Pair quotation marks in a paragraph into quoted spans (character offsets)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from onrecord.lexicon.grammar import ABBREVIATIONS

OPENERS = {"“": "”", "„": "“", "«": "»", "‟": "”"}

CLOSERS = {"”", "»"}

STRAIGHT = '"'


@dataclass(slots=True, frozen=True)
class Marked:
    """A quoted stretch: `start`/`end` cover the words inside the marks (offsets in the text)."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark, or -1 when the opener is missing
    close_mark: int  # offset of the closing mark, or -1 when it runs to the paragraph end


def _is_opening_straight(text: str, i: int) -> bool:
    """A straight quote opens when it follows a space, start, or opening punctuation."""
    before = text[i - 1] if i > 0 else " "
    if before.isspace() or before in "([{—–-/:;":
        return i + 1 < len(text) and text[i + 1] != "\n"  # `be " very important"`: a stray space
    return False


def find_marked(text: str, start: int = 0, end: int | None = None, *,
                singles: bool = False) -> list[Marked]:
    """Quoted spans in text[start:end] (one paragraph); an unclosed quote runs to its end.
    Two apostrophes ('' as in some newswire archives) count as one straight double mark.
    With `singles` (an article whose quotation marks are straight single ones, see
    `uses_single_marks`), 'straight single marks' pair like ‘curly’ ones."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    # The marks are paired in a copy of the paragraph with the two characters before it and
    # the one after it (all that the pairing reads outside it), never of the whole text: an
    # article of many paragraphs costs time linear in its length.
    lo = max(0, start - 2)
    after = text[end:end + 1]
    if "''" not in chunk and not _DOUBLED.search(chunk):
        return [_shifted(m, lo) for m in _find(text[lo:start] + chunk + after,
                                               start - lo, end - lo, singles)]
    view = text[lo:start] + _DOUBLED.sub(_as_double, chunk.replace("''", '"\x01')) + after
    return [_shifted(Marked(m.start + (view[m.start] == "\x01"),
                            m.end - (view[m.end - 1] == "\x01"), m.open_mark, m.close_mark), lo)
            for m in _find(view, start - lo, end - lo, singles)]


def _shifted(m: Marked, by: int) -> Marked:
    if not by:
        return m
    return Marked(m.start + by, m.end + by, m.open_mark + by if m.open_mark >= 0 else -1,
                  m.close_mark + by if m.close_mark >= 0 else -1)


# Two curly single marks standing for one double mark (`‘’It’s not ...`, `... lose.’’`): an
# opener before a word, a closer after one.
_DOUBLED = re.compile(r"(?<!\w)[‘’]{2}(?=\w)|(?<=[\w.,!?…])[‘’]{2}(?!\w)")


def _as_double(m: re.Match[str]) -> str:
    s, i = m.string, m.start()
    if m.end() < len(s) and s[m.end()].isalnum():
        return "“\x01"
    if s[i - 1] in ".,!?…" or re.search(r"(?<!\w)[‘’]{2}\w|“", s[:i]):
        return "\x01”"
    return m.group()  # `the players’’ union`: a doubled apostrophe, not a closing mark


# Words that begin with an apostrophe: a mark before them opens no quote ('90s, rock 'n' roll).
# (lower case: `'Cause we won,' she said` opens a quote).
ELIDED = re.compile(r"(?:\d\d?s?|n|em|cause|cos|coz|til|tis|twas|bout|scuse|cept|fraid)\b")
_S_OPEN = "'"


def _single_view(text: str, start: int, end: int) -> str:
    """text with each straight single mark in [start, end) replaced by ‘ where it can open a
    quote and by ’ elsewhere (same length, so offsets hold)."""
    out = list(text[start:end])
    for k, ch in enumerate(out):
        if ch != _S_OPEN:
            continue
        i = start + k
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        opens = (before.isspace() or before in "([{—–-/:;\"“") and not after.isspace() \
            and not ELIDED.match(text, i + 1, end)
        out[k] = "‘" if opens else "’"
    return text[:start] + "".join(out) + text[end:]


# A straight single mark opening a quote (before a capital) and one closing it (after a
# sentence's punctuation), as in `'We will win,' she said`.
_S_PAIR = re.compile(r"(?:^|(?<=[\s(—–]))'(?=[A-Z])(?:[^'\n]|(?<=\w)'(?=\w)|(?<=\s)'(?=\w))"
                     r"{2,}?[,.!?…]'(?=\s|$)", re.M)
_DOUBLES = re.compile(r"[“”\"]|''")


def uses_single_marks(text: str) -> bool:
    """True for an article that quotes with straight single marks: it has such quotes, and
    at least as many of them as double marks (British and literary style; a double-mark
    article's stray singles are scare quotes or headlines, left alone)."""
    pairs = len(_S_PAIR.findall(text))
    return pairs > 0 and pairs * 2 >= len(_DOUBLES.findall(text))


def _find(text: str, start: int, end: int, singles: bool = False) -> list[Marked]:
    spans: list[Marked] = []
    open_at = -1
    closer = ""
    i = start
    while i < end:
        ch = text[i]
        if open_at < 0:
            if ch in OPENERS:
                open_at, closer = i, OPENERS[ch]
            elif ch == STRAIGHT and (_is_opening_straight(text, i) or i == start):
                open_at, closer = i, STRAIGHT
            elif (ch in CLOSERS or (ch == STRAIGHT and not text[i - 1].isspace())) and not spans:
                # A closing mark with no opener: the quote began at the paragraph start.
                lead = start
                while lead < i and text[lead].isspace():
                    lead += 1
                if i - lead > 1:
                    spans.append(Marked(lead, i, -1, i))
        else:
            if closer == STRAIGHT and ch == STRAIGHT and _reopens(text, i, end):
                # `... to do. "I love` : a new quote opens; the previous one was left open
                # (paragraphs of one quote merged into one line).
                spans.append(Marked(open_at + 1, _trim_end(text, open_at + 1, i), open_at, -1))
                open_at = i
            elif ch == closer or (closer == STRAIGHT and ch == "”") or (closer == "”" and ch == STRAIGHT):
                spans.append(Marked(open_at + 1, i, open_at, i))
                open_at = -1
            elif ch == "“" and closer == "”" and _closes_like(text, i, end):
                spans.append(Marked(open_at + 1, i, open_at, i))  # `here,“ said Jim`: a typo
                open_at = -1
            elif ch in OPENERS and closer != STRAIGHT and ch != closer:
                # A new opener before the close: the previous quote was left open.
                spans.append(Marked(open_at + 1, _trim_end(text, open_at + 1, i), open_at, -1))
                open_at, closer = i, OPENERS[ch]
        i += 1
    if open_at >= 0 and end - open_at > 2:
        spans.append(Marked(open_at + 1, _trim_end(text, open_at + 1, end), open_at, -1))
    spans = [s for s in spans if s.end > s.start]
    if singles and _S_OPEN in text[start:end]:
        spans.extend(_single_quoted(_single_view(text, start, end), start, end, spans))
    else:
        spans.extend(_single_quoted(text, start, end, spans))
    spans.sort(key=lambda s: s.start)
    return spans


def _single_quoted(text: str, start: int, end: int, outer: list[Marked]) -> list[Marked]:
    """‘British style’ quotes outside any double-quoted stretch (inside one they are a quote
    within the quote). The closer is the first ’ that ends a word at a clause boundary, so
    apostrophes (it’s, ministers’ plans) are passed over."""
    def covered(i: int) -> bool:
        return any((o.open_mark if o.open_mark >= 0 else o.start) <= i <=
                   (o.close_mark if o.close_mark >= 0 else o.end) for o in outer)

    found: list[Marked] = []
    i = start
    while i < end:
        if text[i] != "‘" or covered(i) or (i > start and text[i - 1].isalnum()) or \
                ELIDED.match(text, i + 1, end):
            i += 1
            continue
        close = -1
        loose = -1
        j = i + 1
        while j < end:
            ch = text[j]
            if ch == "‘" and text[j - 1].isspace() and _starts_quote(text, i, j):
                break  # another quote opens: this one was left open
            if ch == "’" and j > i + 1:
                after = text[j + 1] if j + 1 < end else " "
                before = text[j - 1]
                if not after.isalnum():
                    if before in ",.!?…—-" or after in ",.;:!?)—–" or j + 1 >= end:
                        close = j
                        break
                    if loose < 0 and before.lower() != "s":
                        loose = j
            j += 1
        close = close if close >= 0 else loose
        if close < 0:
            if j >= end and end - i > 2:
                found.append(Marked(i + 1, _trim_end(text, i + 1, end), i, -1))
            i = j
            continue
        found.append(Marked(i + 1, close, i, close))
        i = close + 1
    return found


def _starts_quote(text: str, i: int, j: int) -> bool:
    """Whether the ‘ at j (inside a quote opened at i) opens a new quote: after a sentence's
    end or a colon, not mid-sentence (`‘I was ‘appy with it,’`: a word's apostrophe)."""
    k = j - 1
    while k > i and text[k].isspace():
        k -= 1
    return text[k] in ".!?…:;—–-’\"”" or k == i


def _closes_like(text: str, i: int, end: int) -> bool:
    """An opening mark placed where a closer goes: after a word's final punctuation and
    before a space or the paragraph end."""
    return text[i - 1] in ",.!?—" and (i + 1 >= end or text[i + 1].isspace())


def _reopens(text: str, i: int, end: int) -> bool:
    """A straight mark after sentence-final punctuation and a space, before a capital."""
    if i < 2 or i + 1 >= end:
        return False
    nxt = text[i + 2] if text[i + 1] == "\x01" and i + 2 < end else text[i + 1]
    return text[i - 1] == " " and text[i - 2] in ".!?" and nxt.isupper()


def _trim_end(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def is_abbreviation(text: str, i: int) -> bool:
    """True when the period at text[i] ends an abbreviation ("Ms.", "U.S.") or an initial, or
    is followed by a comma ("R-Ky., said")."""
    if text[i] != ".":
        return False
    if text[i + 1:i + 2] in (",", ";"):
        return True
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:i].lower()
    return word in ABBREVIATIONS or (len(word) == 1 and text[j].isupper())
