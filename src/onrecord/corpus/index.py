"""The writer's lookup index: seen keys, MinHash LSH bands and speaker names in a SQLite file
next to the store (STORE.idx), so a batch looks up only what it needs and nothing is rebuilt
in memory at start.

DuckDB answers a lookup of a few hundred values by scanning the table (its ART indexes serve
single equality lookups only), so the lookups the writer makes per batch live in SQLite's
B-trees instead. The DuckDB store stays the truth: this file is derived from it and can be
rebuilt from it at any time. Protocol (kill -9 safe): each write bumps a batch number; the
index rows of batch n are committed here first, then the DuckDB transaction of batch n. On
open, rows of batches the store never committed are undone from the store; an index that is
behind the store, missing, or from another store is rebuilt from it."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import duckdb

from onrecord.corpus import fulltext
from onrecord.corpus.speakers import Speaker
from onrecord.corpus.tiers import Tiered
from onrecord.corpus.timing import Laps
from onrecord.statements import keyindex

# Bands and rows per band of the LSH (datasketch's choice for threshold 0.5, 128
# permutations, weights (0.2, 0.8): the same candidates as corpus.dedup.NearDuplicates).
BANDS, ROWS = 30, 4
# SQLite page cache for the index, in KiB (the index's memory does not grow beyond it).
CACHE_KIB = 65536

_DDL = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS keys (key TEXT PRIMARY KEY, error INTEGER, batch INTEGER)
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sigs (article TEXT PRIMARY KEY, seq INTEGER, canonical TEXT,
    sig BLOB, batch INTEGER) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS speakers (id INTEGER PRIMARY KEY, kind TEXT, key TEXT,
    surname TEXT, merged_into INTEGER, name TEXT, titles TEXT, aliases TEXT, batch INTEGER);
CREATE INDEX IF NOT EXISTS keys_batch ON keys (batch);
CREATE INDEX IF NOT EXISTS sigs_canonical ON sigs (canonical);
CREATE INDEX IF NOT EXISTS sigs_batch ON sigs (batch);
CREATE INDEX IF NOT EXISTS speakers_key ON speakers (key, kind);
CREATE INDEX IF NOT EXISTS speakers_surname ON speakers (surname);
CREATE INDEX IF NOT EXISTS speakers_batch ON speakers (batch);
"""
SPEAKER_COLUMNS = "id, kind, key, surname, merged_into, name, titles, aliases"
# Each article's LSH band keys, by band key (tiered: about 30 random keys per article).
BANDS_TABLE = Tiered("bands", ("band INTEGER", "article TEXT"), "band")


def bands_of(sig: bytes) -> list[int]:
    """The LSH band keys of a signature: one signed 64-bit hash per band (band number included)."""
    return list(_bands(sig))


@lru_cache(maxsize=4096)  # a batch asks twice per article (groups, then the index write)
def _bands(sig: bytes) -> tuple[int, ...]:
    # the signature's bytes are its little-endian uint32 values: band b is a plain byte slice
    width = ROWS * 4
    return tuple(int.from_bytes(hashlib.blake2b(sig[b * width:(b + 1) * width], digest_size=8,
                                                person=_PERSONS[b]).digest(),
                                "little", signed=True)
                 for b in range(BANDS))


_PERSONS = tuple(b.to_bytes(2, "little") for b in range(BANDS))


def surname_of(kind: str, key: str) -> str | None:
    """The surname a full person name is found by (None for one word or a non-person)."""
    words = key.split()
    return words[-1] if kind == "person" and len(words) >= 2 else None


def _connect(path: str) -> sqlite3.Connection:
    """A connection to the index file (autocommit; transactions are explicit)."""
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA synchronous=NORMAL")  # WAL survives kill -9 as it is
    db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    db.execute("PRAGMA busy_timeout=60000")  # the two connections never write at once
    return db


def _chunks(values: Sequence[Any], size: int = 500) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


@dataclass(frozen=True)
class PendingRows:
    """A batch's index rows written by `LookupIndex.finish`: band keys and quote words as
    JSON arrays of rows, and the next article seq."""

    batch: int
    bands: str
    quotes: str | None
    next_seq: int | None


class LookupIndex:
    """The SQLite lookup index of one store, opened by its writer."""

    def __init__(self, store_path: str | os.PathLike[str]) -> None:
        self.path = f"{os.fspath(store_path)}.idx"
        self.db = _connect(self.path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(_DDL + BANDS_TABLE.ddl() + fulltext.DDL + keyindex.DDL)
        # The statement keys through a connection of their own, so a batch's statements can
        # be found while another thread commits the batch's other index rows (`write`).
        self.keys_db = _connect(self.path)
        self.statement_keys = keyindex.KeyIndex(self.keys_db)

    def close(self) -> None:
        self.keys_db.close()
        self.db.close()

    # -- keeping in step with the store ------------------------------------------------------
    def meta(self, k: str) -> str | None:
        row = self.db.execute("SELECT v FROM meta WHERE k = ?", [k]).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, k: str, v: str) -> None:
        """Keep a value of the writer's own (outside any batch: no undo needed)."""
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [k, v])

    def sync(self, con: duckdb.DuckDBPyConnection, uid: str, batch: int) -> str:
        """Bring the index in step with the store (`uid`, committed `batch`); says what it did."""
        mine = self.meta("batch")
        if self.meta("store") != uid or mine is None or int(mine) < batch:
            self.rebuild(con, uid, batch)
            return "rebuilt"
        done = "ok"
        if int(mine) > batch:
            self.undo(con, batch)
            done = "undone"
        for part in (fulltext, keyindex):  # an index made before this part existed
            if self.meta(part.READY) != "1":
                self.db.execute("BEGIN")
                part.rebuild(self.db, con, batch)
                self.db.execute("COMMIT")
                done = "rebuilt"
        return done

    def undo(self, con: duckdb.DuckDBPyConnection, batch: int) -> None:
        """Forget rows of batches after `batch` (written here, never committed to the store)."""
        db = self.db
        db.execute("BEGIN")
        db.execute("DELETE FROM keys WHERE batch > ?", [batch])
        BANDS_TABLE.undo(db, batch)
        arts = [r[0] for r in db.execute("SELECT article FROM sigs WHERE batch > ?", [batch])]
        spk = [r[0] for r in db.execute("SELECT id FROM speakers WHERE batch > ?", [batch])]
        db.execute("DELETE FROM sigs WHERE batch > ? AND seq > ?",
                   [batch, self._stored_seq(con)])
        canon = dict(con.execute(
            "SELECT article_id, canonical_id FROM duplicates WHERE article_id IN "
            "(SELECT unnest(?::VARCHAR[]))", [arts]).fetchall()) if arts else {}
        db.executemany("UPDATE sigs SET canonical = ?, batch = ? WHERE article = ?",
                       [(canon.get(a), batch, a) for a in arts])
        db.execute("DELETE FROM speakers WHERE batch > ?", [batch])
        fulltext.undo(db, batch)
        keyindex.undo(db, batch)
        if spk:
            self._copy_speakers(con.execute(
                "SELECT id, kind, key, merged_into, name, titles, aliases FROM speakers "
                "WHERE id IN (SELECT unnest(?::INTEGER[]))", [spk]).fetchall(), batch)
        db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                       [("batch", str(batch)), ("next_seq", str(self._stored_seq(con) + 1))])
        db.execute("COMMIT")

    @staticmethod
    def _stored_seq(con: duckdb.DuckDBPyConnection) -> int:
        row = con.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) - 1 if row else -1

    def rebuild(self, con: duckdb.DuckDBPyConnection, uid: str, batch: int) -> None:
        """Build the index again from the store (a store without one, or one it fell behind)."""
        db = self.db
        db.execute("BEGIN")
        for t in ("keys", "sigs", "speakers", "meta"):
            db.execute(f"DELETE FROM {t}")
        BANDS_TABLE.clear(db)
        db.execute("DROP INDEX IF EXISTS bands_band")
        for sql, err in (("SELECT id FROM articles", 0), ("SELECT id FROM errors", 1)):
            cur = con.execute(sql)
            while chunk := cur.fetchmany(10_000):
                db.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?, ?)",
                               [(r[0], err, batch) for r in chunk])
        cur = con.execute("SELECT a.id, a.minhash, d.canonical_id FROM articles a LEFT JOIN "
                          "duplicates d ON d.article_id = a.id ORDER BY a.rowid")
        seq = 0
        while chunk := cur.fetchmany(10_000):
            db.executemany("INSERT INTO sigs VALUES (?, ?, ?, ?, ?)",
                           [(a, seq + i, c, s, batch) for i, (a, s, c) in enumerate(chunk)])
            db.executemany("INSERT INTO bands VALUES (?, ?, ?)",
                           [(b, a, batch) for a, s, _ in chunk if s for b in bands_of(s)])
            seq += len(chunk)
        cur = con.execute("SELECT id, kind, key, merged_into, name, titles, aliases FROM speakers")
        while chunk := cur.fetchmany(10_000):
            self._copy_speakers(chunk, batch)
        db.execute("CREATE INDEX IF NOT EXISTS bands_band ON bands (band)")
        fulltext.rebuild(db, con, batch)
        keyindex.rebuild(db, con, batch)
        db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                       [("store", uid), ("batch", str(batch)), ("next_seq", str(seq))])
        db.execute("COMMIT")

    def _copy_speakers(self, rows: Iterable[Sequence[Any]], batch: int) -> None:
        self.db.executemany(
            f"INSERT OR REPLACE INTO speakers ({SPEAKER_COLUMNS}, batch) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(i, kind, key, surname_of(kind, key), merged, name,
              json.dumps(list(titles or [])), json.dumps(list(aliases or [])), batch)
             for i, kind, key, merged, name, titles, aliases in rows])

    # -- lookups -----------------------------------------------------------------------------
    def _where_in(self, select: str, column: str, values: Sequence[Any]) -> Iterator[Any]:
        """Rows of `SELECT ... WHERE column IN (values)`, the values sent in chunks."""
        for part in _chunks(list(values)):
            q = ",".join("?" * len(part))
            yield from self.db.execute(f"{select} WHERE {column} IN ({q})", list(part))

    def stored(self, keys: Sequence[str]) -> set[str]:
        """Which of `keys` are stored articles or errors."""
        return {r[0] for r in self._where_in("SELECT key FROM keys", "key", keys)}

    def candidates(self, bands: Sequence[int]) -> set[str]:
        """Stored articles sharing any of these LSH band keys."""
        return {r[0] for r in BANDS_TABLE.where_in(self.db, "article", bands)}

    def band_members(self, bands: Sequence[int]) -> dict[int, list[str]]:
        """The stored articles under each of these LSH band keys (one lookup for a batch)."""
        out: dict[int, list[str]] = defaultdict(list)
        for band, article in BANDS_TABLE.where_in(self.db, "band, article",
                                                  sorted(set(bands))):
            out[int(band)].append(article)
        return out

    def signatures(self, articles: Sequence[str]) -> dict[str, tuple[int, str | None, bytes]]:
        """(store order, canonical or None, signature) of each stored article."""
        rows = self._where_in("SELECT article, seq, canonical, sig FROM sigs", "article", articles)
        return {a: (int(seq), canon, bytes(sig)) for a, seq, canon, sig in rows}

    def members(self, canonical: str) -> list[str]:
        """The stored copies of a group's canonical article."""
        return [r[0] for r in self.db.execute(
            "SELECT article FROM sigs WHERE canonical = ? ORDER BY seq", [canonical])]

    def next_seq(self) -> int:
        return int(self.meta("next_seq") or 0)

    def speaker_rows(self, where: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        """Speaker rows (SPEAKER_COLUMNS) matching `where`, by id."""
        return self.db.execute(f"SELECT {SPEAKER_COLUMNS} FROM speakers WHERE {where} "
                               "ORDER BY id", list(params)).fetchall()

    def max_speaker(self) -> int:
        row = self.db.execute("SELECT max(id) FROM speakers").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    # -- writing one batch -------------------------------------------------------------------
    def write(self, batch: int, *, keys: Sequence[tuple[str, bool]],
              sigs: Sequence[tuple[str, int, str | None, bytes | None]],
              regroup: Sequence[tuple[str, str]], speakers: Sequence[Sequence[Any]],
              quotes: Sequence[tuple[str, int, str, str | None, int]] = ()) -> None:
        """Commit batch `batch`'s rows: keys (key, is error), new articles' (id, seq,
        canonical, signature), group merges (former canonical, canonical), changed
        speakers (id, kind, key, merged_into, name, titles, aliases) and the new quotes'
        words (article id, idx, text, sort key, rowid in the store)."""
        self.finish(self.begin(batch, keys=keys, sigs=sigs, regroup=regroup,
                               speakers=speakers, quotes=quotes))

    def begin(self, batch: int, *, keys: Sequence[tuple[str, bool]],
              sigs: Sequence[tuple[str, int, str | None, bytes | None]],
              regroup: Sequence[tuple[str, str]], speakers: Sequence[Sequence[Any]],
              quotes: Sequence[tuple[str, int, str, str | None, int]] = ()) -> PendingRows:
        """`write`'s first half: opens the batch's transaction and writes its small rows; the
        rest (band keys and quote words, as JSON) is returned for `finish`, which may run on
        another thread as long as nothing else uses this connection meanwhile."""
        db = self.db
        try:
            lap = Laps()
            db.execute("BEGIN")
            db.executemany("INSERT OR REPLACE INTO keys VALUES (?, ?, ?)",
                           [(k, int(e), batch) for k, e in keys])
            lap("index_keys")
            db.executemany("INSERT OR REPLACE INTO sigs VALUES (?, ?, ?, ?, ?)",
                           [(a, s, c, sig or b"", batch) for a, s, c, sig in sigs])
            lap("index_sigs")
            for old, new in regroup:
                db.execute("UPDATE sigs SET canonical = ?, batch = ? WHERE canonical = ? "
                           "OR article = ?", [new, batch, old, old])
            self._copy_speakers(speakers, batch)
            lap("index_speakers")
            return PendingRows(
                batch,
                json.dumps([(b, a) for a, _, _, sig in sigs if sig for b in bands_of(sig)]),
                fulltext.as_json(quotes),
                max(s for _, s, _, _ in sigs) + 1 if sigs else None)
        except BaseException:
            self.rollback()
            raise

    def finish(self, rows: PendingRows) -> None:
        """`write`'s second half: the band keys and quote words in a statement each (SQLite
        runs them without holding the GIL), then the commit."""
        db = self.db
        try:
            lap = Laps()
            BANDS_TABLE.add_json(db, rows.batch, rows.bands)
            lap("index_bands")
            if rows.quotes is not None:
                fulltext.add_json(db, rows.batch, rows.quotes)
            lap("index_fulltext")
            if rows.next_seq is not None:
                db.execute("INSERT OR REPLACE INTO meta VALUES ('next_seq', ?)",
                           [str(rows.next_seq)])
            db.execute("INSERT OR REPLACE INTO meta VALUES ('batch', ?)", [str(rows.batch)])
            db.execute("COMMIT")
            lap("index_commit")
        except BaseException:
            self.rollback()
            raise

    def rollback(self) -> None:
        """Drop a batch's open transaction, if any (nothing of it is kept; the undo runs next)."""
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def clear_statement_keys(self, batch: int) -> None:
        """Forget every statement key (after the store has emptied its statements)."""
        self.db.execute("BEGIN")
        keyindex.undo(self.db, -1)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('batch', ?)", [str(batch)])
        self.db.execute("COMMIT")

    def clear_errors(self, batch: int) -> None:
        """Forget stored error keys (after the store has forgotten them)."""
        self.db.execute("BEGIN")
        self.db.execute("DELETE FROM keys WHERE error = 1")
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('batch', ?)", [str(batch)])
        self.db.execute("COMMIT")


def new_uid() -> str:
    """An id for a new store, so that an index is never used with another store's file."""
    return uuid.uuid4().hex


class IndexSpeakers:
    """The lookup index as a `SpeakerSource` for `SpeakerRegistry`."""

    def __init__(self, index: LookupIndex) -> None:
        self.index = index
        self.keys: dict[tuple[str, str], Speaker | None] = {}   # prefetched
        self.surnames: dict[str, list[Speaker]] = {}

    @staticmethod
    def _speaker(row: Sequence[Any]) -> Speaker:
        sid, kind, key, _surname, merged, name, titles, aliases = row
        return Speaker(id=int(sid), name=name, key=key, kind=kind,
                       titles=list(json.loads(titles or "[]")),
                       aliases=list(json.loads(aliases or "[]")), merged_into=merged)

    def prefetch(self, keys: Iterable[tuple[str, str]], surnames: Iterable[str]) -> None:
        """Load the live speakers of these (kind, key)s and full names of these surnames in a
        few lookups, for the batch's `by_key` and `full_by_surname` (the store does not change
        while a batch is resolved, so these are the answers one lookup each would give)."""
        wanted = set(keys)
        found: dict[tuple[str, str], Speaker] = {}
        for r in self.index._where_in(f"SELECT {SPEAKER_COLUMNS} FROM speakers", "key",
                                      sorted({k for _, k in wanted})):
            s = self._speaker(r)
            if s.merged_into is None and (s.kind, s.key) in wanted:
                if (s.kind, s.key) not in found or s.id < found[(s.kind, s.key)].id:
                    found[(s.kind, s.key)] = s
        self.keys.update({k: found.get(k) for k in wanted})
        names = sorted(set(surnames))
        by: dict[str, list[Speaker]] = {n: [] for n in names}
        for r in self.index._where_in(f"SELECT {SPEAKER_COLUMNS} FROM speakers", "surname",
                                      names):
            s = self._speaker(r)
            if s.kind == "person" and s.merged_into is None:
                by[r[3]].append(s)
        self.surnames.update({n: sorted(v, key=lambda s: s.id) for n, v in by.items()})

    def by_key(self, kind: str, key: str) -> Speaker | None:
        if (kind, key) in self.keys:
            return self.keys[(kind, key)]
        rows = self.index.speaker_rows("key = ? AND kind = ? AND merged_into IS NULL",
                                       [key, kind])
        return self._speaker(rows[0]) if rows else None

    def full_by_surname(self, surname: str) -> list[Speaker]:
        if surname in self.surnames:
            return list(self.surnames[surname])
        return [self._speaker(r) for r in self.index.speaker_rows(
            "surname = ? AND kind = 'person' AND merged_into IS NULL", [surname])]

    def by_id(self, speaker_id: int) -> Speaker | None:
        rows = self.index.speaker_rows("id = ?", [speaker_id])
        return self._speaker(rows[0]) if rows else None
