"""A clause of contrast with its own subject that the parser hung on the cue after what was said
(`said A, while 9 percent found B`) is the writer's comparison, not the speaker's words."""
from __future__ import annotations

import onrecord


def texts(article: str) -> list[str]:
    return [q.text for q in onrecord.extract(article).quotes]


def test_a_while_clause_after_a_poll_answer_is_not_part_of_it():
    got = texts("Twenty-four percent said they were more likely to vote for him because of "
                "it, while 9 percent found it to be a deterrent.")
    assert got == ["they were more likely to vote for him because of it"]


def test_a_while_clause_inside_what_was_said_stays():
    got = texts("She said the trains will run on time while the bridge is closed.")
    assert got == ["the trains will run on time while the bridge is closed"]


def test_a_second_speaker_after_while_still_gives_two_statements():
    got = texts("Lee said the plan will fail, while Kim said it will work.")
    assert got == ["the plan will fail", "it will work"]
