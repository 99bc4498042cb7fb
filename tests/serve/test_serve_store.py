"""The store endpoints against a real server over a real DuckDB store of the test articles."""
from __future__ import annotations

import httpx
import pytest
from serve_fixtures import store_path, store_server  # noqa: F401 (fixtures)


@pytest.fixture(scope="module")
def expected(store_path):
    """What the store itself answers, read directly (read-only) for comparison."""
    from onrecord.corpus.store import Store

    with Store(store_path, read_only=True) as s:
        return {
            "okafor": s.quotes(speaker="Okafor", limit=100),
            "okafor_total": s.count_quotes(speaker="Okafor"),
            "all_total": s.count_quotes(),
            "speakers": s.speakers(limit=100),
        }


def get(srv, path, **params) -> httpx.Response:
    return httpx.get(f"{srv.base}{path}", params=params, timeout=30)


def test_health_reports_the_store(store_server):
    assert get(store_server, "/health").json()["store"] is True


def test_quotes_by_speaker_match_the_store(store_server, expected):
    page = get(store_server, "/quotes", speaker="Okafor").json()
    assert expected["okafor_total"] >= 2, "Okafor is quoted in two test articles"
    assert page["total"] == expected["okafor_total"]
    assert [(q["article_id"], q["start"]) for q in page["items"]] == \
        [(q["article_id"], q["start"]) for q in expected["okafor"]]
    assert all("Okafor" in q["speaker"] for q in page["items"])


def test_quotes_are_paged(store_server, expected):
    total = expected["all_total"]
    assert total >= 4
    first = get(store_server, "/quotes", limit=2, offset=0).json()
    second = get(store_server, "/quotes", limit=2, offset=2).json()
    assert first["total"] == second["total"] == total
    assert len(first["items"]) == len(second["items"]) == 2
    keys = {(q["article_id"], q["start"]) for q in first["items"] + second["items"]}
    assert len(keys) == 4


def test_quotes_filter_by_words_and_dates(store_server):
    page = get(store_server, "/quotes", contains="bridge").json()
    assert page["total"] >= 1
    assert all("bridge" in q["text"].lower() for q in page["items"])
    june = get(store_server, "/quotes", since="2026-06-01", until="2026-06-30").json()
    assert june["total"] >= 1
    assert all(str(q["date"] or q["published"]).startswith("2026-06") for q in june["items"])
    assert get(store_server, "/quotes", since="2027-01-01").json()["total"] == 0


@pytest.mark.parametrize("params", [{"since": "June"}, {"limit": 0}, {"limit": 501},
                                    {"offset": -1}])
def test_bad_query_parameters_get_422(store_server, params):
    r = get(store_server, "/quotes", **params)
    assert r.status_code == 422
    assert r.json()["detail"]


def test_speakers_with_counts(store_server, expected):
    items = get(store_server, "/speakers").json()["items"]
    assert [s["name"] for s in items] == [s["name"] for s in expected["speakers"]]
    okafor = [s for s in items if "Okafor" in s["name"]]
    assert okafor and okafor[0]["quotes"] >= 2 and okafor[0]["articles"] == 2


def test_article_page_and_its_quotes(store_server, expected):
    quote = expected["okafor"][0]
    record = get(store_server, f"/articles/{quote['article_id']}").json()
    assert record["id"] == quote["article_id"]
    assert record["text"][quote["start"]:quote["end"]] == quote["text"]
    assert "copies" in record


def test_unknown_article_is_a_json_404_that_does_not_reflect_markup(store_server):
    r = get(store_server, "/articles/<script>alert(1)</script>")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")
    assert "no article with id" in r.json()["detail"]
