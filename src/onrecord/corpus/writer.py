"""The store's writer: one batch of items and sightings into DuckDB in one transaction, with
its lookups (seen keys, near-duplicate candidates, speakers) served by the lookup index."""
from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import duckdb
import pyarrow as pa

from onrecord.corpus.index import IndexSpeakers, LookupIndex, new_uid
from onrecord.corpus.memory import MemoryLimit
from onrecord.corpus.neardup import BatchGroups
from onrecord.corpus.respeak import moves, respeak
from onrecord.corpus.rows import article_rows
from onrecord.corpus.sightings import Sighting
from onrecord.corpus.speakers import SpeakerRegistry, lookup_keys
from onrecord.corpus.tables import SCHEMAS, Item, WriteResult
from onrecord.corpus.timing import Laps
from onrecord.errors import WriterStopped
from onrecord.model import Article, Failure
from onrecord.spelling import fold_words
from onrecord.statements import backfill
from onrecord.statements import table as statements_table
from onrecord.statements.runs import QuoteRuns

MEMORY_KEY = "writer_memory"  # the lookup index's record of the limit this store's writer reached


class Writer:
    """Writes batches into an open DuckDB store (the one writer process holds it)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str | os.PathLike[str]) -> None:
        self.con = con
        meta = dict(con.execute("SELECT key, value FROM store_meta").fetchall())
        self.uid = meta.get("store_uid") or new_uid()
        self.batch = int(meta.get("batch") or 0)
        if "store_uid" not in meta:
            con.execute("INSERT OR REPLACE INTO store_meta VALUES ('store_uid', ?)", [self.uid])
        self.index = LookupIndex(path)
        reached = self.index.meta(MEMORY_KEY)
        self.memory = MemoryLimit.from_env(int(reached) if reached else None)
        self.memory.apply(con)
        self.synced = self.index.sync(con, self.uid, self.batch)
        self.next_speaker = self.index.max_speaker() + 1
        self.pending = False
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="onrecord-index")
        self._indexing: Future[None] | None = None  # the current batch's index write
        self.refiled = self.rebuild_statements() if backfill.missing(con) else None
        # pyarrow imports pandas (when installed) the first time it converts Python objects:
        # about a second, paid here at open rather than inside the first batch's transaction
        pa.array([0])

    def close(self) -> None:
        self._thread.shutdown()
        self.index.close()

    def _join_index(self) -> None:
        """Wait for the batch's index rows to be committed (raises what the write raised)."""
        job, self._indexing = self._indexing, None
        if job is not None:
            job.result()

    def stored(self, keys: list[str]) -> set[str]:
        """Which of these keys are stored (as articles or errors)."""
        return self.index.stored(keys)

    def clear_errors(self) -> int:
        """Forget stored errors so their records are tried again; returns how many."""
        row = self.con.execute("SELECT count(*) FROM errors").fetchone()
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute("DELETE FROM errors")
        self._bump(self.batch + 1)
        self.con.execute("COMMIT")
        self.batch += 1
        # an index left with the errors (kill -9 here) is behind the store: rebuilt on open
        self.index.clear_errors(self.batch)
        return int(row[0]) if row else 0

    def rebuild_statements(self) -> int:
        """File every stored quote under statements again, from empty tables (a store written
        before statements, or missing some); one transaction per chunk, like batches, so a
        kill leaves whole chunks and the next open starts again. Returns quotes filed."""
        self.con.execute("BEGIN TRANSACTION")
        backfill.clear(self.con)  # the store first: a kill now leaves quotes to file again
        self._bump(self.batch + 1)
        self.con.execute("COMMIT")
        self.batch += 1
        self.index.clear_statement_keys(self.batch)
        filed = 0
        for quotes, articles in backfill.chunks(self.con):
            with _no_cycle_collection():  # per chunk, like a batch
                filed += self._refile(quotes, articles)
        return filed

    def _refile(self, quotes: list[dict[str, Any]], articles: list[dict[str, Any]]) -> int:
        """One chunk of `rebuild_statements` in a batch of its own; quotes filed."""
        batch = self.batch + 1
        self.index.write(batch, keys=[], sigs=[], regroup=[], speakers=[])
        self.con.execute("BEGIN TRANSACTION")
        try:
            filed = statements_table.update(self.con, quotes, articles,
                                            index=self.index.statement_keys, batch=batch)
            self._bump(batch)
            self.con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                self.con.execute("ROLLBACK")
            self.index.undo(self.con, self.batch)
            raise
        self.batch = batch
        return filed

    def _bump(self, batch: int) -> None:
        self.con.execute("INSERT OR REPLACE INTO store_meta VALUES ('batch', ?)", [str(batch)])

    def write(self, items: list[Item], sightings: list[Sighting]) -> WriteResult:
        """Items and sightings in one transaction; on any failure nothing of them is kept."""
        self.pending = False
        try:
            with _no_cycle_collection():
                return self._write(items, sightings)
        except duckdb.FatalException as e:  # the connection is gone: the next open recovers
            why = str(e).strip().splitlines()[0]
            now, then = self.memory.text(), self.memory.after_stop()
            with contextlib.suppress(Exception):  # the next run starts with more memory
                self.index.set_meta(MEMORY_KEY, str(then))
            more = (f"the next run gives DuckDB {then // 2**20}MB (it had {now})"
                    if then > self.memory.limit else
                    f"if it ran out of memory, give the writer more (ONRECORD_WRITER_MEMORY, "
                    f"now {now})")
            raise WriterStopped(
                f"DuckDB stopped writing the store ({why}); every committed batch is kept: run "
                f"again to resume; {more}") from e
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                self.con.execute("ROLLBACK")
            with contextlib.suppress(BaseException):  # the index's thread ends before undo
                self._join_index()
            self.index.rollback()  # a batch that failed before its thread took over
            if self.pending:  # the index took the batch the store did not
                self.index.undo(self.con, self.batch)
                self.pending = False
            self.next_speaker = self.index.max_speaker() + 1
            raise

    def _write(self, items: list[Item], sightings: list[Sighting]) -> WriteResult:
        lap = Laps()
        done = self.stored([it.key for it in items])
        source = IndexSpeakers(self.index)
        registry = SpeakerRegistry(source=source, next_id=self.next_speaker)
        groups = BatchGroups(self.index)
        fresh = [it for it in items if it.key not in done and isinstance(it.result, Article)]
        _prefetch_speakers(source, fresh)
        groups.prefetch([it.sig for it in fresh])
        lap("lookups")
        out = WriteResult()
        tables: dict[str, list[dict[str, Any]]] = {k: [] for k in SCHEMAS if k != "speakers"}
        merges: list[tuple[int, int]] = []
        new_keys: dict[str, bool] = {}  # key -> is an error
        runs: dict[tuple[str, int], QuoteRuns] = {}  # the workers' word runs of new quotes
        for it in items:
            if it.key in done or it.key in new_keys:
                out.skipped += 1
                continue
            if isinstance(it.result, Failure):
                tables["errors"].append({"id": it.key, "source_id": _str(it.result.id),
                                         "source": it.source, "error": it.result.error})
                new_keys[it.key] = True
                out.errors += 1
                continue
            try:
                rows = article_rows(it.key, it.result, source=it.source, sig=it.sig,
                                    registry=registry, record=it.record)
            except (TypeError, ValueError, AttributeError) as e:  # a malformed record
                tables["errors"].append({
                    "id": it.key, "source_id": _str(it.result.id), "source": it.source,
                    "error": f"could not store article: {type(e).__name__}: {e}"})
                new_keys[it.key] = True
                out.errors += 1
                continue
            new_keys[it.key] = False
            if it.runs is not None and len(it.runs) == len(rows.quotes):
                runs.update(((it.key, i), r) for i, r in enumerate(it.runs))
            tables["articles"].append(rows.article)
            tables["quotes"] += rows.quotes
            tables["mentions"] += rows.mentions
            tables["repairs"] += rows.repairs
            merges += rows.merges
            out.articles += 1
            out.quotes += len(rows.quotes)
            group = groups.assign(it.key, it.sig)
            if group is not None:
                tables["duplicates"].append({"article_id": it.key,
                                             "canonical_id": group.canonical,
                                             "similarity": round(group.similarity, 4)})
                out.duplicates += 1
                for old, sim in group.merged:  # this article bridged two groups
                    tables["duplicates"].append({"article_id": old,
                                                 "canonical_id": group.canonical,
                                                 "similarity": round(sim, 4)})
                    out.duplicates += 1
        tables["sightings"] = [s.row() for s in {s.id: s for s in sightings}.values()]
        speakers = registry.take_dirty()
        lap("rows")
        batch = self.batch + 1
        # the index first: a crash before the store's COMMIT leaves index rows of a batch the
        # store never had, which the next open undoes. The big part (band keys, quote words)
        # and the commit run on a thread of their own while this one inserts into DuckDB and
        # files statements (SQLite and DuckDB release the GIL while they work); nothing here
        # uses the index's main connection until that thread is joined.
        self.pending = True
        rest = self.index.begin(
            batch, keys=list(new_keys.items()), sigs=groups.sigs, regroup=groups.regroup,
            speakers=[(s.id, s.kind, s.key, s.merged_into, s.name, s.titles, s.aliases)
                      for s in speakers],
            quotes=self._quote_text(tables))
        self._indexing = self._thread.submit(self.index.finish, rest)
        lap("index_write")
        self.con.execute("BEGIN TRANSACTION")
        for name, rows_ in tables.items():
            n = self._insert(name, rows_)
            if name == "sightings":
                out.sightings += n
        if speakers:
            ids = ",".join(str(int(s.id)) for s in speakers)
            self.con.execute(f"DELETE FROM speakers WHERE id IN ({ids})")
            self._insert("speakers", [
                {"id": s.id, "name": s.name, "key": s.key, "kind": s.kind,
                 "titles": s.titles, "aliases": s.aliases, "merged_into": s.merged_into,
                 "forms": sorted({s.key, *(fold_words(a) for a in s.aliases)} - {""})}
                for s in speakers])
        lap("inserts")
        moved = moves(merges)
        for t in ("quotes", "mentions"):
            respeak(self.con, t, moved)
        for old_canon, canon in groups.regroup:
            self.con.execute("UPDATE duplicates SET canonical_id = ? WHERE canonical_id = ?",
                             [canon, old_canon])
        lap("merges")
        statements_table.update(self.con, tables["quotes"], tables["articles"], merges,
                                index=self.index.statement_keys, batch=batch,
                                meta=[("batch", str(batch))],  # the batch number with them
                                runs=runs, before_keys=self._join_index)
        lap("statements")
        self._join_index()  # (a batch without quotes has no statement keys to wait for)
        self.con.execute("COMMIT")
        lap("commit")
        self.batch, self.pending = batch, False
        self.next_speaker = registry.next_id
        if self.memory.grow(self.con):
            self.index.set_meta(MEMORY_KEY, str(self.memory.limit))
        return out

    def _quote_text(self, tables: dict[str, list[dict[str, Any]]]
                    ) -> list[tuple[str, int, str, str | None, int]]:
        """The batch's quotes as the word index keeps them: article id, idx, text, sort key
        (the quote's date, else its article's) and the rowid each will have in `quotes`
        (appended in this order to a table nothing deletes from; readers check it)."""
        row = self.con.execute("SELECT count(*) FROM quotes").fetchone()
        base = int(row[0]) if row else 0
        published = {a["id"]: a["published"] for a in tables["articles"]}
        return [(q["article_id"], q["idx"], q["text"] or "",
                 q["date"] if q["date"] is not None else published.get(q["article_id"]),
                 base + i) for i, q in enumerate(tables["quotes"])]

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> int:
        """Insert rows into `table`; returns how many were new."""
        if not rows:
            return 0
        data = pa.Table.from_pylist(rows, schema=SCHEMAS[table])
        self.con.register("_onrecord_rows", data)
        verb = "INSERT OR IGNORE" if table == "sightings" else "INSERT"
        try:
            got = self.con.execute(
                f"{verb} INTO {table} BY NAME SELECT * FROM _onrecord_rows").fetchone()
            return int(got[0]) if got else len(rows)
        finally:
            self.con.unregister("_onrecord_rows")


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector for one batch: the batch's rows and statements are
    many objects that live until its end (reference counting frees them, they form no
    cycles), and each collection they trigger walks every object the process holds."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _prefetch_speakers(source: IndexSpeakers, items: list[Item]) -> None:
    """Look up every speaker name the batch's articles may resolve, in a few queries."""
    keys: set[tuple[str, str]] = set()
    surnames: set[str] = set()
    for it in items:
        art = it.result
        assert isinstance(art, Article)
        try:
            names = [(e.name, e.kind) for e in art.entities] + \
                [(q.speaker.name, "person") for q in art.quotes if q.speaker and q.speaker.name]
        except AttributeError:  # a malformed record: article_rows reports it
            continue
        for name, kind in names:
            if not isinstance(name, str):
                continue
            key, surname = lookup_keys(name, kind if isinstance(kind, str) else "source")
            if key is not None:
                keys.add(key)
            if surname is not None:
                surnames.add(surname)
                keys.add(("person", surname))
    source.prefetch(keys, surnames)


def _str(v: object) -> str | None:
    return None if v is None else str(v)
