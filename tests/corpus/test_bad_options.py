"""Issue 14, defect 5: out-of-range options and parameters get a clean message (exit status 2,
or a 422 in JSON), never a traceback or a 500: negative or huge --limit/--offset, a huge
number as --speaker, the same through GET /quotes and /speakers; `export` into a file or a
folder that already holds an export (refused unless --force; `run --export` checks it before
the run); `serve --port 99999`."""
import json
import subprocess
import sys
import time

import httpx
import pytest

from conftest import REPO
from onrecord.corpus.store import Store
from onrecord.errors import BadArgument

sys.path.insert(0, str(REPO / "tests" / "serve"))
from serve_helpers import ServeProcess  # noqa: E402

HUGE = "9" * 30


def onrecord_cli(*args):
    return subprocess.run([sys.executable, "-m", "onrecord", *map(str, args)],
                          capture_output=True, text=True, cwd=REPO, timeout=300)


def clean_usage_error(p, words):
    assert p.returncode == 2, (p.returncode, p.stdout, p.stderr)
    assert words in p.stderr and "Traceback" not in p.stderr and not p.stdout


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = tmp_path_factory.mktemp("opts")
    src = d / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "published": "2022-01-18", "text":
                               '"The bridge will be repaired," Mayor Jonas Berg said.'}) + "\n",
                   encoding="utf-8")
    path = d / "q.duckdb"
    p = onrecord_cli("run", src, "--store", path, "--workers", "1", "--no-progress")
    assert p.returncode == 0, p.stderr
    return path


@pytest.mark.parametrize("cmd, option, value, words", [
    ("query", "--limit", "-1", "--limit must be a whole number from 1 to"),
    ("query", "--limit", "0", "--limit must be a whole number from 1 to"),
    ("query", "--offset", "-5", "--offset must be a whole number from 0 to"),
    ("query", "--offset", HUGE, "--offset must be a whole number from 0 to 9,223,372,036,854,775,807"),
    ("query", "--limit", HUGE, "--limit must be a whole number"),
    ("query", "--offset", "ten", "--offset must be a whole number"),
    ("speakers", "--limit", "-1", "--limit must be a whole number from 1 to"),
    ("speakers", "--offset", HUGE, "--offset must be a whole number from 0 to"),
])
def test_counts_out_of_range_are_usage_errors(store, cmd, option, value, words):
    clean_usage_error(onrecord_cli(cmd, "--store", store, option, value), words)


def test_a_huge_number_as_speaker_names_no_one(store):
    for cmd in (["query", "--speaker", HUGE], ["speakers", "--name", HUGE],
                ["query", "--speaker", "9" * 5000]):
        p = onrecord_cli(*cmd, "--store", store, "--format", "json")
        assert p.returncode == 0 and p.stdout == "" and "Traceback" not in p.stderr, p.stderr
    with Store(store, read_only=True) as st:
        sid = st.quotes()[0]["speaker_id"]
        assert len(st.quotes(speaker=str(sid))) == 1  # a number that is an id still works
        assert st.quotes(offset=2**63 - 1) == []
        for bad in ({"offset": -1}, {"offset": 2**63}, {"limit": -3}):
            with pytest.raises(BadArgument, match="must be a whole number"):
                st.quotes(**bad)


def test_export_refuses_to_overwrite_without_force(store, tmp_path):
    out = tmp_path / "out"
    assert onrecord_cli("export", "--store", store, out).returncode == 0
    before = (out / "quotes.parquet").stat().st_mtime_ns
    clean_usage_error(onrecord_cli("export", "--store", store, out),
                      "already holds articles.parquet, quotes.parquet, speakers.parquet and "
                      "5 more: use --force to overwrite them")
    assert (out / "quotes.parquet").stat().st_mtime_ns == before
    p = onrecord_cli("export", "--store", store, "--force", out)
    assert p.returncode == 0 and "quotes.parquet" in p.stdout
    a_file = tmp_path / "out.parquet"
    a_file.write_bytes(b"mine")
    clean_usage_error(onrecord_cli("export", "--store", store, a_file), "is a file, not a folder")
    assert a_file.read_bytes() == b"mine"


def test_run_export_checks_the_folder_before_the_run(store, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "articles.parquet").write_bytes(b"older export")
    src = tmp_path / "more.jsonl"
    src.write_text(json.dumps({"id": "b", "text": '"We won," Ann Lee said.'}) + "\n")
    new_store = tmp_path / "new.duckdb"
    t0 = time.monotonic()
    p = onrecord_cli("run", src, "--store", new_store, "--workers", "1", "--no-progress",
                     "--export", "parquet", out)
    clean_usage_error(p, "--export: ")
    assert "already holds articles.parquet: use --force" in p.stderr
    assert not new_store.exists() and time.monotonic() - t0 < 20  # refused before any work
    p = onrecord_cli("run", src, "--store", new_store, "--workers", "1", "--no-progress",
                     "--export", "parquet", out, "--force")
    assert p.returncode == 0, p.stderr
    assert (out / "articles.parquet").read_bytes()[:4] == b"PAR1"


@pytest.mark.parametrize("value", ["99999", "65536", "-1", "http"])
def test_serve_port_out_of_range(value):
    clean_usage_error(onrecord_cli("serve", "--port", value), "--port must be a whole number from 0 to 65,535")


def test_the_api_answers_422_not_500(store):
    srv = ServeProcess("--store", str(store))
    try:
        for path, params in [("/quotes", {"offset": -1}), ("/quotes", {"offset": HUGE}),
                             ("/quotes", {"limit": -1}), ("/quotes", {"limit": HUGE}),
                             ("/speakers", {"offset": HUGE}), ("/speakers", {"limit": -2})]:
            r = httpx.get(srv.base + path, params=params, timeout=30)
            assert r.status_code == 422, (path, params, r.text)
            assert r.headers["content-type"].startswith("application/json")
            assert next(iter(params)) in r.json()["detail"]
        for path, params in [("/quotes", {"speaker": HUGE}), ("/speakers", {"name": HUGE}),
                             ("/quotes", {"offset": 2**63 - 1})]:
            r = httpx.get(srv.base + path, params=params, timeout=30)
            assert r.status_code == 200 and r.json()["items"] == [], (path, params, r.text)
    finally:
        srv.stop()
