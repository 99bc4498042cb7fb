"""The writer's DuckDB memory limit: fixed by $ONRECORD_WRITER_MEMORY, or one that starts at
1 GB and grows with what DuckDB cannot evict (its ART indexes and rows not yet checkpointed),
so the cache stays small while a store is small and a large store does not stop for want of it."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

import duckdb

GB = 1 << 30
START = GB
STEP = 256 << 20  # limits are whole multiples of this
# The limit is kept at least this many times what DuckDB must hold: a checkpoint pins the
# indexes it writes and buffers besides (a store at 95% of its limit stopped at one).
HEADROOM = 1.5
# Tags of duckdb_memory() that DuckDB cannot drop to make room.
PINNED = ("ART_INDEX", "IN_MEMORY_TABLE", "TRANSACTION")
# The writer's write-ahead log is folded into the file after this much (DuckDB's default is
# 16 MB, and each checkpoint rewrites every ART index it holds: 1 s at a million articles).
# $ONRECORD_CHECKPOINT sets another size: a larger one checkpoints less often but holds more
# rows in memory until it does (384MB at 1.2M articles: DuckDB's commit 0.53 -> 0.28-0.35
# ms/article, writer RSS 1.8 -> 2.45 GB; BENCHMARKS.md).
CHECKPOINT = 128_000_000  # DuckDB's "128MB" (decimal), as before
_UNITS = {"": 1, "B": 1, "KB": 1 << 10, "KIB": 1 << 10, "MB": 1 << 20, "MIB": 1 << 20,
          "GB": GB, "GIB": GB, "TB": 1 << 40, "TIB": 1 << 40}


def machine_memory() -> int | None:
    """Bytes of physical memory, or None when the system does not say."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):
        return None


def parse_size(text: str) -> int:
    """'1GB', '512MB', '3 GiB' as bytes; ValueError for anything else."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?I?B?)\s*", text.upper())
    if not m or m.group(2) not in _UNITS:
        raise ValueError(f"not a memory size: {text!r} (say e.g. 2GB or 512MB)")
    return int(float(m.group(1)) * _UNITS[m.group(2)])


def wanted(pinned: int, limit: int, cap: int) -> int:
    """The limit for this much pinned memory: the current one while it has HEADROOM, else the
    next STEP multiple that has, never above `cap` (and never lower than now)."""
    need = int(pinned * HEADROOM)
    if need <= limit or limit >= cap:
        return limit
    return min(cap, -(-need // STEP) * STEP)


@dataclass
class MemoryLimit:
    """The limit a writer's connection runs under (in bytes), and whether it may grow."""

    limit: int
    cap: int
    fixed: bool
    checkpoint: int = CHECKPOINT

    @classmethod
    def from_env(cls, start: int | None = None) -> MemoryLimit:
        """$ONRECORD_WRITER_MEMORY when set (fixed), else growing from `start` (a limit an
        earlier run of this store reached) or START, up to half the machine's memory."""
        env = os.environ.get("ONRECORD_WRITER_MEMORY", "").strip()
        point = os.environ.get("ONRECORD_CHECKPOINT", "").strip()
        checkpoint = parse_size(point) if point else CHECKPOINT
        if env:
            size = parse_size(env)
            return cls(size, size, True, checkpoint)
        total = machine_memory()
        cap = max(START, total // 2) if total else START
        return cls(min(cap, max(START, start or 0)), cap, False, checkpoint)

    def text(self) -> str:
        return f"{self.limit // 2**20}MB"

    def apply(self, con: duckdb.DuckDBPyConnection) -> None:
        """Set the limit and the checkpoint size on a writer's connection."""
        con.execute(f"SET memory_limit = '{self.text()}'")
        con.execute(f"SET checkpoint_threshold = '{self.checkpoint}B'")

    def grow(self, con: duckdb.DuckDBPyConnection) -> bool:
        """After a batch: raise the limit if what DuckDB holds pinned needs it. Returns
        whether it did."""
        if self.fixed:
            return False
        tags = ",".join(f"'{t}'" for t in PINNED)
        row = con.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() "
                          f"WHERE tag IN ({tags})").fetchone()
        new = wanted(int(row[0]) if row else 0, self.limit, self.cap)
        if new == self.limit:
            return False
        self.limit = new
        con.execute(f"SET memory_limit = '{self.text()}'")
        return True

    def after_stop(self) -> int:
        """The limit a run that DuckDB stopped should resume with (more, when it may grow)."""
        if self.fixed:
            return self.limit
        return min(self.cap, -(-int(self.limit * HEADROOM) // STEP) * STEP)
