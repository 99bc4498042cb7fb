"""The kill -9 watchdog (corpus/ray_reaper.py) on real processes, no Ray needed: when its driver
dies it kills the driver's Ray processes and those of the session, and nothing else."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from store_helpers import alive

from onrecord.corpus import ray_reaper

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc"), reason="the watchdog reads /proc")

# A stand-in driver: three children (one that looks like a Ray program, one whose command line
# names the session folder, one unrelated), then the watchdog; prints their pids, then waits
# (or, with "done", tells the watchdog it shut its cluster down and exits).
DRIVER = """
import json, os, subprocess, sys, time
session, how, reaper = sys.argv[1], sys.argv[2], sys.argv[3]
sleep = [sys.executable, "-c", "import time; time.sleep(120)"]
kids = {"ray": subprocess.Popen([*sleep, "/site-packages/ray/core/raylet"]),
        "session": subprocess.Popen([*sleep, "--session-dir=" + session]),
        "other": subprocess.Popen([*sleep, "unrelated"])}
w = subprocess.Popen([sys.executable, "-I", reaper, str(os.getpid()), session],
                     stdin=subprocess.PIPE, start_new_session=True)
time.sleep(1.5)  # the watchdog looks at the tree every 0.5 s
print(json.dumps({k: p.pid for k, p in kids.items()} | {"watchdog": w.pid}), flush=True)
if how == "done":
    w.stdin.write(b"done\\n"); w.stdin.close(); w.wait(); sys.exit(0)
time.sleep(120)
"""



def _driver(tmp_path, how):
    session = str(tmp_path / "session_2026-12-03_test")
    p = subprocess.Popen([sys.executable, "-c", DRIVER, session, how, ray_reaper.__file__],
                         stdout=subprocess.PIPE, text=True)
    assert p.stdout is not None
    return p, json.loads(p.stdout.readline())


def _wait_gone(pids, seconds=5.0):
    t = time.monotonic()
    while any(alive(p) for p in pids) and time.monotonic() - t < seconds:
        time.sleep(0.1)


def _cleanup(pids):
    for pid in pids:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


def test_kill_9_of_the_driver_kills_its_ray_and_session_processes_only(tmp_path):
    p, pids = _driver(tmp_path, "wait")
    try:
        assert all(alive(pid) for pid in pids.values())
        p.send_signal(signal.SIGKILL)
        p.wait()
        _wait_gone([pids["ray"], pids["session"], pids["watchdog"]])
        assert not alive(pids["ray"]) and not alive(pids["session"])
        assert not alive(pids["watchdog"])  # it exits once it has reaped
        assert alive(pids["other"])  # not Ray: left alone
    finally:
        _cleanup(pids.values())


def test_a_driver_that_says_done_leaves_everything_alone(tmp_path):
    p, pids = _driver(tmp_path, "done")
    try:
        assert p.wait(timeout=30) == 0
        time.sleep(1.0)
        assert not alive(pids["watchdog"])
        assert alive(pids["ray"]) and alive(pids["session"]) and alive(pids["other"])
    finally:
        _cleanup(pids.values())


def test_started_cluster_is_false_for_a_process_without_a_gcs_child():
    assert not ray_reaper.started_cluster(os.getpid())
