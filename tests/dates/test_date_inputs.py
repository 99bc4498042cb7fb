"""Issue 14, defect 3: every date onrecord takes is checked and normalised by one function
(onrecord.dates.values.normalize_date): --published, JSONL `published`, page metadata, the
library, the HTTP API, and --since/--until of `query` and GET /quotes."""
import datetime
import json
import subprocess
import sys

import duckdb
import httpx
import pytest

import onrecord
from conftest import REPO

sys.path.insert(0, str(REPO / "tests" / "serve"))
from serve_helpers import ServeProcess  # noqa: E402

SAID = '"The bridge will be repaired," Mayor Jonas Berg said on Tuesday.'


def onrecord_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "onrecord", *map(str, args)], input=stdin,
                          capture_output=True, text=True, cwd=REPO, timeout=300)


@pytest.fixture(scope="module")
def dated_jsonl(tmp_path_factory):
    p = tmp_path_factory.mktemp("dates") / "in.jsonl"
    said = {"full": SAID, "yesterday": SAID, "month13": SAID,
            "stamp": '"Our harbour needs a new ferry," union leader Tomas Okafor said.',
            "month": '"We will plant ten thousand trees," councillor Ana Silva said.',
            "year": '"The museum stays open all winter," director Li Wei said.',
            "meta": '"Nobody has asked the crews," Okafor told reporters.'}
    dates = {"full": "2022-01-18", "yesterday": "yesterday", "month13": "2022-13-45",
             "stamp": "2021-06-04T10:30:00Z", "month": "2021-03", "year": " 2020 "}
    rows = [{"id": k, "text": t, **({"published": dates[k]} if k in dates else {})}
            for k, t in said.items()]
    rows[-1]["meta"] = {"date": "last week"}
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return p


@pytest.mark.parametrize("value", ["notadate", "2022-13-45", "2022-02-30"])
def test_extract_published_option_is_checked(value):
    p = onrecord_cli("extract", "--published", value, "-", stdin=SAID)
    assert p.returncode == 2 and not p.stdout
    assert f"--published {value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY" in p.stderr
    assert "Traceback" not in p.stderr


def test_extract_jsonl_dates_are_normalised_or_error_records(dated_jsonl):
    p = onrecord_cli("extract", "--published", "2019-05", dated_jsonl)
    assert p.returncode == 1 and "Traceback" not in p.stderr
    out = {r["id"]: r for r in map(json.loads, p.stdout.splitlines())}
    assert list(out) == ["full", "yesterday", "month13", "stamp", "month", "year", "meta"]
    assert out["full"]["published"] == "2022-01-18"
    assert out["full"]["quotes"][0]["date"] == "2022-01-18"  # Tuesday on or before
    assert out["yesterday"]["error"] == ("line 2: 'published' 'yesterday' is not a date; "
                                         "use YYYY-MM-DD, YYYY-MM or YYYY")
    assert "line 3: 'published' '2022-13-45' is not a date" in out["month13"]["error"]
    assert out["stamp"]["published"] == "2021-06-04"
    assert out["month"]["published"] == "2021-03" and out["year"]["published"] == "2020"
    assert out["month"]["quotes"][0]["date"] is None  # no day to count back from
    # A page date that is no date is ignored with a note; --published fills the gap.
    assert out["meta"]["published"] == "2019-05"
    assert {"kind": "date", "start": 0, "end": 0, "before": "last week",
            "after": ""} in out["meta"]["repairs"]


def test_library_takes_date_objects_and_refuses_bad_strings():
    a = onrecord.extract(SAID, published=datetime.date(2022, 1, 18))
    assert a.published == "2022-01-18" and a.quotes[0].date == "2022-01-18"
    assert onrecord.extract(SAID, published="2022-01").published == "2022-01"
    with pytest.raises(onrecord.BadDate, match="'yesterday' is not a date"):
        onrecord.extract(SAID, published="yesterday")
    got = list(onrecord.extract_many([{"id": "a", "text": SAID, "published": "2022-13-45"},
                                      {"id": "b", "text": SAID, "published": datetime.date(2020, 2, 2)}]))
    assert isinstance(got[0], onrecord.Failure) and "is not a date" in got[0].error
    assert got[1].published == "2020-02-02"


@pytest.fixture(scope="module")
def store(dated_jsonl, tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "q.duckdb"
    p = onrecord_cli("run", dated_jsonl, "--store", path, "--workers", "1", "--no-progress")
    assert p.returncode == 1 and "Traceback" not in p.stderr, p.stderr
    return path


def test_run_stores_iso_dates_and_the_bad_ones_as_errors(store):
    con = duckdb.connect(str(store), read_only=True)
    try:
        published = dict(con.execute("SELECT source_id, published FROM articles").fetchall())
        errors = dict(con.execute("SELECT source_id, error FROM errors").fetchall())
    finally:
        con.close()
    assert published == {"full": "2022-01-18", "stamp": "2021-06-04", "month": "2021-03",
                         "year": "2020", "meta": None}
    assert sorted(errors) == ["month13", "yesterday"]
    assert all("is not a date" in e for e in errors.values())


@pytest.mark.parametrize("since, until, ids", [
    ("2021", None, ["full", "stamp", "month"]),
    ("2021-03", "2021-06", ["stamp", "month"]),
    (None, "2021", ["stamp", "month", "year"]),
    ("2022-01-18", "2022-01-18", ["full"]),
])
def test_query_since_until_take_the_same_forms(store, since, until, ids):
    args = ["query", "--store", store, "--format", "json"]
    args += ["--since", since] if since else []
    args += ["--until", until] if until else []
    p = onrecord_cli(*args)
    assert p.returncode == 0, p.stderr
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert sorted({r["published"] for r in rows}) == sorted(
        {"full": "2022-01-18", "stamp": "2021-06-04", "month": "2021-03", "year": "2020"}[i]
        for i in ids)


@pytest.mark.parametrize("option", ["--since", "--until"])
def test_query_refuses_a_bad_date(store, option):
    p = onrecord_cli("query", "--store", store, option, "2022-13-45")
    assert p.returncode == 2 and not p.stdout
    assert f"{option} '2022-13-45' is not a date" in p.stderr and "Traceback" not in p.stderr


def test_the_api_checks_dates_the_same_way(store):
    srv = ServeProcess("--store", str(store))
    try:
        r = httpx.post(f"{srv.base}/extract", json={"text": SAID, "published": "2022-01"},
                       timeout=60)
        assert r.status_code == 200 and r.json()["published"] == "2022-01"
        r = httpx.post(f"{srv.base}/extract", json={"text": SAID, "published": "yesterday"},
                       timeout=60)
        assert r.status_code == 422
        assert r.json()["detail"] == ("published: 'yesterday' is not a date; "
                                      "use YYYY-MM-DD, YYYY-MM or YYYY")
        r = httpx.get(f"{srv.base}/quotes", params={"since": "2021-03", "until": "2021-06"})
        assert r.status_code == 200 and r.json()["total"] == 2
        for bad in ("notadate", "2022-13-45"):
            r = httpx.get(f"{srv.base}/quotes", params={"since": bad})
            assert r.status_code == 422
            assert r.json()["detail"] == f"since: {bad!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY"
    finally:
        srv.stop()
