"""The dev articles (../shared/eval/dev*.jsonl): score.py's metrics and recall per construction.

The metrics come from ../shared/eval/score.py itself (imported by path), so every system is
scored exactly as `make eval` scores onrecord.
"""
from __future__ import annotations

import importlib.util
import json
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

from eval_constructions import source_type

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"
DEV_LABELS = ("all", "direct", "mixed", "indirect", "source:named", "source:nominal",
              "source:organisational", "continuation")


def load_scorer(eval_dir: Path = EVAL_DIR) -> ModuleType:
    """../shared/eval/score.py as a module."""
    spec = importlib.util.spec_from_file_location("onrecord_shared_score", eval_dir / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(eval_dir / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_gold(eval_dir: Path = EVAL_DIR) -> list[dict[str, Any]]:
    """Every gold article of dev*.jsonl, in file order."""
    out = []
    for f in sorted(eval_dir.glob("dev*.jsonl")):
        out.extend(json.loads(line) for line in f.read_text(encoding="utf-8").splitlines()
                   if line.strip())
    return out


def labels(q: dict[str, Any]) -> list[str]:
    """Construction labels of one gold quote: kind, speaker type, continuation (no cue)."""
    labs = [q.get("kind", "?"), "source:" + source_type(q.get("speaker"))]
    if not (q.get("cue") or "").strip():
        labs.append("continuation")
    return labs


def breakdown(scorer: ModuleType, gold: list[dict[str, Any]],
              preds: dict[Any, dict[str, Any]]) -> dict[str, Counter[str]]:
    """Per construction: required gold quotes, matched (partial), exact, attributed."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for rec in gold:
        golds = rec["quotes"]
        pq = (preds.get(rec["id"]) or {}).get("quotes", [])
        m = {gi: (pi, s) for gi, pi, s in scorer.match(golds, pq, 0.5)}
        for gi, g in enumerate(golds):
            if g.get("optional"):
                continue
            hit = m.get(gi)
            ok = bool(hit) and scorer.name_ok(scorer.speaker_name(pq[hit[0]]), g)
            for lab in ["all", *labels(g)]:
                c = out[lab]
                c["n"] += 1
                c["matched"] += bool(hit)
                c["exact"] += bool(hit) and hit[1] >= 0.9
                c["attributed"] += ok
    return dict(out)


def breakdown_table(by_system: dict[str, dict[str, Counter[str]]]) -> str:
    """Markdown: one row per construction, attributed recall (and quote recall) per system."""
    names = list(by_system)
    rows = ["| construction | gold | " + " | ".join(f"{n} attributed R (quote R)" for n in names) + " |",
            "|---|---:|" + "---:|" * len(names)]
    for lab in DEV_LABELS:
        first = next(iter(by_system.values()), {}).get(lab)
        if not first or not first["n"]:
            continue
        cells = []
        for n in names:
            c = by_system[n].get(lab, Counter())
            k = c["n"] or 1
            cells.append(f"{c['attributed'] / k:.2f} ({c['matched'] / k:.2f})")
        rows.append(f"| {lab} | {first['n']} | " + " | ".join(cells) + " |")
    return "\n".join(rows)
