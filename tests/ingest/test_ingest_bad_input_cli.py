"""End to end: `onrecord extract` over good and bad files gives one output record per input
record, an error record for each bad one, and exit status 1."""
from __future__ import annotations

import io
import json
import subprocess
import sys

from conftest import REPO

GOOD = "The mayor said on Monday that the bridge would reopen in June.\n"
PAGE = ("<html><head><title>Bridge</title></head><body><article><p>The mayor said on Monday "
        "that the old river bridge would reopen in June, after two years of repairs.</p>"
        "</article></body></html>")


def _warc(path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://x.example/a", "response",
                                            payload=io.BytesIO(PAGE.encode()), http_headers=hh))


def test_every_bad_input_gets_its_error_and_the_rest_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 64)
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.truncate(200_000_000)
    (tmp_path / "nothing.html").write_text("<html><body><script>x=1</script></body></html>")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"id": "j1", "text": GOOD}) + "\n{broken\n"
        + json.dumps({"id": "j3", "text": GOOD}) + "\n", encoding="utf-8")
    _warc(tmp_path / "crawl.warc.gz")
    names = ["good.txt", "empty.txt", "binary.txt", "huge.txt", "nothing.html", "page.html",
             "lines.jsonl", "crawl.warc.gz"]
    cp = subprocess.run([sys.executable, "-m", "onrecord", "extract", "--format", "jsonl",
                         *[str(tmp_path / n) for n in names]],
                        capture_output=True, text=True, cwd=REPO, timeout=300)
    out = [json.loads(line) for line in cp.stdout.splitlines()]
    short = {o["id"]: o["id"].replace(f"{tmp_path}/", "") for o in out}
    errors = {short[o["id"]]: o["error"] for o in out if "error" in o}
    ok = [short[o["id"]] for o in out if "error" not in o]
    assert ok == ["good.txt", "page.html", "j1", "j3", "https://x.example/a"]
    assert set(errors) == {"empty.txt", "binary.txt", "huge.txt", "nothing.html",
                           "lines.jsonl:2"}
    assert "empty" in errors["empty.txt"] and "binary" in errors["binary.txt"]
    assert "too large" in errors["huge.txt"] and "no article text" in errors["nothing.html"]
    assert "invalid JSON" in errors["lines.jsonl:2"]
    assert cp.returncode == 1
