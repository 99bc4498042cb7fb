"""`--contains` through the word index (FTS5 trigrams in STORE.idx) on a real store: words,
phrases, nothing for a missing word, the same answers as a scan, and a crash between the
index's commit and the store's (what a reader sees mid-batch) before and after the resume."""
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from conftest import REPO
from onrecord.corpus import fulltext
from onrecord.corpus.dedup import signature
from onrecord.corpus.keys import result_key
from onrecord.corpus.store import Item, Store
from onrecord.model import Article, Cue, Entity, Quote, SpeakerRef

QUOTES = [
    ("Rosa Lind", "the harbour tunnel will be finished before the winter storms"),
    ("Rosa Lind", "we heard the fishermen loud and clear on the tunnel"),
    ("Emil Varga", "Tunnelling under the HARBOUR is cheaper than another bridge"),
    ("Emil Varga", "the council is clear: no new tolls"),
    ("Nadia Osei", "an ox can pull more than a cart full of stones"),
]
LATER = [("Nadia Osei", "the lighthouse keepers want the harbour lights repaired")]


def _article(i, speaker, words):
    text = f'In Port Vell on Monday, {speaker} said "{words}" to a crowd of {i + 20} people.'
    s, n, c = text.index(words), text.index(speaker), text.index("said")
    ent = Entity("p1", speaker, "person", [], [], [[n, n + len(speaker)]])
    q = Quote("direct", words, s, s + len(words), SpeakerRef("p1", speaker, n, n + len(speaker)),
              Cue("said", c, c + 4), confidence=0.9)
    return Article(id=f"t{i}", text=text, published=f"2025-03-{i + 1:02d}", entities=[ent],
                   quotes=[q], meta={"outlet": "Vell Courier"})


def _items(pairs, start=0):
    arts = [_article(start + i, s, w) for i, (s, w) in enumerate(pairs)]
    return [Item(result_key(a), a, "t.jsonl", signature(a.text)) for a in arts]


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "w.duckdb"
    with Store(path) as st:
        st.write(_items(QUOTES[:3]))
        st.write(_items(QUOTES[3:], start=3))
    return path


def _texts(st, contains):
    return sorted(q["text"] for q in st.quotes(contains=contains, limit=100))


def _scanned(st, contains):
    """The same search with the word index set aside (the scan every store used to do)."""
    words, st._words = st._words, None
    try:
        return _texts(st, contains)
    finally:
        st._words = words


def test_words_phrases_and_missing_words(store):
    with Store(store, read_only=True) as st:
        # a word: case-insensitive, inside longer words too ("Tunnelling"), as before
        assert _texts(st, "TUNNEL") == sorted(w for _, w in QUOTES[:3])
        assert st._words is not None and not isinstance(st._words, bool)  # the index answered
        # several words: each somewhere in the quote, in any order
        assert _texts(st, "harbour tunnel") == sorted(w for _, w in QUOTES[:3] if "harbour" in w.lower())
        assert _texts(st, "clear tunnel") == [QUOTES[1][1]]
        # a phrase in double quotes: those words together, in that order
        assert _texts(st, '"loud and clear"') == [QUOTES[1][1]]
        assert _texts(st, '"clear and loud"') == []
        assert _texts(st, '"harbour tunnel" winter') == [QUOTES[0][1]]
        # a missing word, and a word shorter than the index's trigrams (checked on the quotes)
        assert _texts(st, "submarine") == []
        assert _texts(st, "ox") == [QUOTES[4][1]]
        assert _texts(st, "ox cart") == [QUOTES[4][1]]
        assert st.count_quotes(contains="tunnel") == 3
        for words in ("TUNNEL", "harbour tunnel", '"loud and clear"', "ox", "submarine", "% _"):
            assert _texts(st, words) == _scanned(st, words), words


def test_trigrams_in_another_order_are_only_candidates_and_capitals_fold(tmp_path):
    """The index keeps no positions: a quote holding a word's trigrams apart ("ban nana" for
    "banana") is a candidate the check then drops; accented capitals fold like the quotes'."""
    pairs = [("Rosa Lind", "a banana boat came in"), ("Rosa Lind", "the ban nana wanted"),
             ("Emil Varga", "L'ÉCOLE DU PORT reste ouverte")]
    path = tmp_path / "t.duckdb"
    with Store(path) as st:
        st.write(_items(pairs))
    with Store(path, read_only=True) as st:
        assert _texts(st, "banana") == [pairs[0][1]] == _scanned(st, "banana")
        assert isinstance(st._words, sqlite3.Connection)
        found = {r[0] for r in st._words.execute(
            "SELECT text FROM quote_text WHERE quote_text MATCH ?",
            [fulltext._match(["banana"])])}
        assert found == {pairs[0][1], pairs[1][1]}  # both held "ban", "ana", "nan"
        assert _texts(st, "école") == [pairs[2][1]] == _scanned(st, "école")
        assert _texts(st, '"du port"') == [pairs[2][1]]


def test_the_query_command_uses_the_index(store):
    cp = subprocess.run([sys.executable, "-m", "onrecord", "query", "--store", str(store),
                         "--contains", '"loud and clear"', "--format", "jsonl"],
                        capture_output=True, text=True, timeout=120, cwd=REPO,
                        env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    assert cp.returncode == 0, cp.stderr
    assert [line for line in cp.stdout.splitlines() if line] and QUOTES[1][1] in cp.stdout


def test_an_index_behind_the_store_is_not_trusted_and_is_rebuilt(store, tmp_path):
    shutil.copy(f"{store}.idx", tmp_path / "old.idx")
    with Store(store) as st:
        st.write(_items(LATER, start=10))
    # the index of two batches ago next to a store of three: readers scan, the writer rebuilds
    os.remove(f"{store}.idx-wal") if os.path.exists(f"{store}.idx-wal") else None
    shutil.copy(tmp_path / "old.idx", f"{store}.idx")
    with Store(store, read_only=True) as st:
        assert _texts(st, "lighthouse") == [LATER[0][1]]
        assert st._words is None  # scanned
    with Store(store) as st:
        assert st._w.synced == "rebuilt"
    with Store(store, read_only=True) as st:
        assert _texts(st, "lighthouse") == [LATER[0][1]]
        assert st._words is not None


def test_a_crash_between_the_index_and_the_store_then_resume(store):
    # a writer killed after the index took the batch and before the store committed it
    code = textwrap.dedent(f"""
        import os, sys
        sys.path[:0] = [{str(REPO / 'tests' / 'corpus')!r}, {str(REPO / 'tests')!r}]
        from test_corpus_fulltext import LATER, _items
        from onrecord.corpus import writer
        from onrecord.corpus.store import Store
        writer.statements_table.update = lambda *a, **k: (k["before_keys"](), os._exit(9))
        Store({str(store)!r}).write(_items(LATER, start=10))
    """)
    cp = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                        timeout=120, env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    assert cp.returncode == 9, cp.stderr
    with Store(store, read_only=True) as st:  # the index holds words the store never got
        assert _texts(st, "lighthouse") == []
        assert st._words is not None and not isinstance(st._words, bool)
        assert _texts(st, "harbour") == _scanned(st, "harbour")
    with Store(store) as st:  # resume: the index's extra rows are undone, the batch redone
        assert st._w.synced == "undone"
        st.write(_items(LATER, start=10))
    with Store(store, read_only=True) as st:
        assert _texts(st, "lighthouse") == [LATER[0][1]]
        assert _texts(st, "harbour") == _scanned(st, "harbour")
        assert len(st.quotes(contains="harbour")) == 3
