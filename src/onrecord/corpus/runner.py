"""Run the extractor over a corpus into a store: skip what is stored, fan out, write per batch."""
from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any

from onrecord.corpus import ARTICLE_TIMEOUT, WRITE_MAX, access
from onrecord.corpus.inputs import Source, expand, read_sources
from onrecord.corpus.keys import record_key
from onrecord.corpus.sightings import Sighting, Tracker, of_record
from onrecord.corpus.store import Item, Store, StoreBusy, WriteResult
from onrecord.corpus.worker import Task, init_worker, process

# Records per batch sent to a worker; a batch is committed in one transaction, with the
# batches after it whose results are waiting too (up to WRITE_MAX articles).
BATCH_SIZE = 32
# Seconds a starting run waits for readers that hold the store file (one query each).
READER_GRACE = 2.0
# Records whose keys are looked up in the store at once.
LOOKUP_CHUNK = 256
# Batches in flight per worker: enough to keep workers busy while the parent writes.
IN_FLIGHT_PER_WORKER = 2

Engine = Callable[[Iterator[list[Task]]], Iterator[list[Item]]]


@dataclass(slots=True)
class RunOptions:
    """How to run: engine, parallelism, batch size, progress bar."""

    workers: int | None = None          # None: all cores
    batch_size: int = BATCH_SIZE
    engine: str = "local"               # local | ray
    address: str | None = None          # Ray cluster address (engine "ray")
    progress: bool = True
    count: bool = True                  # count the records first, for the ETA
    shard_dir: str | None = None        # Ray: where Parquet shards go (default: next to the store)
    retry_errors: bool = False          # try records that failed in earlier runs again
    wait: float = 0.0                   # seconds to wait for a busy store (0: refuse at once)
    article_timeout: float | None = ARTICLE_TIMEOUT  # seconds per article; None: no limit


@dataclass(slots=True)
class RunSummary:
    """What a run did, and what the store holds afterwards."""

    records: int = 0
    skipped: int = 0
    new: WriteResult = field(default_factory=WriteResult)
    store: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["articles_per_second"] = round(self.new.articles / self.seconds, 2) if self.seconds else None
        return d


def worker_count(requested: int | None) -> int:
    """Workers to use: the request, or every core this process may run on."""
    if requested is not None:
        if requested < 1:
            raise ValueError(f"--workers must be at least 1 (got {requested})")
        return requested
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def tasks(sources: Iterable[Source], stored: Callable[[list[str]], set[str]],
          summary: RunSummary, seen: Tracker) -> Iterator[Task]:
    """Records not yet in the store, keyed by content; repeats within the run are skipped too
    (each record, skipped or not, is a sighting handed to `seen`). The store is asked about
    LOOKUP_CHUNK records at a time; keys written since are known from `seen`."""
    records = read_sources(sources)
    while chunk := list(itertools.islice(records, LOOKUP_CHUNK)):
        keyed = [(path, rec, record_key(rec, path)) for path, rec in chunk]
        seen.written.clear()
        known = stored([k for _, _, k in keyed])
        for path, rec, key in keyed:
            summary.records += 1
            sighting = of_record(key, rec, path, seen.position(path))
            if key in known or key in seen.pending or key in seen.written:
                summary.skipped += 1
                seen.seen(sighting)
                continue
            seen.queued(sighting)
            yield Task(key=key, source=path, record=rec)


def batched(items: Iterable[Task], size: int) -> Iterator[list[Task]]:
    """Lists of up to `size` tasks."""
    batch: list[Task] = []
    for t in items:
        batch.append(t)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def take_ready(pending: deque[Future[list[Item]]]) -> list[Item]:
    """The oldest batch's items (waiting for them), with those of the batches after it that
    are done already, in order, up to WRITE_MAX items: one write for what piled up."""
    items = pending.popleft().result()
    while pending and pending[0].done() and len(items) < WRITE_MAX:
        items = items + pending.popleft().result()
    return items


def local_engine(workers: int, batch_size: int, timeout: float | None = None) -> Engine:
    """Process batches in this process (1 worker) or a pool of spawned workers; results come
    back in input order. `timeout`: seconds one article may take."""
    def run(batches: Iterator[list[Task]]) -> Iterator[list[Item]]:
        if workers == 1:
            from onrecord.pipeline import Extractor

            ex = Extractor(batch_size=min(batch_size, 64))
            for b in batches:
                yield process(b, ex, timeout)
            return
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker,
                                 initargs=(min(batch_size, 64), os.getpid(), timeout)) as pool:
            # results are taken in input order, so the store does not depend on timing
            pending: deque[Future[list[Item]]] = deque()
            limit = workers * IN_FLIGHT_PER_WORKER
            try:
                for b in batches:
                    pending.append(pool.submit(process, b))
                    if len(pending) >= limit:
                        yield take_ready(pending)
                while pending:
                    yield take_ready(pending)
            except BaseException:
                for f in pending:
                    f.cancel()
                raise
    return run


def run_corpus(inputs: list[str], store_path: str | os.PathLike[str], *,
               options: RunOptions | None = None, store: Store | None = None,
               sources: list[Source] | None = None) -> RunSummary:
    """Extract every article of `inputs` not yet in the store and write the results
    (`sources`: `expand(inputs)` when the caller already has it)."""
    opts = options or RunOptions()
    started = time.monotonic()
    own = store is None
    st = store if store is not None else open_store(store_path, wait=opts.wait)
    door = access.Door(lambda: access.readers_waiting(st.path), st.let_readers_in)
    try:
        summary = RunSummary()
        if opts.retry_errors:
            st.clear_errors()
        sources = expand(inputs) if sources is None else sources
        def stored(keys: list[str]) -> set[str]:
            with door.using():
                return st.stored(keys)

        def write(items: list[Item], ready: list[Sighting]) -> WriteResult:
            with door.using():
                result = st.write(items, ready)
                st.let_readers_in()
                return result

        total = _count_todo(sources, stored) if opts.count else None
        workers = worker_count(opts.workers)
        if opts.engine == "ray":
            from onrecord.corpus.ray_engine import ray_engine

            engine = ray_engine(address=opts.address, workers=opts.workers,
                                batch_size=opts.batch_size, timeout=opts.article_timeout,
                                shard_dir=opts.shard_dir or f"{os.fspath(store_path)}.shards")
        elif opts.engine == "local":
            engine = local_engine(workers, opts.batch_size, opts.article_timeout)
        else:
            raise ValueError(f"unknown engine {opts.engine!r}: use 'local' or 'ray'")
        bar = _bar(total, opts.progress)
        seen = Tracker(flush=lambda ready: _add(summary, write([], ready)))
        try:
            todo = batched(tasks(sources, stored, summary, seen), opts.batch_size)
            for items in engine(todo):
                _add(summary, write(items, seen.take([it.key for it in items])))
                bar.update(len(items))
                bar.set_postfix(quotes=summary.new.quotes, errors=summary.new.errors,
                                dups=summary.new.duplicates, refresh=False)
            summary.new += write([], seen.take([]))
        finally:
            bar.close()
        summary.skipped += summary.new.skipped
        with door.using():
            if not st.speaker_counts_fresh():  # what `speakers` reads until the next run
                st.refresh_speaker_counts()
            summary.store = st.stats()
        summary.seconds = round(time.monotonic() - started, 3)
        return summary
    finally:
        door.close()
        if own:
            st.close()


def _add(summary: RunSummary, result: WriteResult) -> None:
    """Count a committed batch (readers waiting were let in after it: corpus/access.py)."""
    summary.new += result


def open_store(path: str | os.PathLike[str], *, wait: float = 0.0) -> Store:
    """Open the store for writing; while another process holds it, retry for `wait` seconds."""
    deadline = time.monotonic() + wait
    while True:
        try:
            # a reader holds the file for one query at most: give it a moment
            return Store(path, wait=max(READER_GRACE, deadline - time.monotonic()))
        except StoreBusy:
            if time.monotonic() >= deadline:
                raise
            time.sleep(min(1.0, max(0.05, deadline - time.monotonic())))


def _count_todo(sources: list[Source], stored: Callable[[list[str]], set[str]]) -> int:
    """Records the run will extract (for the ETA): not stored, not repeated."""
    seen: set[str] = set()
    n = 0
    records = read_sources(sources)
    while chunk := list(itertools.islice(records, LOOKUP_CHUNK)):
        keys = [record_key(rec, path) for path, rec in chunk]
        known = stored(keys)
        for key in keys:
            if key not in known and key not in seen:
                seen.add(key)
                n += 1
    return n


def _bar(total: int | None, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit=" articles", desc="onrecord run", file=sys.stderr,
                disable=not enabled, dynamic_ncols=True, mininterval=0.5, smoothing=0.1)


def format_summary(s: RunSummary) -> str:
    """The end-of-run summary, a few readable lines."""
    rate = f"{s.new.articles / s.seconds:.1f}" if s.seconds else "-"
    st = s.store
    return "\n".join([
        f"read {s.records} records: {s.new.articles} new articles, {s.new.errors} errors, "
        f"{s.skipped} already stored (kept as sightings); {s.new.quotes} quotes, "
        f"{s.new.duplicates} near-duplicates ({s.seconds:.1f} s, {rate} articles/s)",
        f"store: {st.get('articles', 0)} articles ({st.get('duplicates', 0)} near-duplicates of "
        f"{st.get('canonical', 0)} canonical), {st.get('quotes', 0)} quotes, "
        f"{st.get('speakers', 0)} speakers, {st.get('errors', 0)} errors; "
        f"{st.get('sightings', 0)} input records kept as sightings",
    ])
