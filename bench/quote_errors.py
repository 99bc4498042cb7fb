"""Quote misses, false quotes and boundary errors on any gold file, grouped by error class.

usage: quote_errors.py GOLD.jsonl [GOLD.jsonl ...] [--pred PRED.jsonl | --cmd CMD] [-v N] [--md]

Matches predictions to gold exactly as ../shared/eval/score.py does (imported by path) and puts
each required gold quote that is missed, each false quote and each matched quote whose
boundaries are off (token F1 < 0.9) in one class read off the text around it: layouts,
quotation marks, reported speech, segmentation, not-quotes. `-v N` prints N examples per class.
The classes are coarse and general (no article is named); they say where to look, not why.
"""
from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from eval_dev import EVAL_DIR, load_scorer

# Paragraph openings that are layouts, not prose.
INTERVIEW = re.compile(r"^\s*(Q|A|Q\.|A\.|Question|Answer)\s*[:.]\s", re.I)
LABEL = re.compile(r"^\s*[A-Z][\w.'’ -]{0,40}:\s")
SIGNATURE = re.compile(r"[”\"]\s*[—–-]{1,2}\s*[A-Z]")
CAPTION = re.compile(r"^\s*(WATCH|READ MORE|RELATED|LISTEN|PHOTOS?|VIDEO|MORE)\b", re.I)
DOUBLE = "\"“”«»„"
SINGLE = "'‘’"
# Cues of a refusal, of inference rather than speech, and verbs of saying in another sense.
REFUSAL = re.compile(r"\b(declin\w*|refus\w*|would not|wouldn't|did not|didn't|won't|"
                     r"could not|couldn't)\s+(to\s+)?(say|comment|confirm|disclose|specify|"
                     r"reveal|elaborate|discuss)\b", re.I)
INFERENCE = re.compile(r"^(suggest|estimat|indicat|show|predict|found|find|mean|impl|"
                       r"reveal|project|forecast|calculat|assum|expect)", re.I)


def locate(text: str, content: str) -> tuple[int, int] | None:
    """Where a gold content string sits in the article (exact, then case-folded), else None."""
    i = text.find(content)
    if i < 0:
        i = text.lower().find(content.lower())
    return (i, i + len(content)) if i >= 0 else None


def paragraph(text: str, at: int) -> tuple[int, str]:
    """The paragraph (blank-line or line delimited) around offset `at`, with its start."""
    lo = max(text.rfind("\n", 0, at) + 1, 0)
    hi = text.find("\n", at)
    return lo, text[lo: hi if hi >= 0 else len(text)]


def marked_by(text: str, lo: int, hi: int) -> str:
    """'double', 'single' or '' for the marks just outside (or at the edges of) [lo, hi)."""
    before = text[max(0, lo - 2): lo + 1]
    after = text[max(lo, hi - 1): hi + 3]
    if any(c in DOUBLE for c in before) or any(c in DOUBLE for c in after):
        return "double"
    if any(c in SINGLE for c in before[-2:-1] + before[:1]) and any(c in SINGLE for c in after):
        return "single"
    return ""


def _segmentation(span: tuple[int, int] | None, others: list[tuple[int, int] | None],
                  here: str, there: str) -> str:
    """How a span overlaps the other side's spans (by characters) when none matched it."""
    if span is None:
        return ""
    lo, hi = span
    hits = [o for o in others if o and min(hi, o[1]) - max(lo, o[0]) > 0]
    if len(hits) >= 2:
        return f"segmentation/one {here} over several {there}s"
    if hits and hits[0][0] <= lo and hits[0][1] >= hi:
        return f"segmentation/{here} inside a longer {there}"
    if hits and hits[0][0] >= lo and hits[0][1] <= hi:
        return f"segmentation/{here} around a shorter {there}"
    if hits:
        return f"segmentation/{here} overlaps a {there}"
    return ""


def _pspan(p: dict[str, Any]) -> tuple[int, int]:
    return int(p.get("start", 0) or 0), int(p.get("end", 0) or 0)


def missed_class(text: str, g: dict[str, Any], preds: list[dict[str, Any]], scorer: Any) -> str:
    """The class of a required gold quote that no prediction matched."""
    seg = _segmentation(locate(text, g["content"]), [_pspan(p) for p in preds], "gold", "pred")
    if seg:
        return seg
    where = locate(text, g["content"])
    if where is None:
        return "other/gold not a substring"
    p0, para = paragraph(text, where[0])
    if INTERVIEW.match(para) or LABEL.match(para):
        return "layout/label or interview turn"
    if SIGNATURE.search(para) or text[:p0].rstrip().endswith(":"):
        return "layout/signature or label line"
    marks = marked_by(text, *where)
    if marks == "single":
        return "marks/single marks"
    if marks == "double" or g.get("kind") == "direct":
        return "direct/other"
    cue = (g.get("cue") or "").strip()
    if not cue:
        return "reported/no cue"
    rel = para.find(cue)
    start = where[0] - p0
    if rel > start:
        return "reported/content before its cue"
    if rel >= 0 and len(para[rel + len(cue): start].split()) > 2:
        return "reported/words between cue and content"
    return "reported/other"


def false_class(text: str, p: dict[str, Any], golds: list[dict[str, Any]], scorer: Any) -> str:
    """The class of a predicted quote that matched no gold quote."""
    ptext = p.get("text", "")
    seg = _segmentation(_pspan(p), [locate(text, g["content"]) for g in golds], "pred", "gold")
    if seg:
        return seg
    start = int(p.get("start", 0) or 0)
    _, para = paragraph(text, start)
    if CAPTION.match(para):
        return "not-quote/caption or link line"
    cue = ((p.get("cue") or {}).get("text") or "")
    window = text[max(0, start - 80): start]
    if REFUSAL.search(window + " " + cue):
        return "not-quote/refusal"
    if cue and INFERENCE.match(cue.split()[-1]):
        return "not-quote/inference verb"
    words = ptext.split()
    if p.get("kind") == "direct" and len(words) <= 6 and all(w[:1].isupper() for w in words
                                                             if len(w) > 3):
        return "not-quote/title of a work"
    return f"other/{p.get('kind', '?')}"


def boundary_class(text: str, g: dict[str, Any], p: dict[str, Any]) -> str:
    """Where a matched quote's span differs from the gold one."""
    where = locate(text, g["content"])
    if where is None:
        return "boundary/gold not a substring"
    lo, hi = int(p.get("start", 0)), int(p.get("end", 0))
    parts = []
    if lo < where[0] - 1:
        parts.append("starts early")
    elif lo > where[0] + 1:
        parts.append("starts late")
    if hi > where[1] + 1:
        parts.append("ends late")
    elif hi < where[1] - 1:
        parts.append("ends early")
    return f"boundary/{g.get('kind', '?')} " + (" + ".join(parts) or "inside")


def classify(gold: list[dict[str, Any]], preds: dict[Any, dict[str, Any]], scorer: Any
             ) -> dict[str, list[tuple[str, str]]]:
    """Every error, grouped: class -> [(article id, example)]."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for rec in gold:
        text, golds = rec["text"], rec["quotes"]
        pq = (preds.get(rec["id"]) or {}).get("quotes", [])
        m = scorer.match(golds, pq, 0.5)
        hit = {gi: (pi, s) for gi, pi, s in m}
        used = {pi for _, pi, _ in m}
        for gi, g in enumerate(golds):
            if g.get("optional"):
                continue
            if gi not in hit:
                out["missed " + missed_class(text, g, pq, scorer)].append(
                    (rec["id"], g["content"]))
            elif hit[gi][1] < 0.9:
                p = pq[hit[gi][0]]
                out[boundary_class(text, g, p)].append(
                    (rec["id"], f"gold {g['content']!r}\n        pred {p.get('text', '')!r}"))
        for pi, p in enumerate(pq):
            if pi not in used:
                cue = (p.get("cue") or {}).get("text") or "-"
                out["false " + false_class(text, p, golds, scorer)].append(
                    (rec["id"], f"[{cue}] {p.get('text', '')}"))
    return out


def predictions(gold: list[dict[str, Any]], cmd: str) -> dict[Any, dict[str, Any]]:
    """Run the extraction command once on the gold texts; records by id."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as t:
        for r in gold:
            t.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
    cp = subprocess.run([*shlex.split(cmd), t.name], capture_output=True, text=True, check=False)
    Path(t.name).unlink()
    if cp.returncode != 0:
        sys.exit(f"command failed rc={cp.returncode}: {cp.stderr[-2000:]}")
    return {d.get("id"): d for d in map(json.loads, filter(str.strip, cp.stdout.splitlines()))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--pred", help="a JSONL of predicted records (else --cmd is run)")
    ap.add_argument("--cmd", default=".venv/bin/onrecord extract --format jsonl")
    ap.add_argument("-v", "--examples", type=int, default=0, help="examples per class")
    ap.add_argument("--md", action="store_true", help="a Markdown table")
    a = ap.parse_args(argv)
    scorer = load_scorer(EVAL_DIR)
    gold = [json.loads(x) for f in a.gold for x in Path(f).read_text("utf-8").splitlines()
            if x.strip()]
    if a.pred:
        lines = Path(a.pred).read_text("utf-8").splitlines()
        preds = {d.get("id"): d for d in map(json.loads, filter(str.strip, lines))}
    else:
        preds = predictions(gold, a.cmd)
    errors = classify(gold, preds, scorer)
    order = sorted(errors, key=lambda k: (k.split()[0], -len(errors[k]), k))
    totals = Counter({k.split()[0]: 0 for k in order})
    for k in order:
        totals[k.split()[0]] += len(errors[k])
    if a.md:
        print("| class | count |\n|---|---:|")
    for k in order:
        print(f"| {k} | {len(errors[k])} |" if a.md else f"{len(errors[k]):5d}  {k}")
        for aid, ex in errors[k][:a.examples]:
            print(f"        {aid}: {ex[:300]!r}" if "\n" not in ex else f"        {aid}: {ex}")
    print(("| **total** | " if a.md else "total  ") + ", ".join(
        f"{n} {kind}" for kind, n in totals.items()) + (" |" if a.md else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
