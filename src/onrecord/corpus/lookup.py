"""Read-side SQL of the store: quote filters, speaker names, articles by any id they were sent as."""
from __future__ import annotations

import json
import re
from typing import Any

import duckdb

from onrecord.corpus import MAX_SPEAKER_ID
from onrecord.corpus.fulltext import terms
from onrecord.dates.values import normalize_date, until_bound
from onrecord.spelling import fold_words

# Quotes of canonical articles only: a copy's quotes are counted once, under its canonical.
CANONICAL = "q.article_id NOT IN (SELECT article_id FROM duplicates)"
# Each speaker's quotes (canonical articles only), articles and statements: a scan of quotes,
# kept in `speaker_counts` after each run (`Store.refresh_speaker_counts`).
SPEAKER_COUNTS = (
    "SELECT q.speaker_id, count(DISTINCT (q.article_id, q.idx)) AS quotes, "
    "count(DISTINCT q.article_id) AS articles, count(DISTINCT m.statement_id) AS statements "
    "FROM quotes q LEFT JOIN statement_members m ON m.article_id = q.article_id AND "
    f"m.idx = q.idx WHERE q.speaker_id IS NOT NULL AND {CANONICAL} GROUP BY 1")
# What a quote search returns (`{speaker}`: how the speaker's name is read) and its order.
QUOTE_COLUMNS = ("q.kind, q.text, {speaker} AS speaker, q.speaker_id, q.cue, q.addressee, "
                 "q.date, q.confidence, a.id AS article_id, a.title AS article_title, a.outlet, "
                 'a.published, q.start, q."end", a.url')
QUOTE_ORDER = "ORDER BY coalesce(q.date, a.published) DESC NULLS LAST, a.id, q.idx"
# Up to this many articles, a word search names them in a literal list (an ART lookup each).
LITERAL_IDS = 1000
# Columns of a sighting as the API, export and viewer show it.
SIGHTING_COLUMNS = "source_id, source, pos, url, outlet, published, read_at"


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """The rows of a query as dicts."""
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description or ()]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def between(where: list[str], params: list[Any], column: str, since: str | None,
            until: str | None) -> None:
    """Append the conditions bounding `column` by `--since`/`--until` (normalized; `until`
    covers its whole month or year) to a query's `where` and `params`."""
    since, until = normalize_date(since, "since"), until_bound(normalize_date(until, "until"))
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        where.append(f"{column} <= ?")
        params.append(until)


def like_escape(s: str) -> str:
    """`s` with LIKE's wildcards escaped (ESCAPE '\\')."""
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def article_ids(con: duckdb.DuckDBPyConnection, ident: str) -> list[str]:
    """The stored articles `ident` names: a content id, or a caller id any record was sent
    with (an id several records shared names each of their articles, first read first)."""
    found = [r[0] for r in con.execute(
        "SELECT article_id FROM sightings WHERE source_id = ? GROUP BY article_id "
        "ORDER BY min(read_at), min(source), min(pos), article_id", [ident]).fetchall()]
    out = []
    for aid in dict.fromkeys([ident, *found]):
        if con.execute("SELECT 1 FROM articles WHERE id = ?", [aid]).fetchone():
            out.append(aid)  # (a sighting may name an error record instead)
    return out


def speaker_ids(con: duckdb.DuckDBPyConnection, name: str) -> list[int]:
    """Live speakers whose name or a known form matches `name` (accents and case ignored);
    one word also matches a surname or first name, several words a part of the name."""
    digits = name.strip()
    if re.fullmatch(r"\d+", digits, re.ASCII):  # an id; a huge one names no one
        return [int(digits)] if len(digits) <= 10 and int(digits) <= MAX_SPEAKER_ID else []
    f = fold_words(name)
    if not f:
        return []
    one_word = " " not in f
    found = con.execute(
        "SELECT id FROM speakers WHERE merged_into IS NULL AND (list_contains(forms, ?) "
        "OR (? AND list_contains(string_split(key, ' '), ?)) OR (NOT ? AND contains(key, ?)))",
        [f, one_word, f, one_word, f]).fetchall()
    return [r[0] for r in found]


def quote_conditions(con: duckdb.DuckDBPyConnection, *, speaker: str | None,
                     contains: str | None, since: str | None, until: str | None,
                     outlet: str | None, include_copies: bool,
                     ident: str | None = None) -> tuple[list[str], list[Any]]:
    """The conditions (and their parameters, in order) of a quote search over `quotes q JOIN
    articles a`, all to hold.

    `ident` keeps the quotes of the articles that id names (a copy's too); `outlet` matches the
    article's outlet or that of any record it was sent as; `contains` is matched by a scan
    (the word index's hits are read by `wordsearch`)."""
    where: list[str] = [] if include_copies or ident else [CANONICAL]
    params: list[Any] = []
    if ident is not None:
        where.append("q.article_id IN (SELECT unnest(?::VARCHAR[]))")
        params.append(article_ids(con, ident))
    if speaker:
        ids = speaker_ids(con, speaker)
        where.append("q.speaker_id IN (SELECT unnest(?::INTEGER[]))")
        params.append(ids)
        # their articles first (a scan of one integer column), then by id
        found = con.execute("SELECT DISTINCT article_id FROM quotes WHERE speaker_id IN "
                            f"(SELECT unnest(?::INTEGER[])) LIMIT {LITERAL_IDS + 1}",
                            [ids]).fetchall()
        where += within(sorted(r[0] for r in found))
    if contains:
        for w in terms(contains):
            where.append("q.text ILIKE ? ESCAPE '\\'")
            params.append(f"%{like_escape(w)}%")
    between(where, params, "coalesce(q.date, a.published)", since, until)
    if outlet:
        where.append("(a.outlet ILIKE ? ESCAPE '\\' OR a.id IN (SELECT article_id FROM "
                     "sightings WHERE outlet ILIKE ? ESCAPE '\\'))")
        params += [f"%{like_escape(outlet)}%"] * 2
    return where, params


def where_clause(conds: list[str]) -> str:
    """` WHERE` and the conditions joined by AND, or nothing when there are none."""
    return (" WHERE " + " AND ".join(conds)) if conds else ""


def within(arts: list[str]) -> list[str]:
    """Conditions keeping the quotes of these articles: a literal list DuckDB reads through its
    ART index when short (a scan otherwise, so then nothing is added)."""
    if not arts:
        return ["FALSE"]
    if len(arts) > LITERAL_IDS:
        return []
    ids = ",".join("'" + a.replace("'", "''") + "'" for a in arts)
    return [f"a.id IN ({ids}) AND q.article_id IN ({ids})"]


def sightings_of(con: duckdb.DuckDBPyConnection,
                 ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Every input record each of these articles was read as, first read first."""
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    for r in rows(con, f"SELECT article_id, {SIGHTING_COLUMNS} FROM sightings WHERE article_id "
                       "IN (SELECT unnest(?::VARCHAR[])) ORDER BY read_at, source, pos, id",
                  [ids]):
        r["read_at"] = None if r["read_at"] is None else str(r["read_at"])
        out[r.pop("article_id")].append(r)
    return out


def article(con: duckdb.DuckDBPyConnection, ident: str) -> dict[str, Any] | None:
    """The stored Article.to_dict() named by a content id or a caller id, with source_id,
    canonical_id, copies and sightings (every input record it was read as)."""
    ids = article_ids(con, ident)
    if not ids:
        return None
    article_id = ids[0]
    row = con.execute(
        "SELECT a.record, a.text, a.source_id, a.source, a.title, a.outlet, a.url, "
        "d.canonical_id FROM articles a LEFT JOIN duplicates d ON d.article_id = a.id "
        "WHERE a.id = ?", [article_id]).fetchone()
    if row is None:
        return None
    record = json.loads(row[0])
    record["text"] = row[1]
    record["id"] = article_id
    canonical = row[7] or article_id
    group = con.execute(
        "SELECT article_id FROM duplicates WHERE canonical_id = ? ORDER BY article_id",
        [canonical]).fetchall()
    members = [canonical] + [g[0] for g in group]
    record.update({"source_id": row[2], "source": row[3], "title": row[4],
                   "outlet": row[5], "url": row[6], "canonical_id": row[7],
                   "copies": [m for m in members if m != article_id],
                   "sightings": sightings_of(con, [article_id])[article_id]})
    if len(ids) > 1:
        record["also_named"] = ids[1:]  # other articles sent under the same caller id
    return record
