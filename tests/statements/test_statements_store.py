"""Statements in a real DuckDB store: built batch by batch, read back, traced, and kept across
a reopen."""
from __future__ import annotations

import pytest

from onrecord.corpus.store import Store
from onrecord.model import Article, Cue, Entity, Quote, SpeakerRef
from onrecord.statements.read import get_statement, list_statements, trace

WORDS = "the new bridge will carry trams before the end of next year"


def _article(aid, speaker, words, *, published, outlet, lead="Yesterday in Port Elms,"):
    """An article with one direct quote of `words` said by `speaker` (offsets found)."""
    text = f'{lead} {speaker} said "{words}" to the crowd at the town hall.'
    s, n, c = text.index(words), text.index(speaker), text.index("said")
    ent = Entity("p1", speaker, "person", [], [], [[n, n + len(speaker)]])
    q = Quote("direct", words, s, s + len(words), SpeakerRef("p1", speaker, n, n + len(speaker)),
              Cue("said", c, c + 4), confidence=0.9)
    return Article(id=aid, text=text, published=published, entities=[ent], quotes=[q],
                   meta={"outlet": outlet})


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as st:
        st.add([_article("g1", "Ines Dubois", WORDS, published="2024-05-03",
                         outlet="Gazette"),
                _article("h1", "Ines Dubois", WORDS.capitalize() + ".", published="2024-05-01",
                         outlet="Herald", lead="On Monday,")])
        st.add([_article("p1", "Ines Dubois", "the new bridge will carry trams",
                         published=None, outlet="Post", lead="Last week"),
                _article("x1", "Omar Haddad", WORDS, published="2024-04-01", outlet="Courier",
                         lead="In the council,")])
    return path


def test_copies_in_other_batches_join_one_statement_per_speaker(store):
    with Store(store, read_only=True) as st:
        rows = list_statements(st.con)
        by_speaker = {r["speaker"]: r for r in rows}
        assert set(by_speaker) == {"Ines Dubois", "Omar Haddad"}
        ines = by_speaker["Ines Dubois"]
        assert (ines["n_quotes"], ines["n_articles"], ines["n_outlets"]) == (3, 3, 3)
        assert by_speaker["Omar Haddad"]["n_articles"] == 1
        full = get_statement(st.con, ines["id"])
        assert full["first_seen"]["outlet"] == "Herald"  # earliest date, not first read
        assert [s["outlet"] for s in full["sightings"]] == ["Herald", "Gazette", "Post"]
        assert full["speaker_confidence"] == 1.0
        (cut,) = full["variants"]
        assert cut["truncation"] and cut["article_id"] == next(
            s["article_id"] for s in full["sightings"] if s["outlet"] == "Post")


def test_an_altered_copy_after_a_reopen_is_a_variant_with_its_diff(store):
    with Store(store) as st:
        st.add([_article("r1", "Ines Dubois", WORDS.replace("trams", "buses"),
                         published="2024-06-01", outlet="Radio", lead="On air,")])
        (ines,) = list_statements(st.con, altered=True)
        assert ines["speaker"] == "Ines Dubois" and ines["n_outlets"] == 4
        full = get_statement(st.con, ines["id"])
        changed = [v for v in full["variants"] if not v["truncation"]]
        assert [v["diff"] for v in changed] == [[{"op": "replace", "before": "trams",
                                                  "after": "buses"}]]


def test_trace_finds_the_statement_of_some_words(store):
    with Store(store, read_only=True) as st:
        found = trace(st.con, "“carry trams before the end of next year”")
        assert found is not None and found["n_articles"] in (1, 3)
        assert trace(st.con, "nothing anybody in this town ever said") is None


def test_filters(store):
    with Store(store, read_only=True) as st:
        assert [r["speaker"] for r in list_statements(st.con, min_outlets=2)] == ["Ines Dubois"]
        assert list_statements(st.con, since="2024-05-01")[0]["speaker"] == "Ines Dubois"
        assert [r["speaker"] for r in list_statements(st.con, until="2024-04-30")] == \
            ["Omar Haddad"]
        assert list_statements(st.con, contains="TRAMS BEFORE")
        assert not list_statements(st.con, contains="100%")
