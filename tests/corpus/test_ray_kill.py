"""kill -9 of `onrecord run --engine ray` that started its own local cluster: no process of that
cluster outlives it (corpus/ray_reaper.py), and resuming gives the store an uninterrupted run
gives. In a module of its own, so that no other test's cluster starts processes meanwhile."""
import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest
from corpus_articles import bulk_records, write_jsonl
from store_helpers import rows
from test_ray_engine import _same_tables

from conftest import REPO
from onrecord.corpus.runner import RunOptions, run_corpus

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.slow


def _ray_processes():
    """Live processes of any Ray cluster on this machine: pid to command line."""
    out = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                        continue
                with open(f"/proc/{d}/cmdline", "rb") as f:
                    cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
            except (OSError, IndexError):
                continue
            if "/ray/" in cmd or cmd.startswith("ray::") or "ray_reaper" in cmd:
                out[int(d)] = cmd
    return out


def _own_cluster_env():
    """The environment for a CLI run that starts its own local cluster (not this test's)."""
    return {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}


def _wait_for_stored_batches(p, err, articles=8):
    """Until the run's progress bar shows `articles` done (some batches are stored)."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        err.seek(0)
        done = [int(x) for x in re.findall(r"(\d+)/\d+ \[", err.read())]
        if done and done[-1] >= articles:
            return
        assert p.poll() is None, "run ended before it could be killed"
        time.sleep(0.05)
    raise AssertionError("no batch was stored within 240 s")


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="the kill -9 watchdog reads /proc")
def test_kill_9_mid_ray_run_then_resume_gives_the_uninterrupted_store(tmp_path):
    records = bulk_records(120)
    records += [{**r, "id": f"copy-{k}", "outlet": "Copy Wire"}
                for k, r in enumerate(records) if k % 30 == 4]
    inp = write_jsonl(tmp_path / "bulk.jsonl", records)
    clean = tmp_path / "clean.duckdb"
    run_corpus([str(inp)], clean, options=RunOptions(workers=1, batch_size=4, progress=False))
    before = set(_ray_processes())
    store = tmp_path / "killed.duckdb"
    cmd = [sys.executable, "-m", "onrecord", "run", str(inp), "--store", str(store),
           "--engine", "ray", "--workers", "2", "--batch-size", "4"]
    with open(tmp_path / "run.stderr", "w+") as err:
        p = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=err,
                             env=_own_cluster_env())
        _wait_for_stored_batches(p, err)
    started = {pid: c for pid, c in _ray_processes().items() if pid not in before}
    names = " ".join(started.values())
    assert "gcs_server" in names and "raylet" in names and "ray::ExtractActor" in names
    assert "ray_reaper.py" in names  # the watchdog of the cluster this run started
    p.send_signal(signal.SIGKILL)
    p.wait()
    t = time.monotonic()
    while set(started) & set(_ray_processes()) and time.monotonic() - t < 15:
        time.sleep(0.2)
    left = {pid: started[pid] for pid in set(started) & set(_ray_processes())}
    assert not left, f"Ray processes outlived the killed run: {left}"
    stored = rows(store, "SELECT count(*) FROM articles")[0][0]
    assert 0 < stored < 120, f"the kill was not mid-run ({stored} stored)"
    resumed = subprocess.run([*cmd, "--no-progress", "--json"], cwd=REPO, capture_output=True,
                             text=True, timeout=300, env=_own_cluster_env())
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout)
    assert summary["new"]["articles"] == 120 - stored and summary["skipped"] > 0
    _same_tables(clean, store)
    t = time.monotonic()  # a clean run shuts its own cluster down, watchdog included
    while set(_ray_processes()) - before and time.monotonic() - t < 15:
        time.sleep(0.2)
    assert not set(_ray_processes()) - before
