"""Results that pile up while the store writes are written together (issue 15: a writer that
keeps up with a fast cluster), in input order and up to WRITE_MAX articles per write."""
from collections import deque
from concurrent.futures import Future

from onrecord.corpus import ray_engine, runner
from onrecord.corpus.tables import Item
from onrecord.corpus.worker import Task
from onrecord.model import Failure


def _items(batch: int, size: int = 3) -> list[Item]:
    return [Item(key=f"k{batch}-{i}", result=Failure(id=f"r{batch}-{i}", error="x"))
            for i in range(size)]


def _future(items: list[Item] | None) -> Future:
    f: Future = Future()
    if items is not None:
        f.set_result(items)
    return f


def test_local_engine_takes_the_finished_batches_after_the_oldest(monkeypatch):
    monkeypatch.setattr(runner, "WRITE_MAX", 7)
    pending = deque([_future(_items(0)), _future(_items(1)), _future(_items(2)),
                     _future(_items(3)), _future(None), _future(_items(5))])
    first = runner.take_ready(pending)
    # 0, 1 and 2 were done (9 items: the cap of 7 stops it after the batch that reaches it)
    assert [it.key for it in first] == [f"k{b}-{i}" for b in range(3) for i in range(3)]
    second = runner.take_ready(pending)
    assert [it.key for it in second] == ["k3-0", "k3-1", "k3-2"]  # 4 is still running
    pending[0].set_result(_items(4))
    assert [it.key for it in runner.take_ready(pending)][0] == "k4-0"
    assert len(pending) == 0


class _Ref:
    def __init__(self, items: list[Item]) -> None:
        self.items = items


class _Ray:
    """Ray's wait and get over refs whose work has finished (the cluster outran the writer)."""

    def wait(self, refs, num_returns=1, timeout=None):
        return refs[:num_returns], refs[num_returns:]

    def get(self, ref):
        return ref.items


class _Actor:
    class process:  # noqa: N801 -- the shape of a Ray actor method
        @staticmethod
        def remote(tasks: list[Task]) -> _Ref:
            return _Ref([Item(key=t.key, result=Failure(id=t.key, error="x")) for t in tasks])


def test_ray_stream_yields_what_finished_in_order_and_capped(monkeypatch):
    monkeypatch.setattr(ray_engine, "WRITE_MAX", 6)
    batches = ([Task(key=f"b{b}-{i}", source=None, record=Failure(id="", error=""))
                for i in range(3)] for b in range(10))
    got = list(ray_engine._Stream(_Ray(), [_Actor(), _Actor()]).run(batches))
    keys = [it.key for items in got for it in items]
    assert keys == [f"b{b}-{i}" for b in range(10) for i in range(3)]  # every one, in order
    assert max(len(items) for items in got) == 6  # two batches a write, never more than the cap
    assert len(got) < 10
