"""Store writer and queries at growing store sizes (issue 15): ms/article, RSS, resume, p95.

    nice -n 5 .venv/bin/python bench/store_scale.py --articles 100000 [--batch 32] [--json]
                                                    [--data ../shared/data/bbc-news/articles.jsonl]
    .venv/bin/python bench/store_scale.py --articles N --batch B --store S --more M


Synthetic articles go straight into `Store.write` (extraction bypassed, so 100k-1M rows fit in
minutes): each is built from sentences of the BBC articles (read at run time), with 2-5 quotes
said by people drawn from a population that grows with the store (about one new person per
three articles, some named by surname only, some with a title), and 2% near-copies of an
earlier article. MinHash signatures are computed outside the timed write, as workers do.
Reported: the writer's ms/article over the first and last 10% of batches and their ratio,
the writer's RSS, the peak RSS of each stage (`peak_rss_mb`: the write, the resume, the
speaker counts, the queries; Linux's VmHWM reset between stages), the store's size, how
long reopening the store takes before its first batch is written (resume), and p50/p95 of
`quotes(speaker=)`, `quotes(contains=)` and `speakers(limit=20)` on a read-only store.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
DATA = REPO.parent / "shared" / "data" / "bbc-news" / "articles.jsonl"

from onrecord.corpus.dedup import signature  # noqa: E402
from onrecord.corpus.keys import result_key  # noqa: E402
from onrecord.corpus.sightings import Sighting  # noqa: E402
from onrecord.corpus.store import Item, Store  # noqa: E402
from onrecord.corpus.timing import PHASES  # noqa: E402
from onrecord.corpus.worker import prepared  # noqa: E402
from onrecord.model import Article, Cue, Entity, Quote, SpeakerRef  # noqa: E402

FIRST = ["Ada", "Bela", "Cyrus", "Dana", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jana",
         "Kofi", "Lina", "Milo", "Nadia", "Omar", "Petra", "Quinn", "Rosa", "Sami", "Tova"]
TITLES = ["Finance Minister", "Chief Executive", "Union Leader", "Mayor", "Professor"]
SYLL = ["ka", "lo", "mi", "ren", "tas", "vo", "bri", "dun", "sel", "gar", "to", "nik"]


def _status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status (VmRSS, VmHWM), in MB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return 0.0


def rss_mb() -> float:
    return _status_mb("VmRSS")


def reset_peak() -> bool:
    """Start the peak RSS (VmHWM) again from the current RSS; False where Linux does not allow
    it (then each stage's peak is the process's peak so far)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def peak_mb() -> float:
    """The process's peak RSS since the last `reset_peak` (VmHWM)."""
    return round(_status_mb("VmHWM"), 1)


def duckdb_mb(st: Store) -> float:
    """Memory DuckDB's buffer manager holds for the store (part of the RSS)."""
    try:
        row = st.con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()
    except Exception:  # an older DuckDB without duckdb_memory()
        return -1.0
    return round(float(row[0] or 0) / 2**20, 1) if row else -1.0


def surname(i: int) -> str:
    """A distinct made-up surname for person `i`."""
    parts = []
    n = i + 1
    while n:
        n, r = divmod(n, len(SYLL))
        parts.append(SYLL[r])
    return "".join(parts).capitalize()


def sentences(path: Path, limit: int = 200_000) -> list[str]:
    out: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            out += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text)
                    if 40 <= len(s.strip()) <= 240 and '"' not in s]
            if len(out) >= limit:
                break
    return out


def synthetic(i: int, rnd: random.Random, pool: list[str], earlier: list[str]) -> Article:
    """Article number `i`: a headline, filler sentences, and 2-5 quotes with offsets (the
    quotes' words drawn at random from the BBC vocabulary, so that like real quotes they
    rarely repeat; the near-copies repeat them)."""
    vocab = _vocab(pool)
    if earlier and rnd.random() < 0.02:  # a near-copy of an earlier article
        text = rnd.choice(earlier).replace(" the ", " a ", 1) + f"\nCopy {i}.\n"
        return Article(id=f"syn-{i}", text=text, published=None)
    parts = [f"Story {i}: {rnd.choice(pool)[:80]}\n\n"]
    ents: dict[str, Entity] = {}
    quotes: list[Quote] = []
    offset = len(parts[0])
    for _ in range(rnd.randint(2, 5)):
        filler = " ".join(rnd.choice(pool) for _ in range(2)) + " "
        parts.append(filler)
        offset += len(filler)
        person = rnd.randint(0, 50 + i // 3)
        full = f"{FIRST[person % len(FIRST)]} {surname(person)}"
        name = surname(person) if rnd.random() < 0.1 else full
        title = TITLES[person % len(TITLES)] if person % 3 == 0 else None
        words = " ".join(rnd.choice(vocab) for _ in range(rnd.randint(6, 16)))
        piece = f'"{words}," {name} said. '
        q0, n0 = offset + 1, offset + len(words) + 4
        c0 = n0 + len(name) + 1
        eid = f"p{len(ents) + 1}" if name not in ents else ents[name].id
        ent = ents.setdefault(name, Entity(eid, name, "person", [title] if title else [], []))
        ent.mentions.append([n0, n0 + len(name)])
        quotes.append(Quote("direct", words, q0, q0 + len(words),
                            SpeakerRef(ent.id, name, n0, n0 + len(name)), Cue("said", c0, c0 + 4),
                            confidence=0.9))
        parts.append(piece)
        offset += len(piece)
    text = "".join(parts)
    month = 1 + i % 12
    return Article(id=f"syn-{i}", text=text, published=f"20{10 + i % 15}-{month:02d}-01",
                   entities=list(ents.values()), quotes=quotes,
                   meta={"outlet": f"outlet{i % 40}", "url": f"https://n{i % 40}.example/{i}"})


_VOCAB: list[str] = []


def _vocab(pool: list[str]) -> list[str]:
    if not _VOCAB:
        _VOCAB.extend(sorted({w for s in pool[:20000] for w in re.findall(r"[a-z]{3,}", s)}))
    return _VOCAB


def items_for(batch: list[Article]) -> tuple[list[Item], list[Sighting]]:
    items, seen = [], []
    for pos, a in enumerate(batch):
        key = result_key(a)
        # what a worker hands the writer: the signature, record JSON and word runs made already
        items.append(prepared(Item(key=key, result=a, source="synthetic", sig=signature(a.text))))
        seen.append(Sighting(key, "synthetic", int(a.id.split("-")[1]) if a.id else pos, a.id,
                             a.meta.get("url"), a.meta.get("outlet"), a.published))
    return items, seen


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def latencies(path: Path, names: list[str], words: list[str], runs: int) -> dict[str, float]:
    out: dict[str, float] = {}
    with Store(path, read_only=True) as st:
        for label, fn in (("speaker", lambda k: st.quotes(speaker=names[k % len(names)],
                                                            limit=50)),
                          ("contains", lambda k: st.quotes(contains=words[k % len(words)],
                                                             limit=50)),
                          ("speakers", lambda k: st.speakers(limit=20)),
                          ("article", lambda k: st.article(f"syn-{k * 7919 % 1000}"))):
            fn(0)  # warm
            ts = []
            for k in range(runs):
                t = time.perf_counter()
                fn(k + 1)
                ts.append((time.perf_counter() - t) * 1000)
            out[f"{label}_p50_ms"] = round(statistics.median(ts), 1)
            out[f"{label}_p95_ms"] = round(pct(ts, 95), 1)
    return out


WORDS = ["minister", "growth economy", "government said", "football", "film award"]


def _names(articles: int) -> list[str]:
    """Speakers to look up: a spread over the bench's population."""
    return [f"{FIRST[p % len(FIRST)]} {surname(p)}"
            for p in range(0, 50 + articles // 3, max(1, articles // 90))]


def more(path: Path, start: int, n: int, batch: int, pool: list[str]) -> dict[str, object]:
    """Add `n` articles (ids from `start`) to an existing store, timing every batch: the mean,
    the slowest batches with their phases (where a level of the lookup index is moved)."""
    rnd = random.Random(16)
    earlier: list[str] = []
    per_batch: list[tuple[float, int, dict[str, float]]] = []
    with Store(path) as st:
        for lo in range(start, start + n, batch):
            arts = [synthetic(i, rnd, pool, earlier) for i in range(lo, min(start + n, lo + batch))]
            earlier = (earlier + [a.text for a in arts[:1]])[-500:]
            items, seen = items_for(arts)
            before = dict(PHASES)
            t = time.perf_counter()
            st.write(items, seen)
            ms = (time.perf_counter() - t) * 1000
            phases = {k: round((v - before.get(k, 0.0)) * 1000, 1) for k, v in PHASES.items()
                      if v - before.get(k, 0.0) > 0.05}
            per_batch.append((ms, lo - start, phases))
        rss = rss_mb()
        t = time.perf_counter()
        st.refresh_speaker_counts()  # what `onrecord run` does at its end: `speakers` reads these
        counts_s = time.perf_counter() - t
    ms_per_article = [ms / batch for ms, _, _ in per_batch]
    slowest = sorted(per_batch, key=lambda r: -r[0])[:5]
    return {"articles_before": start, "more": n, "batch": batch,
            "ms_per_article_mean": round(statistics.mean(ms_per_article), 3),
            "ms_per_article_median": round(statistics.median(ms_per_article), 3),
            "writer_rss_mb": round(rss, 1), "speaker_counts_s": round(counts_s, 2),
            "phase_ms_per_article": {k: round(sum(ph.get(k, 0.0) for _, _, ph in per_batch) / n, 3)
                                     for k in sorted({k for _, _, ph in per_batch for k in ph})},
            "slowest": [{"after_articles": start + k, "batch_ms": round(ms, 1), "phases_ms": ph}
                        for ms, k, ph in slowest]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--store", type=Path, help="store file (default: a temporary one)")
    ap.add_argument("--runs", type=int, default=40, help="runs per query for p50/p95")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--queries-only", action="store_true",
                    help="only time the queries on an existing --store written by this bench")
    ap.add_argument("--more", type=int, default=0,
                    help="add this many articles to an existing --store this bench wrote with "
                         "--articles (after its resume batch), timing every batch")
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"no BBC data at {args.data}: pass --data")
    if args.queries_only:
        print(json.dumps(latencies(args.store, _names(args.articles), WORDS, args.runs)))
        return
    if args.more:
        if args.store is None or not args.store.exists():
            sys.exit("--more needs the --store an earlier run of this bench wrote")
        print(json.dumps(more(args.store, args.articles + args.batch, args.more, args.batch,
                              sentences(args.data))))
        return
    pool = sentences(args.data)
    rnd = random.Random(15)
    tmp = tempfile.TemporaryDirectory()
    path = args.store or Path(tmp.name) / "scale.duckdb"
    batch_ms: list[float] = []
    checkpoints = []
    earlier: list[str] = []
    n_batches = -(-args.articles // args.batch)
    t_all = time.perf_counter()
    last_phases: dict[str, float] = {}
    last_done = 0
    peaks: dict[str, float] = {}  # each stage's peak RSS: the write, resume, counts, queries
    peaks_per_stage = reset_peak()
    with Store(path) as st:
        for b in range(n_batches):
            arts = [synthetic(i, rnd, pool, earlier)
                    for i in range(b * args.batch, min(args.articles, (b + 1) * args.batch))]
            earlier = (earlier + [a.text for a in arts[:1]])[-500:]
            items, seen = items_for(arts)
            t = time.perf_counter()
            st.write(items, seen)
            batch_ms.append((time.perf_counter() - t) * 1000 / len(arts))
            if (b + 1) % max(1, n_batches // 10) == 0 or b == n_batches - 1:
                done = min(args.articles, (b + 1) * args.batch)
                recent = batch_ms[-max(1, n_batches // 10):]
                phases = dict(PHASES)  # the writer's seconds per phase so far
                per = {k: round((v - last_phases.get(k, 0.0)) * 1000 / (done - last_done), 3)
                       for k, v in phases.items()}
                last_phases, last_done = phases, done
                checkpoints.append({"articles": done, "ms_per_article": round(
                    statistics.mean(recent), 3), "rss_mb": round(rss_mb(), 1),
                    "duckdb_mb": duckdb_mb(st), "python_objects": len(gc.get_objects()),
                    "phase_ms_per_article": per})
                if not args.json:
                    print(f"  {done:>9,} articles: {checkpoints[-1]['ms_per_article']:.3f} "
                          f"ms/article, RSS {checkpoints[-1]['rss_mb']:.0f} MB (DuckDB "
                          f"{checkpoints[-1]['duckdb_mb']:.0f} MB) "
                          + " ".join(f"{k} {v:.2f}" for k, v in per.items()), flush=True)
        writer_rss, writer_duckdb = rss_mb(), duckdb_mb(st)
    peaks["write"] = peak_mb()
    feed_s = time.perf_counter() - t_all
    tenth = max(1, len(batch_ms) // 10)
    first, last = statistics.mean(batch_ms[:tenth]), statistics.mean(batch_ms[-tenth:])
    # resume: reopen and write one batch (whatever state the writer loads is loaded here)
    reset_peak()
    t = time.perf_counter()
    with Store(path) as st:
        items, seen = items_for([synthetic(args.articles + k, rnd, pool, earlier)
                                 for k in range(args.batch)])
        st.write(items, seen)
        resume_rss = rss_mb()
    resume_s = time.perf_counter() - t
    peaks["resume"] = peak_mb()
    reset_peak()
    with Store(path) as st:  # what `onrecord run` does at its end: `speakers` reads these
        t = time.perf_counter()
        st.refresh_speaker_counts()
        counts_s = time.perf_counter() - t
    peaks["speaker_counts"] = peak_mb()
    names, words = _names(args.articles), WORDS
    reset_peak()
    queries = latencies(path, names, words, args.runs)
    peaks["queries"] = peak_mb()
    result = {
        "articles": args.articles, "batch": args.batch,
        "ms_per_article_first": round(first, 3), "ms_per_article_last": round(last, 3),
        "last_over_first": round(last / first, 2), "writer_rss_mb": round(writer_rss, 1),
        "writer_duckdb_mb": writer_duckdb,
        "articles_per_s": round(args.articles / feed_s, 1),
        "resume_first_batch_s": round(resume_s, 2), "resume_rss_mb": round(resume_rss, 1),
        "speaker_counts_s": round(counts_s, 2),
        "store_mb": round(os.path.getsize(path) / 2**20, 1),
        **queries,
        "peak_rss_mb": peaks, "peak_rss_per_stage": peaks_per_stage,
        "checkpoints": checkpoints,
        "machine": f"{platform.machine()} {os.cpu_count()} CPUs, Python {platform.python_version()}",
    }
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            if k != "checkpoints":
                print(f"{k}: {v}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
