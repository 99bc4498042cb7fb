"""Export the store's tables as Parquet files, one per table, for other tools."""
from __future__ import annotations

import os
from pathlib import Path

from onrecord.corpus.store import SCHEMAS, Store

TABLES = ("articles", "quotes", "speakers", "mentions", "repairs", "errors", "duplicates")


def export_parquet(store: Store, out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write DIR/<table>.parquet for every table; returns the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for table in TABLES:
        assert table in SCHEMAS
        path = out / f"{table}.parquet"
        quoted = str(path).replace("'", "''")
        store.con.execute(f"COPY (SELECT * FROM {table}) TO '{quoted}' (FORMAT PARQUET)")
        files.append(path)
    return files
