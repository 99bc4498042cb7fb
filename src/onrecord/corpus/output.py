"""Print rows from the store as a table, JSON lines or CSV."""
from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO

# Widest a table cell gets before it is cut with an ellipsis.
MAX_CELL = 70


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return "; ".join(_cell(x) for x in v)
    if isinstance(v, dict):
        return str(v.get("id", v))
    if isinstance(v, float):
        return f"{v:.2f}"
    return " ".join(str(v).split())


def write_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str,
               out: TextIO) -> None:
    """`rows` as an aligned table (`columns` only), JSON lines (everything) or CSV (`columns`)."""
    if fmt in ("jsonl", "json"):
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        w = csv.writer(out)
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
    else:
        cells = [[_cut(_cell(r.get(c))) for c in columns] for r in rows]
        widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
        out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
        for row in cells:
            out.write("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")


def _cut(s: str) -> str:
    return s if len(s) <= MAX_CELL else s[:MAX_CELL - 1] + "…"
