"""The statements tables of a store, updated inside each batch's transaction: a batch's quotes
are filed under the statements their words repeat, found through an indexed word-run table."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from onrecord.corpus.respeak import moves, reassign, respeak
from onrecord.corpus.timing import Laps
from onrecord.statements.group import Grouper, Member, Statement
from onrecord.statements.keyindex import KEYS_NOW, KeyIndex
from onrecord.statements.relate import Relation, relate
from onrecord.statements.runs import QuoteRuns, quote_runs, stored_keys

DDL = """
CREATE TABLE IF NOT EXISTS statements (
    id VARCHAR,                 -- stable: from the first quote that made it
    family VARCHAR,             -- quoted (direct and mixed speech) | reported (indirect)
    kind VARCHAR,               -- direct | mixed | indirect (direct when any copy is)
    speaker_id INTEGER,         -- speakers.id pooled over the copies, null when none names one
    text VARCHAR,               -- the faithful form
    seq BIGINT,                 -- creation order (the older keeps its id when two merge)
    altered BOOLEAN,            -- some copy changes a word (not only cuts)
    n_quotes INTEGER,
    n_articles INTEGER,
    n_outlets INTEGER,
    first_article VARCHAR,      -- the copy with the earliest article date (undated ones last)
    first_published VARCHAR,
    forms STRUCT(words VARCHAR, text VARCHAR, n INTEGER)[],  -- each wording, its first text
                                -- and how many copies use it
    outlets VARCHAR[],          -- the copies' distinct outlets (n_outlets of them), sorted
    first_seen BIGINT           -- first_article's member's `seen` (ties of date: input order)
);
CREATE TABLE IF NOT EXISTS statement_members (
    statement_id VARCHAR, article_id VARCHAR, idx INTEGER, seen BIGINT);
CREATE TABLE IF NOT EXISTS statement_keys (family VARCHAR, key BIGINT, statement_id VARCHAR);
CREATE TABLE IF NOT EXISTS statement_aliases (alias VARCHAR, statement_id VARCHAR);
CREATE INDEX IF NOT EXISTS statements_id ON statements (id);
CREATE INDEX IF NOT EXISTS statement_aliases_alias ON statement_aliases (alias);
"""


def ensure(con: duckdb.DuckDBPyConnection) -> None:
    """Create the statements tables and indexes when the store has none yet, and bring an
    older store's to this layout: the indexes no lookup of the writer's uses are dropped
    (statement_keys' two, members by article and by statement), and a store that kept its
    wordings in a table of their own (statement_forms) gets them in the statements' rows by
    filing every quote again (its members are emptied: the writer's open refiles them)."""
    old = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = "
                      "'statement_forms' AND schema_name = current_schema()").fetchone()
    if old and old[0]:  # (DuckDB alters no table an index depends on: made again, empty)
        con.execute("BEGIN TRANSACTION")
        con.execute("DROP INDEX IF EXISTS statements_id; DROP INDEX IF EXISTS "
                    "statement_forms_sid; DROP TABLE statements; DROP TABLE statement_forms")
        con.execute("DELETE FROM statement_members")  # backfill.missing: refiled on open
        con.execute(DDL)
        con.execute("COMMIT")
    con.execute(DDL)
    con.execute("DROP INDEX IF EXISTS statement_keys_key; "
                "DROP INDEX IF EXISTS statement_keys_sid; "
                "DROP INDEX IF EXISTS statement_members_quote; "
                "DROP INDEX IF EXISTS statement_members_sid")


class BatchCandidates:
    """The word-run index for one batch: what the store holds for the batch's runs, plus what
    the batch adds. Runs come as their 64-bit keys (`key_of`), computed once per quote."""

    def __init__(self, known: dict[tuple[str, int], set[str]]) -> None:
        # one dict per family: no (family, key) tuple is built or hashed per lookup
        self._index: defaultdict[str, dict[Any, set[str]]] = defaultdict(dict)
        for (family, k), sids in known.items():
            self._index[family][k] = sids
        # (family, statement id) -> the keys this batch filed it under that it lacked
        # (statements merged away folded in)
        self.added: dict[tuple[str, str], list[Any]] = {}

    def find(self, family: str, keys: Iterable[Hashable]) -> set[str]:
        found: set[str] = set()
        index = self._index.get(family)
        if not index:
            return found
        for k in keys:
            got = index.get(k)
            if got:
                found |= got
        return found

    def add(self, family: str, sid: str, keys: Iterable[Hashable]) -> None:
        index = self._index[family]
        new = []
        for k in keys:
            sids = index.get(k)
            if sids is None:
                index[k] = {sid}
            elif sid in sids:
                continue
            else:
                sids.add(sid)
            new.append(k)
        if new:
            self.added.setdefault((family, sid), []).extend(new)

    def move(self, old: str, new: str) -> None:
        for index in self._index.values():
            for sids in index.values():
                if old in sids:
                    sids.discard(old)
                    sids.add(new)
        for family in list(self._index):
            keys = self.added.pop((family, old), None)
            if keys is not None:
                self.added.setdefault((family, new), []).extend(keys)


def _insert(con: duckdb.DuckDBPyConnection, table: str, names: Sequence[str],
            rows: Sequence[tuple[Any, ...]]) -> None:
    """Append rows (tuples in the table's column order) in one statement."""
    if not rows:
        return
    data = pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)})
    con.register("_onrecord_statement_rows", data)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _onrecord_statement_rows")
    finally:
        con.unregister("_onrecord_statement_rows")


def _meta(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """The statements' counters in store_meta: quotes filed so far, statements made so far."""
    got = dict(con.execute("SELECT key, value FROM store_meta WHERE key IN "
                           "('statements_seen', 'statements_seq')").fetchall())
    return int(got.get("statements_seen") or 0), int(got.get("statements_seq") or 0)


def _set_meta(con: duckdb.DuckDBPyConnection, rows: Sequence[tuple[str, str]]) -> None:
    """Set store_meta keys in one statement (each statement costs milliseconds here)."""
    if rows:
        con.execute("INSERT OR REPLACE INTO store_meta VALUES "
                    + ", ".join(["(?, ?)"] * len(rows)), [v for r in rows for v in r])


@dataclass(frozen=True)
class Counts:
    """What a statement's row says of its members: quotes, articles, distinct outlets, and the
    first copy (earliest article date, undated last, then input order)."""

    quotes: int
    articles: int
    outlets: tuple[str, ...]
    first_article: str | None
    first_published: str | None
    first_seen: int

    @classmethod
    def of(cls, rows: Sequence[tuple[str, int, str | None, str | None]]) -> Counts:
        """From members as (article id, seen, published, outlet)."""
        first = min(rows, key=lambda r: (r[2] is None, r[2] or "", r[1]))
        return cls(len(rows), len({r[0] for r in rows}),
                   tuple(sorted({r[3] for r in rows if r[3] is not None})), first[0], first[2],
                   first[1])

    def plus(self, rows: Sequence[tuple[str, int, str | None, str | None]]) -> Counts:
        """These counts with more members, from articles none of the counted ones is in (a
        batch's articles are new to the store; a refile's chunks hold whole articles)."""
        if not rows:
            return self
        new = Counts.of(rows)
        mine = (self.first_published is None, self.first_published or "", self.first_seen)
        theirs = (new.first_published is None, new.first_published or "", new.first_seen)
        first = self if mine <= theirs else new
        return Counts(self.quotes + new.quotes, self.articles + new.articles,
                      tuple(sorted({*self.outlets, *new.outlets})), first.first_article,
                      first.first_published, first.first_seen)

    def row(self) -> tuple[Any, ...]:
        """n_quotes, n_articles, n_outlets, first_article, first_published."""
        return (self.quotes, self.articles, len(self.outlets), self.first_article,
                self.first_published)


def _load(con: duckdb.DuckDBPyConnection, sids: Sequence[str]
          ) -> tuple[dict[str, Statement], dict[str, Counts]]:
    """The statements with these ids, with their wordings (not their members), and their
    counts: one lookup by id in the statements' index."""
    if not sids:
        return {}, {}
    out: dict[str, Statement] = {}
    counts: dict[str, Counts] = {}
    for (sid, family, kind, speaker, text, seq, forms, n_quotes, n_articles, outlets,
         first_article, first_published, first_seen) in con.execute(
            "SELECT id, family, kind, speaker_id, text, seq, forms, n_quotes, n_articles, "
            "outlets, first_article, first_published, first_seen FROM statements "
            f"WHERE id {_ids_in(sids)}").fetchall():
        st = Statement(sid, family, None if speaker is None else str(speaker), (), text,
                       seq=seq, kind=kind)
        for f in forms or ():
            words = tuple(f["words"].split())
            st.forms[words] = f["text"]
            st.counts[words] = f["n"]
        st.settle()
        out[sid] = st
        counts[sid] = Counts(n_quotes, n_articles, tuple(outlets or ()), first_article,
                             first_published, first_seen)
    return out, counts


def _known(con: duckdb.DuckDBPyConnection,
           runs: set[tuple[str, int]]) -> dict[tuple[str, int], set[str]]:
    """The statements DuckDB's statement_keys files under each run (a scan of the table)."""
    known: dict[tuple[str, int], set[str]] = defaultdict(set)
    by_family: dict[str, list[int]] = defaultdict(list)
    for fam, k in runs:
        by_family[fam].append(k)
    for fam, ks in by_family.items():
        for k, sid in con.execute(f"SELECT key, statement_id FROM {KEYS_NOW} WHERE family = ? "
                                  "AND key IN (SELECT unnest(?))", [fam, ks]).fetchall():
            known[(fam, k)].add(sid)
    return known


def update(con: duckdb.DuckDBPyConnection, quotes: Sequence[dict[str, Any]],
           articles: Sequence[dict[str, Any]], merges: Sequence[tuple[int, int]] = (), *,
           index: KeyIndex | None = None, batch: int = 0,
           meta: Sequence[tuple[str, str]] = (),
           runs: Mapping[tuple[str, int], QuoteRuns] | None = None,
           before_keys: Callable[[], None] | None = None) -> int:
    """File a batch's quote rows (in input order) under their statements, inside the caller's
    transaction; `merges` are the batch's speaker merges (gone, kept). With `index` (the
    writer's lookup index) the candidates come from it and batch `batch`'s keys go to it too;
    without, from a scan of DuckDB's statement_keys. `meta` are the caller's store_meta rows,
    written with the statements' counters; `runs` the quotes' word runs by (article id, idx)
    when workers made them (the rest are made here); `before_keys` is called before the
    batch's keys go to `index` (the writer waits there for its other index rows). Returns
    quotes filed."""
    moved = moves(merges)  # the id each merged-away speaker's rows now have
    respeak(con, "statements", moved)

    def speaker(v: Any) -> str | None:
        v = moved.get(v, v)
        return None if v is None else str(v)

    arts = {a["id"]: a for a in articles}
    order = {aid: i for i, aid in enumerate(arts)}
    seen0, seq0 = _meta(con)
    members = []
    ranked = sorted(quotes, key=lambda q: (order.get(q["article_id"], 0), q["idx"]))
    for n, q in enumerate(ranked):
        a = arts.get(q["article_id"], {})
        members.append(Member(q["article_id"], q["idx"], q["kind"], q["text"],
                              speaker(q.get("speaker_id")), a.get("published"), seen0 + n,
                              outlet=a.get("outlet"), url=a.get("url"),
                              start=q["start"], end=q["end"]))
    if not members:
        _set_meta(con, meta)
        return 0
    lap = Laps()
    given = runs or {}
    prepared = [given.get((m.article_id, m.idx)) or quote_runs(m.kind, m.text)
                for m in members]
    wanted = {(m.family, k) for m, p in zip(members, prepared) for k in p.keys}
    known = index.find(wanted) if index is not None else _known(con, wanted)
    stored, counted = _load(con, sorted({s for v in known.values() for s in v}))
    lap("statements_find")
    cands = BatchCandidates(known)
    g = Grouper(cands, load=stored.get, seq=seq0)
    for m, p in zip(members, prepared):
        g.add(m, p.words, p.keys)
    lap("statements_group")
    rows = _write_back(con, g, cands, counted,
                       {(m.article_id, m.idx): p.stored for m, p in zip(members, prepared)})
    lap("statements_write")
    if index is not None:  # committed before the store's COMMIT: undone on open if that fails
        if before_keys is not None:
            before_keys()
        index.add(batch, rows, g.merged)
    lap("statements_index")
    _set_meta(con, [("statements_seen", str(seen0 + len(members))),
                    ("statements_seq", str(g.next_seq)), *meta])
    return len(members)


def _ids_in(ids: Sequence[str]) -> str:
    """`IN (...)` over literal ids: DuckDB answers a short literal list through the ART index
    (a lookup per value), a subquery or parameter list by scanning the table."""
    return "IN (" + ",".join("'" + i.replace("'", "''") + "'" for i in ids) + ")"


def _stored_members(con: duckdb.DuckDBPyConnection, sids: Sequence[str]
                    ) -> dict[str, list[tuple[str, int, str | None, str | None]]]:
    """Every member of these stored statements, with its article's date and outlet (a scan of
    the members, which have no index: only a merge of two stored statements asks)."""
    out: dict[str, list[tuple[str, int, str | None, str | None]]] = defaultdict(list)
    if not sids:
        return out
    members = con.execute("SELECT statement_id, article_id, seen FROM statement_members "
                          f"WHERE statement_id {_ids_in(sids)}").fetchall()
    arts = sorted({a for _, a, _ in members})
    about: dict[str, tuple[str | None, str | None]] = {}
    for i in range(0, len(arts), 200):
        about.update({a: (p, o) for a, p, o in con.execute(
            f"SELECT id, published, outlet FROM articles WHERE id {_ids_in(arts[i:i + 200])}"
        ).fetchall()})
    for sid, aid, seen in members:
        out[sid].append((aid, seen, *about.get(aid, (None, None))))
    return out


def _write_back(con: duckdb.DuckDBPyConnection, g: Grouper, cands: BatchCandidates,
                counted: dict[str, Counts], keys: Mapping[tuple[str, int], frozenset[int]]
                ) -> list[tuple[str, int, str]]:
    """Write what a batch changed: merged ids folded, members and keys added, each touched
    statement's row replaced. Returns the keys added (family, key, id).

    A statement's counts are its stored row's plus the batch's members (a statement made in
    this batch has only those); only when two stored statements merged, whose articles may
    overlap, are the members read back from the store (a scan: merges are rare)."""
    # members of merged-away stored statements (the batch's own have no rows yet): one UPDATE
    reassign(con, "statement_members", "statement_id", "VARCHAR",
             {old: new for old, new in moves(g.merged).items() if old in counted})
    for old, new in g.merged:
        con.execute("UPDATE statement_aliases SET statement_id = ? WHERE statement_id = ?",
                    [new, old]).fetchall()
        con.execute("INSERT INTO statement_aliases VALUES (?, ?)", [old, new]).fetchall()
    gone = [old for old, _ in g.merged]
    stale = sorted({sid for sid in [*g.statements, *gone] if sid in counted})
    if stale:
        con.execute(f"DELETE FROM statements WHERE id {_ids_in(stale)}").fetchall()
    final = {sid: g.get(sid).id for sid, _, _ in g.filed}  # type: ignore[union-attr]
    _insert(con, "statement_members", ("statement_id", "article_id", "idx", "seen"),
            [(final[sid], m.article_id, m.idx, m.order) for sid, m, _ in g.filed])
    keep = _kept_keys(g, keys)
    found: set[tuple[str, Any, str]] = set()  # (family, key, id as filed) worth storing
    now: dict[str, str] = {}  # id as filed -> the statement's id now
    for (f, sid), ks in cands.added.items():
        st = g.get(sid)
        stored_ = keep.get(st.id) if st is not None else None
        if st is not None and stored_:
            now[sid] = st.id
            found.update((f, k, sid) for k in ks if k in stored_)
    added = [(f, k, now[sid]) for f, k, sid in sorted(found)]
    _insert(con, "statement_keys", ("family", "key", "statement_id"), added)
    parts = {sid: [c for c in (sid, *st.aliases) if c in counted]
             for sid, st in g.statements.items()}
    prior = _stored_members(con, sorted(sid for sid, cs in parts.items() if len(cs) > 1))
    base = []
    for st in g.statements.values():
        mine = [(m.article_id, m.order, m.published, m.outlet) for m in st.members]
        cs = parts[st.id]
        counts = (Counts.of(prior[st.id]) if len(cs) > 1 else
                  counted[cs[0]].plus(mine) if cs else Counts.of(mine))
        base.append((st.id, st.family, _kind(st), None if st.speaker is None else int(st.speaker),
                     st.text, st.seq, any(relate(f, st.words) not in (Relation.SAME,
                                                                       Relation.PART)
                                          for f in st.forms), *counts.row(),
                     [{"words": " ".join(ws), "text": st.forms[ws], "n": n}
                      for ws, n in st.counts.items()], list(counts.outlets),
                     counts.first_seen))
    _insert(con, "statements", ("id", "family", "kind", "speaker_id", "text", "seq", "altered",
                                "n_quotes", "n_articles", "n_outlets", "first_article",
                                "first_published", "forms", "outlets", "first_seen"), base)
    return added


def _kept_keys(g: Grouper, keys: Mapping[tuple[str, int], frozenset[int]]
               ) -> dict[str, set[int]]:
    """The keys worth storing, by statement id: each filed quote's stored keys."""
    out: defaultdict[str, set[int]] = defaultdict(set)
    for sid, m, ws in g.filed:
        st = g.get(sid)
        if st is not None:
            got = keys.get((m.article_id, m.idx))
            out[st.id] |= stored_keys(ws) if got is None else got
    return out


def _kind(st: Statement) -> str:
    """Direct when any quote of a quoted statement is direct, else mixed; indirect apart."""
    if st.family == "reported":
        return "indirect"
    kinds = {m.kind for m in st.members} | ({st.kind} if st.kind else set())
    return "direct" if "direct" in kinds else "mixed"
