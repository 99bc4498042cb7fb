"""Tiered SQLite tables (corpus/tiers.py): rows move down the levels in key order and stay
found, an undone batch leaves no row on any level, a store written with tiny levels (many
moves) is the same store as one written with the default levels, and a kill -9 after a move
is undone on open."""
import os
import random
import sqlite3
import subprocess
import sys
import textwrap

import duckdb
import pytest
from corpus_articles import mirror, story_text
from test_corpus_index import FIRST, SECOND, _article, _items

from conftest import REPO
from onrecord.corpus import tiers
from onrecord.corpus.index import BANDS_TABLE
from onrecord.corpus.store import Store
from onrecord.statements.keyindex import KEYS_TABLE

TABLE = tiers.Tiered("t", ("k INTEGER", "v TEXT"), "k")


def _db():
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.executescript(TABLE.ddl())
    return db


def _rows_on(db, level):
    return db.execute(f"SELECT k, v, batch FROM {level} ORDER BY rowid").fetchall()


def test_rows_move_down_in_key_order_and_stay_found(monkeypatch):
    monkeypatch.setattr(tiers, "LEVEL_ROWS", (4, 12))
    db, rng, added = _db(), random.Random(7), []
    for batch in range(1, 11):
        rows = [(rng.getrandbits(62), f"v{batch}.{i}") for i in range(3)]
        TABLE.add(db, batch, rows)
        added += [(k, v, batch) for k, v in rows]
        found = set(TABLE.where_in(db, "k, v, batch", [k for k, _, _ in added]))
        assert found == set(added)
    levels = {t: _rows_on(db, t) for t in TABLE.levels}
    assert len(levels["t_l0"]) <= 4 + 3 and levels["t"], levels   # something reached the bottom
    assert sum(map(len, levels.values())) == TABLE.count(db) == 30
    moved = levels["t"][:12]  # the first move into the last level came in key order
    assert [r[0] for r in moved] == sorted(r[0] for r in moved)


def test_an_undone_batch_leaves_no_row_on_any_level(monkeypatch):
    monkeypatch.setattr(tiers, "LEVEL_ROWS", (4, 12))
    db = _db()
    for batch in range(1, 9):
        TABLE.add(db, batch, [(batch * 10 + i, "x") for i in range(3)])
    TABLE.undo(db, 5)
    left = {r[2] for t in TABLE.levels for r in _rows_on(db, t)}
    assert left == {1, 2, 3, 4, 5}
    assert TABLE.count(db) == 15
    TABLE.clear(db)
    assert TABLE.count(db) == 0


def _tables(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [con.execute(sql).fetchall() for sql in (
            "SELECT id FROM articles ORDER BY id",
            "SELECT article_id, canonical_id FROM duplicates ORDER BY 1",
            "SELECT id, key, merged_into FROM speakers ORDER BY 1",
            "SELECT article_id, idx, speaker_id FROM quotes ORDER BY 1, 2",
            "SELECT * FROM statements ORDER BY id",
            "SELECT * FROM statement_members ORDER BY ALL")]
    finally:
        con.close()


def _write(path):
    """Five stories, then their scraped copies in later batches: candidates and statements
    found across levels."""
    stories = [_article(i, story_text(i), ["Alicia Moreno", "Priya Nair"][i % 2])
               for i in range(5)]
    copies = [_article(100 + i, mirror(story_text(i), i)) for i in range(5)]
    with Store(path) as st:
        for part in (stories[:2], stories[2:], copies[:3], copies[3:]):
            st.write(_items(part))
        db = st._w.index.db
        counts = {t.name: [db.execute(f"SELECT count(*) FROM {lv}").fetchone()[0]
                           for lv in t.levels] for t in (BANDS_TABLE, KEYS_TABLE)}
    return _tables(path), counts


@pytest.mark.parametrize("levels", [(20, 60), (1, 1)])
def test_a_store_written_with_tiny_levels_is_the_same_store(tmp_path, monkeypatch, levels):
    plain, plain_counts = _write(tmp_path / "plain.duckdb")
    assert all(c[1:] == [0, 0] for c in plain_counts.values()), plain_counts  # all on level 0
    monkeypatch.setattr(tiers, "LEVEL_ROWS", levels)
    tiny, tiny_counts = _write(tmp_path / "tiny.duckdb")
    assert tiny == plain
    assert len(plain[1]) >= 4                      # the mirrors were found as copies
    assert all(sum(c[1:]) > 0 for c in tiny_counts.values()), tiny_counts  # rows went down


def test_a_crash_after_rows_moved_down_is_undone_on_open(tmp_path, monkeypatch):
    """Batch 2 moves batch 1's rows down and is killed after the index's commit, before the
    store's: the next open undoes batch 2 on every level, and writing it again gives the store
    an uninterrupted run gives."""
    monkeypatch.setattr(tiers, "LEVEL_ROWS", (1, 1))
    clean, crashed = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"
    with Store(clean) as st:
        st.write(_items(FIRST))
        st.write(_items(SECOND))
    with Store(crashed) as st:
        st.write(_items(FIRST))
    code = textwrap.dedent(f"""
        import os, sys
        sys.path[:0] = [{str(REPO / 'tests' / 'corpus')!r}, {str(REPO / 'tests')!r}]
        from test_corpus_index import SECOND, _items
        from onrecord.corpus import tiers, writer
        from onrecord.corpus.store import Store
        tiers.LEVEL_ROWS = (1, 1)
        writer.statements_table.update = lambda *a, **k: (k["before_keys"](), os._exit(9))
        Store({str(crashed)!r}).write(_items(SECOND))
    """)
    cp = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                        timeout=120, env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    assert cp.returncode == 9, cp.stderr
    with Store(crashed) as st:
        assert st._w.synced == "undone"
        db = st._w.index.db
        batches = {r[0] for t in BANDS_TABLE.levels
                   for r in db.execute(f"SELECT DISTINCT batch FROM {t}")}
        assert batches == {1}
        assert db.execute(f"SELECT count(*) FROM {BANDS_TABLE.levels[0]}").fetchone()[0] == 0
        st.write(_items(SECOND))
    assert _tables(crashed) == _tables(clean)
