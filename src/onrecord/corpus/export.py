"""Export the store's tables as Parquet files, one per table, for other tools."""
from __future__ import annotations

import os
from pathlib import Path

from onrecord.corpus.store import Store
from onrecord.corpus.tables import SCHEMAS
from onrecord.errors import BadArgument

TABLES = ("articles", "quotes", "speakers", "mentions", "repairs", "errors", "duplicates",
          "sightings")

# Each article lists the input records it was read as (sightings.parquet has them too).
_SELECT = {"articles": (
    "SELECT a.*, coalesce(s.sightings, []) AS sightings FROM articles a LEFT JOIN "
    "(SELECT article_id, list({'source_id': source_id, 'source': source, 'pos': pos, "
    "'url': url, 'outlet': outlet, 'published': published, 'read_at': read_at} "
    "ORDER BY read_at, source, pos, id) AS sightings FROM sightings GROUP BY article_id) s "
    "ON s.article_id = a.id ORDER BY a.rowid")}


def check_target(out_dir: str | os.PathLike[str], *, force: bool = False) -> None:
    """Refuse (BadArgument) a target that is a file, or a folder already holding the export's
    files unless `force`: checked before any work, so `run --export` fails at once."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise BadArgument(f"{out} is a file, not a folder: give the folder to write "
                          f"{len(TABLES)} Parquet files into")
    there = [f"{t}.parquet" for t in TABLES if (out / f"{t}.parquet").exists()]
    if there and not force:
        shown = ", ".join(there[:3]) + (f" and {len(there) - 3} more" if len(there) > 3 else "")
        raise BadArgument(f"{out} already holds {shown}: use --force to overwrite them, or "
                          "another folder")
    parent = out if out.is_dir() else next((p for p in out.parents if p.exists()), Path("."))
    if not os.access(parent, os.W_OK):
        raise BadArgument(f"cannot write to {parent}: permission denied")


def export_parquet(store: Store, out_dir: str | os.PathLike[str], *,
                   force: bool = False) -> list[Path]:
    """Write DIR/<table>.parquet for every table; returns the files written. Refuses a file,
    or a folder that already holds them unless `force` (see check_target)."""
    check_target(out_dir, force=force)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for table in TABLES:
        assert table in SCHEMAS
        path = out / f"{table}.parquet"
        quoted = str(path).replace("'", "''")
        store.con.execute(f"COPY ({_SELECT.get(table, f'SELECT * FROM {table}')}) "
                          f"TO '{quoted}' (FORMAT PARQUET)")
        files.append(path)
    return files
