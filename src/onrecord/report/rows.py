"""The quotes a diversity report counts, read from a store: one row per quote of a canonical
article (near-duplicate copies count once), with its speaker's gender, source kind and role
as the article's record gives them (`articles.record`: nothing is added to the store)."""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

import duckdb

from onrecord.corpus.lookup import between
from onrecord.errors import BadArgument
from onrecord.speakers.roles import describe

NONE = "(none)"        # a topic or outlet the input did not give
UNDATED = "(undated)"  # an article with no date


class By(StrEnum):
    """What a report breaks its counts down by."""

    OUTLET = "outlet"
    MONTH = "month"
    TOPIC = "topic"


@dataclass(frozen=True, slots=True)
class Filters:
    """Which articles a report reads: published from `since` to `until` (YYYY[-MM[-DD]]),
    from any of `outlets` (substrings, case-insensitive)."""

    since: str | None = None
    until: str | None = None
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Row:
    """One counted quote: where it appeared and who it is attributed to."""

    unit: str              # what counts once: the quote, or its statement with --count statements
    article: str
    outlet: str
    month: str
    topic: str
    source: str | None     # the cross-article speaker (its id), None when no source is given
    name: str | None
    gender: str | None     # female | male | None (unknown) for a person
    kind: str | None       # a SourceKind value; None when the quote has no source
    role: str | None
    words: int

    def group(self, by: By) -> str:
        return {By.OUTLET: self.outlet, By.MONTH: self.month, By.TOPIC: self.topic}[by]


def topic_of(meta: dict[str, Any], url: str | None) -> str:
    """The input's own topic, section or category; else the first segment of the URL's path
    (bbc.co.uk/news/business-123 → news); else (none)."""
    for key in ("topic", "section", "category"):
        v = meta.get(key)
        if isinstance(v, str) and v.strip():
            return v.strip().lower()
    if url:
        parts = [p for p in urlsplit(url).path.split("/") if p]
        if len(parts) >= 2 and not parts[0].isdigit():
            return parts[0].lower()
    return NONE


def _articles(con: duckdb.DuckDBPyConnection, f: Filters) -> list[tuple[Any, ...]]:
    where = ["a.id NOT IN (SELECT article_id FROM duplicates)"]
    params: list[Any] = []
    between(where, params, "a.published", f.since, f.until)
    if f.outlets:
        where.append("(" + " OR ".join(["a.outlet ILIKE ?"] * len(f.outlets)) + ")")
        params += [f"%{o}%" for o in f.outlets]
    sql = ("SELECT a.id, a.outlet, a.published, a.url, a.record->'meta', a.record->'entities' "
           f"FROM articles a WHERE {' AND '.join(where)}")
    return con.execute(sql, params).fetchall()


def _statements(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int], str]:
    try:
        got = con.execute("SELECT article_id, idx, statement_id FROM statement_members").fetchall()
    except duckdb.CatalogException:  # a store written before statements
        return {}
    return {(a, i): s for a, i, s in got}


def read_rows(con: duckdb.DuckDBPyConnection, filters: Filters | None = None, *,
              count: str = "quotes") -> tuple[list[Row], int]:
    """The report's rows and the number of articles they come from; `count` is quotes (each
    quote once) or statements (the same words in many articles once: `onrecord statements`)."""
    if count not in ("quotes", "statements"):
        raise BadArgument(f"--count must be quotes or statements, not {count!r}")
    filters = filters or Filters()
    arts = {}
    for aid, outlet, published, url, meta, ents in _articles(con, filters):
        meta = json.loads(meta) if meta else {}
        arts[aid] = (outlet or NONE, (published or "")[:7] or UNDATED, topic_of(meta, url),
                     {e["id"]: e for e in json.loads(ents or "[]")})
    statements = _statements(con) if count == "statements" else {}
    quotes = con.execute(
        "SELECT q.article_id, q.idx, q.speaker_id, q.speaker_name, q.speaker_ref, q.text "
        "FROM quotes q WHERE q.article_id NOT IN (SELECT article_id FROM duplicates)"
    ).fetchall()
    rows = []
    for aid, idx, sid, sname, ref, text in quotes:
        art = arts.get(aid)
        if art is None:
            continue
        outlet, month, topic, ents = art
        unit = statements.get((aid, idx)) or f"{aid}#{idx}"
        rows.append(_row(unit, aid, outlet, month, topic, sid, sname, ents.get(ref), text))
    return rows, len(arts)


def _row(unit: str, aid: str, outlet: str, month: str, topic: str, sid: int | None,
         sname: str | None, ent: dict[str, Any] | None, text: str) -> Row:
    words = len(text.split())
    if sname is None:
        return Row(unit, aid, outlet, month, topic, None, None, None, None, None, words)
    gender = ent.get("gender") if ent else None
    kind: str | None = ent.get("source_kind") if ent else None
    role: str | None = ent.get("role") if ent else None
    if kind is None:  # no entity ("He said" with no man before it), or an older record
        k, r = describe(ent["kind"], ent["name"], ent.get("titles") or ()) if ent else \
            describe("source", sname, ())
        kind, role = k.value, r.value if r else None
    source = str(sid) if sid is not None else f"{aid}:{sname}"
    return Row(unit, aid, outlet, month, topic, source, sname, gender, kind, role, words)


def outlets_arg(values: Sequence[str] | None) -> tuple[str, ...]:
    """--outlet given once or more, or comma-separated."""
    return tuple(v.strip() for vs in (values or ()) for v in vs.split(",") if v.strip())
