"""Statements end to end: `onrecord run` into a real DuckDB file, then `statements`, `trace`
and the API of a real server on loopback."""
from __future__ import annotations

import json

import httpx
import pytest
from browser_helpers import browser, needs_chromium  # noqa: F401 (fixture)
from serve_helpers import ServeProcess, onrecord

WORDS = "The new bridge will carry trams before the end of next year"
RECORDS = [
    {"id": "gaz-1", "outlet": "Gazette", "published": "2024-05-03",
     "text": f'Council members approved the plan on Friday.\n\n"{WORDS}," Mayor Ines Dubois '
             "told reporters outside the town hall."},
    {"id": "her-7", "outlet": "Herald", "published": "2024-05-01",
     "text": f'Traders gathered at the market on Wednesday.\n\n"{WORDS}," said Ines Dubois, the '
             "mayor of Port Elms."},
    {"id": "pst-2", "outlet": "Post",
     "text": "Residents were sceptical on Thursday.\n\nMayor Ines Dubois promised that "
             f'"{WORDS.replace("trams", "buses").lower()}", but she gave no budget.'},
    {"id": "cou-4", "outlet": "Courier", "published": "2024-04-01",
     "text": f'The opposition was not impressed.\n\n"{WORDS}," Councillor Omar Haddad said, '
             "mocking what he called an empty promise."},
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = tmp_path_factory.mktemp("statements")
    (d / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    cp = onrecord("run", str(d / "in.jsonl"), "--store", str(d / "s.duckdb"))
    assert cp.returncode == 0, cp.stderr
    return d / "s.duckdb"


def test_statements_json_groups_copies_and_keeps_speakers_apart(store):
    cp = onrecord("statements", "--store", str(store), "--format", "json")
    assert cp.returncode == 0, cp.stderr
    rows = {r["speaker"]: r for r in json.loads(cp.stdout)}
    assert set(rows) == {"Ines Dubois", "Omar Haddad"}
    ines = rows["Ines Dubois"]
    assert (ines["n_articles"], ines["n_outlets"], ines["altered"]) == (3, 3, True)
    assert ines["first_seen"]["source_id"] == "her-7"  # the earliest date, read second
    assert [s["outlet"] for s in ines["sightings"]][-1] == "Post"  # undated last
    (alt,) = ines["variants"]
    assert alt["diff"] == [{"op": "replace", "before": "trams", "after": "buses"}]
    cp = onrecord("statements", "--store", str(store), "--min-outlets", "2")
    assert "Ines Dubois" in cp.stdout and "Omar Haddad" not in cp.stdout


def test_trace_prints_the_timeline_first_sighting_first(store):
    cp = onrecord("trace", "--store", str(store), "carry buses before the end of next year")
    assert cp.returncode == 0, cp.stderr
    lines = cp.stdout.splitlines()
    assert "Ines Dubois" in lines[0]
    assert "her-7" in lines[1] and "first" in lines[1]
    assert any("altered" in line for line in lines)
    miss = onrecord("trace", "--store", str(store), "words nobody in this town said")
    assert miss.returncode == 1 and "no statement" in miss.stderr


def test_statement_api_and_quotes_link_to_their_statement(store):
    srv = ServeProcess("--store", str(store))
    try:
        page = httpx.get(f"{srv.base}/statements", params={"speaker": "Dubois"}).json()
        (st,) = page["items"]
        full = httpx.get(f"{srv.base}/statements/{st['id']}").json()
        assert full["n_articles"] == 3 and full["first_seen"]["outlet"] == "Herald"
        quotes = httpx.get(f"{srv.base}/quotes", params={"speaker": "Dubois"}).json()["items"]
        assert {q["statement_id"] for q in quotes} == {st["id"]}
        article = httpx.get(f"{srv.base}/articles/her-7").json()
        assert [q["statement_id"] for q in article["quotes"]] == [st["id"]]
        assert httpx.get(f"{srv.base}/statements/nope").status_code == 404
        traced = httpx.get(f"{srv.base}/trace", params={"words": WORDS}).json()
        assert traced["speaker"] in ("Ines Dubois", "Omar Haddad")
        assert httpx.get(f"{srv.base}/statements", params={"since": "notadate"}).status_code \
            == 422
    finally:
        srv.stop()


@pytest.mark.slow
@needs_chromium
@pytest.mark.parametrize("viewport", [(1200, 900), (390, 844)], ids=["desktop", "phone"])
def test_statement_page_in_chromium(store, viewport, browser):
    srv = ServeProcess("--store", str(store))
    try:
        pg = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(f"{srv.base}/#/search?speaker=Dubois")
        pg.wait_for_selector("body[data-ready='true']")
        pg.click("a.statement-link >> nth=0")
        pg.wait_for_selector(".timeline .sighting")
        assert pg.inner_text(".statement-title") == "Ines Dubois"
        first = pg.inner_text(".timeline .sighting.first")
        assert "2024-05-01" in first and "Herald" in first and "first seen" in first
        assert pg.locator(".timeline .sighting").count() == 3
        assert pg.inner_text(".diff ins") == "buses" and pg.inner_text(".diff del") == "trams"
        width = pg.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport[0], f"page is {width} px wide in a {viewport[0]} px window"
        pg.goto(f"{srv.base}/#/article/gaz-1")
        pg.wait_for_selector(".article-statements a.statement-link")
        assert "Ines Dubois" in pg.inner_text(".article-statements")
        pg.click(".article-statements a.statement-link")
        pg.wait_for_selector(".timeline .sighting")
        assert pg.locator(".timeline .sighting").count() == 3
        width = pg.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport[0], f"article is {width} px wide in a {viewport[0]} px window"
        pg.goto(f"{srv.base}/#/statements?min_outlets=2")
        pg.wait_for_selector("#statements-results li")
        assert pg.locator("#statements-results li").count() == 1
        assert errors == []
        pg.close()
    finally:
        srv.stop()
