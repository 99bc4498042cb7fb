"""A small pool of extraction processes; a request that times out has its process replaced."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from onrecord.errors import OnrecordError
from onrecord.server.worker import worker_main

log = logging.getLogger("onrecord.server")

# Seconds a new worker may take to load its model before we give up on it.
START_TIMEOUT = 120.0


class PoolError(OnrecordError):
    """Base class: an extraction that the pool could not complete."""


class ExtractTimeout(PoolError):
    """The extraction took longer than the request timeout; its worker was replaced."""


class PoolBusy(PoolError):
    """Every worker stayed busy for the whole request timeout."""


class WorkerCrashed(PoolError):
    """The worker process died during the request; it was replaced."""


@dataclass(slots=True, eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection

    def call(self, req: dict[str, Any], timeout: float) -> tuple[str, Any]:
        """Send one request and wait up to `timeout` seconds for its reply (blocking)."""
        try:
            self.conn.send(req)
            if not self.conn.poll(timeout):
                raise ExtractTimeout(f"extraction took longer than {timeout:.1f}s")
            reply: tuple[str, Any] = self.conn.recv()
        except (EOFError, OSError) as e:
            raise WorkerCrashed(f"extraction worker died: {type(e).__name__}") from e
        return reply

    def stop(self, grace: float = 2.0) -> None:
        """Ask the process to exit, then terminate it if it does not."""
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.process.join(grace)
        self.kill()

    def kill(self) -> None:
        """End the process now (used after a timeout: a spaCy call cannot be interrupted)."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


def _start_worker(handler: str) -> _Worker:
    """Spawn one worker process and wait until its model is loaded."""
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=worker_main, args=(child, handler), daemon=True,
                       name="onrecord-extract")
    proc.start()
    child.close()
    worker = _Worker(proc, parent)
    if not parent.poll(START_TIMEOUT):
        worker.kill()
        raise RuntimeError(f"extraction worker did not load within {START_TIMEOUT:.0f}s")
    try:
        status, value = parent.recv()
    except EOFError:
        worker.kill()
        raise RuntimeError("extraction worker exited while loading") from None
    if status != "ready":
        worker.kill()
        raise RuntimeError(f"extraction worker failed to load: {value}")
    return worker


class WorkerPool:
    """`size` worker processes, each with one loaded Extractor, used one request at a time."""

    def __init__(self, size: int = 1, handler: str = "onrecord.server.worker:extractor_handler",
                 ) -> None:
        if size < 1:
            raise ValueError(f"the pool needs at least one worker, got {size}")
        self.size = size
        self.handler = handler
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._threads = ThreadPoolExecutor(max_workers=size + 2,
                                           thread_name_prefix="onrecord-pool")
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed = False

    @property
    def ready(self) -> int:
        """Workers that are loaded and alive (idle or busy)."""
        return sum(1 for w in self._all if w.process.is_alive())

    async def start(self) -> None:
        """Start every worker and wait for their models to load."""
        loop = asyncio.get_running_loop()
        workers = await asyncio.gather(*(loop.run_in_executor(
            self._threads, _start_worker, self.handler) for _ in range(self.size)))
        for w in workers:
            self._all.add(w)
            self._idle.put_nowait(w)

    async def run(self, req: dict[str, Any], timeout: float) -> tuple[str, Any]:
        """Run one request on an idle worker within `timeout` seconds, queueing included."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout)
        except TimeoutError:
            raise PoolBusy(f"all {self.size} extraction workers stayed busy for "
                           f"{timeout:.0f}s") from None
        remaining = max(deadline - loop.time(), 0.001)
        try:
            reply = await loop.run_in_executor(self._threads, worker.call, req, remaining)
        except BaseException:  # timeout, crash, or the request was cancelled mid-call
            self._replace(worker)
            raise
        self._idle.put_nowait(worker)
        return reply

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker whose state is unknown and start a fresh one in the background."""
        self._all.discard(worker)
        worker.kill()
        if self._closed:
            return
        task = asyncio.get_running_loop().create_task(self._respawn())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _respawn(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            w = await loop.run_in_executor(self._threads, _start_worker, self.handler)
        except Exception:
            log.exception("could not restart an extraction worker")
            return
        if self._closed:
            w.stop()
            return
        self._all.add(w)
        self._idle.put_nowait(w)

    async def close(self) -> None:
        """Stop every worker process."""
        self._closed = True
        for t in list(self._tasks):
            t.cancel()
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._threads, w.stop)
                               for w in list(self._all)))
        self._all.clear()
        self._threads.shutdown(wait=False, cancel_futures=True)
