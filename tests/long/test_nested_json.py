"""Issue 14, defect 4: a deeply nested JSONL line is one error record, the rest goes on (in
`extract`, `run`, a re-run and `--retry-errors`); the same body to POST /extract is a 422."""
import json
import subprocess
import sys

import duckdb
import httpx
import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "tests" / "serve"))
from serve_helpers import ServeProcess  # noqa: E402

DEEP = "[" * 100_000 + "]" * 100_000


def onrecord(*args):
    return subprocess.run([sys.executable, "-m", "onrecord", *map(str, args)],
                          capture_output=True, text=True, cwd=REPO, timeout=300)


@pytest.fixture
def nested(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"id": "a", "text": '"It is done," the mayor said.'}) + "\n"
                 + '{"id": "deep", "text": ' + DEEP + "}\n"
                 + json.dumps({"id": "c", "text": '"We won," Ann Lee said.'}) + "\n",
                 encoding="utf-8")
    return p


def test_extract_gives_one_error_record_and_goes_on(nested):
    p = onrecord("extract", "--format", "jsonl", nested)
    assert p.returncode == 1
    out = [json.loads(line) for line in p.stdout.splitlines()]
    assert [r.get("id") for r in out][::2] == ["a", "c"]
    assert "nested too deeply" in out[1]["error"] and "Traceback" not in p.stderr


def test_run_rerun_and_retry_errors_get_past_it(nested, tmp_path):
    store = tmp_path / "q.duckdb"
    for extra in ([], [], ["--retry-errors"]):
        p = onrecord("run", nested, "--store", store, "--workers", "1", "--no-progress", *extra)
        assert p.returncode in (0, 1) and "Traceback" not in p.stderr, p.stderr
        con = duckdb.connect(str(store), read_only=True)
        try:
            ids = sorted(r[0] for r in con.execute("SELECT source_id FROM articles").fetchall())
            errors = con.execute("SELECT error FROM errors").fetchall()
        finally:
            con.close()
        assert ids == ["a", "c"]
        assert len(errors) == 1 and "nested too deeply" in errors[0][0]


@pytest.mark.slow
def test_the_api_answers_422_in_json():
    srv = ServeProcess()
    try:
        r = httpx.post(f"{srv.base}/extract", content='{"text": ' + DEEP + "}", timeout=30)
        assert r.status_code == 422
        assert "nested too deeply" in r.json()["detail"]
        assert httpx.post(f"{srv.base}/extract", json={"text": '"Yes," Ann said.'},
                          timeout=30).status_code == 200
    finally:
        srv.stop()
