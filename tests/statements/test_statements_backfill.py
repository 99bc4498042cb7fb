"""Statements built for quotes a real store holds but never filed: emptied statements tables,
a store from before statements (tables dropped), and `onrecord statements --rebuild`."""
import os
import subprocess
import sys

import duckdb
from test_statements_index import BATCHES, _dump, _fill, _items

from conftest import REPO
from onrecord.corpus.store import Store
from onrecord.statements import backfill


def _sql(path, *statements):
    con = duckdb.connect(str(path))
    try:
        for s in statements:
            con.execute(s)
    finally:
        con.close()


def test_emptied_statements_are_built_again_on_open(tmp_path):
    path = tmp_path / "s.duckdb"
    _fill(path, reopen_after=-1)
    before = _dump(path)
    _sql(path, *(f"DELETE FROM {t}" for t in backfill.TABLES))
    with Store(path, read_only=True) as st:
        assert st.statements() == []
    with Store(path) as st:
        assert st._w.refiled == sum(map(len, BATCHES))
    assert _dump(path) == before  # the same statements, ids, counts and keys
    with Store(path) as st:  # nothing missing now: nothing done
        assert st._w.refiled is None
        head = st.trace(BATCHES[0][0][1])
        st.write(_items([("Ines Dubois", BATCHES[0][0][1])], 100))
        again = st.trace(BATCHES[0][0][1])  # the new copy joined the rebuilt statement
        assert (again["id"], again["n_quotes"]) == (head["id"], head["n_quotes"] + 1)


def test_a_store_from_before_statements_gets_them(tmp_path):
    path = tmp_path / "s.duckdb"
    _fill(path, reopen_after=-1)
    before = _dump(path)
    _sql(path, *(f"DROP TABLE {t}" for t in backfill.TABLES),
         "DELETE FROM store_meta WHERE key LIKE 'statements%'")
    os.remove(f"{path}.idx")
    with Store(path) as st:
        assert st._w.refiled == sum(map(len, BATCHES))
    assert _dump(path) == before


def test_chunks_cut_at_articles_and_keep_the_store_order(tmp_path):
    path = tmp_path / "s.duckdb"
    _fill(path, reopen_after=-1)
    con = duckdb.connect(str(path), read_only=True)
    try:
        order = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY rowid").fetchall()]
        got = list(backfill.chunks(con, size=2))
    finally:
        con.close()
    assert len(got) > 3
    quotes = [(q["article_id"], q["idx"]) for qs, _ in got for q in qs]
    assert len(quotes) == len(set(quotes)) == sum(map(len, BATCHES))
    for qs, arts in got:
        assert [a["id"] for a in arts] == sorted({q["article_id"] for q in qs}, key=order.index)
    assert [a for a, _ in quotes] == sorted((a for a, _ in quotes), key=order.index)


def test_the_rebuild_option(tmp_path):
    path = tmp_path / "s.duckdb"
    _fill(path, reopen_after=-1)
    before = _dump(path)
    _sql(path, "DELETE FROM statement_members WHERE idx = 0 AND article_id IN "
               "(SELECT id FROM articles ORDER BY id LIMIT 3)")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    cp = subprocess.run([sys.executable, "-m", "onrecord", "statements", "--store", str(path),
                         "--rebuild", "--format", "jsonl"], capture_output=True, text=True,
                        timeout=120, cwd=REPO, env=env)
    assert cp.returncode == 0, cp.stderr
    assert f"filed {sum(map(len, BATCHES))} quotes again" in cp.stderr
    assert _dump(path) == before
    cp = subprocess.run([sys.executable, "-m", "onrecord", "statements", "--store",
                         str(tmp_path / "none.duckdb"), "--rebuild"], capture_output=True,
                        text=True, timeout=120, cwd=REPO, env=env)
    assert cp.returncode == 2 and "no store at" in cp.stderr
    assert not (tmp_path / "none.duckdb").exists()
