"""POST /extract with an HTML fragment gives its text (issue 14, item 6), on a real server."""
from __future__ import annotations

import httpx
from serve_fixtures import server  # noqa: F401 (fixture)

SAID = '"We kept our word on the bridge," Mayor Ann Lee told reporters on Monday.'


def test_a_one_paragraph_fragment_is_read(server):  # noqa: F811
    r = httpx.post(f"{server.base}/extract", json={"id": "f1", "html": f"<p>{SAID}</p>"},
                   timeout=60)
    assert r.status_code == 200, r.text
    record = r.json()
    assert record["text"] == SAID and record["id"] == "f1"
    assert [q["speaker"]["name"] for q in record["quotes"]] == ["Ann Lee"]


def test_a_fragment_of_only_script_is_a_clear_422(server):  # noqa: F811
    r = httpx.post(f"{server.base}/extract", json={"html": "<div><script>x=1</script></div>"},
                   timeout=60)
    assert r.status_code == 422 and "fragment has no text" in r.json()["detail"]
