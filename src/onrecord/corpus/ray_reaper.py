"""Stops the local Ray cluster a run started when the run dies without shutting it down (kill -9).

Run as a script (no onrecord imports, so it starts in milliseconds) by the Ray engine:
`python ray_reaper.py DRIVER_PID SESSION_DIR`, its stdin a pipe from the driver. Ray's own
fate-sharing stops the GCS and the raylet at once, but its agents wait about a minute for the
dead GCS; this stops everything at once. Linux only (it reads /proc).
"""
from __future__ import annotations

import os
import select
import signal
import sys

# Seconds between two looks at the driver's process tree (new actors are picked up).
POLL = 0.5
# What the driver writes before closing the pipe when it shut its cluster down itself.
DONE = b"done\n"


def _stat(pid: int) -> tuple[int, int, str] | None:
    """(parent pid, start time in clock ticks, name) of a live process, else None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            raw = f.read()
    except OSError:
        return None
    name, _, rest = raw.partition(b" (")[2].rpartition(b")")
    fields = rest.split()
    if len(fields) < 20 or fields[0] == b"Z":
        return None
    return int(fields[1]), int(fields[19]), name.decode(errors="replace")


def _pids() -> list[int]:
    return [int(d) for d in os.listdir("/proc") if d.isdigit()]


def started_cluster(pid: int) -> bool:
    """True when process `pid` has a Ray GCS server among its children: it started its own
    local cluster (rather than joining one)."""
    if not os.path.isdir("/proc"):
        return False
    for p in _pids():
        st = _stat(p)
        if st and st[0] == pid and st[2].startswith("gcs_server"):
            return True
    return False


def descendants(root: int) -> dict[int, int]:
    """Every live process below `root`: pid to start time (so a reused pid is never killed)."""
    tree: dict[int, list[tuple[int, int]]] = {}
    for p in _pids():
        st = _stat(p)
        if st:
            tree.setdefault(st[0], []).append((p, st[1]))
    out: dict[int, int] = {}
    stack = [root]
    while stack:
        for pid, start in tree.get(stack.pop(), []):
            out[pid] = start
            stack.append(pid)
    return out


def _cmdline(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read()
    except OSError:
        return b""


def _is_ray(pid: int) -> bool:
    """A Ray process: a worker (its title `ray::...`) or a program from Ray's package."""
    cmd = _cmdline(pid)
    return cmd.startswith(b"ray::") or b"/ray/" in cmd


def reap(seen: dict[int, int], session: str) -> list[int]:
    """SIGKILL the processes seen below the driver (if still the same process) and any whose
    command line names the cluster's session folder; the pids killed."""
    me = os.getpid()
    targets = {p for p, start in seen.items() if (st := _stat(p)) and st[1] == start}
    if session:
        targets |= {p for p in _pids() if p != me and session.encode() in _cmdline(p)}
    killed = []
    for p in sorted(targets - {me}):
        try:
            os.kill(p, signal.SIGKILL)
            killed.append(p)
        except OSError:
            pass
    return killed


def watch(driver: int, session: str) -> int:
    """Follow the driver's Ray processes until its pipe closes; reap unless it said it was
    done. The driver's other children (if any) are left alone."""
    seen: dict[int, int] = {}
    got = b""
    while True:
        readable, _, _ = select.select([sys.stdin.buffer], [], [], POLL)
        if readable:
            chunk = os.read(sys.stdin.fileno(), 64)
            if not chunk:
                break
            got += chunk
            continue
        if _stat(driver) is None:
            break
        seen.update({p: t for p, t in descendants(driver).items() if p not in seen and _is_ray(p)})
    if got.endswith(DONE):
        return 0
    reap(seen, session)
    return 0


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C is the driver's to handle
    return watch(int(argv[0]), argv[1] if len(argv) > 1 else "")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
