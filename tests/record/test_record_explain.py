"""`explain`: the rule that found each quote and how its speaker was resolved."""
from __future__ import annotations

import json

from onrecord.cli import main
from onrecord.model import Article

ARTICLE = (
    "HARBOUR CITY — Mayor Lena Ortiz said on Monday that the pier would reopen in spring.\n\n"
    "“We owe the fishers a working harbour,” she told reporters.\n\n"
    "The port authority said repairs would cost $4 million.\n")


def test_each_quote_names_its_rule_and_its_speaker_chain(extractor) -> None:
    art = extractor.extract(ARTICLE)
    d = art.to_dict(explain=True)
    by_text = {q["text"]: q["explain"] for q in d["quotes"]}
    said = by_text["the pier would reopen in spring"]
    assert said["rule"] == "reported.content.clause" and said["how"] == "indirect"
    assert said["speaker"]["mention"] == "name" and said["speaker"]["entity"] is not None
    told = next(e for t, e in by_text.items() if t.startswith("We owe"))
    assert told["rule"] == "direct.cue_after"
    assert told["speaker"] == {"mention": "pronoun", "text": "she",
                               "entity": said["speaker"]["entity"],
                               "why": "pronoun.person_of_that_gender_before",
                               "subject_rule": "subject.grammatical"}
    port = by_text["repairs would cost $4 million"]
    assert port["speaker"]["mention"] == "source"


def test_the_plain_record_has_no_explain_and_round_trips(extractor) -> None:
    art = extractor.extract(ARTICLE)
    plain = art.to_dict()
    assert all("explain" not in q for q in plain["quotes"])
    again = Article.from_dict(art.to_dict(explain=True))
    assert again.to_dict(explain=True) == art.to_dict(explain=True)


def test_cli_explain_flag(tmp_path, capsys) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", "--explain", str(path)]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert {q["explain"]["rule"] for q in rec["quotes"]} >= {"reported.content.clause", "direct.cue_after"}
    assert main(["extract", "--format", "text", "--explain", str(path)]) == 0
    text = capsys.readouterr().out
    assert "found by direct.cue_after" in text and "(subject by subject.grammatical)" in text
