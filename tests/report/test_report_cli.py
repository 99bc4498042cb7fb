"""`onrecord report` on a real DuckDB store filled by `onrecord run` from team-written
articles: the counts, the filters, statements counted once, near-duplicates once, and the
HTML, JSON and CSV forms agreeing number for number."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from report_articles import RECORDS


def onrecord(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "onrecord", *args], capture_output=True,
                          text=True, check=check, timeout=300)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("report")
    src = d / "articles.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    path = d / "quotes.duckdb"
    onrecord("run", str(src), "--store", str(path), "--workers", "1", "--no-progress")
    return path


def report(store: Path, *args: str) -> dict[str, Any]:
    return json.loads(onrecord("report", "--store", str(store), "--format", "json", *args).stdout)


def rows_of(rep: dict[str, Any], table: str) -> dict[str, list[Any]]:
    t = rep["tables"][table]
    return {r[0]: dict(zip(t["columns"], r)) for r in t["rows"]}  # type: ignore[misc]


def test_counts_by_outlet(store) -> None:
    rep = report(store)
    t = rep["totals"]
    assert t["articles"] == 3  # the near-duplicate copy from Coast Wire counts once
    assert t["counted"] == 10 and t["by_people"] == 8
    g = rows_of(rep, "gender_quotes_by_outlet")
    assert set(g) == {"Harbour Times", "Dunmore Post"}
    ferry = g["Harbour Times"]
    assert (ferry["quotes"], ferry["female"], ferry["male"], ferry["unknown"]) == (3, 2, 1, 0)
    dunmore = g["Dunmore Post"]
    # Robin Achebe: an unclear first name and no pronoun: unknown, counted and shown
    assert (dunmore["female"], dunmore["male"], dunmore["unknown"]) == (4, 0, 1)
    assert dunmore["share unknown"] == pytest.approx(0.2)
    kinds = rows_of(rep, "kinds_by_outlet")
    assert kinds["Harbour Times"]["unnamed"] == 1   # a police spokesperson
    assert kinds["Dunmore Post"]["document"] == 1   # a statement from the health board
    roles = rows_of(rep, "roles_by_outlet")
    assert roles["Harbour Times"]["politician/official"] == 2
    assert roles["Harbour Times"]["spokesperson"] == 1
    assert roles["Dunmore Post"]["expert/academic"] == 1
    people = rows_of(rep, "gender_sources_by_outlet")
    assert people["Dunmore Post"]["sources"] == 4  # Lund, Achebe, Quinlan, Okafor
    top = rep["tables"]["top_speakers"]["rows"][0]
    assert top[:3] == ["Jane Okafor", 4, 2] and top[6] == "female"
    words = rows_of(rep, "words_by_outlet")["Harbour Times"]
    assert words["words female"] == sum(len(s.split()) for s in (
        "the harbour ferry would run every day of the winter for the first time",
        "We listened to the people who cross this harbour every morning"))


def test_by_month_topic_and_filters(store) -> None:
    months = rows_of(report(store, "--by", "month"), "gender_quotes_by_month")
    assert list(months) == ["2019-01", "2019-02"]
    topics = rows_of(report(store, "--by", "topic"), "kinds_by_topic")
    assert set(topics) == {"transport", "health", "business"}  # category, then URL section
    only = report(store, "--outlet", "harbour")
    assert only["totals"]["articles"] == 1 and only["totals"]["counted"] == 4
    feb = report(store, "--since", "2019-02")
    assert feb["totals"]["articles"] == 2
    assert list(rows_of(feb, "gender_quotes_by_month")) == ["2019-02"]


def test_statements_count_once(store) -> None:
    quotes, statements = report(store), report(store, "--count", "statements")
    # Okafor's "We listened ..." is printed in two articles: one statement
    assert statements["totals"]["counted"] == quotes["totals"]["counted"] - 1
    assert statements["tables"]["top_speakers"]["rows"][0][:2] == ["Jane Okafor", 3]


class _Cells(HTMLParser):
    """Every table's rows as the HTML shows them: first cell's text, then data-values."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[Any]]] = {}
        self.charts: list[str] = []
        self._table: str | None = None
        self._row: list[Any] | None = None
        self._text = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            self._table = a["data-table"]
            self.tables[self._table or ""] = []
        elif tag == "tr" and self._table:
            self._row = []
        elif tag == "td" and self._row is not None:
            v = a.get("data-value")
            self._row.append(None if v is None else float(v))
            self._text = v is None
        elif tag == "figure":
            self.charts.append(a.get("data-chart") or "")

    def handle_data(self, data: str) -> None:
        if self._text and self._row is not None:
            self._row[-1] = (self._row[-1] or "") + data

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._text = False
        elif tag == "tr" and self._table and self._row:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None


def test_html_json_and_csv_agree(store, tmp_path) -> None:
    out = tmp_path / "report.html"
    onrecord("report", "--store", str(store), "--out", str(out))
    html = out.read_text(encoding="utf-8")
    # nothing to fetch: no script, stylesheet, image or font from anywhere (opens offline)
    for fetch in ("<script", "<link", "<img", "src=", "@import", "url(http", 'href="http'):
        assert fetch not in html, fetch
    prose = " ".join(html.split())
    assert "Method and limits" in prose and "never a statement about a person's identity" in prose
    cells = _Cells()
    cells.feed(html)
    rep = report(store)
    assert set(cells.tables) == set(rep["tables"])
    for name, t in rep["tables"].items():
        want = [[(v if isinstance(v, str) or v is None else float(v)) for v in r]
                for r in t["rows"]]
        assert cells.tables[name] == want, name
    assert {"gender_quotes_by_outlet", "kinds_by_outlet", "roles_by_outlet", "top_speakers",
            "over_time"} <= set(cells.charts)
    got = list(csv.DictReader(io.StringIO(
        onrecord("report", "--store", str(store), "--format", "csv").stdout)))
    cell = next(r for r in got if r["table"] == "gender_quotes_by_outlet"
                and r["row"] == "Dunmore Post" and r["column"] == "unknown")
    assert int(cell["value"]) == rows_of(rep, "gender_quotes_by_outlet")["Dunmore Post"]["unknown"]


def test_bad_input_is_a_clear_error(store, tmp_path) -> None:
    missing = onrecord("report", "--store", str(tmp_path / "none.duckdb"), check=False)
    assert missing.returncode == 2 and "no store at" in missing.stderr
    bad = onrecord("report", "--store", str(store), "--since", "last week", check=False)
    assert bad.returncode == 2 and "since" in bad.stderr
