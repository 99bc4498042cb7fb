"""entities[].gender and gender_basis: an honorific or the article's pronouns when it shows
them, first-name statistics only when nothing else decides (and never with name_gender off),
nothing for an unclear name or for organisations."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from onrecord.pipeline import Extractor

ARTICLE = (
    "Ms. Okonjo has run the Harbour Street bakery for twenty years. \"We stay open,\" "
    "Okonjo said.\n\n"
    "Richard Moss inspected the ovens last spring. \"We did our job,\" Moss said.\n\n"
    "Casey Quinlan runs the market. Quinlan said she would stay until the summer.\n\n"
    "Robin Achebe chairs the traders' group. \"Nothing is settled,\" Achebe said.\n\n"
    "The Dunmore Traders Association said the rent had doubled.\n")


def _people(article) -> dict[str, tuple[str | None, str | None]]:
    return {e.name: (e.gender, e.gender_basis) for e in article.entities}


@pytest.fixture(scope="module")
def no_names(extractor) -> Extractor:
    return Extractor(extractor.nlp, name_gender=False)


def test_each_basis(extractor) -> None:
    got = _people(extractor.extract(ARTICLE))
    assert got["Okonjo"] == ("female", "honorific")
    assert got["Richard Moss"] == ("male", "name")
    assert got["Casey Quinlan"] == ("female", "pronoun")  # "Casey" alone decides nothing
    assert got["Robin Achebe"] == (None, None)           # an unclear first name: abstain
    orgs = [e for e in extractor.extract(ARTICLE).entities if e.kind != "person"]
    assert orgs and all(e.gender is None and e.gender_basis is None for e in orgs)


def test_without_name_statistics_only_the_article_decides(no_names) -> None:
    got = _people(no_names.extract(ARTICLE))
    assert got["Richard Moss"] == (None, None)
    assert got["Okonjo"] == ("female", "honorific")
    assert got["Casey Quinlan"] == ("female", "pronoun")


def test_one_pronoun_against_the_name(extractor, no_names) -> None:
    """One sentence's pronouns do not outweigh a clear first name; without name statistics
    they are all there is."""
    text = "Richard Moss opened the hall, and she thanked her neighbours.\n"
    assert _people(extractor.extract(text))["Richard Moss"] == ("male", "name")
    assert _people(no_names.extract(text))["Richard Moss"] == ("female", "pronoun")


def test_record_round_trip(extractor) -> None:
    from onrecord.model import Article

    a = extractor.extract(ARTICLE)
    again = Article.from_dict(json.loads(json.dumps(a.to_dict())))
    assert _people(again) == _people(a)
    old = a.to_dict()
    for e in old["entities"]:  # a record written before these fields existed still reads
        for key in ("gender", "gender_basis", "source_kind", "role"):
            del e[key]
    assert all(e.gender is None for e in Article.from_dict(old).entities)


def test_cli_flag(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    def people(*flags: str) -> dict[str, tuple[str | None, str | None]]:
        out = subprocess.run([sys.executable, "-m", "onrecord", "extract", *flags, str(path)],
                             capture_output=True, text=True, check=True).stdout
        return {e["name"]: (e["gender"], e["gender_basis"]) for e in json.loads(out)["entities"]}

    assert people()["Richard Moss"] == ("male", "name")
    assert people("--no-name-gender")["Richard Moss"] == (None, None)


def test_a_quote_attributed_through_she_gives_the_pronoun_basis(no_names) -> None:
    text = ("Robin Achebe chairs the Dunmore traders' group.\n\n"
            "\"Nothing is settled,\" she said on Friday.\n")
    a = no_names.extract(text)
    q = next(q for q in a.quotes if q.text.startswith("Nothing"))
    assert q.speaker is not None and q.speaker.name == "Robin Achebe"
    assert _people(a)["Robin Achebe"] == ("female", "pronoun")


def test_a_name_that_only_leans_yields_to_any_pronoun(extractor) -> None:
    """"Chris" is borne mostly, not only, by men: it decides when the article says nothing,
    and one sentence's pronouns outweigh it (a clear name needs two)."""
    alone = "\"Caring for them is the job,\" Chris Tallow said.\n"
    assert _people(extractor.extract(alone))["Chris Tallow"] == ("male", "name")
    text = "Chris Tallow opened the shelter, and she thanked her volunteers.\n"
    assert _people(extractor.extract(text))["Chris Tallow"] == ("female", "pronoun")
