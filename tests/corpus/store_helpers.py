"""What the corpus tests read back: a store's rows (opened read-only and closed again) and
whether a process is still alive."""
from __future__ import annotations

import duckdb


def rows(store, sql, params=()):
    """The rows `sql` gives on the DuckDB store at `store`."""
    con = duckdb.connect(str(store), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def alive(pid):
    """The process exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
