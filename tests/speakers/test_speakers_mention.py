"""Each quote's speaker says what kind of mention its attribution used."""
from __future__ import annotations

ARTICLE = (
    "Harbour Minister Delia Okafor opened the new ferry terminal in Port Esk on Tuesday.\n\n"
    "“This terminal will carry a million people a year,” Okafor said.\n\n"
    "“It was built on time and on budget.”\n\n"
    "She said the second berth would open in the spring.\n\n"
    "The minister said fares would not rise this year.\n\n"
    "A spokesperson for the ferry operators said crews were ready.\n")


def test_every_speaker_has_its_mention_kind(extractor) -> None:
    art = extractor.extract(ARTICLE)
    kinds = {q.text[:12]: q.speaker.mention for q in art.quotes if q.speaker}
    assert kinds == {"This termina": "name", "It was built": "carry", "the second b": "pronoun",
                     "fares would ": "title", "crews were r": "descriptor"}
    d = art.to_dict()
    assert all("mention" in q["speaker"] for q in d["quotes"])
