"""Sightings through the Ray engine: its writes go through the same Store, so an exact copy
under another id is the same sighting as with the local engine."""
import pytest
from corpus_articles import story_text, write_jsonl
from store_helpers import rows

from onrecord.corpus.runner import RunOptions, run_corpus

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.slow



def test_ray_and_local_keep_the_same_sightings(tmp_path):
    recs = [{"id": "s0", "text": story_text(0), "outlet": "Harbour Times"},
            {"id": "s1", "text": story_text(1)},
            {"id": "wire-0", "text": story_text(0), "outlet": "Wire"},
            {"id": "s0", "text": story_text(0), "outlet": "Harbour Times"}]
    inp = write_jsonl(tmp_path / "in.jsonl", recs)
    local = run_corpus([str(inp)], tmp_path / "local.duckdb",
                       options=RunOptions(workers=1, progress=False, count=False))
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        dist = run_corpus([str(inp)], tmp_path / "ray.duckdb",
                          options=RunOptions(engine="ray", workers=2, batch_size=2,
                                             progress=False, count=False,
                                             shard_dir=str(tmp_path / "shards")))
    finally:
        ray.shutdown()
    assert dist.new.articles == local.new.articles == 2
    assert dist.new.sightings == local.new.sightings == 4
    sql = ("SELECT id, article_id, source, pos, source_id, outlet FROM sightings ORDER BY pos")
    assert rows(tmp_path / "ray.duckdb", sql) == rows(tmp_path / "local.duckdb", sql)
    assert len({r[1] for r in rows(tmp_path / "ray.duckdb", sql)}) == 2
