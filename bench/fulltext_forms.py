"""The word index's two forms side by side (issue 15): an FTS5 trigram table with positions
(`detail=full`, the form before 2026-12-07's fourth session) or without (`detail=none`, the
form `corpus/fulltext.py` keeps), filled batch by batch with BBC sentences read at run time,
then searched as `fulltext.search` searches it (candidates checked in Python).

    nice -n 5 .venv/bin/python bench/fulltext_forms.py --detail none --batches 150 [--json]

Prints the write time (insert + commit) per 3.4 quotes (one synthetic article's worth) for
each 30 batches, the file's size, and the median of five searches for a few words.
"""
from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from onrecord.corpus.fulltext import MIN_TERM, _match, holds, terms  # noqa: E402
from store_scale import DATA, sentences  # noqa: E402

PER_BATCH = 3400  # quotes in a batch of 1,024 synthetic articles
WORDS = ["economy", "prime minister", "we are", "climate change", "said that", "football",
         '"will not"']


def query(detail: str, ts: list[str]) -> str | None:
    """The MATCH for these terms: phrases with positions (the former form's query), and
    without them the query `fulltext.search` makes."""
    if detail == "full":
        return " AND ".join('"' + t.replace('"', '""') + '"' for t in ts if len(t) >= MIN_TERM)
    return _match(ts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--detail", choices=["full", "none"], default="none")
    ap.add_argument("--batches", type=int, default=150)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"no BBC data at {args.data}: pass --data")
    pool = sentences(args.data)
    rnd = random.Random(3)
    tmp = tempfile.TemporaryDirectory()
    path = Path(tmp.name) / "words.idx"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA cache_size=-65536")
    opt = "" if args.detail == "full" else ", detail=none"
    db.execute("CREATE VIRTUAL TABLE quote_text USING fts5(text, article UNINDEXED, "
               f"idx UNINDEXED, at UNINDEXED, qrow UNINDEXED, tokenize='trigram'{opt})")
    writes: list[float] = []
    steps = []
    n = 0
    for b in range(args.batches):
        rows = []
        for i in range(PER_BATCH):
            rows.append((f"a{n}", i % 5, rnd.choice(pool)[:300], "2020-01-01", n))
            n += 1
        data = json.dumps(rows)
        t0 = time.perf_counter()
        db.execute("BEGIN")
        db.execute("INSERT INTO quote_text (rowid, text, article, idx, at, qrow) "
                   "SELECT ? + key, value->>2, value->>0, value->>1, value->>3, value->>4 "
                   "FROM json_each(?)", [b * PER_BATCH + 1, data])
        db.execute("COMMIT")
        writes.append(time.perf_counter() - t0)
        if (b + 1) % 30 == 0:
            steps.append(round(statistics.mean(writes[-30:]) * 1000 * 3.4 / PER_BATCH, 3))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    searches = {}
    for words in WORDS:
        ts = terms(words)
        took = []
        for _ in range(5):
            t0 = time.perf_counter()
            got = db.execute("SELECT text FROM quote_text WHERE quote_text MATCH ?",
                             [query(args.detail, ts)]).fetchall()
            hits = [t for (t,) in got if holds(t, ts)]
            took.append(time.perf_counter() - t0)
        searches[words] = {"candidates": len(got), "hits": len(hits),
                           "ms": round(statistics.median(took) * 1000, 1)}
    db.close()
    result = {"detail": args.detail, "quotes": n, "write_ms_per_3_4_quotes": steps,
              "mb": round(path.stat().st_size / 2**20), "searches": searches}
    print(json.dumps(result) if args.json else json.dumps(result, indent=1))
    tmp.cleanup()


if __name__ == "__main__":
    main()
