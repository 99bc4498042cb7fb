"""A slow extraction cannot stall the server: timeouts, replaced workers, other requests."""
from __future__ import annotations

import threading
import time

import httpx
import pytest
from serve_helpers import ThreadServer

from onrecord.server import ServeConfig

pytestmark = pytest.mark.slow  # real subprocesses and long runs: `make test`, not `make check`

TIMEOUT = 3.0


@pytest.fixture(scope="module")
def slow_server():
    # Two worker processes running a handler that sleeps on "SLEEP n" (see serve_slow_handler).
    srv = ThreadServer(ServeConfig(timeout=TIMEOUT, workers=2,
                                   handler="serve_slow_handler:make"))
    yield srv
    srv.stop()


def post(srv, text: str) -> httpx.Response:
    return httpx.post(f"{srv.base}/extract", json={"text": text}, timeout=30)


def test_slow_extraction_times_out_and_others_still_answer(slow_server):
    result: dict[str, httpx.Response] = {}
    started = time.monotonic()
    t = threading.Thread(target=lambda: result.setdefault("slow", post(slow_server, "SLEEP 60")))
    t.start()
    time.sleep(0.5)
    # While one worker is stuck: health, the viewer and the other worker all answer quickly.
    for path in ("/health", "/"):
        t0 = time.monotonic()
        assert httpx.get(f"{slow_server.base}{path}", timeout=5).status_code == 200
        assert time.monotonic() - t0 < 1.0
    t0 = time.monotonic()
    fast = post(slow_server, "The mayor said yes.")
    assert fast.status_code == 200 and fast.json()["text"] == "The mayor said yes."
    assert time.monotonic() - t0 < 1.5
    t.join(30)
    slow = result["slow"]
    assert slow.status_code == 504
    assert "longer than" in slow.json()["detail"]
    assert time.monotonic() - started < TIMEOUT + 5, "the 60 s request was cut at the timeout"


def test_the_stuck_worker_is_replaced(slow_server):
    assert post(slow_server, "SLEEP 60").status_code == 504
    deadline = time.monotonic() + 20
    while httpx.get(f"{slow_server.base}/health").json()["workers_ready"] < 2:
        assert time.monotonic() < deadline, "a replacement worker should start"
        time.sleep(0.2)
    # Both workers serve again: two short sleeps at once finish together, not one after another.
    t0 = time.monotonic()
    threads = [threading.Thread(target=post, args=(slow_server, "SLEEP 1")) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(20)
    assert time.monotonic() - t0 < 1.9


def test_queue_wait_counts_toward_the_timeout():
    # One worker, stuck: the queued request gives up at its own deadline (503), while the
    # stuck one is cut at the timeout (504) and its replacement is still loading.
    srv = ThreadServer(ServeConfig(timeout=1.5, workers=1, handler="serve_slow_handler:make"))
    try:
        result: dict[str, httpx.Response] = {}
        t = threading.Thread(target=lambda: result.setdefault("a", post(srv, "SLEEP 60")))
        t.start()
        time.sleep(0.3)
        queued = post(srv, "quick")
        t.join(30)
        assert queued.status_code == 503 and "busy" in queued.json()["detail"]
        assert result["a"].status_code == 504
    finally:
        srv.stop()
