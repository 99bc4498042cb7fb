"""Interview transcripts: `Name: answer` paragraphs, kept when the label names a known person or repeats."""
from __future__ import annotations

import re

from onrecord.lexicon.sources import NON_SPEAKER_LABELS
from onrecord.parse.paragraphs import TRANSCRIPT_LABEL, Paragraph, split_paragraphs
from onrecord.quotes.found import Found, How, Kind
from onrecord.speakers.cast import Cast


def transcript_answers(cast: Cast, cands: list[Found]) -> list[Found]:
    """Keep "Name: answer" paragraphs whose label is a known person, or that repeat (in
    capitals, by the last word: `WOLF BLITZER, CNN ANCHOR:` ... `BLITZER:`)."""
    last = [_surname(f.label[2]) for f in cands if f.label]
    keep = []
    for f in cands:
        assert f.label is not None
        name = f.label[2]
        known = cast.lookup_word(name.split()[-1], person_only=True)
        if known is not None or last.count(_surname(name)) >= 2:
            keep.append(f)
    return keep


def _surname(label: str) -> str:
    """What ties a transcript's labels of one person: the last word of an upper-case label
    (broadcast transcripts name people in capitals), else the whole label."""
    return label.split()[-1] if label.isupper() else label


def find_transcript(text: str, para: Paragraph) -> Found | None:
    """A paragraph "Name: answer" in an interview transcript."""
    body = text[para.start:para.end]
    m = TRANSCRIPT_LABEL.match(body)
    if not m:
        return None
    label = m.group(1)
    words = label.lower().replace(".", "").split()
    if not words or words[0] in NON_SPEAKER_LABELS or words[-1] in NON_SPEAKER_LABELS:
        return None
    lo = para.start + m.end(2)
    while lo < para.end and text[lo].isspace():
        lo += 1
    if len(text[lo:para.end].split()) < 3:
        return None
    return Found(Kind.DIRECT, lo, para.end, para, How.TRANSCRIPT, "transcript.label",
                 label=(para.start, para.start + len(label), label))


# Interview layouts: `Q: question` / `A: answer` paragraphs (also `Q.`, `Q -`, `Question:`).
QUESTION = re.compile(r"(?:Q|Question|QUESTION)\s*(?:[:.]|\s[-–—])\s+(?=\S)")
ANSWER = re.compile(r"(?:A|Answer|ANSWER)\s*(?:[:.]|\s[-–—])\s+(?=\S)")
# The introduction names the interviewee after `spoke with`, `sat down with`, `interview with`.
_WITH = re.compile(r"\b(?:interview(?:ed|s)?|spoke|speaks|talked|talks|sat down|sits down|chatted|"
                   r"chats|caught up|conversation|Q&A|questions)\b[^.\n]{0,40}?\b(?:with|to)\s+",
                   re.I)
_NOT_INTERVIEWEE = re.compile(r"\b(?:by|interviewer|host|moderator|reporter|asked by)\s+$", re.I)
_NAME = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2}\b")  # a name the tagger missed
WITH_REACH = 60  # characters after `spoke with` in which the interviewee's name starts
ANSWER_MIN_WORDS = 3


def interview_answers(text: str, live: list[Paragraph], cast: Cast) -> list[Found]:
    """Answers of a Q:/A: interview, each a direct quote of the interviewee named in the
    introduction; a paragraph between an answer and the next question goes on with the
    answer. Questions are not the interviewee's words and give nothing here."""
    spans = split_paragraphs(text)
    kinds = ["q" if QUESTION.match(text, lo, hi) else "a" if ANSWER.match(text, lo, hi) else ""
             for lo, hi in spans]
    if "q" not in kinds or "a" not in kinds:
        return []
    first = min(kinds.index("q"), kinds.index("a"))
    who = _interviewee(text, spans[first][0], cast)
    if who is None:
        return []
    pieces: dict[int, Paragraph] = {}
    for p in live:
        pieces.setdefault(p.index, p)
    out = []
    for i, ((lo, hi), kind) in enumerate(zip(spans, kinds)):
        if kind == "a":
            m = ANSWER.match(text, lo, hi)
            assert m is not None
            lo = m.end()
        elif kind or not _inside_answer(kinds, i):
            continue
        para = pieces.get(i)
        if para is None or para.marks or len(text[lo:hi].split()) < ANSWER_MIN_WORDS:
            continue  # a caption, or quotation marks that the direct rules read
        out.append(Found(Kind.DIRECT, lo, hi, para, How.TRANSCRIPT, "transcript.interview_answer",
                         label=who))
    return out


def _inside_answer(kinds: list[str], i: int) -> bool:
    """An unlabelled paragraph after an answer and before the next question."""
    before = next((k for k in reversed(kinds[:i]) if k), "")
    after = next((k for k in kinds[i + 1:] if k), "")
    return before == "a" and after == "q"


def _interviewee(text: str, end: int, cast: Cast) -> tuple[int, int, str] | None:
    """The person the introduction (text before `end`) presents as interviewed: the one
    named after `spoke with` and the like, else the first person named there who is not
    the interviewer; as (start, end, name) of that mention."""
    mentions = sorted((lo, hi, k) for k in cast.known if k.kind == "person"
                      for lo, hi in k.mentions if hi <= end)
    mentions = [m for m in mentions if not _NOT_INTERVIEWEE.search(text[max(0, m[0] - 20):m[0]])
                and text[max(0, m[0] - 4):m[0]].lower() != "the "]  # `the Herald`: an outlet
    for w in _WITH.finditer(text, 0, end):
        after = [m for m in mentions if w.end() <= m[0] <= w.end() + WITH_REACH]
        if after:
            lo, hi, k = after[0]
            return lo, hi, k.name
        for n in _NAME.finditer(text, w.end(), min(end, w.end() + WITH_REACH)):
            known = cast.lookup_word(n.group().split()[-1])
            the = text[max(0, n.start() - 4):n.start()].lower() == "the "
            if not the and (known is None or known.kind == "person"):  # not `the Valley News`
                return n.start(), n.end(), n.group()
    if not mentions:
        return None
    lo, hi, k = mentions[0]
    return lo, hi, k.name


def outside_answers(found: list[Found]) -> list[Found]:
    """`found` without reported speech inside a transcript or interview answer (speech the
    interviewee reports is nested in their own words, not a statement of its own)."""
    answers = [(f.start, f.end) for f in found if f.how == How.TRANSCRIPT]
    return [f for f in found if f.kind == Kind.DIRECT or
            not any(lo <= f.start and f.end <= hi for lo, hi in answers)]
