"""Robustness benches.

    python bench/robustness.py            # every BBC + PolNeAR train article: failed records
                                          # and offsets that do not point at their words
    python bench/robustness.py --long     # time one long article of 10k, 100k, 400k and 1.9M
                                          # characters (BBC articles joined end to end)
    python bench/robustness.py --long --sizes 10k,100k

`--long` prints, per size, the seconds, the microseconds per character and the quotes found,
then the ratio of time per character (largest / smallest), which should stay under 2: every
stage is linear in the article's length. The BBC text is read at run time from ../shared.
"""
import argparse
import glob
import json
import sys
import time
from pathlib import Path

from onrecord.pipeline import Extractor

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
SIZES = "10k,100k,400k,1.9M"


def offsets() -> int:
    texts = [json.loads(line)["text"] for line in _lines()]
    texts += [Path(f).read_text(encoding="utf-8", errors="replace")
              for f in sorted(glob.glob(str(SHARED / "polnear" / "data" / "train" / "text" / "*.txt")))]
    failures, bad_offsets, quotes = [], 0, 0
    for i, r in enumerate(Extractor().pipe(texts)):
        if not hasattr(r, "quotes"):
            failures.append((i, r.error))
            continue
        for q in r.quotes:
            quotes += 1
            ok = r.text[q.start:q.end] == q.text
            ok &= q.cue is None or r.text[q.cue.start:q.cue.end] == q.cue.text
            sp = q.speaker
            ok &= sp is None or sp.start is None or 0 <= sp.start < sp.end <= len(r.text)
            bad_offsets += not ok
    print(f"{len(texts)} articles, {quotes} quotes, {len(failures)} failed records "
          f"{failures[:3]}, {bad_offsets} quotes with inconsistent offsets")
    return 1 if failures or bad_offsets else 0


def _lines() -> list[str]:
    with open(SHARED / "bbc-news" / "articles.jsonl", encoding="utf-8") as fh:
        return fh.readlines()


def size(word: str) -> int:
    word = word.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(word[-1:], 1)
    return int(float(word.rstrip("km")) * scale)


def long_article(n: int) -> str:
    """BBC articles joined with blank lines until `n` characters, cut at a paragraph end."""
    paras: list[str] = []
    total = 0
    while total < n:
        for line in _lines():
            for p in json.loads(line)["text"].split("\n\n"):
                if total + len(p) + 2 > n:
                    return "\n\n".join(paras)
                paras.append(p)
                total += len(p) + 2
    return "\n\n".join(paras)


def long_articles(sizes: str) -> int:
    ex = Extractor()
    ex.extract("Warm-up. “It is done,” the mayor said.")
    rates = []
    for n in map(size, sizes.split(",")):
        text = long_article(n)
        t0 = time.perf_counter()
        art = ex.extract(text, id=f"long-{n}", published="2022-01-18")
        dt = time.perf_counter() - t0
        rates.append(dt / len(text))
        print(f"{len(text):>10,} chars  {dt:8.2f} s  {1e6 * dt / len(text):6.2f} µs/char  "
              f"{len(art.quotes):>6,} quotes", flush=True)
    ratio = rates[-1] / rates[0]
    print(f"time per character, largest / smallest: {ratio:.2f}× (should stay under 2×)")
    return 0 if ratio < 2 else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--long", action="store_true", help="time long articles instead")
    ap.add_argument("--sizes", default=SIZES, help=f"article sizes for --long (default {SIZES})")
    args = ap.parse_args()
    return long_articles(args.sizes) if args.long else offsets()


if __name__ == "__main__":
    sys.exit(main())
