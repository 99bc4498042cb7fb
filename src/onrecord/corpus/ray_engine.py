"""The Ray engine: one pool of actors for the whole run (the model loaded once in each), batches
streamed to them with bounded work in flight, results handed back in input order."""
from __future__ import annotations

import contextlib
import logging
import os
import socket
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from onrecord.corpus import WRITE_MAX, ray_reaper
from onrecord.corpus.tables import Item
from onrecord.corpus.worker import Task
from onrecord.errors import OnrecordError
from onrecord.model import Failure

# Batches queued on each actor: one running, one waiting, so no actor idles while the driver
# writes. The driver holds at most BUFFER_PER_ACTOR batches per actor (running, queued, or
# done and waiting for an earlier one to be written): its memory does not grow with the input.
IN_FLIGHT_PER_ACTOR = 2
BUFFER_PER_ACTOR = 4
# Times Ray restarts an actor whose process died (and re-runs the batch it had).
ACTOR_RESTARTS = 2
# Seconds to wait for a TCP answer from the cluster address before calling it unreachable.
CONNECT_TIMEOUT = 5.0


class ClusterError(OnrecordError):
    """The Ray cluster cannot be used (unreachable, workers that do not start or keep dying);
    `status` is the exit status `onrecord run` gives."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


class ExtractActor:
    """A Ray actor holding one Extractor for the whole run; maps a batch of tasks to items."""

    def __init__(self, batch_size: int, timeout: float | None = None) -> None:
        from onrecord.pipeline import Extractor

        self.extractor = Extractor(batch_size=batch_size)
        self.timeout = timeout

    def ready(self) -> int:
        """The actor's process id, once its model is loaded."""
        return os.getpid()

    def process(self, tasks: list[Task]) -> list[Item]:
        """One Article or Failure per task, in order (see worker.process)."""
        from onrecord.corpus.worker import process

        return process(tasks, self.extractor, self.timeout)


def ray_engine(*, address: str | None, workers: int | None, batch_size: int,
               shard_dir: str | None = None, timeout: float | None = None) -> Any:
    """An engine (batches of tasks in, batches of items out, in input order) that runs on a
    Ray cluster: `workers` actors at most (default: one per CPU of the cluster). `shard_dir`
    is accepted for older callers and not used: results come back through Ray's object store."""
    import ray  # here, so that a missing Ray stops the run before it starts

    del shard_dir

    def run(batches: Iterator[list[Task]]) -> Iterator[list[Item]]:
        started = _connect(ray, address)
        reaper = _reaper(ray) if started else None
        pool: list[Any] = []
        try:
            pool = _start_actors(ray, workers, min(batch_size, 64), timeout)
            yield from _Stream(ray, pool).run(batches)
        finally:
            for actor in pool:
                with contextlib.suppress(Exception):
                    ray.kill(actor)
            if started:
                ray.shutdown()
            if reaper is not None:
                _release(reaper)
    return run


def _reaper(ray: Any) -> subprocess.Popen[bytes] | None:
    """When this process started its own local cluster, a watchdog that stops every process
    of that cluster if this one dies without shutting it down (kill -9); see ray_reaper."""
    if not ray_reaper.started_cluster(os.getpid()):
        return None
    try:
        session = str(ray._private.worker.global_worker.node.get_session_dir_path())
    except AttributeError:  # a Ray without this (private) call: the process tree is enough
        session = ""
    return subprocess.Popen([sys.executable, "-I", ray_reaper.__file__, str(os.getpid()),
                             session], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def _release(reaper: subprocess.Popen[bytes]) -> None:
    """The cluster is shut down: tell the watchdog so, and let it go."""
    with contextlib.suppress(OSError):
        assert reaper.stdin is not None
        reaper.stdin.write(ray_reaper.DONE)
        reaper.stdin.close()
    with contextlib.suppress(subprocess.TimeoutExpired):
        reaper.wait(timeout=5)


def _connect(ray: Any, address: str | None) -> bool:
    """Join the cluster at `address` ($RAY_ADDRESS, else a new local one); True when this call
    started Ray (and so must shut it down)."""
    if ray.is_initialized():
        return False
    addr = address or os.environ.get("RAY_ADDRESS") or None
    if addr and addr != "auto" and addr != "local":
        _check_reachable(addr)
    try:
        ray.init(address=addr, include_dashboard=False, log_to_driver=False,
                 logging_level=logging.WARNING)
    except ConnectionError as e:
        raise ClusterError(f"no Ray cluster at {addr or 'this machine'}: {e}; start one with "
                           f"`ray start --head`, or check --address / $RAY_ADDRESS") from e
    except ValueError as e:  # ray:// without ray[client], a malformed address
        raise ClusterError(f"cannot use the Ray cluster address {addr!r}: {e}") from e
    return True


def _check_reachable(addr: str) -> None:
    """Fail at once, with a message, when nothing answers at the address (ray.init itself
    retries for minutes)."""
    hostport = addr.removeprefix("ray://")
    host, _, port = hostport.rpartition(":")
    if not host or not port.isdigit():
        raise ClusterError(f"cannot use the Ray cluster address {addr!r}: give HOST:PORT "
                           f"(the head's GCS, default port 6379), ray://HOST:10001, or auto")
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_TIMEOUT).close()
    except OSError as e:
        raise ClusterError(f"no Ray cluster answers at {addr} ({e.strerror or e}): start one "
                           f"with `ray start --head`, or check --address / $RAY_ADDRESS") from e


def _start_actors(ray: Any, workers: int | None, batch_size: int,
                  timeout: float | None) -> list[Any]:
    """One actor per CPU of the cluster (at most `workers`); their models load in parallel."""
    cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
    n = min(workers, cpus) if workers else cpus
    remote = ray.remote(num_cpus=1, max_restarts=ACTOR_RESTARTS,
                        max_task_retries=ACTOR_RESTARTS)(ExtractActor)
    return [remote.remote(batch_size, timeout) for _ in range(n)]


@dataclass
class _Stream:
    """Hands batches to the least busy actor and yields their results in input order."""

    ray: Any
    actors: Sequence[Any]
    load: list[int] = field(default_factory=list)          # batches queued per actor
    running: dict[Any, tuple[int, int]] = field(default_factory=dict)  # ref: (seq, actor)
    tasks: dict[int, list[Task]] = field(default_factory=dict)         # seq: its batch
    done: dict[int, list[Item]] = field(default_factory=dict)          # seq: its items
    sent: int = 0
    given: int = 0

    def run(self, batches: Iterator[list[Task]]) -> Iterator[list[Item]]:
        self.load = [0] * len(self.actors)
        queue_cap = IN_FLIGHT_PER_ACTOR * len(self.actors)
        buffer_cap = BUFFER_PER_ACTOR * len(self.actors)
        more = True
        while True:
            while more and len(self.running) < queue_cap and self.sent - self.given < buffer_cap:
                batch = next(batches, None)
                if batch is None:
                    more = False
                else:
                    self._send(batch)
            if self.given in self.done:
                if self.running:
                    self._collect(wait=False)
                yield self._take_ready()
            elif self.running:
                self._collect()
            else:
                return

    def _send(self, batch: list[Task]) -> None:
        a = min(range(len(self.actors)), key=self.load.__getitem__)
        ref = self.actors[a].process.remote(batch)
        self.running[ref] = (self.sent, a)
        self.tasks[self.sent] = batch
        self.load[a] += 1
        self.sent += 1

    def _take_ready(self) -> list[Item]:
        """The next batch's items, with those of the batches after it that are done already,
        in order, up to WRITE_MAX items: one write for what piled up."""
        items: list[Item] = []
        while self.given in self.done and (not items or len(items) < WRITE_MAX):
            del self.tasks[self.given]
            items += self.done.pop(self.given)
            self.given += 1
        return items

    def _collect(self, wait: bool = True) -> None:
        """Keep the items of finished batches until their turn; `wait`: for at least one."""
        if wait:
            ready, _ = self.ray.wait(list(self.running), num_returns=1)
        else:
            ready, _ = self.ray.wait(list(self.running), num_returns=len(self.running),
                                     timeout=0)
        for ref in ready:
            seq, a = self.running.pop(ref)
            self.load[a] -= 1
            self.done[seq] = self._result(ref, self.tasks[seq])

    def _result(self, ref: Any, batch: list[Task]) -> list[Item]:
        from ray.exceptions import RayActorError, RayTaskError

        try:
            items: list[Item] = self.ray.get(ref)
            return items
        except RayActorError as e:
            raise ClusterError(_died(e), status=3) from e
        except RayTaskError as e:  # process() returns failures, so this is Ray's own trouble
            cause = f"{type(e.cause).__name__}: {e.cause}" if e.cause else str(e)
            return [Item(key=t.key, source=t.source,
                         result=Failure(id=t.record.id, error=f"extraction failed on the "
                                        f"Ray cluster: {cause}")) for t in batch]


def _died(e: Exception) -> str:
    why = str(e).strip().splitlines()
    creation = "creation task" in str(e) or "__init__" in str(e)
    if creation:
        return ("the Ray workers could not load the extractor (is onrecord, with its model, "
                f"installed on every node?): {why[-1] if why else e}")
    return (f"a Ray worker died {ACTOR_RESTARTS + 1} times (out of memory?); every finished "
            "batch is in the store: run the same command again to resume")
