"""What filing quotes under statements adds to a corpus run, on BBC articles.

    .venv/bin/python bench/statements_cost.py [--limit N]

Extracts N BBC articles once (timed), then stores them twice into fresh DuckDB files in
batches of 100: with statements filed, and with the statements step switched off. Prints
extraction time, both write times, and the statements step's share of extraction + writing.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from onrecord.corpus.store import Store
from onrecord.pipeline import Extractor
from onrecord.statements import table

DATA = Path(__file__).resolve().parent.parent.parent / "shared/data/bbc-news/articles.jsonl"


def write(arts: list, path: Path, batch: int = 100) -> float:
    t0 = time.perf_counter()
    with Store(path) as st:
        for i in range(0, len(arts), batch):
            st.add(arts[i:i + batch])
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--show", type=int, default=8, help="statements in 2+ articles to print")
    a = ap.parse_args()
    if not DATA.exists():
        raise SystemExit(f"statements_cost: {DATA} not found (../shared is not here)")
    recs = [json.loads(line) for line in DATA.open(encoding="utf-8")][:a.limit]
    ex = Extractor()
    t0 = time.perf_counter()
    arts = list(ex.pipe([{"id": r["id"], "text": r["text"]} for r in recs]))
    t_ex = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as d:
        t_on = write(arts, Path(d) / "on.duckdb")
        real = table.update
        table.update = lambda *args, **kw: 0  # type: ignore[assignment]
        try:
            t_off = write(arts, Path(d) / "off.duckdb")
        finally:
            table.update = real
        with Store(Path(d) / "on.duckdb", read_only=True) as st:
            n = st.con.execute("SELECT count(*), count(*) FILTER (WHERE n_articles > 1) "
                               "FROM statements").fetchone()
            shown = st.con.execute(
                "SELECT s.n_articles, s.altered, sp.name, s.text, list(m.article_id) "
                "FROM statements s JOIN statement_members m ON m.statement_id = s.id "
                "LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE s.n_articles > 1 "
                "GROUP BY ALL ORDER BY min(s.seq) LIMIT ?", [a.show]).fetchall()
    q = sum(len(x.quotes) for x in arts)
    print(f"{len(arts)} articles, {q} quotes; statements {n[0]}, in 2+ articles {n[1]}")
    print(f"extraction {t_ex:.1f} s; write with statements {t_on:.2f} s, without {t_off:.2f} s")
    print(f"statements step: {t_on - t_off:.2f} s = "
          f"{100 * (t_on - t_off) / (t_ex + t_off):.1f}% of extraction + writing")
    for n_art, altered, who, text, ids in shown:
        print(f"  {n_art} articles{' (altered)' if altered else ''}: {who}: "
              f"{text[:90]!r} {sorted(set(ids))}")


if __name__ == "__main__":
    main()
