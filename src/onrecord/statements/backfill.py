"""Statements for quotes a store holds but never filed (a store written before statements
existed, or whose statements tables were emptied): every quote is filed again, in the order
the store received them, as the writer would have filed them batch by batch."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb

TABLES = ("statements", "statement_members", "statement_keys", "statement_aliases")
_QUOTE_COLUMNS = ("article_id", "idx", "kind", "text", "start", "end", "speaker_id")
_ARTICLE_COLUMNS = ("id", "published", "outlet", "url")


def missing(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether some stored quote is not filed under a statement (then all are filed again)."""
    row = con.execute("SELECT (SELECT count(*) FROM quotes), "
                      "(SELECT count(*) FROM statement_members)").fetchone()
    return row is not None and row[0] != row[1]


def clear(con: duckdb.DuckDBPyConnection) -> None:
    """Empty the statements tables and their counters (inside the caller's transaction)."""
    for t in TABLES:
        con.execute(f"DELETE FROM {t}")
    con.execute("DELETE FROM store_meta WHERE key IN ('statements_seen', 'statements_seq')")


def chunks(con: duckdb.DuckDBPyConnection,
           size: int = 2000) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """The stored quotes in the order they were written (articles and quotes are appended
    together, batch by batch), about `size` at a time, each chunk with its articles."""
    cols = ", ".join(f'"{c}"' for c in _QUOTE_COLUMNS)
    row = con.execute("SELECT max(rowid) FROM quotes").fetchone()
    top = -1 if row is None or row[0] is None else int(row[0])
    arts = con.cursor()  # a second connection: the articles, read alongside in store order
    acur = arts.execute(f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles ORDER BY rowid")
    pending: dict[str, dict[str, Any]] = {}
    carry: list[dict[str, Any]] = []  # the quotes of an article the last chunk cut
    lo = 0
    try:
        while lo <= top or carry:
            quotes = carry + [dict(zip(_QUOTE_COLUMNS, r)) for r in con.execute(
                f"SELECT {cols} FROM quotes WHERE rowid >= ? AND rowid < ? ORDER BY rowid",
                [lo, lo + size]).fetchall()]
            lo += size
            carry = []
            if lo <= top and quotes:  # the last article's quotes may go on in the next chunk
                tail = quotes[-1]["article_id"]
                carry = [q for q in quotes if q["article_id"] == tail]
                quotes = [q for q in quotes if q["article_id"] != tail]
            if not quotes:
                continue
            need = {q["article_id"] for q in quotes}
            while not need <= set(pending):
                got = acur.fetchmany(size)
                if not got:
                    break
                pending.update({r[0]: dict(zip(_ARTICLE_COLUMNS, r)) for r in got})
            articles = []
            for aid in list(pending):  # store order, up to the last article quoted here
                if not need:
                    break
                art = pending.pop(aid)
                if aid in need:
                    need.discard(aid)
                    articles.append(art)
            yield quotes, articles
    finally:
        arts.close()
