"""The statements' word runs in the writer's lookup index (STORE.idx): the candidates of a
batch's quotes are one B-tree lookup in SQLite instead of a scan of DuckDB's statement_keys
(which DuckDB answers by reading the whole table, so its cost grew with the store).

DuckDB's `statement_keys` (read through KEYS_NOW) stays the truth; these rows are derived
from it and follow the index's protocol (rows carry their batch number; batches the store
never committed are undone on open). A merge is kept as a move (old id -> new id) rather than
rewriting rows."""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence

import duckdb

from onrecord.corpus.tiers import Tiered

# The (key, family, statement id) rows, tiered: about 20 random keys per article.
KEYS_TABLE = Tiered("statement_keys", ("key INTEGER", "family TEXT", "sid TEXT"), "key")
DDL = KEYS_TABLE.ddl() + """
CREATE TABLE IF NOT EXISTS statement_moves (old TEXT PRIMARY KEY, new TEXT, batch INTEGER)
    WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS statement_moves_batch ON statement_moves (batch);
"""
# DuckDB's statement_keys is appended to, never indexed nor rewritten: a merge leaves its rows
# under the old id and statement_aliases says where that id went (its two ART indexes had been
# most of the writer's memory and of each checkpoint's cost). The keys under current ids:
KEYS_NOW = ("(SELECT k.family, k.key, coalesce(a.statement_id, k.statement_id) AS statement_id "
            "FROM statement_keys k LEFT JOIN statement_aliases a ON a.alias = k.statement_id)")
# meta key: set once the index holds every stored statement key.
READY = "statement_keys"
_CHUNK = 500


def _in(db: sqlite3.Connection, select: str, column: str,
        values: Sequence[object]) -> Iterable[tuple[object, ...]]:
    for i in range(0, len(values), _CHUNK):
        part = list(values[i:i + _CHUNK])
        yield from db.execute(f"{select} WHERE {column} IN ({','.join('?' * len(part))})", part)


class KeyIndex:
    """The statement keys of one store's lookup index, for its writer."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def find(self, runs: Iterable[tuple[str, int]]) -> dict[tuple[str, int], set[str]]:
        """The statements (ids as they are now) indexed under each (family, key)."""
        wanted = set(runs)
        found: dict[tuple[str, int], set[str]] = defaultdict(set)
        for key, fam, sid in KEYS_TABLE.where_in(self.db, "key, family, sid",
                                                 sorted({k for _, k in wanted})):
            if (fam, key) in wanted:
                found[(str(fam), int(key))].add(str(sid))
        now = self._resolve({s for v in found.values() for s in v})
        return {k: {now.get(s, s) for s in v} for k, v in found.items()}

    def _resolve(self, sids: set[str]) -> dict[str, str]:
        """Where each id was moved to by merges, followed to the end (an id merged away
        never comes back, so the chains end; they are a hop or two)."""
        now = {s: s for s in sids}
        frontier = sorted(sids)
        while frontier:
            step = {str(o): str(n) for o, n in _in(
                self.db, "SELECT old, new FROM statement_moves", "old", frontier)}
            for s, cur in now.items():
                if cur in step:
                    now[s] = step[cur]
            frontier = sorted(set(step.values()))
        return now

    def add(self, batch: int, rows: Sequence[tuple[str, int, str]],
            moves: Sequence[tuple[str, str]]) -> None:
        """Commit batch `batch`'s new (family, key, statement id) rows and merges (old, new)."""
        db = self.db
        db.execute("BEGIN")
        try:
            KEYS_TABLE.add(db, batch, [(k, f, s) for f, k, s in rows])
            db.executemany("INSERT OR REPLACE INTO statement_moves VALUES (?, ?, ?)",
                           [(o, n, batch) for o, n in moves])
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:  # the batch's keys are not kept (the store's undo runs next)
                db.execute("ROLLBACK")
            raise


def undo(db: sqlite3.Connection, batch: int) -> None:
    """Forget rows of batches after `batch`, inside the caller's transaction."""
    KEYS_TABLE.undo(db, batch)
    db.execute("DELETE FROM statement_moves WHERE batch > ?", [batch])


def rebuild(db: sqlite3.Connection, con: duckdb.DuckDBPyConnection, batch: int) -> None:
    """Copy the store's statement keys under their current ids (KEYS_NOW), inside the caller's
    transaction."""
    KEYS_TABLE.clear(db)
    db.execute("DELETE FROM statement_moves")
    cur = con.execute(f"SELECT DISTINCT key, family, statement_id FROM {KEYS_NOW}")
    while chunk := cur.fetchmany(10_000):
        db.executemany("INSERT INTO statement_keys VALUES (?, ?, ?, ?)",
                       [(k, f, s, batch) for k, f, s in chunk])
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, '1')", [READY])
