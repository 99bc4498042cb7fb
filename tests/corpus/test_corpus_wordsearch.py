"""Word searches read page by page from the word index's ordered hits (`wordsearch`): every page,
filter and count the same as a scan of the store, each hit found at its rowid, a stale rowid
still answered right, and an index of the older form (no sort keys) rebuilt by the writer."""
import random
import shutil
import sqlite3

import pytest

from onrecord.corpus import fulltext, wordsearch
from onrecord.corpus.dedup import signature
from onrecord.corpus.keys import result_key
from onrecord.corpus.store import Item, Store
from onrecord.model import Article, Cue, Entity, Quote, SpeakerRef

SPEAKERS = ["Rosa Lind", "Emil Varga", "Nadia Osei"]
TOPICS = ["harbour", "tunnel", "toll"]
FILLER = ("ferry dock crane cargo fleet pier wharf anchor sail mast rope net fish gull tide wave "
          "storm rain wind fog salt sand rock cliff light lamp bell road rail bus cart van bike "
          "bridge gate wall tower market stall bread cheese wine oil lemon olive fig plum "
          "school clinic court hall church park garden field farm mill barn").split()


def _article(i):
    """Article i: two or three quotes by two speakers, dated by month (some quotes carry a date
    of their own, some articles none), on topics cycling so that words recur across articles."""
    rnd = random.Random(i)  # words of its own, so that articles are not near-duplicates
    parts = [" ".join(rnd.choice(FILLER) for _ in range(30)).capitalize() + ". "]
    quotes, ents = [], {}
    for k in range(2 + i % 2):
        who, topic = SPEAKERS[(i + k) % 3], TOPICS[(i * 2 + k) % 3]
        words = f"the {topic} plan {i}-{k} needs {'more' if k else 'less'} money"
        lead = f"{who} said "
        start = sum(map(len, parts))
        n, c, s = start, start + len(who) + 1, start + len(lead) + 1
        parts.append(f'{lead}"{words}" on the quay. ')
        ents.setdefault(who, Entity(f"p{len(ents) + 1}", who, "person", [], [], []))
        ents[who].mentions.append([n, n + len(who)])
        quotes.append(Quote("direct", words, s, s + len(words),
                            SpeakerRef(ents[who].id, who, n, n + len(who)), Cue("said", c, c + 4),
                            date=f"2024-{1 + i % 12:02d}-15" if k == 2 else None,
                            confidence=0.9))
    return Article(id=f"w{i}", text="".join(parts),
                   published=None if i % 7 == 3 else f"2024-{1 + (i * 5) % 12:02d}-01",
                   entities=list(ents.values()), quotes=quotes,
                   meta={"outlet": "Vell Courier" if i % 2 else "Quay Post"})


def _items(arts):
    return [Item(result_key(a), a, "w.jsonl", signature(a.text)) for a in arts]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("ws") / "w.duckdb"
    arts = [_article(i) for i in range(90)]
    copy = _article(5)  # a near-duplicate of article 5 under another id: its quotes are copies'
    copy.id, copy.text = "w5-copy", copy.text + " "
    with Store(path) as st:
        for lo in range(0, 90, 30):
            st.write(_items(arts[lo:lo + 30]))
        st.write(_items([copy]))
    return path


def _scan(st, **kw):
    words, st._words = st._words, None  # the word index set aside: one query over the store
    try:
        return st.quotes(**kw), st.count_quotes(**{k: v for k, v in kw.items()
                                                    if k not in ("limit", "offset")})
    finally:
        st._words = words


FILTERS = [{}, {"since": "2024-05"}, {"until": "2024-03"}, {"speaker": "Rosa Lind"},
           {"outlet": "quay"}, {"include_copies": True}, {"speaker": "Varga", "since": "2024-06"}]


@pytest.mark.parametrize("filters", FILTERS)
def test_every_page_and_count_is_the_scans(store, filters, monkeypatch):
    def not_by_key(*a, **k):
        raise AssertionError("a hit was not at its rowid")
    monkeypatch.setattr(wordsearch, "_by_key", not_by_key)
    with Store(store, read_only=True) as st:
        for contains in ("harbour", "plan money", '"tunnel plan"', "nothing-like-this"):
            for limit, offset in ((5, 0), (7, 3), (50, 0), (40, 60), (500, 0)):
                kw = dict(contains=contains, limit=limit, offset=offset, **filters)
                got = st.quotes(**kw)
                assert st._words is not None and not isinstance(st._words, bool)
                want, total = _scan(st, **kw)
                assert got == want, (contains, limit, offset)
                assert st.count_quotes(**{k: v for k, v in kw.items()
                                          if k not in ("limit", "offset")}) == total


def test_the_searches_span_reads_copies_and_missing_dates(store):
    with Store(store, read_only=True) as st:
        n = st.count_quotes(contains="plan")
        assert n > wordsearch.FIRST_READ * 3  # several reads of growing size
        assert st.count_quotes(contains="plan", include_copies=True) > n  # the copy's quotes
        dates = [q["date"] or q["published"] for q in st.quotes(contains="plan", limit=500)]
        assert dates[-1] is None and dates[0] > dates[n // 2]  # newest first, undated last


def _copy(store, path):
    """A copy of the store and its index at `path`."""
    shutil.copy(store, path)
    shutil.copy(f"{store}.idx", f"{path}.idx")
    return path


def test_a_stale_rowid_is_read_by_article_and_idx(store, tmp_path):
    path = _copy(store, tmp_path / "s.duckdb")
    db = sqlite3.connect(f"{path}.idx")
    db.execute("UPDATE quote_text SET qrow = qrow + 1 WHERE rowid % 3 = 0")  # a rewritten store
    db.commit()
    db.close()
    with Store(path, read_only=True) as st:
        for kw in ({"contains": "harbour", "limit": 20}, {"contains": "money", "limit": 9,
                                                          "offset": 4, "speaker": "Osei"}):
            assert st.quotes(**kw) == _scan(st, **kw)[0]
        assert st.count_quotes(contains="tunnel") == _scan(st, contains="tunnel")[1]


@pytest.mark.parametrize("form", ["first", "positions"])
def test_an_index_of_an_older_form_is_rebuilt(store, tmp_path, form):
    """The first form had no sort key nor rowid; the second kept trigram positions (its
    phrase queries are not how the index is searched now): both are rebuilt by the writer."""
    columns, flag = {"first": ("text, article UNINDEXED, idx UNINDEXED", "fulltext"),
                     "positions": ("text, article UNINDEXED, idx UNINDEXED, at UNINDEXED, "
                                   "qrow UNINDEXED", "fulltext_at")}[form]
    path = _copy(store, tmp_path / "o.duckdb")
    db = sqlite3.connect(f"{path}.idx")
    db.executescript("DROP TABLE quote_text; CREATE VIRTUAL TABLE quote_text USING fts5("
                     f"{columns}, tokenize='trigram');"
                     f"DELETE FROM meta WHERE k = '{fulltext.READY}';"
                     f"INSERT OR REPLACE INTO meta VALUES ('{flag}', '1');")
    db.close()
    with Store(path, read_only=True) as st:
        want = st.quotes(contains="harbour", limit=30)  # scanned: the index is not trusted
        assert st._words is None and want
    with Store(path) as st:
        assert st._w.synced == "rebuilt"
    with Store(path, read_only=True) as st:
        assert st.quotes(contains="harbour", limit=30) == want
        assert isinstance(st._words, sqlite3.Connection)
    db = sqlite3.connect(f"{path}.idx")
    try:
        assert "detail=none" in db.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'quote_text'").fetchone()[0]
    finally:
        db.close()


def test_a_page_and_its_count_search_the_index_once_per_committed_batch(store, tmp_path,
                                                                         monkeypatch):
    """The server's page and total ask the same words twice: the index is searched once,
    and again once a batch has been committed (its hits then include the new quotes)."""
    path = _copy(store, tmp_path / "m.duckdb")
    calls = []
    search = fulltext.search
    monkeypatch.setattr(fulltext, "search", lambda *a: calls.append(a[1]) or search(*a))
    with Store(path) as st:
        page = st.quotes(contains="tunnel", limit=5)
        n = st.count_quotes(contains="tunnel")
        assert len(calls) == 1 and len(page) == 5 and n == _scan(st, contains="tunnel")[1]
        assert st.count_quotes(contains="toll") > 0 and len(calls) == 2
        new = _items([_article(200)])  # one quote on the tunnel, one on the toll
        st.write(new)
        assert st.count_quotes(contains="tunnel") == n + 1 and len(calls) == 3
        assert new[0].key in {q["article_id"] for q in st.quotes(contains="tunnel", limit=200)}
        assert len(calls) == 3
