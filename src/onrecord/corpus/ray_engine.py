"""The Ray engine: Ray Data with an actor pool holding the model, Parquet shards, then the store."""
from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from onrecord.corpus.store import Item
from onrecord.corpus.worker import Task
from onrecord.ingest.record import InputRecord
from onrecord.model import Article, Failure

# Records sent to Ray per round; each round's shards are loaded into the store, then deleted,
# so a killed run loses at most one round (it is redone on resume).
ROUND_RECORDS = 2000


def _task_row(t: Task) -> dict[str, Any]:
    r = t.record
    rec: dict[str, Any]
    if isinstance(r, Failure):
        rec = {"failure": r.error, "id": r.id}
    else:
        rec = {"id": r.id, "text": r.text, "html": r.html, "published": r.published,
               "meta": r.meta}
    return {"key": t.key, "source": t.source or "", "record": json.dumps(rec, default=str)}


def _record(js: str) -> InputRecord | Failure:
    d = json.loads(js)
    if "failure" in d:
        return Failure(id=d.get("id"), error=d["failure"])
    return InputRecord(id=d.get("id"), text=d.get("text"), html=d.get("html"),
                       published=d.get("published"), meta=dict(d.get("meta") or {}))


class ExtractActor:
    """A Ray actor holding one Extractor; maps a batch of tasks to result rows."""

    def __init__(self, batch_size: int, timeout: float | None = None) -> None:
        from onrecord.pipeline import Extractor

        self.extractor = Extractor(batch_size=batch_size)
        self.timeout = timeout

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        from onrecord.corpus.worker import process

        tasks = [Task(key=str(k), source=str(s) or None, record=_record(str(r)))
                 for k, s, r in zip(batch["key"], batch["source"], batch["record"])]
        items = process(tasks, self.extractor, self.timeout)
        return {
            "key": [i.key for i in items],
            "source": [i.source or "" for i in items],
            "ok": [isinstance(i.result, Article) for i in items],
            "result": [json.dumps(i.result.to_dict(), ensure_ascii=False, default=str)
                       for i in items],
            "minhash": [i.sig or b"" for i in items],
        }


def _items(row_table: Any) -> Iterator[Item]:
    for row in row_table.to_pylist():
        d = json.loads(row["result"])
        result: Article | Failure = (Article.from_dict(d) if row["ok"]
                                     else Failure(id=d.get("id"), error=d["error"]))
        yield Item(key=row["key"], result=result, source=row["source"] or None,
                   sig=row["minhash"] or None)


def ray_engine(*, address: str | None, workers: int | None, batch_size: int,
               shard_dir: str, timeout: float | None = None) -> Any:
    """An engine (batches of tasks in, batches of items out) that runs on a Ray cluster."""
    def run(batches: Iterator[list[Task]]) -> Iterator[list[Item]]:
        import pyarrow.parquet as pq
        import ray

        started = False
        if not ray.is_initialized():
            addr = address or os.environ.get("RAY_ADDRESS") or None
            ray.init(address=addr, include_dashboard=False, log_to_driver=False,
                     logging_level=logging.WARNING)
            started = True
        _quiet(ray)
        try:
            actors = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
            round_: list[Task] = []
            for b in batches:
                round_ += b
                if len(round_) >= ROUND_RECORDS:
                    yield from _round(round_, actors, batch_size, shard_dir, pq, timeout)
                    round_ = []
            if round_:
                yield from _round(round_, actors, batch_size, shard_dir, pq, timeout)
        finally:
            if started:
                ray.shutdown()
            with contextlib.suppress(OSError):
                os.rmdir(shard_dir)  # only if empty
    return run


def _quiet(ray: Any) -> None:
    """No Ray Data progress output: onrecord's own bar and summary say how far the run is."""
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    with contextlib.suppress(AttributeError):
        ctx.enable_operator_progress_bars = False
    for name in ("ray.data", "ray"):
        logging.getLogger(name).setLevel(logging.WARNING)


def _round(tasks: list[Task], actors: int, batch_size: int, shard_dir: str,
           pq: Any, timeout: float | None = None) -> Iterator[list[Item]]:
    import ray

    out = Path(shard_dir) / f"round-{uuid.uuid4().hex[:12]}"
    blocks = min(len(tasks), max(actors, -(-len(tasks) // batch_size)), 256)
    actors = min(actors, blocks)
    source = ray.data.from_items([_task_row(t) for t in tasks], override_num_blocks=blocks)
    ds = source.map_batches(ExtractActor, fn_constructor_kwargs={"batch_size": min(batch_size, 64),
                                                             "timeout": timeout},
                        batch_size=batch_size,
                        compute=ray.data.ActorPoolStrategy(size=actors),
                        num_cpus=1, batch_format="numpy")
    ds.write_parquet(str(out))
    try:
        items = [it for f in sorted(out.glob("*.parquet")) for it in _items(pq.read_table(f))]
    finally:
        shutil.rmtree(out, ignore_errors=True)
    position = {t.key: i for i, t in enumerate(tasks)}
    items.sort(key=lambda it: position[it.key])  # input order, as the local engine stores
    if len(items) != len(tasks):
        raise RuntimeError(f"Ray returned {len(items)} results for {len(tasks)} records")
    for start in range(0, len(items), batch_size):
        yield items[start:start + batch_size]
