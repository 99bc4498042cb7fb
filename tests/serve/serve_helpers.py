"""Start and stop real `onrecord serve` processes (and in-thread uvicorn) on loopback."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]

# Three short articles written for these tests.
ARTICLES = {
    "ferry": (
        "Harbour City, Tuesday, March 3, 2026 — Transport Minister Alicia Moreno said the new "
        "ferry line will open in June.\n"
        '"We listened to the people who cross this harbour every morning," Moreno told '
        "reporters at the terminal.\n"
        "Union leader Tomas Okafor said the timetable was unrealistic.\n"
        '"Nobody has asked the crews," Okafor said.\n'),
    "clinic": (
        "Lakeview, Monday, May 4, 2026 — The new night clinic will open on Friday, health "
        "officials said.\n"
        '"People should not have to wait until morning to see a nurse," Dr. Amara Singh, the '
        "clinic's director, told reporters.\n"
        "Okafor, who also chairs the hospital workers' union, said staff had been hired.\n"),
    "bridge": (
        "Millbrook, Saturday, June 6, 2026 — The old rail bridge will be repaired, not torn "
        "down, Mayor Jonas Berg said on Saturday.\n"
        '"That bridge is part of who we are," Berg said.\n'
        'Engineer Lucia Ferreira said the repairs would take "at least two summers."\n'),
}
PUBLISHED = {"ferry": "2026-03-03", "clinic": "2026-05-04", "bridge": "2026-06-06"}


def onrecord(*args: str) -> subprocess.CompletedProcess:
    """The command line, run from the repository as a user would (five minutes at most)."""
    return subprocess.run([sys.executable, "-m", "onrecord", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=300)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(base: str, timeout: float = 90.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: "
                               f"{proc.stderr.read() if proc.stderr else ''}")
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server at {base} did not become healthy in {timeout}s")


class ServeProcess:
    """`python -m onrecord serve ...` on a free loopback port, stopped with SIGTERM."""

    def __init__(self, *args: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "onrecord", "serve", "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "warning", *args],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            wait_healthy(self.base, proc=self.proc)
        except Exception:
            self.stop()
            raise

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if self.proc.stderr:
            self.proc.stderr.close()


class ThreadServer:
    """uvicorn in a thread around `create_app(config)`, for injecting a worker handler."""

    def __init__(self, config) -> None:
        import uvicorn

        from onrecord.server import create_app

        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        cfg = uvicorn.Config(create_app(config), host="127.0.0.1", port=self.port,
                             log_level="warning", lifespan="on")
        self.server = uvicorn.Server(cfg)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        wait_healthy(self.base, timeout=60)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(20)
