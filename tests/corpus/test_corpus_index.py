"""The writer's lookup index (STORE.idx) kept in step with the DuckDB store: a crash between
the index's commit and the store's, a missing index, and lookups that match the store."""
import gc
import os
import subprocess
import sys
import textwrap

import duckdb
import pytest
from corpus_articles import mirror, story_text

from conftest import REPO
from onrecord.corpus import index, writer
from onrecord.corpus.dedup import signature
from onrecord.corpus.keys import result_key
from onrecord.corpus.store import Item, Store
from onrecord.model import Article, Entity, Quote, SpeakerRef


def _article(i, text, speaker="Alicia Moreno"):
    at = text.index(" ")
    ent = Entity("p1", speaker, "person", ["Transport Minister"], [], [[0, at]])
    q = Quote("direct", text[at + 1:at + 40], at + 1, at + 40,
              SpeakerRef("p1", speaker, 0, at), confidence=0.9)
    return Article(id=f"a{i}", text=text, entities=[ent], quotes=[q])


def _items(arts):
    return [Item(result_key(a), a, "t", signature(a.text)) for a in arts]


FIRST = [_article(0, story_text(0)), _article(1, story_text(1), "Priya Nair")]
SECOND = [_article(2, mirror(story_text(0), 3)), _article(3, story_text(2), "Nair")]


def _dump(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [con.execute(sql).fetchall() for sql in (
            "SELECT id FROM articles ORDER BY id",
            "SELECT article_id, canonical_id FROM duplicates ORDER BY 1",
            "SELECT id, key, merged_into FROM speakers ORDER BY 1",
            "SELECT article_id, idx, speaker_id FROM quotes ORDER BY 1, 2")]
    finally:
        con.close()


def test_a_crash_after_the_index_commit_is_undone_on_open(tmp_path):
    clean, crashed = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"
    with Store(clean) as st:
        st.write(_items(FIRST))
        st.write(_items(SECOND))
    with Store(crashed) as st:
        st.write(_items(FIRST))
    # a writer killed after the index took batch 2 and before the store's COMMIT
    code = textwrap.dedent(f"""
        import os, sys
        sys.path[:0] = [{str(REPO / 'tests' / 'corpus')!r}, {str(REPO / 'tests')!r}]
        from test_corpus_index import SECOND, _items
        from onrecord.corpus import writer
        from onrecord.corpus.store import Store
        # (at the statement keys: the index's own thread has committed the batch by then)
        writer.statements_table.update = lambda *a, **k: (k["before_keys"](), os._exit(9))
        st = Store({str(crashed)!r})
        st.write(_items(SECOND))
    """)
    cp = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                        timeout=120, env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    assert cp.returncode == 9, cp.stderr
    keys = [it.key for it in _items(SECOND)]
    with Store(crashed) as st:
        assert st._w.synced == "undone"
        assert st.stored(keys) == set()
        again = st.write(_items(SECOND))
        assert again.articles == 2 and again.duplicates == 1
    assert _dump(crashed) == _dump(clean)


def test_a_missing_index_is_rebuilt_from_the_store(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as st:
        st.write(_items(FIRST))
    os.remove(f"{path}.idx")
    with Store(path) as st:
        assert st._w.synced == "rebuilt"
        assert st.stored([it.key for it in _items(FIRST)]) == {it.key for it in _items(FIRST)}
        out = st.write(_items(SECOND))
        # the mirror still finds its original, the bare surname its full name
        assert out.duplicates == 1
    clean = tmp_path / "clean.duckdb"
    with Store(clean) as st:
        st.write(_items(FIRST))
        st.write(_items(SECOND))
    assert _dump(path) == _dump(clean)
    with Store(path) as st:
        assert st._w.synced == "ok"


def test_an_index_from_another_store_is_not_used(tmp_path):
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    with Store(a) as st:
        st.write(_items(FIRST))
    with Store(b) as st:
        st.write(_items(SECOND))
    os.replace(f"{a}.idx", f"{b}.idx")  # b's file next to a's index
    with Store(b) as st:
        assert st._w.synced == "rebuilt"
        assert st.stored([it.key for it in _items(FIRST)]) == set()


def _fail(*_a, **_k):
    raise RuntimeError("disk gone")


@pytest.mark.parametrize("where", ["index thread", "handing over", "store"])
def test_a_batch_failing_while_the_index_thread_writes_leaves_neither_any_row(
        tmp_path, monkeypatch, where):
    """The index's second half runs on its own thread beside the DuckDB inserts: whichever
    side fails, the batch is kept by neither, and the next write of it stores what a clean
    run stores."""
    clean, path = tmp_path / "clean.duckdb", tmp_path / "s.duckdb"
    with Store(clean) as st:
        st.write(_items(FIRST))
        st.write(_items(SECOND))
    keys = [it.key for it in _items(SECOND)]
    with Store(path) as st:
        st.write(_items(FIRST))
        with monkeypatch.context() as m:
            if where == "index thread":  # after the band keys went in
                m.setattr(index.fulltext, "add_json", _fail)
            elif where == "handing over":  # the small rows in, the thread never started
                m.setattr(st._w._thread, "submit", _fail)
            else:
                m.setattr(writer.statements_table, "update", _fail)
            with pytest.raises(RuntimeError, match="disk gone"):
                st.write(_items(SECOND))
        assert st.stored(keys) == set()
        assert st._w.index.meta("batch") == "1" and st._w.batch == 1
        assert not st._w.index.db.in_transaction
        again = st.write(_items(SECOND))
        assert again.articles == 2 and again.duplicates == 1
    assert _dump(path) == _dump(clean)
    with Store(path) as st:
        assert st._w.synced == "ok"


def test_a_write_pauses_the_cycle_collector_and_leaves_no_cycles(tmp_path, monkeypatch):
    """The collector is off while a batch is written (its objects would trigger passes over
    the whole process) and on again after, also after a failed write; a caller that turned it
    off keeps it off; a batch leaves no cyclic garbage to collect later."""
    seen = []
    real = writer.statements_table.update

    def spy(*a, **k):
        seen.append(gc.isenabled())
        return real(*a, **k)

    gc.collect()
    assert gc.isenabled()
    with Store(tmp_path / "s.duckdb") as st:
        monkeypatch.setattr(writer.statements_table, "update", spy)
        st.write(_items(FIRST))
        assert seen == [False] and gc.isenabled()
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            assert gc.collect() == 0, gc.garbage[:5]
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
        monkeypatch.setattr(writer.statements_table, "update", _fail)
        with pytest.raises(RuntimeError, match="disk gone"):
            st.write(_items(SECOND))
        assert gc.isenabled()
        monkeypatch.setattr(writer.statements_table, "update", spy)
        gc.disable()
        try:
            st.write(_items(SECOND))
            assert not gc.isenabled()
        finally:
            gc.enable()
    assert seen == [False, False]
