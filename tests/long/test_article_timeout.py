"""Issue 14, defect 1: a per-article time budget in `run` and `serve`; a slow article becomes
an error record naming it, and the server answers other clients meanwhile."""
import json
import subprocess
import sys
import threading
import time

import duckdb
import httpx
import pytest
from long_text import long_article

from conftest import REPO

pytestmark = pytest.mark.slow  # real subprocesses and a served model

sys.path.insert(0, str(REPO / "tests" / "serve"))
from serve_helpers import ServeProcess  # noqa: E402

SHORT = '"It is done," the mayor said on Tuesday. Council member Ann Lee said the vote was close.'


def test_run_turns_an_overrunning_article_into_an_error_record(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [{"id": "s1", "text": SHORT}, {"id": "big", "text": long_article(300_000)},
            {"id": "s2", "text": SHORT + " Later."}, {"id": "s3", "text": SHORT + " Again."}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    store = tmp_path / "q.duckdb"
    t0 = time.monotonic()
    p = subprocess.run([sys.executable, "-m", "onrecord", "run", str(src), "--store", str(store),
                        "--workers", "1", "--article-timeout", "2", "--no-progress", "--json"],
                       capture_output=True, text=True, cwd=REPO, timeout=300)
    assert p.returncode == 1, p.stderr
    assert time.monotonic() - t0 < 90
    con = duckdb.connect(str(store), read_only=True)
    try:
        errors = con.execute("SELECT source_id, error FROM errors").fetchall()
        ids = sorted(r[0] for r in con.execute("SELECT source_id FROM articles").fetchall())
    finally:
        con.close()
    assert ids == ["s1", "s2", "s3"]
    assert len(errors) == 1 and errors[0][0] == "big"
    assert "article timeout" in errors[0][1] and "'big'" in errors[0][1]
    assert "--article-timeout" in errors[0][1]


def test_run_refuses_a_negative_article_timeout(tmp_path):
    p = subprocess.run([sys.executable, "-m", "onrecord", "run", str(tmp_path), "--store",
                        str(tmp_path / "q.duckdb"), "--article-timeout", "-1"],
                       capture_output=True, text=True, cwd=REPO, timeout=60)
    assert p.returncode == 2 and "--article-timeout" in p.stderr


def test_serve_answers_others_while_one_article_is_slow_then_names_it():
    srv = ServeProcess("--workers", "2", "--article-timeout", "8")
    try:
        slow: dict = {}

        def post_big() -> None:
            r = httpx.post(f"{srv.base}/extract", timeout=60,
                           json={"id": "big", "text": long_article(1_200_000)})
            slow["status"], slow["body"] = r.status_code, r.json()
            slow["done"] = time.monotonic()

        t = threading.Thread(target=post_big)
        t.start()
        time.sleep(1.0)  # the big article is being extracted
        r = httpx.post(f"{srv.base}/extract", json={"id": "small", "text": SHORT}, timeout=30)
        assert r.status_code == 200 and r.json()["quotes"]
        assert httpx.get(f"{srv.base}/health", timeout=5).json()["status"] == "ok"
        answered = time.monotonic()
        t.join(60)
        assert slow["done"] > answered  # the small one was answered while the big one ran
        assert slow["status"] == 504
        assert "'big'" in slow["body"]["detail"] and "--article-timeout" in slow["body"]["detail"]
    finally:
        srv.stop()
