"""`onrecord run` as a user runs it: folders and globs, resume, kill -9, a second run refused."""
import gzip
import json
import re
import signal
import subprocess
import sys
import time

import pytest
from corpus_articles import bulk_records, mirror, story_text, write_jsonl
from store_helpers import alive, rows

from conftest import REPO
from onrecord.corpus.store import Store

pytestmark = pytest.mark.slow  # real subprocesses and long runs: `make test`, not `make check`

N_BULK = 400


def onrecord(*args, **kw):
    return subprocess.run([sys.executable, "-m", "onrecord", *map(str, args)],
                          capture_output=True, text=True, cwd=REPO, timeout=300, **kw)



@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    for i in range(3):
        (d / f"story{i}.txt").write_text(story_text(i), encoding="utf-8")
    (d / "sub" / "mirror.txt").write_text(mirror(story_text(0), 7), encoding="utf-8")
    (d / "sub" / "notes.csv").write_text("not,an,input", encoding="utf-8")
    recs = [{"id": "j1", "text": story_text(3)}, {"id": "j2", "text": story_text(4)}]
    write_jsonl(d / "more.jsonl", recs)
    with open(d / "more.jsonl", "a", encoding="utf-8") as f:
        f.write("{this is not json\n")
    with gzip.open(d / "sub" / "packed.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "g1", "text": mirror(story_text(2), 3)}) + "\n")
    return d


def test_run_then_rerun_skips_everything(folder, tmp_path):
    store = tmp_path / "s.duckdb"
    cp = onrecord("run", folder, str(folder / "story*.txt"), "missing.txt", "--store", store,
                  "--workers", "2", "--json")
    assert cp.returncode == 1, cp.stderr  # the bad JSON line and the missing file
    s = json.loads(cp.stdout)
    # 3 txt + mirror + 2 jsonl records + bad line + gz record + missing path (the glob
    # repeats files, which are read once)
    assert s["records"] == 9 and s["new"]["articles"] == 7 and s["new"]["errors"] == 2
    assert s["new"]["duplicates"] == 2 and s["store"]["canonical"] == 5
    assert "onrecord run" in cp.stderr  # the progress bar
    n_quotes = s["store"]["quotes"]
    assert n_quotes > 0
    again = onrecord("run", folder, "--store", store, "--workers", "1", "--json")
    s2 = json.loads(again.stdout)
    assert s2["new"]["articles"] == 0 and s2["skipped"] == 8 and again.returncode == 0
    assert s2["store"]["quotes"] == n_quotes
    q = onrecord("query", "--store", store, "--contains", "ferry", "--show-copies",
                 "--format", "json")
    found = [json.loads(l) for l in q.stdout.splitlines()]
    assert found and all("ferry" in r["text"].lower() for r in found)
    assert any(r["copies"] for r in found)
    sp = onrecord("speakers", "--store", store, "--format", "csv")
    assert sp.returncode == 0 and sp.stdout.startswith("quotes,statements,articles,name")
    with Store(store, read_only=True) as st:  # the run kept its speaker counts
        assert st.speaker_counts_fresh()
        kept = st.speakers()
    with Store(store) as st:  # and they are what counting from the quotes gives
        st.con.execute("DELETE FROM store_meta WHERE key = 'speaker_counts_batch'")
        assert st.speakers() == kept and len(kept) > 0
    retry = onrecord("run", folder, "--store", store, "--workers", "1", "--json",
                     "--retry-errors")
    s3 = json.loads(retry.stdout)
    assert s3["new"]["errors"] == 1 and s3["new"]["articles"] == 0  # the bad JSON line again
    assert s3["store"]["errors"] == 1  # the missing file was not named this time
    ex = onrecord("export", "--store", store, tmp_path / "pq")
    assert ex.returncode == 0 and (tmp_path / "pq" / "quotes.parquet").exists()


def _progress(text):
    """(articles done, articles to do) as the last progress bar update on stderr says."""
    found = re.findall(r"(\d+)/(\d+) \[", text)
    return (int(found[-1][0]), int(found[-1][1])) if found else (0, 0)


def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []



def _start_run(inp, store, workers):
    err = open(f"{store}.stderr", "w+")
    p = subprocess.Popen([sys.executable, "-m", "onrecord", "run", str(inp), "--store",
                          str(store), "--workers", str(workers), "--batch-size", "4"],
                         cwd=REPO, stdout=subprocess.DEVNULL, stderr=err)
    return p, err


def _wait_progress(p, err, fraction, timeout=120):
    """Wait until at least one article and `fraction` of the run's articles are stored."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        err.seek(0)
        done, total = _progress(err.read())
        if done >= max(1, fraction * total):
            return done
        assert p.poll() is None, "run ended before it could be interrupted"
        time.sleep(0.05)
    raise AssertionError("no progress")


def _with_copies(records):
    """`records` with exact copies under other ids and outlets: some right after their
    original (the same batch), some at the end (long after it is stored)."""
    out = []
    for k, r in enumerate(records):
        out.append(r)
        if k % 50 == 0:
            out.append({**r, "id": f"copy-{k}", "outlet": "Copy Wire"})
    return out + [{**r, "id": f"late-{k}", "outlet": "Late Post"}
                  for k, r in enumerate(records) if k % 40 == 7]


def test_kill_9_mid_run_then_resume_loses_nothing_and_duplicates_nothing(tmp_path):
    records = _with_copies(bulk_records(N_BULK))
    inp = write_jsonl(tmp_path / "bulk.jsonl", records)
    clean = tmp_path / "clean.duckdb"
    assert onrecord("run", inp, "--store", clean, "--workers", "1").returncode == 0
    store = tmp_path / "killed.duckdb"
    kills = 0
    for fraction, workers in ((0.0, 2), (0.3, 1)):
        p, err = _start_run(inp, store, workers)
        _wait_progress(p, err, fraction)
        if workers == 2:  # while it writes, a second run on the store is refused
            busy = onrecord("run", inp, "--store", store, "--wait", "0.5")
            assert busy.returncode == 2 and "in use by process" in busy.stderr
        kids = _children(p.pid)
        p.send_signal(signal.SIGKILL)
        p.wait()
        kills += 1
        deadline = time.monotonic() + 10
        while any(alive(k) for k in kids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(alive(k) for k in kids), "workers outlived their parent"
        stored = rows(store, "SELECT count(*) FROM articles")[0][0]
        assert 0 < stored < N_BULK, f"kill {kills} was not mid-run ({stored} stored)"
    resume = onrecord("run", inp, "--store", store, "--workers", "2", "--json")
    assert resume.returncode == 0, resume.stderr
    s = json.loads(resume.stdout)
    assert s["skipped"] > 0 and s["skipped"] + s["new"]["articles"] == len(records)
    # every record is a sighting, once, whether its batch was killed, redone or a copy's
    sightings = ("SELECT id, article_id, source, pos, source_id, outlet, published "
                 "FROM sightings ORDER BY pos")
    assert rows(store, sightings) == rows(clean, sightings)
    assert rows(store, "SELECT count(*), count(DISTINCT pos) FROM sightings") == [
        (len(records), len(records))]
    assert rows(store, "SELECT count(*) FROM sightings WHERE article_id NOT IN "
                        "(SELECT id FROM articles)") == [(0,)]
    keys = "SELECT id FROM articles ORDER BY id"
    assert rows(store, keys) == rows(clean, keys)
    per_article = ("SELECT article_id, count(*), count(DISTINCT idx) FROM quotes "
                   "GROUP BY 1 ORDER BY 1")
    assert rows(store, per_article) == rows(clean, per_article)
    for t in ("repairs", "mentions"):
        assert rows(store, f"SELECT count(*) FROM {t}") == rows(clean, f"SELECT count(*) FROM {t}")
    # batches are stored in input order, so the resumed store is the uninterrupted one
    for sql in ("SELECT article_id, canonical_id FROM duplicates ORDER BY 1",
                "SELECT id, name, merged_into FROM speakers ORDER BY 1",
                "SELECT article_id, idx, speaker_id FROM quotes ORDER BY 1, 2"):
        assert rows(store, sql) == rows(clean, sql)
    assert rows(store, "SELECT count(*) FROM errors") == [(0,)]
