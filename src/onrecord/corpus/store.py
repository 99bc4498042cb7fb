"""The corpus store: a DuckDB file of articles, quotes, speakers, mentions, repairs and errors."""
from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from onrecord.corpus import access, fulltext, lookup, wordsearch
from onrecord.corpus.dedup import signature
from onrecord.corpus.keys import result_key
from onrecord.corpus.sightings import Sighting, of_result
from onrecord.corpus.tables import Item, WriteResult, page
from onrecord.corpus.writer import Writer
from onrecord.errors import BadArgument, StoreBusy, StoreError, StoreVersionError
from onrecord.model import Article, Failure
from onrecord.statements import read as statements_read
from onrecord.statements import table as statements_table

SCHEMA_VERSION = "1"
# Articles written per transaction by Store.add.
ADD_BATCH = 64



def schema_sql() -> str:
    """The DDL of the store (schema.sql next to this module)."""
    return resources.files("onrecord.corpus").joinpath("schema.sql").read_text("utf-8")


class Store:
    """A DuckDB corpus store; one writer process at a time, read-only readers when it is idle."""

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False,
                 wait: float = access.READER_WAIT) -> None:
        """Open the store; a reader waits up to `wait` seconds for a running writer to let it
        in (between two batches), a writer up to `wait` for readers to finish."""
        self.path = Path(path)
        self.read_only = read_only
        self._lock: access.WriterLock | None = None
        self._note: access.ReaderNote | None = None
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path}: create it with `onrecord run INPUT "
                             f"--store {self.path}`")
        if not read_only:
            self._lock = access.WriterLock(self.path)
        try:
            self.con = self._connect(wait)
        except BaseException:
            self._release()
            raise
        self._w: Writer | None = None
        self._words: sqlite3.Connection | bool | None = False  # word index, opened when asked
        # the last word search's hits, by (words, committed batch): a page and its count
        # (the server's `total`) search once
        self._last_hits: tuple[tuple[str, int], list[fulltext.Hit] | None] | None = None
        try:
            self._check_version()
            if not read_only:
                self.con.execute(schema_sql())
                self.con.execute("INSERT OR REPLACE INTO store_meta VALUES "
                                 "('schema_version', ?)", [SCHEMA_VERSION])
                statements_table.ensure(self.con)
                self._backfill_sightings()
                self._w = Writer(self.con, self.path)
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                self.con.close()
            self._release()
            raise

    def _connect(self, wait: float) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, retried while another process holds the file."""
        end = access.deadline(wait)
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=self.read_only)
            except duckdb.IOException as e:
                if "lock" not in str(e).lower():
                    raise StoreError(f"cannot open store {self.path}: {e}") from e
                if self.read_only and self._note is None:
                    self._note = access.ReaderNote(self.path)  # ask the writer to let us in
                if time.monotonic() >= end:
                    raise self._busy(e, wait) from e
                time.sleep(access.POLL)

    def _busy(self, e: Exception, wait: float) -> StoreBusy:
        pid = re.search(r"PID (\d+)", str(e))
        who = f"process {pid.group(1)}" if pid else "another process"
        if self.read_only:
            return StoreBusy(
                f"store {self.path} is in use by {who}: an `onrecord run` writing to it lets "
                f"readers in after each batch, but did not within {wait:g} s (a slow batch, or "
                "a stopped run); try again in a moment, or read an export (`onrecord export`) "
                "of the store")
        return StoreBusy(
            f"store {self.path} is in use by {who} (a reader such as `onrecord serve` or "
            "`onrecord query`); wait for it to finish (run --wait), or use another --store")

    def let_readers_in(self) -> bool:
        """Between batches: if readers are waiting, close the file until they are done (the
        writer keeps its lock file, so no other writer gets in). Returns whether it did."""
        if self.read_only or not access.readers_waiting(self.path):
            return False
        self.con.close()
        end = access.deadline(access.WRITER_PATIENCE)
        while access.readers_waiting(self.path) and time.monotonic() < end:
            time.sleep(access.POLL)
        self.read_only = False
        self.con = self._connect(access.WRITER_PATIENCE)
        if self._w is not None:
            self._w.con = self.con
            self._w.memory.apply(self.con)
        return True

    def _release(self) -> None:
        if self._note is not None:
            self._note.close()
            self._note = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _backfill_sightings(self) -> None:
        """A store written before sightings existed: one sighting per article, from its row."""
        if self.con.execute("SELECT NOT EXISTS (SELECT 1 FROM sightings) AND EXISTS "
                            "(SELECT 1 FROM articles)").fetchone() == (True,):
            self.con.execute(
                "INSERT INTO sightings (id, article_id, source, pos, source_id, url, outlet, "
                "published, read_at) SELECT 'article:' || id, id, source, NULL, source_id, url, "
                "outlet, published, added_at FROM articles")

    def _check_version(self) -> None:
        """Refuse a store written with another schema version (a new store has none yet)."""
        try:
            row = self.con.execute(
                "SELECT value FROM store_meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            return
        if row is not None and str(row[0]) != str(SCHEMA_VERSION):
            self.con.close()
            raise StoreVersionError(
                f"store {self.path} has schema version {row[0]}; this onrecord reads version "
                f"{SCHEMA_VERSION}: build a new store with `onrecord run INPUT --store NEW`")

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        """Close the database (a checkpoint folds the write-ahead log into the file)."""
        if self._w is not None:
            self._w.close()
            self._w = None
        if isinstance(self._words, sqlite3.Connection):
            self._words.close()
        self._words = False
        if self.con is not None:
            self.con.close()
            self.con = None  # type: ignore[assignment]
        self._release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------
    def _writer(self) -> Writer:
        if self.read_only or self._w is None:
            raise StoreError(f"store {self.path} was opened read-only")
        return self._w

    def stored(self, keys: list[str]) -> set[str]:
        """Which of these keys are stored articles or errors (looked up, nothing loaded)."""
        return self._writer().stored(keys)

    def clear_errors(self) -> int:
        """Forget stored errors so their records are tried again; returns how many."""
        return self._writer().clear_errors()

    def rebuild_statements(self) -> int:
        """File every stored quote under statements again, from empty statements tables (the
        writer does this by itself on open when some quote is not filed); quotes filed."""
        return self._writer().rebuild_statements()

    def write(self, items: Iterable[Item], sightings: Iterable[Sighting] = ()) -> WriteResult:
        """Store items and sightings in one transaction: all of them or (on a crash) none.

        A sighting already stored (the same record read again) is left as it is."""
        return self._writer().write(list(items), list(sightings))

    def add(self, articles: Iterable[Article | Failure], *,
            source: str | None = None) -> WriteResult:
        """Store already extracted articles (keyed on their text); returns what was new."""
        total = WriteResult()
        batch: list[Item] = []
        seen: list[Sighting] = []
        for pos, a in enumerate(articles):
            sig = signature(a.text) if isinstance(a, Article) else None
            key = result_key(a, source)
            batch.append(Item(key=key, result=a, source=source, sig=sig))
            seen.append(of_result(key, a, source, pos))
            if len(batch) >= ADD_BATCH:
                total += self.write(batch, seen)
                batch, seen = [], []
        if batch:
            total += self.write(batch, seen)
        return total

    # -- reading ---------------------------------------------------------------------------
    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        return lookup.rows(self.con, sql, params)

    def speaker_ids(self, name: str) -> list[int]:
        """Live speakers matching `name`, as `query --speaker` finds them."""
        return lookup.speaker_ids(self.con, name)

    def _speaker_ids(self, name: str) -> list[int]:
        return lookup.speaker_ids(self.con, name)

    def article_ids(self, ident: str) -> list[str]:
        """The articles a content id or a caller id (of any record sent) names."""
        return lookup.article_ids(self.con, ident)

    def _word_hits(self, contains: str | None) -> list[fulltext.Hit] | None:
        """The quotes holding `contains`'s words, from the word index, in the order searches
        show them; None when it cannot say (no index, one behind the store, words too short):
        then a scan."""
        if not contains:
            return None
        meta = dict(self.con.execute("SELECT key, value FROM store_meta").fetchall())
        batch = int(meta.get("batch") or 0)
        if self._words is False:
            self._words = fulltext.open_reader(self.path, meta.get("store_uid"), batch)
        if not isinstance(self._words, sqlite3.Connection):
            return None
        key = (contains, batch)  # a committed batch's hits never change
        if self._last_hits is None or self._last_hits[0] != key:
            self._last_hits = key, fulltext.search(self._words, fulltext.terms(contains), batch)
        return self._last_hits[1]

    def _conditions(self, contains: str | None, **filters: Any
                    ) -> tuple[list[fulltext.Hit] | None, list[str], list[Any]]:
        """The word index's hits for `contains` (None: none) and the other filters'
        conditions; with no hits, the conditions match `contains` by a scan."""
        hits = self._word_hits(contains)
        conds, params = lookup.quote_conditions(
            self.con, contains=None if hits is not None else contains, **filters)
        return hits, conds, params

    def quotes(self, *, speaker: str | None = None, contains: str | None = None,
               since: str | None = None, until: str | None = None, outlet: str | None = None,
               limit: int = 50, offset: int = 0, include_copies: bool = False,
               copies: bool = False, id: str | None = None) -> list[dict[str, Any]]:
        """Quotes with their speaker and article, newest first; copies' quotes only once.

        `include_copies` also returns quotes found in near-duplicate copies; `copies` adds
        to each quote the list of copies of its article ({id, title, outlet, url, similarity});
        `id` (a content id or any caller id the article was sent with) keeps its quotes."""
        hits, conds, params = self._conditions(
            contains, speaker=speaker, since=since, until=until, outlet=outlet,
            include_copies=include_copies, ident=id)
        if hits is not None:
            rows = wordsearch.quotes(self.con, hits, conds, params, *page(limit, offset))
        else:
            rows = self._scanned(conds, params, limit, offset)
        if copies and rows:
            found = self.copies_of(sorted({r["article_id"] for r in rows}))
            for r in rows:
                r["copies"] = found.get(r["article_id"], [])
        return rows

    def _scanned(self, conds: list[str], params: list[Any], limit: int,
                 offset: int) -> list[dict[str, Any]]:
        """A page of the quotes passing the conditions, read by one query over the store."""
        columns = lookup.QUOTE_COLUMNS.format(speaker="coalesce(s.name, q.speaker_name)")
        sql = (f"SELECT {columns} FROM quotes q JOIN articles a ON a.id = q.article_id "
               f"LEFT JOIN speakers s ON s.id = q.speaker_id{lookup.where_clause(conds)} "
               f"{lookup.QUOTE_ORDER} LIMIT ? OFFSET ?")
        return self._rows(sql, [*params, *page(limit, offset)])

    def count_quotes(self, *, speaker: str | None = None, contains: str | None = None,
                     since: str | None = None, until: str | None = None,
                     outlet: str | None = None, include_copies: bool = False,
                     id: str | None = None) -> int:
        """How many quotes `quotes()` would return without a limit."""
        hits, conds, params = self._conditions(
            contains, speaker=speaker, since=since, until=until, outlet=outlet,
            include_copies=include_copies, ident=id)
        if hits is not None:
            return wordsearch.count(self.con, hits, conds, params)
        sql = ("SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id"
               + lookup.where_clause(conds))
        return int(self.con.execute(sql, params).fetchone()[0])  # type: ignore[index]

    def copies_of(self, article_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """Near-duplicate copies of each canonical article in `article_ids`."""
        rows = self._rows(
            "SELECT d.canonical_id, a.id, a.title, a.outlet, a.url, d.similarity "
            "FROM duplicates d JOIN articles a ON a.id = d.article_id "
            "WHERE d.canonical_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY a.id", [article_ids])
        out: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            out.setdefault(r.pop("canonical_id"), []).append(r)
        return out

    def speakers(self, *, name: str | None = None, limit: int = 100, offset: int = 0,
                 min_quotes: int = 1, count: str = "quotes") -> list[dict[str, Any]]:
        """Speakers ranked by their number of quotes, or of statements (`count`: a statement
        carried by many articles counts once); each near-duplicate group counted once."""
        if count not in ("quotes", "statements"):
            raise BadArgument(f"count must be quotes or statements, not {count!r}")
        where = ["s.merged_into IS NULL", "coalesce(c.quotes, 0) >= ?"]
        params: list[Any] = [min_quotes]
        if name:
            where.append("s.id IN (SELECT unnest(?::INTEGER[]))")
            params.append(self._speaker_ids(name))
        order = "quotes DESC, statements DESC" if count == "quotes" else "statements DESC, quotes DESC"
        counts = "SELECT * FROM speaker_counts" if self.speaker_counts_fresh() else \
            lookup.SPEAKER_COUNTS
        sql = (f"WITH c AS ({counts}) "
               "SELECT s.id, s.name, s.titles, coalesce(c.quotes, 0) AS quotes, "
               "coalesce(c.statements, 0) AS statements, "
               "coalesce(c.articles, 0) AS articles, s.kind, s.aliases "
               "FROM speakers s LEFT JOIN c ON c.speaker_id = s.id WHERE "
               + " AND ".join(where) + f" ORDER BY {order}, articles DESC, s.name "
               "LIMIT ? OFFSET ?")
        rows = self._rows(sql, [*params, *page(limit, offset)])
        for r in rows:
            r["titles"] = list(r["titles"] or [])
            r["aliases"] = list(r["aliases"] or [])
        return rows

    def speaker_counts_fresh(self) -> bool:
        """Whether `speaker_counts` was counted after the store's last batch (else a scan)."""
        meta = dict(self.con.execute(
            "SELECT key, value FROM store_meta WHERE key IN ('batch', 'speaker_counts_batch')"
        ).fetchall())
        return "speaker_counts_batch" in meta and \
            meta["speaker_counts_batch"] == meta.get("batch", "0")

    def refresh_speaker_counts(self) -> None:
        """Count every speaker's quotes again into `speaker_counts` (one scan, one
        transaction): `speakers()` reads them until the next batch is written."""
        if self.read_only:
            raise StoreError("the speaker counts are written by the store's writer")
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM speaker_counts")
            self.con.execute(f"INSERT INTO speaker_counts {lookup.SPEAKER_COUNTS}")
            self.con.execute("INSERT OR REPLACE INTO store_meta SELECT 'speaker_counts_batch', "
                             "coalesce((SELECT value FROM store_meta WHERE key = 'batch'), '0')")
            self.con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                self.con.execute("ROLLBACK")
            raise

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored Article.to_dict() named by a content id or any caller id it was sent
        with (id = store key), with source_id, canonical_id, copies and sightings."""
        return lookup.article(self.con, article_id)

    def sightings(self, article_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """Every input record each article was read as (caller id, file, url, outlet...)."""
        return lookup.sightings_of(self.con, article_ids)

    def errors(self, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Input records that failed, oldest first."""
        return self._rows("SELECT id, source_id, source, error FROM errors "
                          "ORDER BY added_at, id LIMIT ? OFFSET ?", page(limit, offset))

    def stats(self) -> dict[str, int]:
        """Totals: articles, canonical articles, duplicates, quotes (counted once), speakers, errors."""
        q = self.con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM duplicates), "
            f"(SELECT count(*) FROM quotes q WHERE {lookup.CANONICAL}), "
            f"(SELECT count(DISTINCT speaker_id) FROM quotes q WHERE {lookup.CANONICAL}), "
            "(SELECT count(*) FROM errors), (SELECT count(*) FROM sightings)").fetchone()
        assert q is not None
        return {"articles": q[0], "duplicates": q[1], "canonical": q[0] - q[1], "quotes": q[2],
                "speakers": q[3], "errors": q[4], "sightings": q[5]}

    # Statements (onrecord.statements): the same words across articles.
    def statements(self, *, speaker: str | None = None, **filters: Any) -> list[dict[str, Any]]:
        """Statements, most widely carried first; see `statements.read.list_statements`."""
        ids = self._speaker_ids(speaker) if speaker else None
        return statements_read.list_statements(self.con, speaker_ids=ids, **filters)

    def statement(self, sid: str) -> dict[str, Any] | None:
        """One statement with its sightings and variants (an old merged id finds it too)."""
        return statements_read.get_statement(self.con, sid)

    def trace(self, words: str) -> dict[str, Any] | None:
        """The statement these quoted words belong to, if any."""
        return statements_read.trace(self.con, words)

    def statement_ids(self, article_ids: list[str]) -> dict[tuple[str, int], str]:
        """The statement of each quote of these articles, by (article id, quote start)."""
        return statements_read.statement_ids(self.con, article_ids)


