"""Issue 14, defect 1: every stage is linear in the article's length, and the faster code
finds exactly what the old code found."""
import random
import re
import time

import pytest
from long_text import long_article

from onrecord.dates import statements
from onrecord.dates.statements import SentenceEnds, _sentence
from onrecord.parse.marks import find_marked
from onrecord.record.typos import _count, _WordIndex


def _old_sentence(text, at):
    """The sentence bounds as computed before (re-reading the text before each end)."""
    def ends(m):
        if text[m.start()] != ".":
            return True
        word = text[:m.start()].rsplit(None, 1)[-1] if text[:m.start()].strip() else ""
        word = word.lstrip("(“\"'‘").lower()
        return not (len(word) <= 1 or "." in word or word in statements.DATING_ABBREVIATIONS)
    start = 0
    for m in statements._SENT_END.finditer(text, 0, at):
        if ends(m):
            start = m.end()
    for m in statements._SENT_END.finditer(text, at):
        if ends(m):
            return start, m.end()
    return start, len(text)


def test_sentence_bounds_are_those_of_the_whole_text_scan():
    rnd = random.Random(14)
    pieces = ["Mr.", "Jan.", "U.S.", "said", ".", ". ", ".\n\n", "”. ", "?  ", "! ", "\n",
              " ", "word", "(“a.", "…", ".’) ", "x"]
    for _ in range(200):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 60)))
        ends = SentenceEnds(text)
        for at in range(len(text) + 1):
            assert _sentence(text, at, ends) == _old_sentence(text, at), (text, at)


def test_word_counts_are_those_of_the_regex():
    text = long_article(20_000) + " O'Brien said O'Brien. Joly Joly Joly, Mr. Joly-Smith, Jolyx"
    idx = _WordIndex(text)
    for form in ["Joly", "Joly Joly", "O'Brien", "Mr. Hollis", "Hollis", "Moreno1", "Mr.",
                 "plan number 3", "Jolyx", "-Smith", "Nobody"]:
        assert idx.count(form) == _count(form, text), form


def test_marks_in_a_paragraph_do_not_depend_on_the_rest_of_the_text():
    paras = ['"A," he said.', "''Quoted,'' she said ‘’so’’.", "‘Single,’ he said 'x'.",
             '”Unopened," said Ann', '"Open to the end']
    text = "\n".join(paras)
    pos = 0
    for p in paras:
        for singles in (False, True):
            alone = [(m.start + pos, m.end + pos) for m in find_marked(p, singles=singles)]
            inside = [(m.start, m.end) for m in find_marked(text, pos, pos + len(p),
                                                            singles=singles)]
            assert inside == alone, p
        pos += len(p) + 1


@pytest.mark.slow
def test_time_per_character_stays_flat():
    from onrecord.pipeline import Extractor

    ex = Extractor()
    ex.extract(long_article(2_000))
    rates = []
    for n in (20_000, 200_000):
        text = long_article(n)
        t0 = time.perf_counter()
        art = ex.extract(text, published="2022-01-18")
        rates.append((time.perf_counter() - t0) / len(text))
        assert len(art.quotes) > n / 1000
        assert all(re.sub(r"\s", "", art.text[q.start:q.end]) == re.sub(r"\s", "", q.text)
                   for q in art.quotes)
    assert rates[1] < 2 * rates[0], rates
