"""Broadcast transcripts (`NAME: words` turns): a first turn that names the speaker in full,
with a role after a comma or an affiliation in brackets, is that speaker's answer too; a news
page's section labels (`Top Story:`) are nobody's words. Articles written for the rules."""
from __future__ import annotations

from onrecord.parse.paragraphs import TRANSCRIPT_LABEL


def found(extractor, text: str) -> list[tuple[str, str | None]]:
    rec = extractor.extract(text).to_dict()
    for q in rec["quotes"]:
        assert rec["text"][q["start"]:q["end"]] == q["text"]
    return [(q["text"], (q["speaker"] or {}).get("name")) for q in rec["quotes"]]


SHOW = """Ferry debate heats up

WOLF PARRY, HARBOUR TV ANCHOR: Welcome back. The harbour ferries are in the news tonight.

SEN. TOM GRAYLING (R-OH): I think this is a waste of money and the council knows it.

PARRY: Senator, the council says the boats are safe.

GRAYLING: They say that every year, and every year a boat breaks down.

PARRY: We will leave it there for tonight.
"""


def test_the_label_with_a_role_or_an_affiliation_is_the_name_before_it():
    m = TRANSCRIPT_LABEL.match("SEN. TOM GRAYLING (R-OH): I think so.")
    assert m and m.group(1) == "SEN. TOM GRAYLING" and m.end(2) == len("SEN. TOM GRAYLING (R-OH):")
    m = TRANSCRIPT_LABEL.match("JANE ROE, MAYOR OF ELSTON: We are ready.")
    assert m and m.group(1) == "JANE ROE"
    assert TRANSCRIPT_LABEL.match("Jane Roe said: we are ready") is None


def test_first_turns_in_full_join_the_surname_turns_after_them(extractor):
    got = found(extractor, SHOW)
    assert ("Welcome back. The harbour ferries are in the news tonight.", "WOLF PARRY") in got
    assert ("I think this is a waste of money and the council knows it.",
            "TOM GRAYLING") in got
    speakers = {s for _, s in got}
    assert len(got) == 5 and speakers == {"WOLF PARRY", "TOM GRAYLING"}


def test_section_labels_are_not_speakers(extractor):
    text = ("Council news\n\nTop Story: Police close the harbour road after a crash near the "
            "pier.\n\nLocal Story: Schools stay shut for a second day after the storm hit.\n\n"
            "LIVE: Updates from the harbour as the storm moves east tonight.\n")
    assert found(extractor, text) == []
