"""Who gets quoted, in the viewer: `/report` and `/api/report` over a real store give what
`onrecord report` gives, and the home page shows the store at a glance."""
from __future__ import annotations

import json

import httpx
import pytest
from browser_helpers import browser, needs_chromium  # noqa: F401 (fixture)
from serve_fixtures import server  # noqa: F401 (fixture)
from serve_helpers import ServeProcess, onrecord

RECORDS = [
    {"id": "gz-1", "outlet": "Gazette", "published": "2024-05-03",
     "text": "Ms. Ines Dubois opened the new ferry terminal on Friday.\n\n"
             "\"The boats will run every hour from June,\" Ms. Dubois said.\n\n"
             "\"We were not asked,\" said Mr. Omar Haddad, who runs the harbour cafe."},
    {"id": "gz-2", "outlet": "Gazette", "published": "2024-05-09",
     "text": "The council met again on Thursday.\n\n"
             "\"The budget is settled,\" Mr. Haddad said after the vote.\n\n"
             "\"Nothing was settled,\" a council spokesperson said."},
    {"id": "hr-1", "outlet": "Herald", "published": "2024-04-20",
     "text": "Residents gathered at the pier on Saturday.\n\n"
             "\"I take the ferry every morning,\" said Mrs. Lena Park, a nurse.\n\n"
             "\"Fares must stay low,\" Mrs. Park said."},
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = tmp_path_factory.mktemp("report")
    (d / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    cp = onrecord("run", str(d / "in.jsonl"), "--store", str(d / "s.duckdb"), "--workers", "1")
    assert cp.returncode == 0, cp.stderr
    return d / "s.duckdb"


@pytest.fixture(scope="module")
def srv(store):
    s = ServeProcess("--store", str(store))
    yield s
    s.stop()


def test_the_api_gives_the_numbers_the_command_gives(store, srv):
    for args, params in (([], {}), (["--by", "month", "--outlet", "Gazette"],
                                    {"by": "month", "outlet": "Gazette"})):
        cp = onrecord("report", "--store", str(store), "--format", "json", *args)
        assert cp.returncode == 0, cp.stderr
        r = httpx.get(f"{srv.base}/api/report", params=params, timeout=60)
        assert r.status_code == 200, r.text
        assert r.json() == json.loads(cp.stdout)
    everything = httpx.get(f"{srv.base}/api/report", timeout=60).json()["totals"]
    gazette = httpx.get(f"{srv.base}/api/report", params={"outlet": "Gazette"},
                        timeout=60).json()["totals"]
    assert everything["articles"] == 3 and gazette["articles"] == 2
    assert gazette["quotes"] < everything["quotes"]


def test_bad_filters_and_no_store_are_explained(srv, server):
    r = httpx.get(f"{srv.base}/api/report", params={"by": "colour"}, timeout=30)
    assert r.status_code == 422 and "by" in r.text
    r = httpx.get(f"{srv.base}/report", params={"since": "last spring"}, timeout=30)
    assert r.status_code == 422
    for path in ("/api/report", "/report", "/api/summary"):
        r = httpx.get(f"{server.base}{path}", timeout=30)
        assert r.status_code == 503 and "--store" in r.json()["detail"]


def test_the_summary_counts_the_store(store, srv):
    s = httpx.get(f"{srv.base}/api/summary", timeout=30).json()
    quotes = httpx.get(f"{srv.base}/quotes", params={"limit": 500}, timeout=30).json()
    assert s["articles"] == 3 and s["quotes"] == quotes["total"] == 6
    assert s["month"] == "2024-05"  # the latest month with dated articles
    assert s["top_speakers"][0] == {"id": s["top_speakers"][0]["id"], "name": "Omar Haddad",
                                    "quotes": 2}
    assert "Lena Park" not in [p["name"] for p in s["top_speakers"]]  # quoted in April


@pytest.mark.slow
@needs_chromium
@pytest.mark.parametrize("viewport", [(1200, 900), (390, 844)], ids=["desktop", "phone"])
def test_report_page_and_home_in_chromium(srv, viewport, browser):
    numbers = httpx.get(f"{srv.base}/api/report", timeout=60).json()
    pg = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(f"{srv.base}/report")
    charts = pg.locator("figure[data-chart] svg")
    assert charts.count() >= 5
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        assert box is not None and box["width"] > 50 and box["height"] > 50
    shown = pg.inner_text("[data-total='articles'] b")
    assert shown == str(numbers["totals"]["articles"])
    assert pg.inner_text("[data-total='quotes'] b") == str(numbers["totals"]["counted"])
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport[0], f"report is {width} px wide in a {viewport[0]} px window"
    pg.fill("#report-filters input[name='outlet']", "Herald")
    pg.click("#report-filters button")
    pg.wait_for_url("**outlet=Herald**")
    assert pg.inner_text("[data-total='articles'] b") == "1"
    pg.goto(f"{srv.base}/")
    pg.wait_for_selector("body[data-ready='true']")
    glance = pg.locator("#store-glance")
    assert glance.is_visible()
    assert pg.inner_text("#store-glance [data-total='quotes'] dd") == "6"
    assert "Omar Haddad" in pg.inner_text("#store-glance .glance-top")
    assert "2024-05" in pg.inner_text("#store-glance")
    assert pg.locator("#read-form").is_visible()  # the paste box stays
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport[0], f"home is {width} px wide in a {viewport[0]} px window"
    assert errors == []
    pg.close()
