"""Reading statements back from a store: a filtered list, one statement with its timeline and
variants, and the statement some quoted words belong to."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

import duckdb

from onrecord.corpus.lookup import between, like_escape, sightings_of
from onrecord.statements.keyindex import KEYS_NOW
from onrecord.statements.relate import Relation, is_truncation, relate, word_diff
from onrecord.statements.runs import key_of
from onrecord.statements.words import quoted_words, shingles

_COLUMNS = ("s.id, s.text, s.kind, s.speaker_id, sp.name AS speaker, s.altered, s.n_quotes, "
            "s.n_articles, s.n_outlets, s.first_article, s.first_published")


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def list_statements(con: duckdb.DuckDBPyConnection, *, speaker_ids: list[int] | None = None,
                    contains: str | None = None, min_outlets: int = 0, altered: bool = False,
                    since: str | None = None, until: str | None = None, limit: int = 100,
                    offset: int = 0) -> list[dict[str, Any]]:
    """Statements, most widely carried first (then earliest); filters combine with AND;
    `since`/`until` bound the first sighting's date."""
    where: list[str] = ["s.n_outlets >= ?"]
    params: list[Any] = [min_outlets]
    if speaker_ids is not None:
        where.append("s.speaker_id IN (SELECT unnest(?))")
        params.append(speaker_ids)
    if contains:
        where.append("s.text ILIKE ? ESCAPE '\\'")
        params.append(f"%{like_escape(contains)}%")
    if altered:
        where.append("s.altered")
    between(where, params, "s.first_published", since, until)
    sql = (f"SELECT {_COLUMNS} FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id "
           f"WHERE {' AND '.join(where)} ORDER BY s.n_articles DESC, s.n_outlets DESC, "
           "s.first_published NULLS LAST, s.seq LIMIT ? OFFSET ?")
    return _dicts(con.execute(sql, [*params, limit, offset]))


def resolve(con: duckdb.DuckDBPyConnection, sid: str) -> str:
    """The id a statement has now (an id merged into another one leads to it)."""
    row = con.execute("SELECT statement_id FROM statement_aliases WHERE alias = ?",
                      [sid]).fetchone()
    return str(row[0]) if row else sid


def get_statement(con: duckdb.DuckDBPyConnection, sid: str) -> dict[str, Any] | None:
    """One statement: its fields, every sighting (earliest article date first, undated last)
    and the variants whose words differ from its text, each with a word diff."""
    sid = resolve(con, sid)
    rows = _dicts(con.execute(
        f"SELECT {_COLUMNS} FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id "
        "WHERE s.id = ?", [sid]))
    if not rows:
        return None
    st = rows[0]
    sightings = _dicts(con.execute(
        "SELECT m.article_id, m.idx, q.kind, q.text, q.start, q.end, q.speaker_id, "
        "q.speaker_name, a.source_id, a.outlet, a.url, a.published, a.title "
        "FROM statement_members m JOIN quotes q ON q.article_id = m.article_id AND q.idx = m.idx "
        "JOIN articles a ON a.id = m.article_id WHERE m.statement_id = ? "
        "ORDER BY a.published IS NULL, a.published, m.seen", [sid]))
    records = sightings_of(con, sorted({r["article_id"] for r in sightings}))
    for r in sightings:  # every input record the article was read as (caller id, outlet...)
        r["records"] = records.get(r["article_id"], [])
    words = quoted_words(st["kind"], st["text"])
    agree = sum(r["speaker_id"] == st["speaker_id"] for r in sightings
                if st["speaker_id"] is not None)
    st["speaker_confidence"] = round(agree / len(sightings), 3) if sightings else 0.0
    st["first_seen"] = sightings[0] if sightings else None
    st["sightings"] = sightings
    st["variants"] = []
    for r in sightings:
        ws = quoted_words(r["kind"], r["text"])
        if ws != words:
            st["variants"].append({
                "article_id": r["article_id"], "idx": r["idx"], "text": r["text"],
                "truncation": is_truncation(ws, words),
                "diff": [asdict(e) for e in word_diff(words, ws)]})
    return st


def trace(con: duckdb.DuckDBPyConnection, text: str) -> dict[str, Any] | None:
    """The statement some quoted words belong to: the same words first, then a statement they
    cut or extend, then a near-variant; the most widely carried among equals."""
    ws = quoted_words("direct", text)
    keys = [key_of(r) for r in shingles(ws)]
    if not keys:
        return None
    found = con.execute(
        "SELECT DISTINCT sid, f.words, n FROM (SELECT s.id AS sid, unnest(s.forms) AS f, "
        f"s.n_articles AS n FROM {KEYS_NOW} k JOIN statements s ON s.id = k.statement_id "
        "WHERE k.key IN (SELECT unnest(?)))", [keys]).fetchall()
    rank = {Relation.SAME: 0, Relation.PART: 1, Relation.WHOLE: 1, Relation.VARIANT: 2}
    best: tuple[int, int, str] | None = None
    for sid, form, n in found:
        rel = relate(ws, tuple(form.split()))
        if rel is Relation.NONE:
            continue
        cand = (rank[rel], -n, sid)
        if best is None or cand < best:
            best = cand
    return get_statement(con, best[2]) if best else None


def statement_ids(con: duckdb.DuckDBPyConnection,
                  article_ids: list[str]) -> dict[tuple[str, int], str]:
    """The statement of each quote of these articles, keyed by (article id, quote start)."""
    if not article_ids:
        return {}
    rows = con.execute(
        "SELECT m.article_id, q.start, m.statement_id FROM statement_members m "
        "JOIN quotes q ON q.article_id = m.article_id AND q.idx = m.idx "
        "WHERE m.article_id IN (SELECT unnest(?))", [article_ids]).fetchall()
    return {(a, start): sid for a, start, sid in rows}
