"""Reading a store while `onrecord run` writes to it (issue 15b): query, speakers, export and
the HTTP API answer from the last committed batch, and the run goes on undisturbed."""
import json
import os
import subprocess
import sys
import threading
import time

import httpx
import pytest
from corpus_articles import bulk_records, write_jsonl

from conftest import REPO
from onrecord.corpus.store import Store, StoreBusy

pytestmark = pytest.mark.slow
N = 160


def cli(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "onrecord", *map(str, args)],
                          capture_output=True, text=True, cwd=REPO, timeout=timeout)


def test_readers_answer_while_a_run_writes(tmp_path):
    sys.path.insert(0, str(REPO / "tests" / "serve"))
    from serve_helpers import ServeProcess

    records = bulk_records(N)
    store = tmp_path / "s.duckdb"
    # a store with its first batch, and a server on it, before the run starts
    first = write_jsonl(tmp_path / "first.jsonl", records[:4])
    assert cli("run", first, "--store", store, "--workers", "1").returncode == 0
    # the run reads a pipe the test feeds a record at a time, so it cannot end before the
    # readers have looked, however fast this machine extracts
    inp = tmp_path / "bulk.jsonl"
    os.mkfifo(inp)
    readers_done = threading.Event()

    def feed() -> None:
        with open(inp, "w", encoding="utf-8") as pipe:
            for k, r in enumerate(records):
                if k == len(records) - 1:  # the last record only once the readers are done
                    readers_done.wait(300)
                pipe.write(json.dumps(r) + "\n")
                pipe.flush()
                if not readers_done.is_set() and k >= 8:
                    time.sleep(0.1)

    server = ServeProcess("--store", str(store), "--workers", "1")
    feeder = threading.Thread(target=feed, daemon=True)
    try:
        err = open(tmp_path / "run.err", "w+")
        run = subprocess.Popen([sys.executable, "-m", "onrecord", "run", str(inp), "--store",
                                str(store), "--workers", "1", "--batch-size", "4", "--json",
                                "--no-count"],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=err, text=True)
        feeder.start()
        seen = []
        deadline = time.monotonic() + 240
        while run.poll() is None and time.monotonic() < deadline and len(seen) < 3:
            q = cli("query", "--store", store, "--format", "jsonl", "--limit", "1000")
            assert q.returncode == 0, q.stderr
            assert q.stdout.strip(), "no quotes"
            with Store(store, read_only=True) as st:  # the library reader, same protocol
                n = st.stats()["articles"]
            sp = cli("speakers", "--store", store, "--format", "jsonl")
            assert sp.returncode == 0 and sp.stdout, sp.stderr
            api = httpx.get(f"{server.base}/quotes", params={"limit": 1}, timeout=60)
            assert api.status_code == 200, api.text
            if run.poll() is None:  # answered while the run was still writing
                seen.append((n, api.json()["total"]))
            time.sleep(1)
        ex = cli("export", "--store", store, tmp_path / "out")
        assert ex.returncode == 0, ex.stderr
        readers_done.set()
        out, _ = run.communicate(timeout=300)
        assert run.returncode == 0, open(tmp_path / "run.err").read()[-2000:]
    finally:
        readers_done.set()
        server.stop()
    assert len(seen) >= 2, "no reader got an answer while the run was writing"
    counts = [n for n, _ in seen]
    assert 4 <= counts[0] < N and counts[-1] < N  # committed states of a partly written run
    assert counts == sorted(counts)  # never older than what an earlier reader saw
    assert json.loads(out)["store"]["articles"] == N
    with Store(store, read_only=True) as st:
        assert st.stats()["articles"] == N


def test_a_reader_kept_out_is_told_what_to_do(tmp_path):
    store = tmp_path / "held.duckdb"
    Store(store).close()
    # a writer that never reaches the end of a batch (so never lets readers in)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom onrecord.corpus.store import Store\n"
         f"st = Store({str(store)!r})\nprint('ready', flush=True)\ntime.sleep(60)\n"],
        cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        t = time.monotonic()
        with pytest.raises(StoreBusy) as e:
            Store(store, read_only=True, wait=1.0)
        assert 1.0 <= time.monotonic() - t < 10
        msg = str(e.value)
        assert f"process {holder.pid}" in msg and "lets readers in after each batch" in msg
        assert "try again" in msg
        assert not list((tmp_path / "held.duckdb.readers").iterdir())  # its note is gone
        second = cli("run", store, "--store", store, "--wait", "0")
        assert second.returncode == 2 and f"in use by process {holder.pid}" in second.stderr
    finally:
        holder.kill()
        holder.wait()


def test_an_idle_writer_lets_a_reader_in_before_its_next_batch(tmp_path):
    from onrecord.corpus import access

    store = tmp_path / "idle.duckdb"
    writer = Store(store)
    door = access.Door(lambda: access.readers_waiting(store), writer.let_readers_in, every=0.05)
    try:
        # another process (DuckDB lets one process open a file one way only); no batch ends
        # meanwhile, and the reader's own wait is 30 s
        t = time.monotonic()
        q = cli("query", "--store", store, "--format", "jsonl")
        assert q.returncode == 0 and q.stdout == "", q.stderr
        assert time.monotonic() - t < 25
        with door.using():  # the writer has the file back once the reader is gone
            assert writer.stats()["articles"] == 0
    finally:
        door.close()
        writer.close()
