"""The statements' word runs served from the lookup index (STORE.idx) give the statements the
scan of DuckDB's statement_keys gave, batch after batch, across merges, a reopen and a crash
between the index's commit and the store's."""
import os
import subprocess
import sys
import textwrap

import duckdb

from conftest import REPO
from onrecord.corpus import writer
from onrecord.corpus.dedup import signature
from onrecord.corpus.keys import result_key
from onrecord.corpus.store import Item, Store
from onrecord.model import Article, Cue, Entity, Quote, SpeakerRef
from onrecord.statements.keyindex import KEYS_NOW

HEAD = "the river crossing will open in the spring"
TAIL = "and tolls will stay low for every family that uses it"
OTHER = "our schools need more teachers and fewer forms to fill in"
# (speaker, quoted words): repeats, a cut, a change of word, a bridge of two statements (a
# merge), another speaker's same words, a speaker-less copy
BATCHES = [
    [("Ines Dubois", HEAD), ("Ines Dubois", TAIL), ("Omar Haddad", OTHER)],
    [("Ines Dubois", HEAD.upper()), ("Omar Haddad", HEAD), ("Omar Haddad", OTHER[:40])],
    [("Ines Dubois", f"{HEAD} {TAIL}"), (None, TAIL), ("Omar Haddad",
                                                      OTHER.replace("more", "many"))],
    [("Ines Dubois", TAIL.replace("low", "down")), ("Ines Dubois", HEAD)],
]


def _article(n, speaker, words):
    who = speaker or "A spokesperson"
    text = f'Story {n}. On Friday {who} said "{words}" in the town of Eastmere.'
    s, c, p = text.index(words), text.index("said"), text.index(who)
    ents = [Entity("p1", speaker, "person", [], [], [[p, p + len(who)]])] if speaker else []
    ref = SpeakerRef("p1", speaker, p, p + len(who)) if speaker else None
    q = Quote("direct", words, s, s + len(words), ref, Cue("said", c, c + 4), confidence=0.9)
    return Article(id=f"n{n}", text=text, published=f"2025-0{1 + n % 9}-1{n % 10}",
                   entities=ents, quotes=[q], meta={"outlet": f"outlet{n % 3}"})


def _items(batch, start):
    arts = [_article(start + i, s, w) for i, (s, w) in enumerate(batch)]
    return [Item(result_key(a), a, "t", signature(a.text)) for a in arts]


def _fill(path, batches=BATCHES, reopen_after=2):
    n = 0
    st = Store(path)
    for b, batch in enumerate(batches):
        if b == reopen_after:
            st.close()
            st = Store(path)
        st.write(_items(batch, n))
        n += len(batch)
    st.close()


def _dump(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [sorted(con.execute(sql).fetchall()) for sql in (
            "SELECT id, family, kind, speaker_id, text, seq, altered, n_quotes, n_articles, "
            "n_outlets, first_article, first_published FROM statements",
            "SELECT id, f.words, f.text, f.n FROM (SELECT id, unnest(forms) AS f "
            "FROM statements)", "SELECT * FROM statement_members",
            f"SELECT DISTINCT * FROM {KEYS_NOW}", "SELECT * FROM statement_aliases")]
    finally:
        con.close()


def test_the_index_path_gives_the_statements_of_the_scan(tmp_path, monkeypatch):
    indexed, scanned = tmp_path / "indexed.duckdb", tmp_path / "scanned.duckdb"
    _fill(indexed)
    update = writer.statements_table.update
    monkeypatch.setattr(writer.statements_table, "update",
                        lambda *a, index=None, batch=0, **k: update(*a, **k))  # the scan
    _fill(scanned)
    monkeypatch.undo()
    got = _dump(indexed)
    assert got == _dump(scanned)
    statements, _forms, members, _keys, aliases = got
    assert len(members) == sum(map(len, BATCHES))
    assert aliases, "the bridging quote merged two statements"
    ines = [s for s in statements if s[4].lower().startswith(HEAD)]
    assert ines and max(s[7] for s in ines) >= 4


def test_a_crash_after_the_index_took_the_keys_is_undone(tmp_path):
    clean, crashed = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"
    _fill(clean, reopen_after=-1)
    _fill(crashed, BATCHES[:2], reopen_after=-1)
    start = sum(map(len, BATCHES[:2]))
    # killed after the statement keys went to the index, before the store's COMMIT
    code = textwrap.dedent(f"""
        import os, sys
        sys.path[:0] = [{str(REPO / 'tests' / 'statements')!r}, {str(REPO / 'tests')!r}]
        from test_statements_index import BATCHES, _items
        from onrecord.statements import table
        table._set_meta = lambda *a, **k: os._exit(9)
        from onrecord.corpus.store import Store
        Store({str(crashed)!r}).write(_items(BATCHES[2], {start}))
    """)
    cp = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                        timeout=120, env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    assert cp.returncode == 9, cp.stderr
    with Store(crashed) as st:
        assert st._w.synced == "undone"
        st.write(_items(BATCHES[2], start))
        st.write(_items(BATCHES[3], start + len(BATCHES[2])))
    assert _dump(crashed) == _dump(clean)


def test_an_index_without_statement_keys_gets_them_from_the_store(tmp_path):
    path, clean = tmp_path / "s.duckdb", tmp_path / "clean.duckdb"
    _fill(clean, reopen_after=-1)
    _fill(path, BATCHES[:3], reopen_after=-1)
    os.remove(f"{path}.idx")
    with Store(path) as st:
        assert st._w.synced == "rebuilt"
        st.write(_items(BATCHES[3], sum(map(len, BATCHES[:3]))))
    assert _dump(path) == _dump(clean)


def test_stored_counts_are_those_of_the_members(tmp_path):
    """The counts a batch computes (in memory for new statements, from their rows for stored
    ones) equal a join of every statement's members with their articles."""
    path = tmp_path / "s.duckdb"
    _fill(path)
    con = duckdb.connect(str(path), read_only=True)
    try:
        stored = con.execute(
            "SELECT id, n_quotes, n_articles, n_outlets, first_article, first_published "
            "FROM statements ORDER BY id").fetchall()
        joined = con.execute(
            "SELECT m.statement_id, count(*), count(DISTINCT m.article_id), "
            "count(DISTINCT a.outlet), arg_min(m.article_id, (a.published IS NULL, a.published, "
            "m.seen)), min(a.published) FROM statement_members m JOIN articles a "
            "ON a.id = m.article_id GROUP BY 1 ORDER BY 1").fetchall()
    finally:
        con.close()
    assert stored == joined and any(r[1] > 2 for r in stored)


def test_keys_stay_under_merged_ids_and_resolve_through_the_aliases(tmp_path):
    """A merge appends no key and rewrites none: keys filed under a merged-away id are read
    under the statement it went into, and the store keeps no index on statement_keys."""
    path = tmp_path / "s.duckdb"
    _fill(path)
    con = duckdb.connect(str(path), read_only=True)
    try:
        live = {r[0] for r in con.execute("SELECT id FROM statements").fetchall()}
        raw = {r[0] for r in con.execute("SELECT statement_id FROM statement_keys").fetchall()}
        now = {r[0] for r in con.execute(f"SELECT statement_id FROM {KEYS_NOW}").fetchall()}
        indexes = {r[0] for r in con.execute(
            "SELECT index_name FROM duckdb_indexes() WHERE table_name = 'statement_keys'"
        ).fetchall()}
    finally:
        con.close()
    assert raw - live, "the bridging quote's merge left keys under the old id"
    assert now <= live
    assert indexes == set()


def test_an_older_store_loses_the_indexes_no_lookup_uses(tmp_path):
    path = tmp_path / "s.duckdb"
    _fill(path, BATCHES[:2], reopen_after=-1)
    con = duckdb.connect(str(path))
    con.execute("CREATE INDEX statement_keys_key ON statement_keys (key)")
    con.execute("CREATE INDEX statement_members_quote ON statement_members (article_id)")
    con.execute("CREATE INDEX statement_members_sid ON statement_members (statement_id)")
    con.close()
    with Store(path) as st:
        st.write(_items(BATCHES[2], sum(map(len, BATCHES[:2]))))
    con = duckdb.connect(str(path), read_only=True)
    try:
        assert con.execute("SELECT table_name, index_name FROM duckdb_indexes() WHERE "
                           "table_name LIKE 'statement%' ORDER BY ALL").fetchall() == [
            ("statement_aliases", "statement_aliases_alias"), ("statements", "statements_id")]
    finally:
        con.close()


def test_a_store_with_a_wordings_table_gets_its_statements_filed_again(tmp_path):
    """The layout before wordings moved into the statements' rows (statement_forms, members
    indexed by statement): the writer's open files every quote again, to what a store made
    now holds, and a reader of the new layout finds them."""
    path = tmp_path / "s.duckdb"
    _fill(path, BATCHES[:3], reopen_after=-1)
    want = _dump(path)
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE statement_forms AS SELECT id AS statement_id, f.words, f.text, "
                "f.n FROM (SELECT id, unnest(forms) AS f FROM statements)")
    con.execute("CREATE INDEX statement_forms_sid ON statement_forms (statement_id)")
    con.execute("CREATE INDEX statement_members_sid ON statement_members (statement_id)")
    con.execute("DROP INDEX statements_id")
    for col in ("forms", "outlets", "first_seen"):
        con.execute(f"ALTER TABLE statements DROP COLUMN {col}")
    con.execute("CREATE INDEX statements_id ON statements (id)")
    con.close()
    with Store(path) as st:
        assert st._w.refiled == sum(map(len, BATCHES[:3]))
        assert st.trace(HEAD)["text"] == f"{HEAD} {TAIL}"
    assert _dump(path) == want
    con = duckdb.connect(str(path), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM duckdb_tables() "
                           "WHERE table_name = 'statement_forms'").fetchone() == (0,)
    finally:
        con.close()
