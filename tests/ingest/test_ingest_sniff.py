"""Input on stdin is read by its content, not its first character (issue 14, item 6): a JSONL
line must be a JSON object, HTML must be a page or a fragment with tags, else plain text; the
CLI says on stderr which reader it used, and an HTML fragment gives its text."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO
from onrecord.ingest.html import html_to_text
from onrecord.ingest.sniff import Reader, sniff

SAID = '"We kept our word on the bridge," Mayor Ann Lee told reporters on Monday.'


@pytest.mark.parametrize(("data", "reader"), [
    (json.dumps({"id": "a", "text": SAID}).encode() + b"\n", Reader.JSONL),
    (b'{"id": "a", "text": "x", "deep": ' + b"[" * 100_000 + b"\n", Reader.JSONL),  # broken line
    (b'{\n  "id": "a",\n  "text": "x"\n}\n', Reader.JSONL),  # one pretty-printed object
    (b"{Editor's note} " + SAID.encode(), Reader.TXT),
    (b'{"draft"} ' + SAID.encode(), Reader.TXT),
    (b"[1, 2, 3]\n", Reader.TXT),
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", Reader.HTML),
    (b"  <p>" + SAID.encode() + b"</p>", Reader.HTML),
    (b"<div class='story'>one<br>two</div>", Reader.HTML),
    (b"<Reuters> " + SAID.encode(), Reader.TXT),
    (b"<<< EXCLUSIVE >>> " + SAID.encode(), Reader.TXT),
    (SAID.encode(), Reader.TXT),
])
def test_sniff_picks_the_reader_by_content(data, reader):
    found = sniff(data)
    assert found.reader is reader, found.why
    assert found.why


def test_a_pretty_printed_object_becomes_one_jsonl_line():
    found = sniff(b'{\n  "id": "a",\n  "text": "x"\n}\n')
    assert found.data.count(b"\n") == 1
    assert json.loads(found.data) == {"id": "a", "text": "x"}


def test_an_html_fragment_gives_its_text_with_one_paragraph_per_block():
    text, meta = html_to_text(f"<p>{SAID}</p><p>She <b>did</b> not <a href='/x'>say</a> more.</p>"
                              "<script>var x = 1;</script><!-- ad -->")
    assert text == f"{SAID}\nShe did not say more."
    assert meta["title"] is None


def test_a_fragment_with_no_text_is_a_clear_error():
    from onrecord.errors import BadInput

    with pytest.raises(BadInput, match="fragment has no text"):
        html_to_text("<div><script>x = 1</script></div>")


def extract(stdin: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "onrecord", "extract", *args, "-"],
                          input=stdin, capture_output=True, text=True, cwd=REPO, timeout=300)


@pytest.mark.slow  # the CLI in a subprocess
def test_cli_one_paragraph_fragment_on_stdin_gives_its_quote():
    p = extract(f"<p>{SAID}</p>\n")
    assert p.returncode == 0, p.stderr
    record = json.loads(p.stdout)
    assert record["id"] == "stdin"
    assert record["text"] == SAID
    (quote,) = record["quotes"]
    assert quote["speaker"]["name"] == "Ann Lee"
    assert "read as html" in p.stderr and "<p>" in p.stderr


@pytest.mark.slow  # the CLI in a subprocess
def test_cli_text_starting_with_a_brace_or_angle_is_read_as_text():
    for start in ("{Editor's note: this story was updated}\n\n", "<Reuters>\n\n"):
        p = extract(start + SAID + "\n")
        assert p.returncode == 0, p.stderr
        record = json.loads(p.stdout)
        assert record["text"].startswith(start.strip())
        assert [q["speaker"]["name"] for q in record["quotes"]] == ["Ann Lee"]
        assert "read as txt" in p.stderr


@pytest.mark.slow  # the CLI in a subprocess
def test_cli_jsonl_on_stdin_still_gives_jsonl_and_says_so():
    lines = [json.dumps({"id": f"r{i}", "text": SAID}) for i in range(2)]
    p = extract("\n".join(lines) + "\n")
    assert p.returncode == 0, p.stderr
    assert [json.loads(x)["id"] for x in p.stdout.splitlines()] == ["r0", "r1"]
    assert "read as jsonl" in p.stderr


@pytest.mark.slow  # the CLI in a subprocess
def test_cli_stdin_format_overrides_the_sniffing_without_a_note():
    p = extract(f"<p>{SAID}</p>\n", "--stdin-format", "txt")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["text"].startswith("<p>")
    assert "read as" not in p.stderr
