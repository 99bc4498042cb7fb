"""A diversity report over a store: its rows, tables, headline numbers and charts, and its
JSON and CSV forms."""
from __future__ import annotations

import csv
import io
import time
from dataclasses import dataclass, field
from typing import Any

import duckdb

from onrecord.report.rows import By, Filters, read_rows
from onrecord.report.tables import Table, build_tables, totals


@dataclass(frozen=True, slots=True)
class Report:
    """What `onrecord report` writes: the query, headline numbers, tables, charts (SVG)."""

    by: By
    count: str
    filters: Filters
    totals: dict[str, Any]
    tables: tuple[Table, ...]
    charts: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    def table(self, name: str) -> Table | None:
        return next((t for t in self.tables if t.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the same numbers as the HTML tables."""
        f = self.filters
        return {"by": self.by.value, "count": self.count,
                "filters": {"since": f.since, "until": f.until, "outlets": list(f.outlets)},
                "totals": self.totals, "tables": {t.name: t.to_dict() for t in self.tables}}

    def to_csv(self) -> str:
        """Every table in one long CSV: table, row (its first cell), column, value."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["table", "row", "column", "value"])
        for k, v in self.totals.items():
            w.writerow(["totals", "", k, v])
        for t in self.tables:
            for r in t.rows:
                for c, v in zip(t.columns[1:], r[1:]):
                    w.writerow([t.name, r[0], c, "" if v is None else v])
        return buf.getvalue()


def build_report(con: duckdb.DuckDBPyConnection, *, by: By = By.OUTLET,
                 filters: Filters | None = None, count: str = "quotes", top: int = 20,
                 charts: bool = True) -> Report:
    """Read the store behind `con` and count; `charts` draws the SVG charts (matplotlib)."""
    t0 = time.perf_counter()
    filters = filters or Filters()
    rows, n_articles = read_rows(con, filters, count=count)
    tables = build_tables(rows, by, count=count, top=top)
    drawn: dict[str, str] = {}
    if charts:
        from onrecord.report.charts import charts as draw

        drawn = draw({t.name: t for t in tables}, by.value)
    return Report(by, count, filters, totals(rows, n_articles, count), tuple(tables), drawn,
                  round(time.perf_counter() - t0, 3))
