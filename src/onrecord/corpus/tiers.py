"""Tiered SQLite tables for hash-keyed rows (a small log-structured merge of B-trees), so
that the cost of adding a batch's rows does not grow with the store.

A batch adds tens of thousands of rows keyed by random hashes (LSH bands, statement keys).
Put straight into one B-tree that has more leaf pages than a batch has rows, every row dirties
a page of its own, and each commit writes (then checkpoints) that many pages. Here a batch's
rows go into a small level (its index stays in SQLite's page cache); when a level is full its
rows are moved, in key order, into the next and bigger one, which touches each leaf page of
the next level once for many rows. Lookups read every level. Rows keep their batch number on
every level, so a batch the store never committed is undone wherever its rows went."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

# Rows a level holds before they are moved to the next one (the last level has no limit).
# Level 0 at 1M rows keeps its key index (about 16 MB) inside the index's page cache.
LEVEL_ROWS = (1_000_000, 32_000_000)
_CHUNK = 500


@dataclass(frozen=True)
class Tiered:
    """One logical table kept as levels: `name_l0`, `name_l1`, ..., then `name` itself."""

    name: str
    columns: tuple[str, ...]   # column definitions, e.g. ("band INTEGER", "article TEXT")
    key: str                   # the column looked up and kept sorted

    @property
    def levels(self) -> tuple[str, ...]:
        """The level tables, smallest first (the last is the table of the plain name)."""
        return (*(f"{self.name}_l{i}" for i in range(len(LEVEL_ROWS))), self.name)

    @property
    def names(self) -> str:
        return ", ".join(c.split()[0] for c in self.columns)

    def ddl(self) -> str:
        """CREATE statements for every level (each with a key index and a batch index)."""
        cols = ", ".join((*self.columns, "batch INTEGER"))
        return "".join(
            f"CREATE TABLE IF NOT EXISTS {t} ({cols});\n"
            f"CREATE INDEX IF NOT EXISTS {t}_{self.key} ON {t} ({self.key});\n"
            f"CREATE INDEX IF NOT EXISTS {t}_batch ON {t} (batch);\n" for t in self.levels)

    def add(self, db: sqlite3.Connection, batch: int, rows: Sequence[Sequence[Any]]) -> None:
        """Add batch `batch`'s rows (in `columns` order) to level 0, inside the caller's
        transaction, first moving down whatever level is full."""
        self.add_json(db, batch, json.dumps(rows, ensure_ascii=False))

    def add_json(self, db: sqlite3.Connection, batch: int, rows: str) -> None:
        """`add` for rows given as a JSON array of arrays: one statement, which SQLite runs
        without holding Python's GIL (and faster than a statement per row)."""
        self.settle(db)
        values = ", ".join(f"value->>{i}" for i in range(len(self.columns)))
        db.execute(f"INSERT INTO {self.levels[0]} ({self.names}, batch) "
                   f"SELECT {values}, ? FROM json_each(?)", [batch, rows])

    def settle(self, db: sqlite3.Connection) -> None:
        """Move each full level's rows, in key order, into the next level (deepest first, so
        a level is never moved into one that is over its own limit)."""
        for i in reversed(range(len(LEVEL_ROWS))):
            src, dst = self.levels[i], self.levels[i + 1]
            if _rows(db, src) >= LEVEL_ROWS[i]:
                cols = f"{self.names}, batch"
                db.execute(f"INSERT INTO {dst} ({cols}) SELECT {cols} FROM {src} "
                           f"ORDER BY {self.key}")
                db.execute(f"DELETE FROM {src}")

    def where_in(self, db: sqlite3.Connection, select: str,
                 values: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        """Rows of `SELECT select FROM <each level> WHERE key IN (values)`, values in chunks."""
        vals = list(values)
        for t in self.levels:
            for i in range(0, len(vals), _CHUNK):
                part = vals[i:i + _CHUNK]
                yield from db.execute(f"SELECT {select} FROM {t} WHERE {self.key} IN "
                                      f"({','.join('?' * len(part))})", part)

    def undo(self, db: sqlite3.Connection, batch: int) -> None:
        """Forget rows of batches after `batch` on every level (inside the caller's
        transaction)."""
        for t in self.levels:
            db.execute(f"DELETE FROM {t} WHERE batch > ?", [batch])

    def clear(self, db: sqlite3.Connection) -> None:
        """Forget every row (inside the caller's transaction)."""
        for t in self.levels:
            db.execute(f"DELETE FROM {t}")

    def count(self, db: sqlite3.Connection) -> int:
        """Rows on all levels (a full count: for tests and checks, not per batch)."""
        return sum(int(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                   for t in self.levels)


def _rows(db: sqlite3.Connection, table: str) -> int:
    """About how many rows a level holds, in one B-tree step: rows are only appended and
    deleted from the end or all at once, so the largest rowid is their number."""
    row = db.execute(f"SELECT max(rowid) FROM {table}").fetchone()
    return int(row[0] or 0) if row else 0
