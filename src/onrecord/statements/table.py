"""The statements tables of a store, updated inside each batch's transaction: a batch's quotes
are filed under the statements their words repeat, found through an indexed word-run table."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from onrecord.corpus.respeak import moves, respeak
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
    first_published VARCHAR
);
CREATE TABLE IF NOT EXISTS statement_forms (
    statement_id VARCHAR, words VARCHAR, text VARCHAR, n INTEGER);
CREATE TABLE IF NOT EXISTS statement_members (
    statement_id VARCHAR, article_id VARCHAR, idx INTEGER, seen BIGINT);
CREATE TABLE IF NOT EXISTS statement_keys (family VARCHAR, key BIGINT, statement_id VARCHAR);
CREATE TABLE IF NOT EXISTS statement_aliases (alias VARCHAR, statement_id VARCHAR);
CREATE INDEX IF NOT EXISTS statements_id ON statements (id);
CREATE INDEX IF NOT EXISTS statement_forms_sid ON statement_forms (statement_id);
CREATE INDEX IF NOT EXISTS statement_members_sid ON statement_members (statement_id);
CREATE INDEX IF NOT EXISTS statement_aliases_alias ON statement_aliases (alias);
"""


def ensure(con: duckdb.DuckDBPyConnection) -> None:
    """Create the statements tables and indexes when the store has none yet (and drop the
    indexes an older store has that no lookup uses: statement_keys' two, and members by
    article, which readers join by hash)."""
    con.execute(DDL)
    con.execute("DROP INDEX IF EXISTS statement_keys_key; "
                "DROP INDEX IF EXISTS statement_keys_sid; "
                "DROP INDEX IF EXISTS statement_members_quote")


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


def _load(con: duckdb.DuckDBPyConnection, sids: Sequence[str]) -> dict[str, Statement]:
    """The statements with these ids, with their wordings (not their members)."""
    if not sids:
        return {}
    out: dict[str, Statement] = {}
    for sid, family, kind, speaker, text, seq in con.execute(
            f"SELECT id, family, kind, speaker_id, text, seq FROM statements "
            f"WHERE id {_ids_in(sids)}").fetchall():
        out[sid] = Statement(sid, family, None if speaker is None else str(speaker), (), text,
                             seq=seq, kind=kind)
    for sid, ws, text, n in con.execute(
            f"SELECT statement_id, words, text, n FROM statement_forms "
            f"WHERE statement_id {_ids_in(sids)}").fetchall():
        words = tuple(ws.split())
        out[sid].forms[words] = text
        out[sid].counts[words] = n
    for st in out.values():
        st.settle()
    return out


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
    stored = _load(con, sorted({s for v in known.values() for s in v}))
    lap("statements_find")
    cands = BatchCandidates(known)
    g = Grouper(cands, load=stored.get, seq=seq0)
    for m, p in zip(members, prepared):
        g.add(m, p.words, p.keys)
    lap("statements_group")
    rows = _write_back(con, g, cands, stored,
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


def _counts(rows: Sequence[tuple[str, int, str | None, str | None]]) -> tuple[Any, ...]:
    """A statement's counts from its members (article id, seen, published, outlet): quotes,
    articles, outlets, the first article (earliest date, undated last, then input order) and
    the earliest date."""
    first = min(rows, key=lambda r: (r[2] is None, r[2] or "", r[1]))
    dates = [r[2] for r in rows if r[2] is not None]
    return (len(rows), len({r[0] for r in rows}), len({r[3] for r in rows} - {None}), first[0],
            min(dates) if dates else None)


def _stored_members(con: duckdb.DuckDBPyConnection, sids: Sequence[str]
                    ) -> dict[str, list[tuple[str, int, str | None, str | None]]]:
    """Every member of these stored statements, with its article's date and outlet (lookups
    by id: their cost is the statements' size, not the store's)."""
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
                stored: dict[str, Statement], keys: Mapping[tuple[str, int], frozenset[int]]
                ) -> list[tuple[str, int, str]]:
    """Write what a batch changed: merged ids folded, members and keys added, each touched
    statement's row and wordings replaced. Returns the keys added (family, key, id).

    Only statements loaded from the store have rows there; a statement made in this batch has
    all its members in memory, so its counts are computed here, not by a join over the store."""
    for old, new in g.merged:
        if old in stored:  # a statement made in this batch has no rows yet
            con.execute("UPDATE statement_members SET statement_id = ? WHERE statement_id = ?",
                        [new, old]).fetchall()
        con.execute("UPDATE statement_aliases SET statement_id = ? WHERE statement_id = ?",
                    [new, old]).fetchall()
        con.execute("INSERT INTO statement_aliases VALUES (?, ?)", [old, new]).fetchall()
    gone = [old for old, _ in g.merged]
    stale = sorted({sid for sid in [*g.statements, *gone] if sid in stored})
    if stale:
        con.execute(f"DELETE FROM statements WHERE id {_ids_in(stale)}").fetchall()
        con.execute(f"DELETE FROM statement_forms WHERE statement_id {_ids_in(stale)}").fetchall()
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
    _insert(con, "statement_forms", ("statement_id", "words", "text", "n"),
            [(st.id, " ".join(ws), st.forms[ws], n)
             for st in g.statements.values() for ws, n in st.counts.items()])
    prior = _stored_members(con, sorted(sid for sid, st in g.statements.items()
                                        if sid in stored or set(st.aliases) & set(stored)))
    base = []
    for st in g.statements.values():
        members = prior.get(st.id) or [(m.article_id, m.order, m.published, m.outlet)
                                       for m in st.members]
        base.append((st.id, st.family, _kind(st), None if st.speaker is None else int(st.speaker),
                     st.text, st.seq, any(relate(f, st.words) not in (Relation.SAME,
                                                                       Relation.PART)
                                          for f in st.forms), *_counts(members)))
    _insert(con, "statements", ("id", "family", "kind", "speaker_id", "text", "seq", "altered",
                                "n_quotes", "n_articles", "n_outlets", "first_article",
                                "first_published"), base)
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
