"""The publication date of an article and the date each statement was made.

`find_published` reads a date the text states about itself: a `Published:`/`Updated:` line,
a dateline (`OTTAWA, Jan. 18, 2022 -`), or a photo caption (`Kyiv, Ukraine, Tuesday, Jan. 18,
2022. (AP)`). `date_quotes` resolves the time words next to each statement's cue (`on Tuesday`,
`late Monday night`, `yesterday`, `on Jan. 18`) against the publication date. Nothing is
guessed: no expression, or nothing to resolve it against, leaves the date null.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date, timedelta

from onrecord.dates.calendar import DAY, MON, iso_date
from onrecord.lexicon.dates import MONTHS, WEEKDAYS
from onrecord.lexicon.grammar import DATING_ABBREVIATIONS
from onrecord.model import Article, Quote

# Time expressions near a cue, nearest first; each names a day relative to publication.
_RELATIVE = re.compile(
    r"\b(?:(?P<last>last|this past)\s+)?(?:(?P<at>during|at|in)\s+)?(?:(?:late|early)\s+)?"
    r"(?:on\s+)?(?<!super\s)"
    r"(?P<weekday>" + "|".join(WEEKDAYS) + r")(?P<poss>['’]s)?"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"|\b(?P<yesterday>yesterday|last night)\b"
    r"|\b(?P<today>today|tonight|this (?:morning|afternoon|evening)|earlier today)\b"
    r"|\b(?P<week>last week|this week|earlier this week|last month|this month)\b"
    rf"|\b(?:on\s+)?{MON}\s+{DAY}\b(?!,?\s+(?:19|20)\d\d)", re.I)

# Words inside quotation marks are someone's words, not the narrator's time of speaking.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")

YEAR_TURN_DAYS = 60  # "on Dec. 30" in a January article: last year; further back: unknown

_SENT_END = re.compile(r"[.!?…][”\"’')\]]*\s+|\n")


def date_quotes(article: Article) -> None:
    """Set `quote.date` where the text says when a statement was made; else leave None.

    The words searched are those of the cue's sentence outside the quote itself (a date
    inside the quoted words is what the speaker talked about, not when). A continuation
    quote (same speaker, no mention, no cue) takes the date of the quote it continues.
    """
    pub = iso_date(article.published)
    ends = SentenceEnds(article.text)
    spans = sorted(((o.start, o.end, o) for o in article.quotes), key=lambda s: s[0])
    starts = [a for a, _, _ in spans]
    longest = max((b - a for a, b, _ in spans), default=0)
    prev: Quote | None = None
    for q in sorted(article.quotes, key=lambda q: q.start):
        if q.date is None:
            # Only the statements that can overlap the cue's sentence matter (at most `longest`
            # characters before it): looking them up keeps the stage linear in the article.
            lo, hi = _window(ends, q)
            near = spans[bisect_left(starts, lo - longest):bisect_left(starts, hi)]
            q.date = statement_date(article.text, q, pub,
                                    [(a, b) for a, b, o in near if o is not q], ends=ends)
            if (q.date is None and prev is not None and q.cue is None and q.speaker
                    and prev.speaker and q.speaker.start is None
                    and q.speaker.id == prev.speaker.id):
                q.date = prev.date
        prev = q


def statement_date(text: str, q: Quote, published: date | None,
                   others: Sequence[tuple[int, int]] = (), *,
                   ends: SentenceEnds | None = None) -> str | None:
    """The ISO day of the nearest time expression to the quote's cue that names one, or None.

    Expressions inside the quote, inside `others` (the other statements' words), inside other
    quoted words, or naming an event rather than the time of speaking (`for Thursday's
    meeting`; but `during Sunday's debate` counts) are skipped. `ends` (the article's
    sentence ends, built once per article) saves re-reading the text before the quote.
    """
    anchor = q.cue.start if q.cue else q.start
    start, end = _window(ends if ends is not None else SentenceEnds(text), q)
    window = text[start:end]
    spoken = [(a - start, b - start) for a, b in [(q.start, q.end), *others]]
    spoken += [(m.start(), m.end()) for m in _QUOTED.finditer(window)]
    best: tuple[int, date] | None = None
    for m in _RELATIVE.finditer(window):
        if any(m.start() < b and m.end() > a for a, b in spoken):
            continue
        if m.group("poss") and not m.group("at"):
            continue
        day = _resolve(m, published)
        dist = abs(m.start() - (anchor - start))
        if day is not None and (best is None or dist < best[0]):
            best = (dist, day)
    return best[1].isoformat() if best else None


def _window(ends: SentenceEnds, q: Quote) -> tuple[int, int]:
    """The cue's sentence (both sentences when the cue spans a sentence end), or the quote's."""
    start, end = ends.sentence(q.cue.start if q.cue else q.start)
    if q.cue:
        s2, e2 = ends.sentence(q.cue.end)
        start, end = min(start, s2), max(end, e2)
    return start, end


class SentenceEnds:
    """The sentence ends of one text, found once, so that finding the sentence around an
    offset reads only that sentence (linear in the article, however many quotes it has)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Ends of the sentence-ending matches of one scan over the whole text.
        self.ends = [m.end() for m in _SENT_END.finditer(text) if _ends_sentence(text, m)]

    def sentence(self, at: int) -> tuple[int, int]:
        """Bounds of the sentence (or line) holding offset `at`."""
        return _sentence(self.text, at, self)


def _sentence(text: str, at: int, ends: SentenceEnds | None = None) -> tuple[int, int]:
    """Bounds of the sentence (or line) holding offset `at`."""
    start = 0
    if ends is not None:
        # The scan below, up to `at`, finds the same matches as one over the whole text up to
        # the last that ends by `at`: resume there (a match cut short at `at` may follow).
        k = bisect_right(ends.ends, at)
        start = ends.ends[k - 1] if k else 0
    for m in _SENT_END.finditer(text, start, at):
        if _ends_sentence(text, m):
            start = m.end()
    for m in _SENT_END.finditer(text, at):
        if _ends_sentence(text, m):
            return start, m.end()
    return start, len(text)


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    """False for the full stop of an abbreviation (`Jan.`, `Mr.`, `U.S.`)."""
    if text[m.start()] != ".":
        return True
    word = _word_before(text, m.start()).lstrip("(“\"'‘").lower()
    return not (len(word) <= 1 or "." in word or word in DATING_ABBREVIATIONS)


def _word_before(text: str, i: int) -> str:
    """The last whitespace-separated word of text[:i] ("" if none), read backwards from `i`
    (the same as text[:i].rsplit(None, 1)[-1] without copying the text before it)."""
    hi = i
    while hi > 0 and text[hi - 1].isspace():
        hi -= 1
    lo = hi
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    return text[lo:hi]


def _resolve(m: re.Match[str], pub: date | None) -> date | None:
    """The day an expression names, relative to the publication day; None if not a day."""
    if m.group("week"):
        return None  # a week or month is not a day: leave the date unknown
    if m.group("mon"):
        if pub is None:
            return None
        month, day = MONTHS[m.group("mon")[:3].lower()], int(m.group("day"))
        for year in (pub.year, pub.year - 1):  # later this year: last year's, or to come
            try:
                d = date(year, month, day)
            except ValueError:
                return None
            if d <= pub:
                return d if (pub - d).days <= YEAR_TURN_DAYS or year == pub.year else None
        return None
    if pub is None:
        return None
    if m.group("yesterday"):
        return pub - timedelta(days=1)
    if m.group("today"):
        return pub
    back = (pub.weekday() - WEEKDAYS.index(m.group("weekday").lower())) % 7
    if m.group("last") and back == 0:
        back = 7
    return pub - timedelta(days=back)
