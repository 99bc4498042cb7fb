"""The store writer alone (issue 15): articles/s from pre-extracted records, a profile, and a
digest of every table so two versions of the writer can be shown to store the same thing.

    nice -n 5 .venv/bin/python bench/store_writer.py --articles 10000 [--batch 32] [--profile]
                                                     [--digest] [--store PATH] [--json]
                                                     [--freeze-heap]

The articles are bench/store_scale.py's synthetic ones (BBC sentences read at run time, 2-5
quotes each, a growing population of speakers, 2% near-copies), all built and signed before
the clock starts, so only `Store.write` is timed. `--digest` prints a SHA-256 of each table's
rows (sorted; `added_at`/`read_at` and `store_uid` left out) for comparing stores.
`--freeze-heap` moves the built articles out of the cycle collector's walk (`gc.freeze()`)
before the clock starts, closer to the heap of a run's writer, which holds one batch.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import json
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

import duckdb  # noqa: E402

from onrecord.corpus.store import Store  # noqa: E402
from onrecord.corpus.timing import PHASES  # noqa: E402
from store_scale import DATA, items_for, rss_mb, sentences, synthetic  # noqa: E402

# Columns left out of a digest: wall-clock times and the store's random id.
VOLATILE = {"added_at", "read_at"}
# Every GENERATION_STEP-th article becomes a text later ones may copy (near-duplicates).
GENERATION_STEP = 32


def digest(path: Path) -> dict[str, str]:
    """A hash of every table's rows (sorted), volatile columns and store_uid left out."""
    con = duckdb.connect(str(path), read_only=True)
    out = {}
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]
        for t in tables:
            cols = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position", [t]).fetchall() if r[0] not in VOLATILE]
            sel = ", ".join(f'"{c}"' for c in cols)
            where = " WHERE key <> 'store_uid'" if t == "store_meta" else ""
            rows = con.execute(f"SELECT {sel} FROM {t}{where}").fetchall()
            h = hashlib.sha256()
            for r in sorted(repr(x) for x in rows):
                h.update(r.encode())
            out[t] = f"{len(rows)}:{h.hexdigest()[:16]}"
    finally:
        con.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--store", type=Path, help="store file (default: a temporary one)")
    ap.add_argument("--profile", action="store_true", help="cProfile the writes; top 35")
    ap.add_argument("--digest", action="store_true", help="print each table's digest")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--freeze-heap", action="store_true",
                    help="gc.freeze() the built articles before the clock starts")
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"no BBC data at {args.data}: pass --data")
    pool = sentences(args.data)
    rnd = random.Random(15)
    earlier: list[str] = []
    arts = []
    for i in range(args.articles):  # the same articles whatever --batch is
        arts.append(synthetic(i, rnd, pool, earlier))
        if i % GENERATION_STEP == 0:
            earlier = (earlier + [arts[-1].text])[-500:]
    batches = [items_for(arts[b:b + args.batch]) for b in range(0, len(arts), args.batch)]
    tmp = tempfile.TemporaryDirectory()
    path = args.store or Path(tmp.name) / "writer.duckdb"
    if args.freeze_heap:
        gc.collect()
        gc.freeze()
    prof = cProfile.Profile() if args.profile else None
    ms: list[float] = []
    with Store(path) as st:
        t0 = time.perf_counter()
        for items, seen in batches:
            t = time.perf_counter()
            if prof:
                prof.enable()
            st.write(items, seen)
            if prof:
                prof.disable()
            ms.append((time.perf_counter() - t) * 1000 / len(items))
        total = time.perf_counter() - t0
        rss = rss_mb()
    tenth = max(1, len(ms) // 10)
    result = {"articles": args.articles, "batch": args.batch,
              "articles_per_s": round(args.articles / total, 1),
              "ms_per_article_first": round(sum(ms[:tenth]) / tenth, 3),
              "ms_per_article_last": round(sum(ms[-tenth:]) / tenth, 3),
              "writer_rss_mb": round(rss, 1),
              "phase_ms_per_article": {k: round(v * 1000 / args.articles, 3)
                                       for k, v in PHASES.items()}}
    if args.digest:
        result["digest"] = digest(path)
    print(json.dumps(result) if args.json else json.dumps(result, indent=1))
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(35)
        pstats.Stats(prof).sort_stats("tottime").print_stats(int(__import__("os").environ.get("TOP", "25")))
    tmp.cleanup()


if __name__ == "__main__":
    main()
