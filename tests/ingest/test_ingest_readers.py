"""Readers: every input ends up as records or a Failure that says why, and streams go on."""
from __future__ import annotations

import gzip
import io
import json

import pytest

from onrecord.ingest.readers import read_bytes, read_path
from onrecord.ingest.record import InputRecord
from onrecord.model import Failure

ARTICLE = "The mayor said on Monday that the bridge would reopen in June.\n"


def test_text_in_a_legacy_encoding_is_detected(tmp_path):
    src = tmp_path / "a.txt"
    body = "Le maire a déclaré que le pont rouvrira très bientôt à Montréal. Ça ira.\n"
    src.write_bytes(body.encode("cp1252"))
    [rec] = list(read_path(src))
    assert isinstance(rec, InputRecord) and rec.text == body and rec.id == str(src)


def test_utf16_with_bom_is_read(tmp_path):
    src = tmp_path / "b.txt"
    src.write_bytes(ARTICLE.encode("utf-16"))
    [rec] = list(read_path(src))
    assert rec.text == ARTICLE


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (bytes(range(256)) * 40, "binary"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "binary"),
])
def test_empty_and_binary_files_fail_clearly(tmp_path, data, message):
    src = tmp_path / "x.txt"
    src.write_bytes(data)
    [rec] = list(read_path(src))
    assert isinstance(rec, Failure) and message in rec.error and rec.id == str(src)


def test_a_200_mb_text_file_is_refused_without_reading_it(tmp_path):
    src = tmp_path / "huge.txt"
    with open(src, "wb") as fh:  # sparse: takes no disk space
        fh.truncate(200_000_000)
    [rec] = list(read_path(src))
    assert isinstance(rec, Failure) and "too large" in rec.error and "200.0 MB" in rec.error


def test_jsonl_broken_lines_fail_one_by_one_and_the_rest_goes_on(tmp_path):
    lines = [json.dumps({"id": "a", "text": ARTICLE, "published": "2022-01-18",
                         "url": "https://x.example/a", "outlet": "Gazette"}),
             "{not json",
             json.dumps(["a", "list"]),
             json.dumps({"id": "d", "text": 42}),
             json.dumps({"id": "e"}),
             "",
             json.dumps({"id": "f", "html": "<p>x</p>"})]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = list(read_path(src))
    assert [type(r).__name__ for r in out] == [
        "InputRecord", "Failure", "Failure", "Failure", "Failure", "InputRecord"]
    a = out[0]
    assert (a.id, a.published, a.url, a.outlet) == ("a", "2022-01-18", "https://x.example/a",
                                                     "Gazette")
    assert a.meta["url"] == "https://x.example/a" and a.source == f"{src}:1"
    assert "line 2: invalid JSON" in out[1].error and out[1].id == f"{src}:2"
    assert "expected a JSON object" in out[2].error
    assert out[3].id == "d" and "'text' must be a string" in out[3].error
    assert out[4].id == "e" and "no 'text' or 'html'" in out[4].error
    assert out[5].html == "<p>x</p>"


def test_compressed_jsonl_streams_and_a_truncated_gzip_fails_at_the_end(tmp_path):
    import random

    import zstandard

    rng = random.Random(7)
    recs = [{"id": str(i), "text": "".join(rng.choice("abcdefghij ") for _ in range(300))}
            for i in range(40)]
    data = "".join(json.dumps(r) + "\n" for r in recs).encode()
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(data))
    (tmp_path / "b.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(data))
    assert [r.id for r in read_path(tmp_path / "a.jsonl.gz")] == [r["id"] for r in recs]
    assert [r.id for r in read_path(tmp_path / "b.jsonl.zst")] == [r["id"] for r in recs]
    for name, packed in (("cut.jsonl.gz", gzip.compress(data)),
                         ("cut.jsonl.zst", zstandard.ZstdCompressor().compress(data))):
        out = list(read_bytes(packed[:len(packed) // 2], name))
        assert isinstance(out[-1], Failure) and "truncated" in out[-1].error
        assert [r.id for r in out[:-1]] == [r["id"] for r in recs[:len(out) - 1]]
    garbage = list(read_bytes(b"\x28\xb5\x2f\xfd" + b"garbage" * 20, "bad.jsonl.zst"))
    assert len(garbage) == 1 and "corrupt" in garbage[0].error


def _warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for uri, ctype, body, status in pages:
            hh = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                http_headers=hh))


def test_warc_gives_one_record_per_html_response(tmp_path):
    page = b"<html><body><article><p>The mayor said the bridge would reopen.</p></article>"
    src = tmp_path / "crawl.warc.gz"
    _warc(src, [("https://x.example/a", "text/html; charset=utf-8", page, "200 OK"),
                ("https://x.example/logo.png", "image/png", b"\x89PNG\x00", "200 OK"),
                ("https://x.example/old", "text/html", b"", "301 Moved Permanently"),
                ("https://x.example/b", "text/html; charset=windows-1252",
                 "<p>Le café, dit-il.</p>".encode("cp1252"), "200 OK")])
    out = list(read_path(src))
    assert [r.id for r in out] == ["https://x.example/a", "https://x.example/b"]
    assert out[0].html == page.decode() and out[0].url == "https://x.example/a"
    assert "café" in out[1].html
    assert len(list(read_bytes(src.read_bytes(), "crawl.warc.gz"))) == 2


def test_a_file_that_is_not_a_warc_fails_clearly(tmp_path):
    src = tmp_path / "bad.warc"
    src.write_bytes(b"this is not a web archive\n")
    [rec] = list(read_path(src))
    assert isinstance(rec, Failure) and "WARC" in rec.error


def test_a_folder_is_read_file_by_file_in_order(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text(json.dumps({"id": "c", "text": ARTICLE}) + "\n")
    (tmp_path / "notes.csv").write_text("a,b\n")
    out = list(read_path(tmp_path))
    assert [r.id for r in out] == [str(tmp_path / "a.html"), str(tmp_path / "b.txt"), "c"]


def test_a_missing_file_is_a_failure_not_a_crash(tmp_path):
    [rec] = list(read_path(tmp_path / "nope.txt"))
    assert isinstance(rec, Failure) and "cannot read" in rec.error


def test_an_overlong_jsonl_line_fails_alone(tmp_path, monkeypatch):
    import onrecord.ingest.jsonl as jsonl

    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 1000)
    src = tmp_path / "big.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "x " * 2000}) + "\n"
                   + json.dumps({"id": "b", "text": ARTICLE}) + "\n", encoding="utf-8")
    out = list(read_path(src))
    assert isinstance(out[0], Failure) and "longer than 1,000 bytes" in out[0].error
    assert isinstance(out[1], InputRecord) and out[1].id == "b"


def test_html_meta_charset_is_honoured(tmp_path):
    page = ('<html><head><meta charset="windows-1251"></head><body><p>Министр сказал, что '
            "переговоры продолжатся.</p></body></html>")
    src = tmp_path / "ru.html"
    src.write_bytes(page.encode("cp1251"))
    [rec] = list(read_path(src))
    assert rec.html == page
