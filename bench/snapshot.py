"""Regression snapshot: save every quote onrecord finds on the shared articles, then diff.

usage: snapshot.py save [--out DIR] [--sets dev,ggt,polnear-train,polnear-dev] [--workers N]
       snapshot.py diff [--out DIR] [--sets ...] [--workers N] [--limit N]

`save` writes one JSONL file per set under DIR (default out/snapshot, not committed: the
articles are others'). `diff` extracts again and prints each changed quote as
`article | before | after`, then one summary line per set; exit 0 either way (1 with --strict
when anything changed). Read from ../shared at run time; nothing of it enters the repository.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "out" / "snapshot"
SETS = ("dev", "ggt", "polnear-train", "polnear-dev")


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def articles(name: str) -> list[dict[str, Any]]:
    """The {"id", "text"} records of one set, in a fixed order."""
    ev = SHARED / "eval"
    if name == "dev":
        files = [ev / "dev.jsonl", *sorted(ev.glob("dev_bbc_*.jsonl"))]
        return [{"id": f"{f.stem}/{r['id']}", "text": r["text"]} for f in files
                for r in _jsonl(f)]
    if name == "ggt":
        return [{"id": r["id"], "text": r["text"]} for r in _jsonl(ev / "dev_ggt.jsonl")]
    if name.startswith("polnear-"):
        folder = SHARED / "data" / "polnear" / "data" / name.split("-", 1)[1] / "text"
        return [{"id": p.stem, "text": p.read_text(encoding="utf-8")}
                for p in sorted(folder.glob("*.txt"))]
    raise SystemExit(f"snapshot: unknown set {name!r} (known: {', '.join(SETS)})")


def summary(rec: dict[str, Any]) -> dict[str, Any]:
    """What the snapshot keeps of a record: its quotes and entities, without the text."""
    if "error" in rec:
        return {"id": rec["id"], "error": rec["error"]}
    quotes = []
    for q in rec["quotes"]:
        sp = q.get("speaker") or {}
        quotes.append({
            "kind": q["kind"], "start": q["start"], "end": q["end"], "text": q["text"],
            "speaker": sp.get("name"), "mention": [sp.get("start"), sp.get("end")],
            "cue": (q.get("cue") or {}).get("text"), "addressee": q.get("addressee"),
            "date": q.get("date"), "confidence": q.get("confidence"),
        })
    ents = sorted(f"{e['kind']}:{e['name']}" for e in rec.get("entities", []))
    return {"id": rec["id"], "published": rec.get("published"), "quotes": quotes,
            "entities": ents}


_ex: Any = None


def _init() -> None:
    global _ex
    from onrecord.pipeline import Extractor

    _ex = Extractor()


def _run(chunk: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [summary(r.to_dict()) for r in _ex.pipe(chunk)]


def extract(recs: list[dict[str, Any]], workers: int) -> list[dict[str, Any]]:
    """Summaries for `recs`, in order, over `workers` processes."""
    size = max(1, min(40, len(recs) // (workers * 4) or 1))
    chunks = [recs[i:i + size] for i in range(0, len(recs), size)]
    if workers <= 1:
        _init()
        return [s for c in chunks for s in _run(c)]
    with ProcessPoolExecutor(workers, initializer=_init) as pool:
        return [s for out in pool.map(_run, chunks) for s in out]


def _show(q: dict[str, Any] | None, width: int = 90) -> str:
    if q is None:
        return "-"
    body = q["text"].replace("\n", " ")
    body = body if len(body) <= width else body[:width - 1] + "…"
    return f"[{q['kind']}] {q['speaker'] or '(none)'} ← {body!r} ({q['cue'] or '-'})"


def diff_article(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str]]:
    """(before, after) for every quote that differs between two summaries of one article."""
    if "error" in old or "error" in new:
        if old.get("error") != new.get("error"):
            return [(old.get("error", "ok"), new.get("error", "ok"))]
        return []
    a = {(q["start"], q["end"]): q for q in old["quotes"]}
    b = {(q["start"], q["end"]): q for q in new["quotes"]}
    out = []
    for key in sorted(set(a) | set(b)):
        qa, qb = a.get(key), b.get(key)
        if qa != qb:
            out.append((_show(qa), _show(qb)))
    if old["entities"] != new["entities"]:
        gone = sorted(set(old["entities"]) - set(new["entities"]))
        came = sorted(set(new["entities"]) - set(old["entities"]))
        if gone or came:
            out.append(("entities " + "; ".join(gone), "entities " + "; ".join(came)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("save", "diff"))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="diff: print at most N changes per set")
    ap.add_argument("--strict", action="store_true", help="diff: exit 1 when anything changed")
    a = ap.parse_args(argv)
    if not (SHARED / "eval").is_dir():
        print(f"snapshot: {SHARED} is not present; nothing to do", file=sys.stderr)
        return 0
    changed = 0
    for name in a.sets.split(","):
        recs = articles(name)
        got = extract(recs, a.workers)
        path = a.out / f"{name}.jsonl"
        if a.action == "save":
            a.out.mkdir(parents=True, exist_ok=True)
            with path.open("w", encoding="utf-8") as fh:
                for s in got:
                    fh.write(json.dumps(s, ensure_ascii=False) + "\n")
            n = sum(len(s.get("quotes", [])) for s in got)
            print(f"{name}: {len(got)} articles, {n} quotes saved to {path}")
            continue
        if not path.exists():
            raise SystemExit(f"snapshot: no saved snapshot {path}; run `make snapshot` first")
        old = {s["id"]: s for s in _jsonl(path)}
        shown = 0
        n_changed = n_arts = 0
        for s in got:
            rows = diff_article(old.get(s["id"], {"id": s["id"], "quotes": [], "entities": []}), s)
            if not rows:
                continue
            n_arts += 1
            n_changed += len(rows)
            for before, after in rows:
                if not a.limit or shown < a.limit:
                    print(f"{name}/{s['id']}\n  before: {before}\n  after:  {after}")
                shown += 1
        changed += n_changed
        print(f"== {name}: {len(got)} articles, {n_changed} changes in {n_arts} articles")
    return 1 if a.strict and changed else 0


if __name__ == "__main__":
    sys.exit(main())
