"""A batch's merges (speakers, statements) applied to a store table's ids in one statement: one
scan of the table per batch, not one per merge (each is a full scan: no index on the ids)."""
from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

import duckdb

K = TypeVar("K", bound=Hashable)


def moves(merges: Sequence[tuple[K, K]]) -> dict[K, K]:
    """Where each id ends up after the merges (gone, kept) applied one after another, as
    one UPDATE per merge would leave it: rows moved by one merge move again with a later one."""
    now: dict[K, K] = {}  # id a row had before the batch -> the id it has now
    for gone, kept in merges:
        for was, cur in now.items():
            if cur == gone:
                now[was] = kept
        now.setdefault(gone, kept)
    return {was: cur for was, cur in now.items() if was != cur}


def respeak(con: duckdb.DuckDBPyConnection, table: str, moved: Mapping[int, int]) -> None:
    """Move `table`'s rows of merged-away speakers to where `moves` says they end up."""
    reassign(con, table, "speaker_id", "INTEGER", moved)


def reassign(con: duckdb.DuckDBPyConnection, table: str, column: str, sql_type: str,
             moved: Mapping[K, K]) -> None:
    """Set `table`'s `column` (of `sql_type`) from each key of `moved` to its value, in one
    `UPDATE` (one scan of the table)."""
    if not moved:
        return
    pairs = ", ".join([f"(?::{sql_type}, ?::{sql_type})"] * len(moved))
    con.execute(f"UPDATE {table} SET {column} = m.kept FROM (VALUES {pairs}) m(gone, kept) "
                f"WHERE {table}.{column} = m.gone", [v for kv in moved.items() for v in kv])
