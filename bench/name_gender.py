"""How far first-name statistics agree with the gender articles show, at several thresholds.

usage: PYTHONPATH=src python bench/name_gender.py STORE.duckdb | RECORDS.jsonl

The people of a store (or of a JSONL of records) whose article itself shows a gender (an
honorific, or pronouns about them: `gender_basis` honorific or pronoun) and who have a first
name are held-out truth for nomquamgender's table: for each uncertainty threshold (the share
of a name's recorded bearers of the other gender) and minimum count of bearers, the share of
those people the table covers, and how many of them it genders as the article does. No
evaluation set is used, so the threshold chosen in speakers/genders.py is not fitted to one.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3)
MIN_COUNTS = (10, 50)


def records(path: Path) -> Iterator[dict[str, Any]]:
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            yield from (json.loads(line) for line in fh if line.strip())
        return
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    for (rec,) in con.execute("SELECT record FROM articles").fetchall():
        yield json.loads(rec)


def shown(recs: Iterator[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(first name, gender, basis) of every person whose article shows their gender."""
    out = []
    for r in recs:
        for e in r.get("entities", []):
            if e.get("kind") == "person" and e.get("gender_basis") in ("honorific", "pronoun") \
                    and len(e["name"].split()) >= 2:
                out.append((e["name"].split()[0].lower().strip("."), e["gender"], e["gender_basis"]))
    return out


def table() -> dict[str, list[Any]]:
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("nomquamgender is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    return json.loads(path.read_text(encoding="utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="a DuckDB store or a JSONL of records")
    args = ap.parse_args()
    people = shown(records(args.source))
    names = table()
    print(f"{len(people)} people whose article shows their gender ({args.source.name})")
    print("| basis | min bearers | threshold | people | covered | agree | disagree |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for basis in ("honorific", "pronoun"):
        group = [(f, g) for f, g, b in people if b == basis]
        for mc in MIN_COUNTS:
            for t in THRESHOLDS:
                rows = [(names[f][2], g) for f, g in group
                        if f in names and names[f][1] >= mc and min(names[f][2], 1 - names[f][2]) <= t]
                right = sum(("female" if p >= 0.5 else "male") == g for p, g in rows)
                print(f"| {basis} | {mc} | {t:.2f} | {len(group)} | {len(rows) / len(group):.3f} | "
                      f"{right / max(len(rows), 1):.3f} | {len(rows) - right} |")


if __name__ == "__main__":
    main()
