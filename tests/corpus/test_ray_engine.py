"""The Ray engine on a real local Ray cluster: the store `--workers N` gives, bad records as
error records, bounded work in flight, clear errors for a bad cluster (kill -9: test_ray_kill)."""
import json
import subprocess
import sys
import time

import pytest
from corpus_articles import bulk_records, mirror, story_text, write_jsonl
from store_helpers import rows

from conftest import REPO
from onrecord.corpus.runner import RunOptions, run_corpus

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.slow

# Every table a run writes, each in an order that does not depend on timing.
TABLES = {
    "articles": "SELECT id, source_id, source, title, published, n_quotes, minhash, record "
                "FROM articles ORDER BY id",
    "quotes": "SELECT * FROM quotes ORDER BY article_id, idx",
    "speakers": "SELECT * FROM speakers ORDER BY id",
    "mentions": "SELECT * FROM mentions ORDER BY ALL",
    "repairs": "SELECT * FROM repairs ORDER BY ALL",
    "duplicates": "SELECT * FROM duplicates ORDER BY article_id",
    "errors": "SELECT id, source_id, source, error FROM errors ORDER BY id",
    "sightings": "SELECT * EXCLUDE (read_at) FROM sightings ORDER BY pos, source",
    "statements": "SELECT * FROM statements ORDER BY id",
    "statement_members": "SELECT * FROM statement_members ORDER BY ALL",
}


@pytest.fixture(scope="module")
def cluster():
    ray.init(num_cpus=2, object_store_memory=100 * 2**20, include_dashboard=False,
             log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()



def _same_tables(a, b):
    for name, sql in TABLES.items():
        assert rows(a, sql) == rows(b, sql), f"table {name} differs"


def _corpus(tmp_path, n=36):
    """`n` articles, exact copies under other ids, two noisy mirrors, five bad records (two
    that the reader rejects, three that fail in the extractor, on the cluster)."""
    recs = bulk_records(n)
    recs.insert(5, {**recs[2], "id": "copy-2", "outlet": "Copy Wire"})
    recs.append({"id": "m0", "text": mirror(recs[0]["text"], 3)})
    recs.append({"id": "m1", "text": mirror(story_text(1), 4)})
    recs.insert(9, {"id": "empty", "text": ""})
    recs.insert(12, {"id": "blank", "text": "   \n  "})
    recs.insert(15, {"id": "binary", "text": "\x00\x01\x02 data" * 20})
    recs.insert(20, {"id": "bad-date", "text": story_text(3), "published": "last Tuesday"})
    path = write_jsonl(tmp_path / "in.jsonl", recs)
    with open(path, "a", encoding="utf-8") as f:
        f.write("{not json\n")
        f.write(json.dumps({"id": "late-copy", "text": recs[0]["text"]}) + "\n")
    return path


def test_ray_store_is_the_store_local_workers_give(cluster, tmp_path):
    inp = _corpus(tmp_path)
    local = run_corpus([str(inp)], tmp_path / "local.duckdb",
                       options=RunOptions(workers=2, batch_size=4, progress=False))
    dist = run_corpus([str(inp)], tmp_path / "ray.duckdb",
                      options=RunOptions(engine="ray", workers=2, batch_size=4, progress=False))
    assert dist.new == local.new and dist.store == local.store
    assert dist.new.articles == 38 and dist.new.duplicates >= 2 and dist.new.sightings == 45
    _same_tables(tmp_path / "local.duckdb", tmp_path / "ray.duckdb")
    again = run_corpus([str(inp)], tmp_path / "ray.duckdb",
                       options=RunOptions(engine="ray", workers=2, progress=False))
    assert again.new.articles == 0 and again.new.errors == 0 and again.skipped == 45


def test_bad_records_become_error_records_and_the_rest_is_stored(cluster, tmp_path):
    inp = _corpus(tmp_path, n=6)
    s = run_corpus([str(inp)], tmp_path / "ray.duckdb",
                   options=RunOptions(engine="ray", workers=2, batch_size=3, progress=False))
    assert s.new.errors == 5 and s.new.articles == 8
    errors = dict(rows(tmp_path / "ray.duckdb", "SELECT source_id, error FROM errors"))
    broken = f"{inp}:14"  # the line that is not JSON, named by file and line
    assert set(errors) == {"empty", "blank", "binary", "bad-date", broken}
    assert "last Tuesday" in errors["bad-date"] and "YYYY-MM-DD" in errors["bad-date"]
    assert "no 'text' or 'html'" in errors["empty"]
    assert "empty article" in errors["blank"] and "NUL bytes" in errors["binary"]
    assert "json" in errors[broken].lower()
    stored = {r[0] for r in rows(tmp_path / "ray.duckdb", "SELECT source_id FROM articles")}
    assert {"r0", "r5", "m0", "m1"} <= stored
    assert rows(tmp_path / "ray.duckdb", "SELECT count(*) FROM quotes")[0][0] > 10


def test_work_in_flight_is_bounded_and_results_come_in_input_order(cluster, tmp_path):
    from onrecord.corpus.keys import record_key
    from onrecord.corpus.ray_engine import BUFFER_PER_ACTOR, ray_engine
    from onrecord.corpus.worker import Task
    from onrecord.ingest.record import InputRecord

    records = bulk_records(40)
    pulled = []

    def batches():
        for k in range(0, len(records), 2):
            batch = [InputRecord(id=r["id"], text=r["text"]) for r in records[k:k + 2]]
            pulled.append(k)
            yield [Task(key=record_key(rec, "mem"), source="mem", record=rec) for rec in batch]

    engine = ray_engine(address=None, workers=2, batch_size=2)
    seen, ahead = [], []
    for items in engine(batches()):
        ahead.append(len(pulled) - len(seen) // 2 - 1)
        seen += [it.result.id for it in items]
        time.sleep(0.2)  # a slow writer: the actors keep working, the driver pulls no more
    assert seen == [r["id"] for r in records]
    assert max(ahead) <= BUFFER_PER_ACTOR * 2 and max(ahead) >= 2


def _cli(*args, **kw):
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=REPO,
                          timeout=120, **kw)


def test_unreachable_cluster_is_a_clear_error(tmp_path):
    inp = write_jsonl(tmp_path / "in.jsonl", [{"id": "s1", "text": story_text(1)}])
    t = time.monotonic()
    cp = _cli("-m", "onrecord", "run", str(inp), "--store", str(tmp_path / "s.duckdb"),
              "--engine", "ray", "--address", "127.0.0.1:9", "--no-progress")
    assert cp.returncode == 2, cp.stderr
    assert "no Ray cluster answers at 127.0.0.1:9" in cp.stderr
    assert "ray start --head" in cp.stderr and "Traceback" not in cp.stderr
    assert time.monotonic() - t < 60
    bad = _cli("-m", "onrecord", "run", str(inp), "--store", str(tmp_path / "s.duckdb"),
               "--engine", "ray", "--address", "headnode", "--no-progress")
    assert bad.returncode == 2 and "HOST:PORT" in bad.stderr


def test_missing_ray_is_a_clear_error(tmp_path):
    inp = write_jsonl(tmp_path / "in.jsonl", [{"id": "s1", "text": story_text(1)}])
    code = ("import sys; sys.modules['ray'] = None; from onrecord.cli import main; "
            "sys.exit(main(sys.argv[1:]))")
    cp = _cli("-c", code, "run", str(inp), "--store", str(tmp_path / "s.duckdb"),
              "--engine", "ray", "--no-progress")
    assert cp.returncode == 2, cp.stderr
    assert "--engine ray needs Ray: pip install 'onrecord[ray]'" in cp.stderr
    assert "Traceback" not in cp.stderr
