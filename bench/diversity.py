"""Source gender against the Gender Gap Tracker's annotation (../shared/eval/dev_ggt.jsonl).

usage: PYTHONPATH=src python bench/diversity.py [GOLD.jsonl] [--pred PRED.jsonl] [--errors]

Runs onrecord on each gold article twice in one process (with and without first-name
statistics; one loaded model), or reads --pred (records of one run). Per article, the
predicted sources are the people (entities of kind person) that some quote is attributed
to, each with its `gender`; the gold sources are `sources_gender` ({female, male, unknown}
name lists). A predicted source and a gold one are the same person when the scorer's
`name_ok` (imported by path) matches the gold name to the entity's name or an alias; each is
matched once. Per gender G (female, male), summed over articles:
  precision = gold sources of gender G we gave G / sources we gave G
  recall    = gold sources of gender G we gave G / gold sources of gender G
Coverage: the share of gold sources of known gender that we found and gave a gender.
Share of women: female / (female + male) among our sources with a gender, beside the gold
share among gold sources of known gender. `--errors` lists the gold sources we missed or
gendered wrongly.
"""
from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eval_dev import EVAL_DIR, load_scorer

GENDERS = ("female", "male")


def sources(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The people a record's quotes are attributed to: {name, forms, gender}."""
    ents = {e["id"]: e for e in record.get("entities", [])}
    out, seen = [], set()
    for q in record.get("quotes", []):
        sid = (q.get("speaker") or {}).get("id")
        e = ents.get(sid) if sid else None
        if e is None or e["kind"] != "person" or sid in seen:
            continue
        seen.add(sid)
        out.append({"name": e["name"], "forms": [e["name"], *e.get("aliases", [])],
                    "gender": e.get("gender")})
    return out


def pair(gold: list[tuple[str, str]], pred: list[dict[str, Any]],
         name_ok: Callable[[str, dict[str, Any]], bool]) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, pred index): first by the entity's own name, then by
    any of its forms (so "Nicholson" goes to Trevor Nicholson, not Mary)."""
    used: set[int] = set()
    done: set[int] = set()
    out = []
    for by_forms in (False, True):
        for gi, (name, _) in enumerate(gold):
            if gi in done:
                continue
            for pi, p in enumerate(pred):
                forms = p["forms"] if by_forms else p["forms"][:1]
                if pi not in used and any(name_ok(f, {"speaker": name}) for f in forms):
                    used.add(pi)
                    done.add(gi)
                    out.append((gi, pi))
                    break
    return out


def score(gold_recs: list[dict[str, Any]], preds: dict[Any, dict[str, Any]],
          name_ok: Callable[[str, dict[str, Any]], bool],
          errors: list[str] | None = None) -> dict[str, Any]:
    """The counts and rates described in the module docstring."""
    n = {f"{k}_{g}": 0 for k in ("tp", "pred", "gold") for g in GENDERS}
    covered = known = 0
    for rec in gold_recs:
        sg = rec.get("sources_gender") or {}
        gold = [(name, g) for g in (*GENDERS, "unknown") for name in sg.get(g, [])]
        pred = sources(preds.get(rec["id"], {}))
        for p in pred:
            if p["gender"] in GENDERS:
                n[f"pred_{p['gender']}"] += 1
        matched = dict(pair(gold, pred, name_ok))
        if errors is not None:
            hit = set(matched.values())
            errors.extend(f"{rec['id']}: extra source {p['name']}: {p['gender']}"
                          for pi, p in enumerate(pred) if pi not in hit and p["gender"])
        for gi, (name, g) in enumerate(gold):
            if g not in GENDERS:
                continue
            known += 1
            n[f"gold_{g}"] += 1
            got = pred[matched[gi]]["gender"] if gi in matched else None
            if got is not None:
                covered += 1
            if got == g:
                n[f"tp_{g}"] += 1
            elif errors is not None:
                who = pred[matched[gi]]["name"] if gi in matched else "not found"
                errors.append(f"{rec['id']}: {name} ({g}) -> {who}: {got}")
    out: dict[str, Any] = dict(n)
    for g in GENDERS:
        p = n[f"tp_{g}"] / n[f"pred_{g}"] if n[f"pred_{g}"] else 0.0
        r = n[f"tp_{g}"] / n[f"gold_{g}"] if n[f"gold_{g}"] else 0.0
        out[f"precision_{g}"], out[f"recall_{g}"] = round(p, 3), round(r, 3)
        out[f"f1_{g}"] = round(2 * p * r / (p + r), 3) if p + r else 0.0
    out["coverage"] = round(covered / known, 3) if known else 0.0
    pf, pm = n["pred_female"], n["pred_male"]
    gf, gm = n["gold_female"], n["gold_male"]
    out["share_women_pred"] = round(pf / (pf + pm), 3) if pf + pm else 0.0
    out["share_women_gold"] = round(gf / (gf + gm), 3) if gf + gm else 0.0
    return out


def predict(gold: list[dict[str, Any]], *, name_gender: bool, nlp: Any = None
            ) -> tuple[dict[Any, dict[str, Any]], Any]:
    """onrecord's records for the gold articles, by id, and the model it loaded."""
    from onrecord.pipeline import Extractor

    ex = Extractor(nlp, name_gender=name_gender)
    recs = {r["id"]: ex.extract(r["text"], id=r["id"], published=r.get("published")).to_dict()
            for r in gold}
    return recs, ex.nlp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="?", default=str(EVAL_DIR / "dev_ggt.jsonl"))
    ap.add_argument("--pred", help="a JSONL of records from one run (scored once)")
    ap.add_argument("--errors", action="store_true", help="list the sources we got wrong")
    args = ap.parse_args(argv)
    path = Path(args.gold)
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    gold = [g for g in gold if "sources_gender" in g]
    name_ok = load_scorer(path.parent).name_ok
    if args.pred:
        lines = Path(args.pred).read_text(encoding="utf-8").splitlines()
        runs = {"pred": {r["id"]: r for r in map(json.loads, filter(None, lines))}}
    else:
        with_names, nlp = predict(gold, name_gender=True)
        without, _ = predict(gold, name_gender=False, nlp=nlp)
        runs = {"with name statistics": with_names, "without name statistics": without}
    print(f"{path.name}: {len(gold)} articles with sources_gender")
    for label, preds in runs.items():
        errs: list[str] | None = [] if args.errors else None
        s = score(gold, preds, name_ok, errs)
        print(f"\n{label}:")
        for g in GENDERS:
            print(f"  {g:6}  F1 {s[f'f1_{g}']:.3f}  P {s[f'precision_{g}']:.3f}  "
                  f"R {s[f'recall_{g}']:.3f}  (gold {s[f'gold_{g}']}, ours {s[f'pred_{g}']}, "
                  f"right {s[f'tp_{g}']})")
        print(f"  coverage {s['coverage']:.3f}   share of women {s['share_women_pred']:.3f} "
              f"(gold {s['share_women_gold']:.3f})")
        for e in errs or []:
            print("   ", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
