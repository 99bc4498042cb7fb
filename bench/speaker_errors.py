"""Speaker errors on any gold file, by the kind of mention the attribution used.

usage: PYTHONPATH=src python bench/speaker_errors.py GOLD.jsonl [GOLD.jsonl ...]
           [--pred PRED.jsonl] [--examples N] [--kind pronoun]

Runs onrecord on the gold articles (or reads --pred, a JSONL of records), matches predicted to
gold quotes exactly as ../shared/eval/score.py does (imported by path), and prints, for each
speaker mention kind (name, title, descriptor, pronoun, label, carry; `none` when no speaker
was given), how many matched quotes used it and how many of those have the wrong speaker;
then up to N examples per kind: gold speaker, predicted speaker, the mention's words.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from eval_dev import load_scorer

KINDS = ("name", "title", "descriptor", "pronoun", "label", "carry", "none")


def predict(gold: list[dict[str, Any]]) -> dict[Any, dict[str, Any]]:
    """onrecord's records for the gold articles, by id."""
    from onrecord.pipeline import Extractor

    ex = Extractor()
    return {r["id"]: ex.extract(r["text"], id=r["id"]).to_dict() for r in gold}


def errors(scorer: Any, gold: list[dict[str, Any]], preds: dict[Any, dict[str, Any]],
           ) -> tuple[Counter[str], Counter[str], dict[str, list[str]]]:
    """Matched required quotes and wrong speakers per mention kind, with examples."""
    seen: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for rec in gold:
        golds = rec["quotes"]
        pq = (preds.get(rec["id"]) or {}).get("quotes", [])
        text = (preds.get(rec["id"]) or {}).get("text", "")
        for gi, pi, _ in scorer.match(golds, pq, 0.5):
            g = golds[gi]
            if g.get("optional"):
                continue
            p = pq[pi]
            sp = p.get("speaker") or {}
            kind = sp.get("mention") or ("none" if not sp else "?")
            seen[kind] += 1
            if scorer.name_ok(scorer.speaker_name(p), g):
                continue
            wrong[kind] += 1
            words = text[sp["start"]:sp["end"]] if sp.get("start") is not None else "-"
            examples[kind].append(
                f"[{rec['id']}] gold={g['speaker']!r} pred={sp.get('name')!r} "
                f"mention={words!r} quote={p.get('text', '')[:70]!r}")
    return seen, wrong, examples


def table(seen: Counter[str], wrong: Counter[str]) -> str:
    rows = ["| mention | matched | wrong | accuracy |", "|---|---:|---:|---:|"]
    for k in [*KINDS, *sorted(set(seen) - set(KINDS))]:
        if seen[k]:
            rows.append(f"| {k} | {seen[k]} | {wrong[k]} | {1 - wrong[k] / seen[k]:.3f} |")
    n, w = sum(seen.values()), sum(wrong.values())
    rows.append(f"| all | {n} | {w} | {1 - w / n if n else 0:.3f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--pred", help="records to read instead of running onrecord")
    ap.add_argument("--examples", type=int, default=0, help="examples per kind")
    ap.add_argument("--kind", help="only this kind's examples")
    a = ap.parse_args(argv)
    scorer = load_scorer()
    gold = [json.loads(line) for f in a.gold
            for line in Path(f).read_text(encoding="utf-8").splitlines() if line.strip()]
    if a.pred:
        preds = {d.get("id"): d for d in (json.loads(x) for x in Path(a.pred).read_text(
            encoding="utf-8").splitlines() if x.strip())}
    else:
        preds = predict(gold)
    seen, wrong, examples = errors(scorer, gold, preds)
    print(table(seen, wrong))
    if a.examples:
        for k, lines in sorted(examples.items(), key=lambda kv: -len(kv[1])):
            if a.kind and k != a.kind:
                continue
            print(f"\n## {k}: {len(lines)} wrong")
            for line in lines[:a.examples]:
                print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
