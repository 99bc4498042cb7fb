"""Sightings (issue 14 item 2): every input record is kept, an exact copy under another id,
url, outlet or date included; counts still count its article once."""
import json
import subprocess
import sys

import duckdb
import pyarrow.parquet as pq
import pytest
from corpus_articles import story_text, write_jsonl
from store_helpers import rows

from conftest import REPO
from onrecord.corpus.runner import RunOptions, run_corpus
from onrecord.corpus.store import Store
from onrecord.model import Article

ORIGINAL = {"id": "ferry-1", "text": story_text(0), "outlet": "Harbour Times",
            "url": "https://harbour.example/ferry-1", "published": "2026-03-01"}
COPY = {"id": "coast-77", "text": story_text(0), "outlet": "Coast Daily",
        "url": "https://coast.example/77", "published": "2026-03-02"}
OTHER = {"id": "library-1", "text": story_text(1), "outlet": "City Post"}
EMPTY = {"id": "empty-1", "text": ""}
OPTS = RunOptions(workers=1, progress=False, count=False)



@pytest.fixture(scope="module")
def run_store(tmp_path_factory):
    """A store from one JSONL file: an original, its exact copy under another id, outlet, url
    and date, another story, an empty record, and the original's line once more."""
    d = tmp_path_factory.mktemp("sightings")
    inp = write_jsonl(d / "feed.jsonl", [ORIGINAL, OTHER, COPY, EMPTY, ORIGINAL])
    store = d / "s.duckdb"
    summary = run_corpus([str(inp)], store, options=OPTS)
    return store, inp, summary


def test_every_record_is_an_article_an_error_or_a_sighting(run_store):
    store, inp, summary = run_store
    assert summary.records == 5
    assert summary.new.articles == 2 and summary.new.errors == 1 and summary.new.sightings == 5
    assert summary.store["articles"] == 2 and summary.store["sightings"] == 5
    got = rows(store, "SELECT pos, source_id, outlet, url, published, source FROM sightings "
                      "ORDER BY pos")
    assert got == [
        (0, "ferry-1", "Harbour Times", ORIGINAL["url"], "2026-03-01", str(inp)),
        (1, "library-1", "City Post", None, None, str(inp)),
        (2, "coast-77", "Coast Daily", COPY["url"], "2026-03-02", str(inp)),
        (3, "empty-1", None, None, None, str(inp)),
        (4, "ferry-1", "Harbour Times", ORIGINAL["url"], "2026-03-01", str(inp))]
    # each sighting names a stored article or a stored error record: nothing is dangling
    assert rows(store, "SELECT count(*) FROM sightings WHERE article_id NOT IN "
                       "(SELECT id FROM articles UNION ALL SELECT id FROM errors)") == [(0,)]
    assert rows(store, "SELECT e.source_id FROM sightings s JOIN errors e ON e.id = s.article_id"
                ) == [("empty-1",)]
    ferry = rows(store, "SELECT DISTINCT article_id FROM sightings WHERE pos IN (0, 2, 4)")
    assert len(ferry) == 1


def test_a_copy_is_found_by_its_own_id_and_outlet_and_counted_once(run_store):
    store, _, _ = run_store
    with Store(store, read_only=True) as st:
        by_copy = st.quotes(id="coast-77", limit=100)
        by_original = st.quotes(id="ferry-1", limit=100)
        assert by_copy and by_copy == by_original
        content_id = by_copy[0]["article_id"]
        assert st.quotes(id=content_id, limit=100) == by_copy
        assert st.quotes(id="no-such-id") == []
        # the copy's outlet finds the article; the article's own outlet still does
        assert st.quotes(outlet="coast daily", limit=100) == by_copy
        assert st.quotes(outlet="harbour", limit=100) == by_copy
        assert st.count_quotes(outlet="coast") == len(by_copy)
        # counted once: the store's quotes are the two articles' quotes, the copy adds none
        n = rows(store, "SELECT sum(n_quotes) FROM articles")[0][0]
        assert st.stats()["quotes"] == n == st.count_quotes()
        rec = st.article("coast-77")
        assert rec is not None and rec["id"] == content_id
        assert rec["source_id"] == "ferry-1"  # the article keeps its first record's id
        seen = [(s["source_id"], s["outlet"], s["pos"]) for s in rec["sightings"]]
        assert seen == [("ferry-1", "Harbour Times", 0), ("coast-77", "Coast Daily", 2),
                        ("ferry-1", "Harbour Times", 4)]
        assert st.article("empty-1") is None  # an error record is no article


def test_query_cli_finds_the_copy_by_id_and_outlet(run_store):
    store, _, _ = run_store

    def query(*args):
        cp = subprocess.run([sys.executable, "-m", "onrecord", "query", "--store", str(store),
                             "--format", "jsonl", *args], capture_output=True, text=True,
                            cwd=REPO, timeout=120)
        assert cp.returncode == 0, cp.stderr
        return [json.loads(line) for line in cp.stdout.splitlines()]

    by_id = query("--id", "coast-77")
    assert by_id and {q["article_id"] for q in by_id} == {query("--id", "ferry-1")[0]["article_id"]}
    assert query("--outlet", "Coast Daily") == by_id
    assert query("--id", "library-1") and query("--id", "library-1") != by_id


def test_rerun_adds_no_sighting_and_a_new_copy_adds_one(run_store, tmp_path):
    store, inp, _ = run_store
    again = run_corpus([str(inp)], store, options=OPTS)
    assert again.new.articles == 0 and again.new.sightings == 0 and again.skipped == 5
    assert again.store["sightings"] == 5
    later = write_jsonl(tmp_path / "later.jsonl",
                        [{**COPY, "id": "metro-9", "outlet": "Metro Online",
                          "published": "2026-03-05"}])
    more = run_corpus([str(later)], store, options=OPTS)
    assert more.new.articles == 0 and more.new.sightings == 1
    with Store(store, read_only=True) as st:
        assert st.stats()["articles"] == 2 and st.stats()["sightings"] == 6
        rec = st.article("metro-9")
        assert rec is not None and rec["sightings"][-1]["outlet"] == "Metro Online"
        assert st.quotes(outlet="metro", limit=100) == st.quotes(id="ferry-1", limit=100)


def test_export_lists_each_sighting_with_its_article(run_store, tmp_path):
    store, _, _ = run_store
    cp = subprocess.run([sys.executable, "-m", "onrecord", "export", "--store", str(store),
                         str(tmp_path / "out")], capture_output=True, text=True, cwd=REPO,
                        timeout=120)
    assert cp.returncode == 0, cp.stderr
    arts = pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()
    by_source = {a["source_id"]: a for a in arts}
    ids = [s["source_id"] for s in by_source["ferry-1"]["sightings"]]
    assert ids[:3] == ["ferry-1", "coast-77", "ferry-1"]
    assert [s["source_id"] for s in by_source["library-1"]["sightings"]] == ["library-1"]
    sightings = pq.read_table(tmp_path / "out" / "sightings.parquet").to_pylist()
    assert len(sightings) == rows(store, "SELECT count(*) FROM sightings")[0][0]


def test_store_add_keeps_a_copy_under_another_id(tmp_path, extractor):
    text = story_text(2)
    a, b = extractor.pipe([{"id": "farm-1", "text": text, "outlet": "Valley News"},
                           {"id": "farm-copy", "text": text, "outlet": "Grain Weekly"}])
    assert isinstance(a, Article) and isinstance(b, Article)
    with Store(tmp_path / "add.duckdb") as st:
        first = st.add([a, b], source="batch-1")
        assert first.articles == 1 and first.skipped == 1 and first.sightings == 2
        assert st.add([a, b], source="batch-1").sightings == 0  # the same records again
        rec = st.article("farm-copy")
        assert rec is not None and rec["source_id"] == "farm-1"
        assert [s["outlet"] for s in rec["sightings"]] == ["Valley News", "Grain Weekly"]
        assert st.quotes(outlet="grain", limit=100) == st.quotes(limit=100)


def test_a_store_without_sightings_gets_one_per_article(tmp_path, extractor):
    path = tmp_path / "old.duckdb"
    art = next(extractor.pipe([{"id": "old-1", "text": story_text(3)}]))
    with Store(path) as st:
        st.add([art])
    con = duckdb.connect(str(path))
    con.execute("DELETE FROM sightings")  # as a store written before sightings existed
    con.close()
    with Store(path) as st:
        assert st.stats()["sightings"] == 1
        rec = st.article("old-1")
        assert rec is not None and rec["sightings"][0]["source_id"] == "old-1"


def test_a_statement_lists_the_records_its_article_was_read_as(run_store):
    store, _, _ = run_store
    with Store(store, read_only=True) as st:
        found = st.trace("Nobody has asked the people who will actually sail these boats")
        assert found is not None and len(found["sightings"]) == 1  # the copy counts once
        records = found["sightings"][0]["records"]
        assert {(r["source_id"], r["outlet"]) for r in records} >= {
            ("ferry-1", "Harbour Times"), ("coast-77", "Coast Daily")}
