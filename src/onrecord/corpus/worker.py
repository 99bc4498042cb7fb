"""What a worker does with a batch: extract every record and sign it for near-duplicate search."""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from onrecord.corpus.dedup import signature
from onrecord.corpus.store import Item
from onrecord.ingest.record import InputRecord
from onrecord.model import Article, Failure

_extractor: Any = None


@dataclass(slots=True)
class Task:
    """One input record to process, with its content key and the file it came from."""

    key: str
    source: str | None
    record: InputRecord | Failure


def init_worker(batch_size: int, parent_pid: int | None = None) -> None:
    """Load this process's Extractor; exit on our own if the parent dies (kill -9)."""
    global _extractor
    from onrecord.pipeline import Extractor

    _extractor = Extractor(batch_size=batch_size)
    if parent_pid is not None:
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(0.5)
    os._exit(1)


def process(tasks: Sequence[Task], extractor: Any = None) -> list[Item]:
    """Items for `tasks`, in order: one Article or Failure each, never an exception."""
    ex = extractor if extractor is not None else _extractor
    if ex is None:
        raise RuntimeError("worker not initialised: call init_worker() first")
    records = [t.record for t in tasks]
    try:
        results = list(ex.pipe(records))
        if len(results) != len(records):
            raise RuntimeError(f"extractor returned {len(results)} results for "
                               f"{len(records)} records")
    except Exception:
        results = [_one(ex, r) for r in records]  # find the record that breaks the batch
    return [_item(t, r) for t, r in zip(tasks, results)]


def _one(ex: Any, rec: InputRecord | Failure) -> Article | Failure:
    try:
        return next(iter(ex.pipe([rec])))
    except Exception as e:
        rid = rec.id if rec is not None else None
        return Failure(id=rid, error=f"extraction failed: {type(e).__name__}: {e}")


def _item(task: Task, result: Article | Failure) -> Item:
    sig = signature(result.text) if isinstance(result, Article) else None
    return Item(key=task.key, result=result, source=task.source, sig=sig)
