"""What a worker does with a batch: extract every record and sign it for near-duplicate search."""
from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from onrecord.corpus.dedup import signature
from onrecord.corpus.rows import record_json
from onrecord.corpus.store import Item
from onrecord.ingest.record import InputRecord
from onrecord.model import Article, Failure
from onrecord.statements.runs import quote_runs

_extractor: Any = None
_timeout: float | None = None


@dataclass(slots=True)
class Task:
    """One input record to process, with its content key and the file it came from."""

    key: str
    source: str | None
    record: InputRecord | Failure


def init_worker(batch_size: int, parent_pid: int | None = None,
                timeout: float | None = None) -> None:
    """Load this process's Extractor; exit on our own if the parent dies (kill -9).
    `timeout`: seconds one article may take (see `process`)."""
    global _extractor, _timeout
    from onrecord.pipeline import Extractor

    _extractor = Extractor(batch_size=batch_size)
    _timeout = timeout
    if parent_pid is not None:
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(0.5)
    os._exit(1)


class _Overrun(BaseException):
    """The time budget ran out (a BaseException, so that no `except Exception` in the
    pipeline turns it into something else on its way out)."""


@contextlib.contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Raise _Overrun inside the block once `seconds` have passed (SIGALRM: the main thread
    of a process only; elsewhere, or with no budget, the block runs unbounded)."""
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def overrun(signum: int, frame: Any) -> None:
        raise _Overrun

    old = signal.signal(signal.SIGALRM, overrun)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def process(tasks: Sequence[Task], extractor: Any = None,
            timeout: float | None = None) -> list[Item]:
    """Items for `tasks`, in order: one Article or Failure each, never an exception.

    `timeout` (default: the worker's, see init_worker) is the seconds one article may take.
    A batch that takes longer than that in all is run again one record at a time, each with
    that budget; a record that overruns it becomes a Failure naming it."""
    ex = extractor if extractor is not None else _extractor
    if ex is None:
        raise RuntimeError("worker not initialised: call init_worker() first")
    timeout = timeout if timeout is not None else _timeout
    records = [t.record for t in tasks]
    try:
        with budget(timeout):
            results = list(ex.pipe(records))
        if len(results) != len(records):
            raise RuntimeError(f"extractor returned {len(results)} results for "
                               f"{len(records)} records")
    except (Exception, _Overrun):
        # find the record that breaks (or stalls) the batch
        results = [_one(ex, t, timeout) for t in tasks]
    return [_item(t, r) for t, r in zip(tasks, results)]


def _one(ex: Any, task: Task, timeout: float | None = None) -> Article | Failure:
    rec = task.record
    rid = rec.id if rec is not None else None
    try:
        with budget(timeout):
            return next(iter(ex.pipe([rec])))
    except _Overrun:
        where = f" of {task.source}" if task.source else ""
        name = f"record {rid!r}{where}" if rid is not None else f"a record{where}"
        return Failure(id=rid, error=(
            f"article timeout: {name} took longer than {timeout:g} s to extract "
            f"(--article-timeout); skipped"))
    except Exception as e:
        return Failure(id=rid, error=f"extraction failed: {type(e).__name__}: {e}")


def _item(task: Task, result: Article | Failure) -> Item:
    """The result with what the writer would otherwise compute: signature, record JSON and
    the quotes' word runs."""
    if not isinstance(result, Article):
        return Item(key=task.key, result=result, source=task.source)
    return prepared(Item(key=task.key, result=result, source=task.source,
                         sig=signature(result.text)))


def prepared(item: Item) -> Item:
    """`item` (an article) with its record JSON and its quotes' word runs made; a part that
    fails to be made is left to the writer, which reports the malformed record."""
    art = item.result
    assert isinstance(art, Article)
    with contextlib.suppress(TypeError, ValueError):
        item.record = record_json(art)
    with contextlib.suppress(TypeError, ValueError, AttributeError):
        item.runs = tuple(quote_runs(q.kind, q.text) for q in art.quotes)
    return item
