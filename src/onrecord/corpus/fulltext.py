"""Word search over quotes: an FTS5 trigram index of every quote's text inside the lookup index
(STORE.idx), kept batch by batch by the writer, so `--contains` reads only the quotes that hold
its words instead of scanning every quote's text.

The trigram tokenizer indexes every 3 characters of a quote, case-insensitively, and the index
keeps which quotes hold each trigram, not where (`detail=none`: about half the size and 40% less
to write than with positions): a term of 3 or more characters is looked up as all of its
trigrams, so a quote holding them all in another order is a candidate too; terms shorter than
3 characters are checked on the candidates only. Every candidate is checked again in Python
(each word a case-insensitive substring, what `--contains` always meant), so the index only
narrows the search and never changes its answer.

Each row also keeps the quote's sort key (its date, else its article's) and where the quote
sits in the store (its DuckDB rowid, checked when read), so a search orders its hits itself
and reads from the store only the page it shows (`wordsearch`)."""
from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import duckdb

QUOTE_TEXT = """CREATE VIRTUAL TABLE IF NOT EXISTS quote_text USING fts5(
    text, article UNINDEXED, idx UNINDEXED, at UNINDEXED, qrow UNINDEXED, tokenize='trigram',
    detail=none)"""
DDL = f"""
{QUOTE_TEXT};
CREATE TABLE IF NOT EXISTS quote_text_batches (batch INTEGER PRIMARY KEY, first INTEGER);
"""
# The store's quotes with their sort key (ORDER BY of every quote search) and DuckDB rowid.
STORED = ("SELECT q.article_id, q.idx, q.text, coalesce(q.date, a.published), q.rowid "
          "FROM quotes q LEFT JOIN articles a ON a.id = q.article_id")
# The shortest term the trigram index can look up (shorter ones are only checked).
MIN_TERM = 3
# meta key: set once the index holds every stored quote's text, sort key and rowid, without
# positions (the earlier forms, flagged "fulltext" and "fulltext_at", are rebuilt).
READY = "fulltext_trigrams"


class Hit(NamedTuple):
    """A quote the index found: its article and position, sort key and rowid in the store."""
    article: str
    idx: int
    at: str | None
    qrow: int


def terms(contains: str) -> list[str]:
    """The terms of a `--contains`: a "quoted phrase" is one term, every other word another."""
    return [p or w for p, w in re.findall(r'"([^"]+)"|(\S+)', contains) if (p or w).strip()]


def holds(text: str, ts: Sequence[str]) -> bool:
    """Whether every term is a case-insensitive substring of `text` (ILIKE '%term%')."""
    low = text.lower()
    return all(t.lower() in low for t in ts)


def _match(ts: Sequence[str]) -> str | None:
    """The FTS5 query for the terms the index can look up (every trigram of each, all
    required; the tokenizer folds their case as it folded the quotes'), or None when no term
    is long enough."""
    grams = sorted({t[i:i + MIN_TERM] for t in ts if len(t) >= MIN_TERM
                    for i in range(len(t) - MIN_TERM + 1)})
    return " AND ".join('"' + g.replace('"', '""') + '"' for g in grams) if grams else None


def add(db: sqlite3.Connection, batch: int,
        quotes: Iterable[tuple[str, int, str, str | None, int]]) -> None:
    """Index batch `batch`'s quotes (article id, idx, text, sort key, rowid in the store),
    inside the caller's transaction."""
    rows = as_json(quotes)
    if rows is not None:
        add_json(db, batch, rows)


def as_json(quotes: Iterable[tuple[str, int, str, str | None, int]]) -> str | None:
    """Quotes as `add_json` takes them (None for none)."""
    rows = list(quotes)
    return json.dumps(rows, ensure_ascii=False) if rows else None


def add_json(db: sqlite3.Connection, batch: int, quotes: str) -> None:
    """`add` for the quotes as a JSON array of those arrays: one statement, which SQLite runs
    without holding Python's GIL."""
    row = db.execute("SELECT max(rowid) FROM quote_text").fetchone()
    first = (row[0] or 0) + 1 if row else 1
    db.execute("INSERT OR REPLACE INTO quote_text_batches VALUES (?, ?)", [batch, first])
    db.execute("INSERT INTO quote_text (rowid, text, article, idx, at, qrow) "
               "SELECT ? + key, value->>2, value->>0, value->>1, value->>3, value->>4 "
               "FROM json_each(?)", [first, quotes])


def undo(db: sqlite3.Connection, batch: int) -> None:
    """Forget the quotes of batches after `batch`, inside the caller's transaction."""
    row = db.execute("SELECT min(first) FROM quote_text_batches WHERE batch > ?",
                     [batch]).fetchone()
    if row and row[0] is not None:
        db.execute("DELETE FROM quote_text WHERE rowid >= ?", [row[0]])
    db.execute("DELETE FROM quote_text_batches WHERE batch > ?", [batch])


def rebuild(db: sqlite3.Connection, con: duckdb.DuckDBPyConnection, batch: int) -> None:
    """Index every stored quote again (inside the caller's transaction); an index of an older
    form is dropped and made again."""
    db.execute("DROP TABLE IF EXISTS quote_text")
    db.execute("DELETE FROM quote_text_batches")
    db.execute(QUOTE_TEXT)
    cur = con.execute(STORED)
    while chunk := cur.fetchmany(10_000):
        add(db, batch, [(a, i, t or "", at, r) for a, i, t, at, r in chunk])
    db.execute("DELETE FROM quote_text_batches")  # all committed: nothing to undo
    db.execute("INSERT INTO quote_text(quote_text) VALUES ('optimize')")
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, '1')", [READY])


def open_reader(store_path: str | os.PathLike[str], uid: str | None,
                batch: int) -> sqlite3.Connection | None:
    """The store's index opened read-only, if it holds every quote of the store as of `batch`
    (same store, not behind it, word index built); None when a search must scan instead."""
    path = Path(f"{os.fspath(store_path)}.idx")
    if uid is None or not path.exists():
        return None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                             check_same_thread=False)
        meta = dict(db.execute("SELECT k, v FROM meta WHERE k IN ('store', 'batch', ?)",
                               [READY]).fetchall())
    except sqlite3.Error:
        return None
    if meta.get("store") != uid or meta.get(READY) != "1" or int(meta.get("batch") or -1) < batch:
        db.close()
        return None
    return db


def search(db: sqlite3.Connection, ts: Sequence[str], batch: int) -> list[Hit] | None:
    """The quotes holding every term, of the store's batches up to `batch` (the index may hold
    a batch the store has not committed yet), newest first as every quote search orders them
    (sort key descending, missing last, then article id and idx); None when no term is long
    enough for the index (the caller scans)."""
    q = _match(ts)
    if q is None:
        return None
    row = db.execute("SELECT min(first) FROM quote_text_batches WHERE batch > ?",
                     [batch]).fetchone()
    end = row[0] if row and row[0] is not None else None
    sql = "SELECT article, idx, at, qrow, text FROM quote_text WHERE quote_text MATCH ?"
    found = [Hit(a, int(i), at, int(r)) for a, i, at, r, text in db.execute(
        sql + (" AND rowid < ?" if end is not None else ""), [q] if end is None else [q, end])
        if holds(text, ts)]
    found.sort(key=lambda h: (h.article, h.idx))
    found.sort(key=lambda h: (h.at is not None, h.at or ""), reverse=True)  # stable
    return found
