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



LEADS = [
    "The harbour board met for four hours on Tuesday night and argued about dredging costs.",
    "Snow closed the mountain pass again, and the buses from Lowmoor ran two hours late.",
    "A crowd of parents filled the school gym to hear the plans for a new science wing.",
    "Fishermen in the north bay say the catch has halved since the spring storms began.",
    "The library reopened after a year of repairs, with a cafe and a room for teenagers.",
]


def _own(aid, speaker, words, k):
    """An article unlike the others (so no near-duplicate of them) quoting `words`."""
    return _article(aid, speaker, words, published=f"2024-07-0{k + 1}", outlet=f"Outlet{k}",
                    lead=LEADS[k] + " Later,")


@pytest.fixture
def counted(tmp_path):
    path = tmp_path / "c.duckdb"
    with Store(path) as st:
        st.add([_own("a", "Ines Dubois", WORDS, 0), _own("b", "Ines Dubois", WORDS, 1),
                _own("c", "Ines Dubois", WORDS, 2)])
        st.add([_own("d", "Omar Haddad", "the harbour ferry will run again on Sundays", 3),
                _own("e", "Omar Haddad", "the old pier must be rebuilt in stone this time", 4)])
    return path


def test_speakers_count_statements_or_quotes(counted):
    with Store(counted, read_only=True) as st:
        by_quotes = st.speakers()
        by_statements = st.speakers(count="statements")
        with pytest.raises(ValueError, match="quotes or statements"):
            st.speakers(count="words")
    counts = {r["name"]: (r["quotes"], r["statements"]) for r in by_quotes}
    assert counts == {"Ines Dubois": (3, 1), "Omar Haddad": (2, 2)}
    assert [r["name"] for r in by_quotes] == ["Ines Dubois", "Omar Haddad"]
    assert [r["name"] for r in by_statements] == ["Omar Haddad", "Ines Dubois"]


def test_the_speakers_command_counts_statements(counted):
    import subprocess
    import sys

    from conftest import REPO

    out = subprocess.run([sys.executable, "-m", "onrecord", "speakers", "--store", str(counted),
                          "--count", "statements", "--format", "csv"],
                         capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0, out.stderr
    header, *rows = out.stdout.splitlines()
    assert header.split(",")[:3] == ["quotes", "statements", "articles"]
    assert [r.split(",")[:2] for r in rows] == [["2", "2"], ["3", "1"]]
