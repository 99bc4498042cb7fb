"""Sightings through the API and the viewer: an exact copy under another id and outlet is found
by its own id (GET /articles/<id>, /quotes?id=, ?outlet=) and listed on the article page."""
from __future__ import annotations

import httpx
import pytest
from browser_helpers import browser, needs_chromium  # noqa: F401 (fixture)
from serve_helpers import ARTICLES, ServeProcess

from onrecord.corpus.store import Store

pytestmark = pytest.mark.slow
RECORDS = [{"id": "ferry", "text": ARTICLES["ferry"], "outlet": "Harbour Times",
            "url": "https://harbour.example/ferry"},
           {"id": "ferry-wire-12", "text": ARTICLES["ferry"], "outlet": "Wire Service",
            "url": "javascript:alert(1)"},
           {"id": "bridge", "text": ARTICLES["bridge"], "outlet": "Valley Star"}]


@pytest.fixture(scope="module")
def served(tmp_path_factory, extractor):
    path = tmp_path_factory.mktemp("sightings") / "s.duckdb"
    with Store(path) as st:
        st.add(extractor.pipe(RECORDS))
    proc = ServeProcess("--store", str(path))
    yield proc
    proc.stop()


def test_an_article_is_found_by_every_id_it_was_sent_with(served):
    copy = httpx.get(f"{served.base}/articles/ferry-wire-12", timeout=30)
    assert copy.status_code == 200, copy.text
    rec = copy.json()
    original = httpx.get(f"{served.base}/articles/ferry", timeout=30).json()
    by_key = httpx.get(f"{served.base}/articles/{rec['id']}", timeout=30).json()
    assert rec == original == by_key and rec["id"] not in ("ferry", "ferry-wire-12")
    assert [(s["source_id"], s["outlet"]) for s in rec["sightings"]] == [
        ("ferry", "Harbour Times"), ("ferry-wire-12", "Wire Service")]
    assert httpx.get(f"{served.base}/articles/nobody", timeout=30).status_code == 404
    by_id = httpx.get(f"{served.base}/quotes", params={"id": "ferry-wire-12"}, timeout=30).json()
    by_outlet = httpx.get(f"{served.base}/quotes", params={"outlet": "wire service"},
                          timeout=30).json()
    everything = httpx.get(f"{served.base}/quotes", timeout=30).json()
    assert by_id["total"] == by_outlet["total"] == len(rec["quotes"]) > 0
    assert {q["article_id"] for q in by_outlet["items"]} == {rec["id"]}
    # the copy adds no quote to the counts
    bridge = httpx.get(f"{served.base}/articles/bridge", timeout=30).json()
    assert everything["total"] == len(rec["quotes"]) + len(bridge["quotes"])


@needs_chromium
@pytest.mark.parametrize("width", [1200, 390])
def test_the_article_page_lists_its_sightings(served, width, browser):
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{served.base}/#/article/ferry-wire-12")
        page.wait_for_selector(".sightings li")
        items = page.locator(".sightings li").all_inner_texts()
        assert len(items) == 2 and "ferry-wire-12" in items[1] and "Wire Service" in items[1]
        assert "Harbour Times" in items[0]
        assert page.locator(".sightings h3").inner_text() == "Read as 2 records"
        links = page.locator(".sightings a").evaluate_all("els => els.map(e => e.href)")
        assert links == ["https://harbour.example/ferry"]  # javascript: is shown as text
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"page is {wide}px wide at {width}px"
        assert errors == []
    finally:
        page.close()
