"""Bounded load test of `onrecord serve` on loopback: N clients post articles for D seconds.

    .venv/bin/python bench/load.py                    # 30 s, 8 clients, starts its own server
    .venv/bin/python bench/load.py --url http://127.0.0.1:8000 --seconds 10
    .venv/bin/python bench/load.py --timeout 5 --huge-chars 1800000   # + one huge article

Prints requests/s, latency percentiles (ms) and errors (any non-200 or transport error), and
the latency of GET /health probed every 100 ms during the load.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLES = sorted(REPO.glob("examples/*.txt")) + sorted(REPO.glob("bench/serve_articles/*.txt"))


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile of `values` (p in 0..100)."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def start_server(workers: int, timeout: float) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "onrecord", "serve", "--port", str(port),
                             "--workers", str(workers), "--timeout", str(timeout),
                             "--log-level", "warning"], cwd=REPO)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


async def client(url: str, bodies: list[bytes], start: int, stop_at: float,
                 latencies: list[float], statuses: Counter[str]) -> None:
    i = start
    async with httpx.AsyncClient(base_url=url, timeout=60) as http:
        while time.monotonic() < stop_at:
            body = bodies[i % len(bodies)]
            i += 1
            t0 = time.perf_counter()
            try:
                r = await http.post("/extract", content=body,
                                    headers={"content-type": "application/json"})
                statuses[str(r.status_code)] += 1
            except httpx.HTTPError as e:
                statuses[type(e).__name__] += 1
                continue
            latencies.append(time.perf_counter() - t0)


async def prober(url: str, stop_at: float, latencies: list[float], statuses: Counter[str]) -> None:
    """GET /health every 100 ms during the load: it must stay fast while extraction is busy."""
    async with httpx.AsyncClient(base_url=url, timeout=10) as http:
        while time.monotonic() < stop_at:
            t0 = time.perf_counter()
            try:
                r = await http.get("/health")
                statuses[f"health {r.status_code}"] += 1
                latencies.append(time.perf_counter() - t0)
            except httpx.HTTPError as e:
                statuses[f"health {type(e).__name__}"] += 1
            await asyncio.sleep(0.1)


async def load(url: str, bodies: list[bytes], clients: int, seconds: float) -> dict[str, object]:
    async with httpx.AsyncClient(base_url=url, timeout=60) as http:  # warm-up, not timed
        for body in bodies:
            (await http.post("/extract", content=body,
                             headers={"content-type": "application/json"})).raise_for_status()
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    t0 = time.monotonic()
    health: list[float] = []
    health_status: Counter[str] = Counter()
    await asyncio.gather(prober(url, t0 + seconds, health, health_status),
                         *(client(url, bodies, k, t0 + seconds, latencies, statuses)
                           for k in range(clients)))
    wall = time.monotonic() - t0
    ms = [x * 1000 for x in latencies]
    health_ms = [x * 1000 for x in health]
    errors = sum(n for code, n in statuses.items() if code != "200")
    errors += sum(n for code, n in health_status.items() if code != "health 200")
    statuses.update(health_status)
    return {"requests": sum(statuses.values()) - sum(health_status.values()),
            "wall_s": round(wall, 1),
            "rps": round(len(latencies) / wall, 1),
            "p50_ms": round(percentile(ms, 50), 1), "p90_ms": round(percentile(ms, 90), 1),
            "p99_ms": round(percentile(ms, 99), 1), "max_ms": round(max(ms), 1),
            "mean_ms": round(statistics.fmean(ms), 1), "errors": errors,
            "health_p50_ms": round(percentile(health_ms, 50), 1),
            "health_p99_ms": round(percentile(health_ms, 99), 1),
            "statuses": dict(statuses)}


async def huge(url: str, text: str, small: bytes) -> dict[str, object]:
    """Post one huge article while probing /health; then time the next normal request."""
    health: list[float] = []
    statuses: Counter[str] = Counter()
    async with httpx.AsyncClient(base_url=url, timeout=600) as http:
        t0 = time.monotonic()
        task = asyncio.create_task(http.post("/extract", json={"text": text}))
        while not task.done():
            await prober(url, time.monotonic() + 0.5, health, statuses)
        r = await task
        took = time.monotonic() - t0
        t1 = time.monotonic()
        after = await http.post("/extract", content=small,
                                headers={"content-type": "application/json"})
    ms = [x * 1000 for x in health]
    return {"huge_chars": len(text), "huge_status": r.status_code, "huge_s": round(took, 2),
            "health_during_huge_max_ms": round(max(ms), 1), "health_probes": len(ms),
            "next_request_status": after.status_code,
            "next_request_s": round(time.monotonic() - t1, 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", help="an already running server (default: start one)")
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--workers", type=int, default=1, help="--workers of the started server")
    ap.add_argument("--timeout", type=float, default=30.0, help="--timeout of the started server")
    ap.add_argument("--huge-chars", type=int, default=0, metavar="N",
                    help="then post one article of about N characters (the articles repeated) "
                         "and report how /health and the next request fared")
    ap.add_argument("articles", nargs="*", type=Path, default=DEFAULT_ARTICLES)
    args = ap.parse_args()
    bodies = [json.dumps({"id": p.name, "text": p.read_text(encoding="utf-8")}).encode()
              for p in args.articles]
    proc = None
    url = args.url
    if url is None:
        proc, url = start_server(args.workers, args.timeout)
    try:
        result = asyncio.run(load(url, bodies, args.clients, args.seconds))
        if args.huge_chars:
            texts = [json.loads(b)["text"] for b in bodies]
            big = "\n".join(texts)
            big = (big + "\n") * (args.huge_chars // (len(big) + 1) + 1)
            result.update(asyncio.run(huge(url, big[:args.huge_chars], bodies[0])))
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGINT if os.name != "nt" else signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
    result.update({"clients": args.clients, "server_workers": args.workers if proc else None,
                   "server_timeout_s": args.timeout if proc else None,
                   "articles": len(bodies),
                   "article_chars_mean": round(statistics.fmean(len(b) for b in bodies)),
                   "cpus": os.cpu_count(), "python": platform.python_version()})
    print(json.dumps(result, indent=2))
    ok = result["errors"] == 0 and result.get("next_request_status", 200) == 200
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
