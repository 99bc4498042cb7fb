"""A batch's speaker merges in one UPDATE per table leave the rows one UPDATE per merge leaves."""
import random

import duckdb
import pytest

from onrecord.corpus.respeak import moves, respeak


def test_moves_follow_later_merges_of_the_kept_id():
    assert moves([(1, 2), (2, 3)]) == {1: 3, 2: 3}
    assert moves([(2, 3), (1, 2)]) == {2: 3, 1: 2}  # 1's rows move after 2's did
    assert moves([(1, 2), (2, 1)]) == {2: 1}  # back where they were
    assert moves([(1, 2), (1, 3)]) == {1: 2}  # nothing is left under 1 to move again
    assert moves([]) == {}


def test_respeak_moves_rows_of_merged_speakers():
    con = duckdb.connect()
    con.execute("CREATE TABLE q (n INTEGER, speaker_id INTEGER)")
    con.execute("INSERT INTO q VALUES (1, 1), (2, 2), (3, NULL), (4, 4)")
    respeak(con, "q", moves([(1, 2), (2, 3)]))
    assert con.execute("SELECT speaker_id FROM q ORDER BY n").fetchall() == [(3,), (3,), (None,), (4,)]


@pytest.mark.parametrize("seed", range(20))
def test_one_update_per_table_equals_one_per_merge(seed):
    rnd = random.Random(seed)
    rows = [(i, rnd.choice([None, *range(8)])) for i in range(60)]
    merges = [(rnd.randrange(8), rnd.randrange(8)) for _ in range(rnd.randint(1, 6))]
    merges = [(g, k) for g, k in merges if g != k]
    con = duckdb.connect()
    for t in ("one", "each"):
        con.execute(f"CREATE TABLE {t} (n INTEGER, speaker_id INTEGER)")
        con.executemany(f"INSERT INTO {t} VALUES (?, ?)", rows)
    respeak(con, "one", moves(merges))
    for gone, kept in merges:
        con.execute("UPDATE each SET speaker_id = ? WHERE speaker_id = ?", [kept, gone])
    got = con.execute("SELECT n, speaker_id FROM one ORDER BY n").fetchall()
    want = con.execute("SELECT n, speaker_id FROM each ORDER BY n").fetchall()
    assert got == want
