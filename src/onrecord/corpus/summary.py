"""The store at a glance, for the viewer's home page: totals, and who was quoted most in the
latest month the store has articles for (or over all time when no article is dated)."""
from __future__ import annotations

from typing import Any

import duckdb

from onrecord.corpus.lookup import CANONICAL


def summary(con: duckdb.DuckDBPyConnection, *, top: int = 5) -> dict[str, Any]:
    """{articles, quotes, speakers, statements, month, top_speakers: [{id, name, quotes}]}."""
    row = con.execute(
        "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM duplicates), "
        f"(SELECT count(*) FROM quotes q WHERE {CANONICAL}), "
        f"(SELECT count(DISTINCT speaker_id) FROM quotes q WHERE {CANONICAL}), "
        "(SELECT count(*) FROM statements), "
        "(SELECT max(substr(published, 1, 7)) FROM articles "
        "WHERE published SIMILAR TO '[0-9]{4}-[0-9]{2}.*')").fetchone()
    assert row is not None
    articles, quotes, speakers, statements, month = row
    where, params = [CANONICAL, "q.speaker_id IS NOT NULL", "s.merged_into IS NULL"], []
    if month is not None:
        where.append("substr(a.published, 1, 7) = ?")
        params.append(month)
    people = con.execute(
        "SELECT s.id, s.name, count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article_id "
        "JOIN speakers s ON s.id = q.speaker_id WHERE " + " AND ".join(where) +
        " GROUP BY s.id, s.name ORDER BY n DESC, s.name LIMIT ?", [*params, top]).fetchall()
    return {"articles": articles, "quotes": quotes, "speakers": speakers,
            "statements": statements, "month": month,
            "top_speakers": [{"id": i, "name": n, "quotes": c} for i, n, c in people]}
