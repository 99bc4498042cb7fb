"""Ray engine benchmark: `onrecord run --engine ray` against `--workers N`, speed, memory, stores.

    nice -n 5 .venv/bin/python bench/ray_engine.py [--data ../shared/data/bbc-news/articles.jsonl]
                                                  [--limit 600] [--repeat 3] [--workers 2] [--json]

Each round runs, as separate processes on the same articles: `onrecord run --workers N` and
`onrecord run --engine ray --workers N` (a local Ray cluster started by the run itself, one CPU
per worker), alternating which goes first, each into a fresh store; then a bare `ray.init`
(Ray's own start-up, which the Ray run includes). Wall time includes Python start-up, model
load and cluster start; peak RSS is sampled every 0.1 s over the process tree (bench/corpus.py's
`measure`). Ratios are ray/local within a round. The two stores are compared table by table.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import DATA, PY, REPO, measure

RAY_START = """
import logging, time, ray
t = time.perf_counter()
ray.init(num_cpus={n}, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
print(time.perf_counter() - t)
ray.shutdown()
"""
# What must be the same in both stores (ordered, so row order does not matter).
TABLES = {
    "articles": "SELECT id, source_id, title, n_quotes, minhash FROM articles ORDER BY id",
    "quotes": "SELECT article_id, idx, kind, text, speaker_id, speaker_name, cue, date "
              "FROM quotes ORDER BY 1, 2",
    "speakers": "SELECT id, name, key, kind, titles, aliases, merged_into FROM speakers "
                "ORDER BY id",
    "mentions": "SELECT article_id, entity_id, speaker_id, name, start FROM mentions "
                "ORDER BY 1, 2, 5",
    "repairs": "SELECT * FROM repairs ORDER BY ALL",
    "duplicates": "SELECT article_id, canonical_id, similarity FROM duplicates ORDER BY 1",
    "errors": "SELECT id, source_id, error FROM errors ORDER BY 1",
    "sightings": "SELECT id, article_id, pos, source_id FROM sightings ORDER BY pos",
    "statements": "SELECT * FROM statements ORDER BY id",
    "statement_members": "SELECT * FROM statement_members ORDER BY ALL",
}


def run_once(cmd_extra: list[str], subset: Path, store: Path, n: int) -> dict[str, float]:
    m = measure([PY, "-m", "onrecord", "run", str(subset), "--store", str(store),
                 "--no-progress", "--json", *cmd_extra])
    s = json.loads(str(m["stdout"]))
    assert s["new"]["articles"] + s["new"]["errors"] + s["skipped"] == n, s
    return {"seconds": round(float(m["seconds"]), 2),
            "articles_per_s": round(n / float(m["seconds"]), 2),
            "run_seconds": s["seconds"],
            "peak_rss_mib": round(float(m["peak_rss_mib"])),
            "peak_process_rss_mib": round(float(m["peak_process_rss_mib"])),
            "quotes": s["new"]["quotes"], "errors": s["new"]["errors"]}


def ray_start(workers: int) -> float:
    out = subprocess.run([PY, "-c", RAY_START.format(n=workers)], cwd=REPO, text=True,
                         capture_output=True, check=True).stdout
    return round(float(out.strip().splitlines()[-1]), 2)


def same_stores(a: Path, b: Path) -> dict[str, bool]:
    import duckdb

    out = {}
    ca, cb = duckdb.connect(str(a), read_only=True), duckdb.connect(str(b), read_only=True)
    try:
        for name, sql in TABLES.items():
            out[name] = ca.execute(sql).fetchall() == cb.execute(sql).fetchall()
    finally:
        ca.close()
        cb.close()
    return out


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=600, help="first N articles")
    ap.add_argument("--repeat", type=int, default=3, help="rounds (configurations alternate)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", action="store_true", help="one JSON object at the end")
    args = ap.parse_args()
    if not args.data.exists():
        raise SystemExit(f"no data at {args.data}")
    tmp = Path(tempfile.mkdtemp(prefix="onrecord-raybench-"))
    lines = args.data.read_text(encoding="utf-8").splitlines()[:args.limit]
    subset = tmp / "articles.jsonl"
    subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
    n = len(lines)
    w = str(args.workers)
    configs = {"local": ["--workers", w], "ray": ["--engine", "ray", "--workers", w]}
    machine = (f"{_cpu_model()}, {os.cpu_count()} cores, "
               f"Python {platform.python_version()}, "
               f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    rounds = []
    for rnd in range(args.repeat):
        order = list(configs) if rnd % 2 == 0 else list(reversed(configs))
        res: dict[str, object] = {}
        for name in order:
            res[name] = run_once(configs[name], subset, tmp / f"{name}-{rnd}.duckdb", n)
        res["ray_init_seconds"] = ray_start(args.workers)
        loc, ray = res["local"], res["ray"]
        assert isinstance(loc, dict) and isinstance(ray, dict)
        res["ratio_speed"] = round(ray["articles_per_s"] / loc["articles_per_s"], 3)
        res["ratio_rss"] = round(ray["peak_rss_mib"] / loc["peak_rss_mib"], 3)
        res["same_store"] = same_stores(tmp / f"local-{rnd}.duckdb", tmp / f"ray-{rnd}.duckdb")
        rounds.append(res)
        if not args.json:
            print(f"round {rnd + 1} ({' then '.join(order)}): {json.dumps(res)}", flush=True)
    summary = {
        "machine": machine, "articles": n, "workers": args.workers,
        "ratio_speed_median": statistics.median(r["ratio_speed"] for r in rounds),  # type: ignore[misc]
        "ratio_rss_median": statistics.median(r["ratio_rss"] for r in rounds),  # type: ignore[misc]
        "stores_identical": all(all(r["same_store"].values()) for r in rounds),  # type: ignore[attr-defined]
    }
    if args.json:
        print(json.dumps({"rounds": rounds, **summary}))
    else:
        print(f"machine: {machine}")
        print(json.dumps(summary))
    sys.exit(0 if summary["stores_identical"] else 1)


if __name__ == "__main__":
    main()
