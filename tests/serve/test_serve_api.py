"""The HTTP API against a real `onrecord serve` on loopback: extraction, limits, errors."""
from __future__ import annotations

import json
import socket
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from serve_fixtures import MAX_BODY, server  # noqa: F401 (fixture)
from serve_helpers import ARTICLES

XSS = ('<script>document.title="pwned"</script> The chair, Nora Quill, said '
       '"<img src=x onerror=alert(1)> is not a budget" and left.\n'
       '"We <b onmouseover=alert(2)>will</b> vote," Quill said.\n')


def post(server, body, **kw) -> httpx.Response:
    return httpx.post(f"{server.base}/extract", timeout=60, **kw,
                      **({"json": body} if not isinstance(body, (bytes, str)) else {"content": body}))


def test_health_says_no_store(server):
    r = httpx.get(f"{server.base}/health")
    assert r.json() == {"status": "ok", "store": False, "workers": 1, "workers_ready": 1}


def test_extract_returns_the_library_record(server, extractor):
    text = ARTICLES["ferry"]
    r = post(server, {"text": text, "id": "ferry-1", "published": "2026-03-03"})
    assert r.status_code == 200
    record = r.json()
    expected = extractor.extract(text, id="ferry-1", published="2026-03-03").to_dict()
    assert record == json.loads(json.dumps(expected))
    assert record["id"] == "ferry-1" and record["published"] == "2026-03-03"
    assert record["quotes"], "the example article has quotes"


def test_concurrent_requests_each_get_their_own_record(server):
    jobs = [(f"{name}-{k}", text) for k in range(3) for name, text in ARTICLES.items()]
    with ThreadPoolExecutor(len(jobs)) as pool:
        replies = list(pool.map(lambda job: post(server, {"id": job[0], "text": job[1]}), jobs))
    assert [r.status_code for r in replies] == [200] * len(jobs)
    assert [(r.json()["id"], r.json()["text"]) for r in replies] == jobs


def test_extract_html_goes_through_the_html_reader(server):
    page = ("<html><head><title>Ferry</title></head><body><nav>Home | News</nav><article>"
            "<p>Transport Minister Alicia Moreno said the ferry will open in June.</p>"
            "<p>&quot;This is their ferry,&quot; Moreno said.</p></article></body></html>")
    r = post(server, {"html": page, "id": "h1"})
    assert r.status_code == 200
    text = r.json()["text"]
    assert "Alicia Moreno said the ferry will open in June." in text
    assert "<p>" not in text and "&quot;" not in text


def test_markup_in_text_comes_back_as_text(server):
    r = post(server, {"text": XSS})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.json()["text"].count("<script>") == 1
    assert "<img src=x onerror=alert(1)>" in r.json()["text"]


@pytest.mark.parametrize("body, words", [
    (b'{"text": "unterminated', "not valid JSON"),
    (b"", 'JSON body such as {"text"'),
    (b"[1, 2]", "must be a JSON object"),
    (b"{\"text\": \"\xc3\x28\"}", "not UTF-8"),
    ({}, "exactly one of 'text' or 'html'"),
    ({"id": "x"}, "exactly one of 'text' or 'html'"),
    ({"text": "a", "html": "<p>a</p>"}, "exactly one of 'text' or 'html'"),
    ({"text": 5}, "text: Input should be a valid string"),
    ({"text": "Hi.", "published": "last week"}, "published: 'last week' is not a date; use YYYY-MM-DD"),
    ({"text": "Hi.", "published": "2022-13-45"}, "published: '2022-13-45' is not a date"),
    ({"text": "Hi.", "txt": "typo"}, "txt: Extra inputs are not permitted"),
    ({"text": "   "}, "empty article"),
])
def test_bad_requests_get_422_with_a_clear_message(server, body, words):
    r = post(server, body)
    assert r.status_code == 422
    assert words in r.json()["detail"]


def test_bad_content_type_is_still_read_as_json(server):
    r = post(server, json.dumps({"text": ARTICLES["bridge"]}),
             headers={"content-type": "text/plain"})
    assert r.status_code == 200 and r.json()["text"] == ARTICLES["bridge"]


def test_declared_body_over_the_limit_gets_413_before_it_is_sent(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(b"POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: %d\r\n\r\n" % (MAX_BODY + 1))
        data = b""
        while chunk := s.recv(65536):  # the server closes the connection after a 413
            data += chunk
        reply = data.decode()
    head, _, body = reply.partition("\r\n\r\n")
    assert head.startswith("HTTP/1.1 413")
    assert "limit is 1MB" in json.loads(body)["detail"]


def test_streamed_body_over_the_limit_gets_413(server):
    chunk = b" " * 65536

    def stream():
        yield b'{"text": "'
        for _ in range(MAX_BODY // len(chunk) + 2):
            yield chunk
        yield b'"}'

    r = httpx.post(f"{server.base}/extract", content=stream(), timeout=30)
    assert r.status_code == 413
    assert "--max-body" in r.json()["detail"]


def test_body_just_under_the_limit_is_accepted(server):
    body = json.dumps({"text": "The mayor said the bridge is safe." + " " * (MAX_BODY - 200)})
    assert len(body) < MAX_BODY
    assert post(server, body).status_code == 200


@pytest.mark.parametrize("path", ["/quotes", "/speakers", "/articles/ferry"])
def test_store_endpoints_without_a_store_say_how_to_get_one(server, path):
    r = httpx.get(f"{server.base}{path}")
    assert r.status_code == 503
    assert "--store" in r.json()["detail"]


def test_viewer_and_its_files_are_served_with_a_strict_policy(server):
    r = httpx.get(f"{server.base}/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert 'src="/static/app.js"' in r.text
    for name in ("app.js", "article.js", "api.js", "dom.js", "style.css"):
        f = httpx.get(f"{server.base}/static/{name}")
        assert f.status_code == 200, name


def test_viewer_code_never_writes_html_strings():
    from onrecord.server.app import WEB_DIR

    for js in WEB_DIR.glob("*.js"):
        code = js.read_text()
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in code, f"{js.name} uses {sink}"


def test_openapi_lists_the_endpoints(server):
    spec = httpx.get(f"{server.base}/openapi.json").json()
    assert {"/extract", "/quotes", "/speakers", "/articles/{article_id}", "/health"} <= set(spec["paths"])
    body = spec["paths"]["/extract"]["post"]["requestBody"]["content"]["application/json"]
    assert set(body["schema"]["properties"]) == {"text", "html", "published", "id", "explain"}
    assert httpx.get(f"{server.base}/docs").status_code == 200


def test_extract_explains_each_quote_on_request(server):
    plain = post(server, {"text": ARTICLES["bridge"]}).json()
    assert plain["quotes"] and all("explain" not in q for q in plain["quotes"])
    explained = post(server, {"text": ARTICLES["bridge"], "explain": True}).json()
    assert [q["text"] for q in explained["quotes"]] == [q["text"] for q in plain["quotes"]]
    assert all(q["explain"]["rule"] for q in explained["quotes"])
