"""The store at a glance, for the viewer's home page: totals, and who was quoted most in the
latest month the store has articles for (or over all time when no article is dated)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from onrecord.corpus.lookup import CANONICAL

if TYPE_CHECKING:
    from onrecord.corpus.store import Store


def summary(store: Store, *, top: int = 5) -> dict[str, Any]:
    """{articles, quotes, speakers, statements, month, top_speakers: [{id, name, quotes}]};
    articles are counted once per near-duplicate group, as `Store.stats` counts them."""
    con = store.con
    stats = store.stats()
    row = con.execute(
        "SELECT (SELECT count(*) FROM statements), "
        "(SELECT max(substr(published, 1, 7)) FROM articles "
        "WHERE published SIMILAR TO '[0-9]{4}-[0-9]{2}.*')").fetchone()
    assert row is not None
    statements, month = row
    where, params = [CANONICAL, "q.speaker_id IS NOT NULL", "s.merged_into IS NULL"], []
    if month is not None:
        where.append("substr(a.published, 1, 7) = ?")
        params.append(month)
    people = con.execute(
        "SELECT s.id, s.name, count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article_id "
        "JOIN speakers s ON s.id = q.speaker_id WHERE " + " AND ".join(where) +
        " GROUP BY s.id, s.name ORDER BY n DESC, s.name LIMIT ?", [*params, top]).fetchall()
    return {"articles": stats["canonical"], "quotes": stats["quotes"],
            "speakers": stats["speakers"],
            "statements": statements, "month": month,
            "top_speakers": [{"id": i, "name": n, "quotes": c} for i, n, c in people]}
