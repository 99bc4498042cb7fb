"""The Ray engine on a real local Ray cluster gives the same store as the local engine."""
import pytest
from corpus_articles import mirror, story_text, write_jsonl
from store_helpers import rows

from onrecord.corpus.runner import RunOptions, run_corpus

ray = pytest.importorskip("ray")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()



def test_ray_engine_matches_local_engine(cluster, tmp_path):
    recs = [{"id": f"s{i}", "text": story_text(i)} for i in range(4)]
    recs.append({"id": "m0", "text": mirror(story_text(0), 3)})
    recs.append({"id": "bad", "text": ""})
    inp = write_jsonl(tmp_path / "in.jsonl", recs)
    local = run_corpus([str(inp)], tmp_path / "local.duckdb",
                       options=RunOptions(workers=1, progress=False))
    shards = tmp_path / "shards"
    distributed = run_corpus([str(inp)], tmp_path / "ray.duckdb",
                             options=RunOptions(engine="ray", workers=2, batch_size=2,
                                                progress=False, shard_dir=str(shards)))
    assert distributed.new.articles == local.new.articles == 5
    assert distributed.new.errors == local.new.errors == 1
    assert distributed.new.duplicates == 1
    assert distributed.store == local.store
    for sql in ("SELECT id FROM articles ORDER BY id",
                "SELECT article_id, idx, kind, text, speaker_name FROM quotes ORDER BY 1, 2",
                "SELECT article_id, canonical_id FROM duplicates ORDER BY 1"):
        assert rows(tmp_path / "ray.duckdb", sql) == rows(tmp_path / "local.duckdb", sql)
    assert not shards.exists()  # shards are loaded, then removed
    again = run_corpus([str(inp)], tmp_path / "ray.duckdb",
                       options=RunOptions(engine="ray", workers=2, progress=False,
                                          shard_dir=str(shards)))
    assert again.new.articles == 0 and again.skipped == 6


def test_cli_connects_to_a_running_cluster_by_address(cluster, tmp_path):
    import subprocess
    import sys

    from conftest import REPO

    address = cluster.get_runtime_context().gcs_address
    inp = write_jsonl(tmp_path / "in.jsonl", [{"id": "s1", "text": story_text(1)}])
    cp = subprocess.run([sys.executable, "-m", "onrecord", "run", str(inp), "--store",
                         str(tmp_path / "cli.duckdb"), "--engine", "ray", "--address", address,
                         "--workers", "1", "--no-progress"],
                        capture_output=True, text=True, cwd=REPO, timeout=300)
    assert cp.returncode == 0, cp.stderr[-2000:]
    assert "1 new articles" in cp.stdout
    assert rows(tmp_path / "cli.duckdb", "SELECT count(*) FROM quotes")[0][0] > 0
