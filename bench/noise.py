"""Does noisy input lower accuracy? Corrupt the gold dev articles with each kind of noise,
extract from clean and noisy copies, and score both with ../shared/eval/score.py.

usage: .venv/bin/python bench/noise.py [--bbc N] [--seed S]

Noise kinds (each applied to every article; `all` stacks mojibake, junk and boiler):
  curly      a control, not noise: straight quotes and apostrophes made typographic
  mojibake   curly, then the whole text read as Windows-1252 (“ -> â€œ, ’ -> â€™)
  gbk        curly, then the whole text read as GBK with undecodable bytes dropped
  junk       a random 6-10 letter watermark spliced inside 3 words (atxjmtzywtack)
  boiler     furniture lines after ~30% of paragraphs, a spam site name on the first line
Gold: ../shared/eval/dev*.jsonl (scored with score.py's own functions). With --bbc N, N BBC
articles are corrupted too and scored against onrecord's own output on the clean copy
(agreement: attributed F1 of noisy vs clean predictions).
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import random
import re
import string
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterator

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

SHARED = Path(__file__).resolve().parents[2] / "shared"
FURNITURE = ["Advertisement", "RELATED IMAGESview larger image", "Share this article",
             "Continue reading", "Sign up for our daily newsletter",
             "We use cookies to improve your experience. Accept all cookies",
             "Download the News app for iOS and Android", "Skip to main content"]
SPAM_NAMES = ["新闻速递网", "www.dailynewsmirror24.com", "ニュース速報"]


def load_score() -> Any:
    """score.py imported by path (it is not a package)."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def curly(text: str, rng: random.Random) -> str:
    """Typographic quotes and apostrophes (a clean change: news sites print them); a mark
    after a space or an opening bracket opens, any other closes."""
    text = re.sub(r"(^|(?<=[\s(\[—–-]))\"", "“", text, flags=re.M).replace('"', "”")
    return re.sub(r"(^|(?<=[\s(\[—–-]))'", "‘", text, flags=re.M).replace("'", "’")


def mojibake(text: str, rng: random.Random) -> str:
    """The whole page read as Windows-1252 (after curling its quotes)."""
    return curly(text, rng).encode("utf-8").decode("sloppy-windows-1252")


def gbk(text: str, rng: random.Random) -> str:
    """The whole page read as GBK, undecodable bytes dropped (after curling its quotes)."""
    return curly(text, rng).encode("utf-8").decode("gbk", errors="ignore")


def junk(text: str, rng: random.Random, n: int = 3) -> str:
    words = [i for i, w in enumerate(text.split(" ")) if w.isalpha() and w.islower()
             and len(w) >= 5]
    parts = text.split(" ")
    for i in rng.sample(words, min(n, len(words))):
        w = parts[i]
        cut = rng.randint(1, len(w) - 1)
        run = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(6, 10)))
        parts[i] = w[:cut] + run + w[cut:]
    return " ".join(parts)


def boiler(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    out = [rng.choice(SPAM_NAMES)]
    for line in lines:
        out.append(line)
        if line.strip() and rng.random() < 0.3:
            out.append(rng.choice(FURNITURE))
    return "\n".join(out)


def stacked(text: str, rng: random.Random) -> str:
    return boiler(junk(mojibake(text, rng), rng), rng)


NOISE: dict[str, Callable[[str, random.Random], str]] = {
    "clean": lambda t, r: t, "curly": curly, "mojibake": mojibake, "gbk": gbk, "junk": junk,
    "boiler": boiler, "all": stacked}


def run(extractor: Any, recs: list[dict[str, Any]]) -> tuple[dict[str, Any], float]:
    """Predictions by id (the record's dict form) and the seconds it took."""
    t0 = time.perf_counter()
    out = {}
    for rec, res in zip(recs, extractor.pipe([{"id": r["id"], "text": r["text"]}
                                              for r in recs])):
        out[rec["id"]] = res.to_dict()
    return out, time.perf_counter() - t0


def pseudo_gold(preds: dict[str, Any], recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """onrecord's clean-copy output in the gold format, to score noisy runs against."""
    gold = []
    for r in recs:
        qs = [{"content": q["text"], "speaker": (q.get("speaker") or {}).get("name") or "",
               "aliases": []} for q in preds[r["id"]].get("quotes", [])]
        gold.append({"id": r["id"], "quotes": qs})
    return gold


@contextlib.contextmanager
def repairs_off() -> Iterator[None]:
    """Run the pipeline with clean_text as the identity, to show what the repairs buy."""
    import onrecord.ingest.clean as clean

    saved = clean.clean_text
    clean.clean_text = lambda text: (text, [])
    try:
        yield
    finally:
        clean.clean_text = saved


def repairs_count(preds: dict[str, Any]) -> str:
    n: dict[str, int] = {}
    for p in preds.values():
        for r in p.get("repairs", []):
            n[r["kind"]] = n.get(r["kind"], 0) + 1
    return ", ".join(f"{k} {v}" for k, v in sorted(n.items()) if k != "typo") or "-"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bbc", type=int, default=100, help="BBC articles for the agreement run")
    ap.add_argument("--seed", type=int, default=3)
    a = ap.parse_args(argv)
    if not (SHARED / "eval").is_dir():
        print("../shared/eval is not present", file=sys.stderr)
        return 1
    from onrecord.pipeline import Extractor

    score = load_score()
    gold = [json.loads(l) for f in sorted((SHARED / "eval").glob("dev*.jsonl"))
            for l in f.open(encoding="utf-8") if l.strip()]
    ex = Extractor()
    print(f"gold articles: {len(gold)} ({sum(len(g['quotes']) for g in gold)} quotes)")
    print("| noise | articles changed | attributed F1 | quote F1 | speaker acc "
          "| attributed F1 without repairs | repairs made |")
    print("|---|---|---|---|---|---|---|")
    for name, noise in NOISE.items():
        rng = random.Random(a.seed)
        recs = [dict(g, text=noise(g["text"], rng)) for g in gold]
        preds, _ = run(ex, recs)
        res, _ = score.score(gold, preds)
        with repairs_off():
            raw, _ = run(ex, recs)
        off, _ = score.score(gold, raw)
        changed = sum(r["text"] != g["text"] for r, g in zip(recs, gold))
        print(f"| {name} | {changed}/{len(gold)} | {res['attributed_F1']:.3f} | {res['F1']:.3f} "
              f"| {res['speaker_acc']:.3f} | {off['attributed_F1']:.3f} | "
              f"{repairs_count(preds)} |")
    if a.bbc:
        bbc_path = SHARED / "data" / "bbc-news" / "articles.jsonl"
        rows = [json.loads(l) for l in bbc_path.open(encoding="utf-8")]
        sample = random.Random(a.seed).sample(rows, min(a.bbc, len(rows)))
        clean, _ = run(ex, sample)
        ref = pseudo_gold(clean, sample)
        print(f"\nBBC agreement ({len(sample)} articles, "
              f"{sum(len(g['quotes']) for g in ref)} quotes on the clean copies):")
        print("| noise | articles changed | agreement attributed F1 | agreement quote F1 "
              "| without repairs | repairs made |")
        print("|---|---|---|---|---|---|")
        for name, noise in NOISE.items():
            if name == "clean":
                continue
            rng = random.Random(a.seed)
            recs = [dict(r, text=noise(r["text"], rng)) for r in sample]
            preds, _ = run(ex, recs)
            res, _ = score.score(ref, preds)
            with repairs_off():
                raw, _ = run(ex, recs)
            off, _ = score.score(ref, raw)
            changed = sum(r["text"] != o["text"] for r, o in zip(recs, sample))
            print(f"| {name} | {changed}/{len(sample)} | {res['attributed_F1']:.3f} | "
                  f"{res['F1']:.3f} | {off['attributed_F1']:.3f} | {repairs_count(preds)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
