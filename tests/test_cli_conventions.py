"""Issue 14, defect 8: CLI conventions. `onrecord --version`; an example in every subcommand's
--help; one set of --format names (text, json, jsonl, csv, parquet; the old names still
work); an empty folder, or one with only unknown file endings, is reported with a non-zero
exit by `extract` and `run`; `query` labels a quote's own date apart from its article's."""
import csv
import io
import json
import re
import subprocess
import sys

import pytest

import onrecord
from conftest import REPO
from onrecord.cli import COMMANDS

FORMATS = {"text", "json", "jsonl", "csv", "parquet", "html"}  # html: `report` only


def onrecord_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "onrecord", *map(str, args)], input=stdin,
                          capture_output=True, text=True, cwd=REPO, timeout=300)


def test_version():
    p = onrecord_cli("--version")
    assert p.returncode == 0 and p.stdout.strip() == f"onrecord {onrecord.__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_ends_with_examples_and_uses_the_one_set_of_formats(command):
    p = onrecord_cli(command, "--help")
    assert p.returncode == 0
    examples = p.stdout.split("\nexamples:\n")[1].splitlines()
    assert examples and all(f"onrecord {command}" in line for line in examples)
    m = re.search(r"--format ([a-z|]+)", p.stdout)
    if m:
        assert set(m.group(1).split("|")) <= FORMATS


@pytest.mark.parametrize("command", ["extract", "query", "speakers", "export"])
def test_an_unknown_format_names_the_ones_there_are(command, tmp_path):
    p = onrecord_cli(command, "--store", tmp_path / "none.duckdb", "--format", "yaml", "x") \
        if command != "extract" else onrecord_cli(command, "--format", "yaml", "x")
    assert p.returncode == 2 and "unknown format 'yaml': use " in p.stderr


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = tmp_path_factory.mktemp("conv")
    src = d / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "published": "2022-01-20", "text":
                               '"The bridge will be repaired," Mayor Jonas Berg said on '
                               'Tuesday. "It is part of who we are," Berg added.'}) + "\n",
                   encoding="utf-8")
    path = d / "q.duckdb"
    p = onrecord_cli("run", src, "--store", path, "--workers", "1", "--no-progress")
    assert p.returncode == 0, p.stderr
    return path


def test_query_labels_the_quote_date_apart_from_the_publication_date(store):
    p = onrecord_cli("query", "--store", store)
    head, *rows = p.stdout.splitlines()
    assert head.split()[:3] == ["quote_date", "published", "speaker"]
    assert any(r.startswith("2022-01-18  2022-01-20  Jonas Berg") for r in rows)  # on Tuesday
    start = head.index("published")  # a quote with no date of its own leaves quote_date blank
    assert all(r[:start].strip() in ("", "2022-01-18") for r in rows)
    rows = [json.loads(line) for line in onrecord_cli("query", "--store", store, "--format",
                                                      "jsonl").stdout.splitlines()]
    assert {r["published"] for r in rows} == {"2022-01-20"}
    assert "2022-01-18" in {r["date"] for r in rows}
    assert all(r["date"] == r["quote_date"] for r in rows)
    assert all(r["date"] in ("2022-01-18", None) for r in rows)  # never the article's date


@pytest.mark.parametrize("command", ["query", "speakers"])
def test_old_format_names_are_aliases(store, command):
    out = {f: onrecord_cli(command, "--store", store, "--format", f).stdout
           for f in ("text", "table", "jsonl", "json", "csv")}
    assert out["text"] == out["table"] and out["jsonl"] == out["json"]
    assert all(json.loads(line) for line in out["jsonl"].splitlines())
    assert list(csv.reader(io.StringIO(out["csv"])))[1:]


def test_extract_reports_an_empty_folder_and_unknown_endings(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    odd = tmp_path / "odd"
    odd.mkdir()
    (odd / "story.pdf").write_bytes(b"%PDF-1.4")
    (odd / "notes.docx").write_bytes(b"PK")
    p = onrecord_cli("extract", empty)
    assert p.returncode == 1 and f"folder {empty} is empty: no files to read" in p.stderr
    p = onrecord_cli("extract", odd)
    assert p.returncode == 1 and "Traceback" not in p.stderr
    assert f"folder {odd} has no file onrecord reads: 2 files (notes.docx, story.pdf)" in p.stderr


def test_run_reports_an_empty_folder(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "a.pdf").write_bytes(b"%PDF")
    store = tmp_path / "q.duckdb"
    p = onrecord_cli("run", empty, "--store", store, "--no-progress")
    assert p.returncode == 2 and "has no file onrecord reads" in p.stderr
    assert "nothing to read" in p.stderr and not store.exists()
    good = tmp_path / "good.txt"
    good.write_text('"We won," Ann Lee said.\n')
    p = onrecord_cli("run", empty, good, "--store", store, "--workers", "1", "--no-progress",
                     "--json")
    assert p.returncode == 1 and "has no file onrecord reads" in p.stderr
    summary = json.loads(p.stdout)
    assert summary["new"]["articles"] == 1 and summary["new"]["errors"] == 1
