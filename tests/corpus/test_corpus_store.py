"""The DuckDB store on a real file: writes, skips, filters, speakers, copies, export, locking."""
import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from corpus_articles import mirror, story_text

from onrecord.corpus.export import export_parquet
from onrecord.corpus.store import Item, Store, StoreBusy, StoreError
from onrecord.model import Article, Cue, Entity, Failure, Quote, SpeakerRef


def _article(text, speaker, titles, words, *, published, outlet=None, kind="person"):
    """An article whose only quote is `words`, said by `speaker` (offsets found in `text`)."""
    s = text.index(words)
    n = text.index(speaker)
    cue = text.index("said")
    ent = Entity("p1", speaker, kind, list(titles), [], [[n, n + len(speaker)]])
    q = Quote("direct", words, s, s + len(words),
              SpeakerRef("p1", speaker, n, n + len(speaker)), Cue("said", cue, cue + 4),
              confidence=0.9)
    return Article(id=f"src-{published}", text=text, published=published, entities=[ent],
                   quotes=[q], meta={"outlet": outlet} if outlet else {})


@pytest.fixture
def filled(tmp_path):
    path = tmp_path / "q.duckdb"
    arts = [
        _article('Foreign Affairs Minister Melanie Joly said "sanctions will follow".',
                 "Melanie Joly", ["Foreign Affairs Minister"], "sanctions will follow",
                 published="2022-01-18", outlet="CTV News"),
        _article('Mélanie Joly said "we stand with our allies" in Brussels.',
                 "Mélanie Joly", [], "we stand with our allies", published="2022-02-03",
                 outlet="Radio Canada"),
        _article('Joly, the Minister of Foreign Affairs, said "more sanctions are ready".',
                 "Joly", ["Minister of Foreign Affairs"], "more sanctions are ready",
                 published="2022-03-01", outlet="CTV News"),
        _article('The baker Jean Joly said "bread prices will rise".', "Jean Joly", ["baker"],
                 "bread prices will rise", published="2022-02-10", outlet="Local Times"),
    ]
    with Store(path) as st:
        res = st.add(arts + [Failure(id="broken", error="empty article: no text to read")],
                     source="hand.jsonl")
        assert (res.articles, res.errors, res.quotes) == (4, 1, 4)
    return path


def test_readding_the_same_articles_stores_nothing_new(filled):
    with Store(filled) as st:
        before = st.stats()
        again = st.add([Article.from_dict(st.article(q["article_id"]))
                        for q in st.quotes(limit=10)])
        assert again.articles == 0 and again.skipped == 4
        # each re-added record is kept as a sighting of its stored article; nothing else changes
        assert again.sightings == 4
        after = st.stats()
        assert after.pop("sightings") == before.pop("sightings") + 4 and after == before


def test_quote_filters(filled):
    with Store(filled, read_only=True) as st:
        joly = st.quotes(speaker="Melanie Joly")
        assert {q["text"] for q in joly} == {"sanctions will follow", "we stand with our allies",
                                            "more sanctions are ready"}
        assert {q["speaker"] for q in joly} == {"Melanie Joly"}
        assert [q["text"] for q in st.quotes(speaker="jean joly")] == ["bread prices will rise"]
        assert len(st.quotes(speaker="Joly")) == 4  # a surname finds every Joly
        assert {q["text"] for q in st.quotes(contains="SANCTIONS")} == {
            "sanctions will follow", "more sanctions are ready"}
        assert [q["text"] for q in st.quotes(contains="more sanctions")] == [
            "more sanctions are ready"]
        febr = st.quotes(since="2022-02-01", until="2022-02-28")
        assert {q["published"] for q in febr} == {"2022-02-03", "2022-02-10"}
        assert [q["published"] for q in st.quotes()] == sorted(
            [q["published"] for q in st.quotes()], reverse=True)
        ctv = st.quotes(outlet="ctv")
        assert {q["outlet"] for q in ctv} == {"CTV News"} and len(ctv) == 2
        assert st.count_quotes(outlet="ctv") == 2
        assert st.count_quotes(speaker="Melanie Joly", since="2022-02-01") == 2
        assert len(st.quotes(limit=2)) == 2 and len(st.quotes(limit=2, offset=3)) == 1
        q = st.quotes(contains="bread")[0]
        assert set(q) >= {"kind", "text", "speaker", "speaker_id", "cue", "addressee", "date",
                          "confidence", "article_id", "article_title", "outlet", "published",
                          "start", "end"}
        art = st.article(q["article_id"])
        assert art["text"][q["start"]:q["end"]] == q["text"]


def test_speakers_ranked_and_resolved_across_articles(filled):
    with Store(filled, read_only=True) as st:
        ranked = st.speakers()
        assert [(s["name"], s["quotes"], s["articles"]) for s in ranked] == [
            ("Melanie Joly", 3, 3), ("Jean Joly", 1, 1)]
        assert "Foreign Affairs Minister" in ranked[0]["titles"]
        assert st.speakers(name="Mélanie Joly")[0]["id"] == ranked[0]["id"]
        assert st.errors()[0]["error"].startswith("empty article")
        assert st.stats()["errors"] == 1


def test_speaker_counts_kept_after_a_run_give_the_counted_ranking(filled):
    def ranking(st):
        return [(s["id"], s["quotes"], s["articles"], s["statements"]) for s in st.speakers()]

    with Store(filled) as st:
        assert not st.speaker_counts_fresh()  # Store.add does not count: speakers() scans
        scanned = ranking(st)
        st.refresh_speaker_counts()
        assert st.speaker_counts_fresh() and ranking(st) == scanned
        # the kept counts are what is read: a stale copy of them would show here
        st.con.execute("UPDATE speaker_counts SET quotes = 100 WHERE quotes = 1")
        assert ranking(st)[0][1] == 100
        st.add([_article('Jean Joly said "flour is dearer".', "Jean Joly", [],
                         "flour is dearer", published="2022-04-01")])
        # a batch after the count: back to counting from the quotes
        assert not st.speaker_counts_fresh()
        assert [r[1] for r in ranking(st)] == [3, 2]
    with Store(filled, read_only=True) as ro:
        assert [r[1] for r in ranking(ro)] == [3, 2]


def test_near_duplicate_copies_count_once_and_are_listed(tmp_path, extractor):
    texts = [story_text(0), story_text(1), mirror(story_text(0), 1), mirror(story_text(0), 2)]
    with Store(tmp_path / "d.duckdb") as st:
        st.add(extractor.pipe(texts))
        stats = st.stats()
        assert (stats["articles"], stats["duplicates"], stats["canonical"]) == (4, 2, 2)
        single = st.quotes(limit=100)
        everything = st.quotes(limit=100, include_copies=True)
        assert len(single) < len(everything)
        canon = {q["article_id"] for q in single}
        with_copies = st.quotes(limit=100, copies=True)
        copies = {c["id"] for q in with_copies for c in q["copies"]}
        assert len(copies) == 2 and not copies & canon
        ferry = next(q for q in with_copies if q["copies"])
        assert "Ferry line" in ferry["article_title"]
        art = st.article(next(iter(copies)))
        assert art["canonical_id"] == ferry["article_id"]
        assert ferry["article_id"] in art["copies"]


def test_failed_write_leaves_nothing_and_the_store_goes_on(tmp_path, monkeypatch):
    arts = [Item("k1", Article(id="a", text="Ann Lee said it.")),
            Item("k2", Article(id="b", text="Bob Stone said no."))]
    with Store(tmp_path / "t.duckdb") as st:
        real = st._w._insert

        def crash_after_articles(table, rows):
            real(table, rows)
            if table == "articles":
                raise OSError("disk full")
        monkeypatch.setattr(st._w, "_insert", crash_after_articles)
        with pytest.raises(OSError):
            st.write(arts)
        monkeypatch.undo()
        assert st.stats()["articles"] == 0  # the articles inserted before the crash are gone
        assert st.stored(["k1", "k2"]) == set()  # and the lookup index forgot them too
        assert st.write(arts).articles == 2
        assert st.stats()["articles"] == 2


def test_a_malformed_article_becomes_an_error_and_the_batch_goes_on(tmp_path):
    good = Article(id="a", text="Ann Lee said it.")
    bad = Article(id="b", text="Bob said it.",
                  quotes=[Quote("direct", "it", "not an offset", 5)])  # type: ignore[arg-type]
    with Store(tmp_path / "t.duckdb") as st:
        res = st.write([Item("k1", good), Item("k2", bad)])
        assert (res.articles, res.errors) == (1, 1)
        assert "not an integer" in st.errors()[0]["error"]
        assert st.errors()[0]["source_id"] == "b"


def test_export_parquet_has_every_table(filled, tmp_path):
    with Store(filled, read_only=True) as st:
        files = export_parquet(st, tmp_path / "out")
    names = {f.stem for f in files}
    assert names == {"articles", "quotes", "speakers", "mentions", "repairs", "errors",
                     "duplicates", "sightings"}
    assert pq.read_table(tmp_path / "out" / "quotes.parquet").num_rows == 4


def test_second_writer_is_refused_with_a_clear_message(filled):
    with Store(filled):
        code = ("import sys\nfrom onrecord.corpus.store import Store, StoreBusy\n"
                f"try:\n    Store({str(filled)!r})\nexcept StoreBusy as e:\n"
                "    print(e); sys.exit(3)\n")
        cp = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert cp.returncode == 3, cp.stderr
        assert "in use by process" in cp.stdout and "wait for it to finish" in cp.stdout
    with Store(filled, read_only=True) as st:  # the lock is released on close
        assert st.stats()["articles"] == 4


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="onrecord run"):
        Store(tmp_path / "none.duckdb", read_only=True)
    assert not (tmp_path / "none.duckdb").exists()
    assert issubclass(StoreBusy, StoreError)


def test_a_writer_can_wait_for_a_busy_store(filled):
    from onrecord.corpus.runner import open_store

    code = ("import sys, time\nfrom onrecord.corpus.store import Store\n"
            f"st = Store({str(filled)!r})\nprint('open', flush=True)\ntime.sleep(1.5)\n"
            "st.close()\n")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreBusy):
            open_store(filled, wait=0)
        with open_store(filled, wait=60) as st:
            assert st.stats()["articles"] == 4
    finally:
        holder.wait(timeout=60)
