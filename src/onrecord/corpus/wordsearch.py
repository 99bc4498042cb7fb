"""Word searches read page by page: the word index gives every hit already in the order quote
searches show them, with the rowid of its quote in the store, so only the rows of the page asked
for are read (a rowid lookup each), not the whole `quotes` table.

A hit not found at its rowid (a store rewritten under the index) is read by article id and idx
instead, so a stale rowid costs time, never a wrong answer."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

from onrecord.corpus import lookup
from onrecord.corpus.fulltext import Hit

# The most hits one read names (rowids and article ids, in literal lists).
PAGE = lookup.LITERAL_IDS
# Hits read first for a page of `limit` quotes: twice as many, to allow for filtered ones.
FIRST_READ = 64
# What quote searches return (the speaker's stored name put in after, by `_named`).
COLUMNS = lookup.QUOTE_COLUMNS.format(speaker="q.speaker_name")


def quotes(con: duckdb.DuckDBPyConnection, hits: Sequence[Hit], conds: list[str],
           params: list[Any], limit: int, offset: int) -> list[dict[str, Any]]:
    """The quotes of `hits` (in order) passing every condition, from `offset`, at most
    `limit`, with their speaker's name."""
    want = offset + limit
    out: list[dict[str, Any]] = []
    start, size = 0, max(2 * want, FIRST_READ)
    while start < len(hits) and len(out) < want:
        chunk = hits[start:start + min(size, PAGE)]
        out += _read(con, chunk, conds, params, COLUMNS)
        start, size = start + len(chunk), size * 2
    return _named(con, out[offset:want])


def count(con: duckdb.DuckDBPyConnection, hits: Sequence[Hit], conds: list[str],
          params: list[Any]) -> int:
    """How many quotes of `hits` pass every condition."""
    return sum(len(_read(con, hits[i:i + PAGE], conds, params, ""))
               for i in range(0, len(hits), PAGE))


def _read(con: duckdb.DuckDBPyConnection, chunk: Sequence[Hit], conds: list[str],
          params: list[Any], columns: str) -> list[dict[str, Any]]:
    """The rows of `chunk`'s quotes passing the conditions, in the chunk's order."""
    if not chunk:
        return []
    rids = ",".join(str(int(h.qrow)) for h in chunk)
    keep = " AND ".join(conds) or "TRUE"
    arts = lookup.within(sorted({h.article for h in chunk}))  # one condition: <= PAGE articles
    got = {r.pop("_qrow"): r for r in lookup.rows(
        con, f"SELECT q.rowid AS _qrow, q.article_id AS _a, q.idx AS _i, ({keep}) AS _keep"
             f"{', ' + columns if columns else ''} FROM quotes q JOIN articles a ON "
             f"a.id = q.article_id WHERE q.rowid IN ({rids}) AND {arts[0]}", params)}
    out = []
    for h in chunk:
        r = got.get(h.qrow)
        if r is None or r.pop("_a") != h.article or r.pop("_i") != h.idx:
            return _by_key(con, chunk, [*conds, *arts], params, columns)
        if r.pop("_keep"):
            out.append(r)
    return out


def _by_key(con: duckdb.DuckDBPyConnection, chunk: Sequence[Hit], conds: list[str],
            params: list[Any], columns: str) -> list[dict[str, Any]]:
    """`_read` by article id and idx (a scan of `quotes`, narrowed by `conds` to the chunk's
    articles)."""
    where = [*conds, "{'a': q.article_id, 'i': q.idx} IN "
                     "(SELECT unnest(?::STRUCT(a VARCHAR, i INTEGER)[]))"]
    return lookup.rows(
        con, f"SELECT {columns or '1 AS _one'} FROM quotes q JOIN articles a ON "
             f"a.id = q.article_id{lookup.where_clause(where)} {lookup.QUOTE_ORDER}",
        [*params, [{"a": h.article, "i": h.idx} for h in chunk]])


def _named(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`rows` with each speaker's stored name where the quote has a speaker."""
    ids = sorted({int(r["speaker_id"]) for r in rows if r["speaker_id"] is not None})
    if ids:
        names = dict(con.execute(f"SELECT id, name FROM speakers WHERE id IN "
                                 f"({','.join(map(str, ids))})").fetchall())
        for r in rows:
            if names.get(r["speaker_id"]) is not None:
                r["speaker"] = names[r["speaker_id"]]
    return rows
