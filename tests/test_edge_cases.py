"""Edge cases of single-article extraction: no quotes, broken marks, quotes at the edges,
nested quotes, a very long article, and empty input (library and command line)."""
from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

import onrecord
from conftest import REPO
from onrecord.model import Article, Quote
from goldcheck import name_ok, norm, record_problems


def find(art: Article, starts: str) -> Quote:
    """The extracted quote whose content starts with `starts` (fails with the list if none)."""
    for q in art.quotes:
        if norm(q.text).startswith(norm(starts)):
            return q
    pytest.fail(f"no quote starting {starts!r}; extracted: {[q.text for q in art.quotes]}")


def speaker_of(q: Quote) -> str | None:
    return q.speaker.name if q.speaker else None


def assert_record_ok(art: Article) -> None:
    problems = record_problems(art)
    assert not problems, "\n".join(problems)


def test_no_quotes() -> None:
    text = ("Fairmont — The Fairmont farmers' market will move to the old rail yard in May.\n\n"
            "The market's 60 stalls have stood on Queen Street since the early '90s. "
            "The rail yard has room for 90 stalls and parking for 200 cars.\n\n"
            "Opening hours will stay the same: 8 a.m. to 1 p.m. every Saturday.\n")
    art = onrecord.extract(text)
    assert art.quotes == []
    assert_record_ok(art)


def test_unclosed_quotation_mark_does_not_swallow_the_next_paragraphs() -> None:
    text = ('"The pool will reopen in June," recreation manager Nadia Petrov said on Tuesday.\n\n'
            '"We still need to replace the pumps and the filters, Petrov said.\n\n'
            "Lifeguard Omar Sayed said he was glad to be going back to work. "
            '"I have missed the early mornings," he said.\n')
    art = onrecord.extract(text)
    assert_record_ok(art)
    first = find(art, "The pool will reopen in June")
    assert first.kind == "direct" and first.text.startswith("The pool will reopen in June")
    assert first.text.rstrip(",") == "The pool will reopen in June"
    assert name_ok(speaker_of(first), "Nadia Petrov")
    last = find(art, "I have missed the early mornings")
    assert last.kind == "direct" and name_ok(speaker_of(last), "Omar Sayed")
    for q in art.quotes:
        if q.kind == "direct":
            assert "\n" not in q.text, f"a direct quote ran across paragraphs: {q.text!r}"
        if q.text.startswith("We still need"):
            assert not name_ok(speaker_of(q), "Omar Sayed"), "unclosed quote given to a later speaker"


def test_inch_and_foot_marks_are_not_quotation_marks() -> None:
    text = ("Dorran — The Dorran Hawks signed a 6'8\" forward from Lisle on Monday.\n\n"
            "The team had been looking for height since its 7' centre retired last spring.\n\n"
            '"He changes how we defend the rim," coach Imani Burke said.\n')
    art = onrecord.extract(text)
    assert_record_ok(art)
    q = find(art, "He changes how we defend the rim")
    assert q.kind == "direct" and q.text.rstrip(",") == "He changes how we defend the rim"
    assert name_ok(speaker_of(q), "Imani Burke")
    assert len(art.quotes) == 1, [x.text for x in art.quotes]


@pytest.mark.parametrize("open_mark,close_mark", [('"', '"'), ("“", "”")])
def test_quote_at_the_very_start_and_very_end(open_mark: str, close_mark: str) -> None:
    text = (f"{open_mark}We are not closing the mill,{close_mark} owner Gideon Frey said on Friday.\n\n"
            "The Ashbury mill has employed 120 people since 1974.\n\n"
            f"Frey said: {open_mark}Nobody here is losing a job this year.{close_mark}")
    art = onrecord.extract(text)
    assert_record_ok(art)
    first = find(art, "We are not closing the mill")
    assert first.start == 1 and first.kind == "direct"
    assert name_ok(speaker_of(first), "Gideon Frey")
    last = find(art, "Nobody here is losing a job")
    assert last.end == len(text) - 1, "the quote should end just before the final mark"
    assert last.text == "Nobody here is losing a job this year."
    assert name_ok(speaker_of(last), "Gideon Frey") and last.kind == "direct"


def test_nested_single_quotes_stay_inside_the_outer_quote() -> None:
    text = ("Tarrow — Families evacuated from the Birchwood flats will not return before spring.\n\n"
            "\"When the inspector told us 'the roof is sound', we believed him,\" said tenant "
            "Luis Reyes.\n\n"
            "“It’s what the landlord called ‘a minor repair’, and it wasn’t,” said neighbour "
            "Agnes Holt.\n")
    art = onrecord.extract(text)
    assert_record_ok(art)
    outer = find(art, "When the inspector told us")
    assert outer.kind == "direct" and name_ok(speaker_of(outer), "Luis Reyes")
    assert outer.text.rstrip(",") == "When the inspector told us 'the roof is sound', we believed him"
    curly = find(art, "It’s what the landlord called")
    assert curly.kind == "direct" and name_ok(speaker_of(curly), "Agnes Holt")
    assert curly.text.rstrip(",") == "It’s what the landlord called ‘a minor repair’, and it wasn’t"
    # A nested quote is optional, but never the other paragraph's speaker's words.
    for q in art.quotes:
        if q.text == "the roof is sound":
            assert not name_ok(speaker_of(q), "Agnes Holt")
        if q.text == "a minor repair":
            assert not name_ok(speaker_of(q), "Luis Reyes")


SPEAKERS = ["Hana Sato", "Pieter de Wit", "Amara Nwosu", "Felix Brandt", "Rosa Lindqvist"]
SENTENCES = [
    "Section {i} of the canal wall was repaired this week",
    "We moved {i} tonnes of silt before the locks could open",
    "The crews on stretch {i} worked through two nights of rain",
    "Barge traffic past marker {i} will resume on Monday",
    "Nobody expected lock {i} to need new gates so soon",
]


def long_article(paragraphs: int) -> tuple[str, list[tuple[str, str]]]:
    """An article of `paragraphs` quoted paragraphs, and its (content, speaker) pairs."""
    parts = ["Millhaven — The Millhaven canal restoration passed its halfway mark this month."]
    expected = []
    for i in range(paragraphs):
        content = SENTENCES[i % len(SENTENCES)].format(i=i + 1) + ","
        who = SPEAKERS[i % len(SPEAKERS)]
        parts.append(f'"{content}" engineer {who} said.' if i % 2 else f'"{content}" said {who}.')
        expected.append((content, who))
    return "\n\n".join(parts) + "\n", expected


def test_very_long_article_finishes_with_right_offsets() -> None:
    text, expected = long_article(300)
    t0 = time.perf_counter()
    art = onrecord.extract(text)
    elapsed = time.perf_counter() - t0
    assert elapsed < 120, f"a 300-paragraph article took {elapsed:.0f}s"
    assert_record_ok(art)
    direct = [q for q in art.quotes if q.kind == "direct"]
    assert len(direct) == 300, f"found {len(direct)} of 300 direct quotes"
    cursor = 0
    for q, (content, who) in zip(sorted(direct, key=lambda q: q.start), expected):
        where = text.index(content, cursor)
        assert (q.start, q.text.rstrip(",")) == (where, content.rstrip(",")), (q.text, content)
        assert name_ok(speaker_of(q), who), (q.text, speaker_of(q), who)
        cursor = where + len(content)


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n"])
def test_empty_or_blank_text_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        onrecord.extract(text)


def test_cli_reports_empty_input_as_an_error_record(tmp_path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "blank", "text": "   \n\t"}) + "\n"
        + json.dumps({"id": "ok", "text": '"The ferry is late again," said Ines Mora.'}) + "\n",
        encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    cp = subprocess.run([sys.executable, "-m", "onrecord", "extract", "--format", "jsonl",
                         str(src), str(empty)], capture_output=True, text=True, cwd=REPO,
                        timeout=300)
    lines = [json.loads(line) for line in cp.stdout.splitlines()]
    assert [line.get("id") for line in lines] == ["blank", "ok", str(empty)]
    assert set(lines[0]) == {"id", "error"} and lines[0]["error"]
    assert set(lines[2]) == {"id", "error"} and lines[2]["error"]
    assert "error" not in lines[1] and lines[1]["quotes"]
    assert cp.returncode != 0
