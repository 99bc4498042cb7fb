"""`onrecord report`: who gets quoted in a store, as a self-contained HTML page, JSON or CSV."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from onrecord.commands.args import whole
from onrecord.commands.formats import example, format_option


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "report", help="source-diversity report: gender, kind, role of who gets quoted",
        description="Who gets quoted in a store: shares of quotes and of distinct people by "
                    "gender (unknown shown), source kind, role, unnamed sources, top speakers "
                    "and words quoted per person, by outlet, month or topic and over time. "
                    "Near-duplicate copies count once. HTML opens offline (docs/diversity.md).",
        **example("onrecord report --store quotes.duckdb --out report.html",
                  "onrecord report --store quotes.duckdb --by month --since 2019-01 "
                  "--format json",
                  "onrecord report --store quotes.duckdb --by topic --outlet cbc --format csv",
                  "onrecord report --store quotes.duckdb --count statements --out r.html"))
    p.add_argument("--store", required=True, metavar="FILE", help="the DuckDB store")
    p.add_argument("--by", choices=["outlet", "month", "topic"], default="outlet",
                   help="break counts down by outlet (default), month or topic (the input's "
                        "topic/section/category, else the URL's first path segment)")
    p.add_argument("--since", metavar="DATE", help="articles published on or after DATE")
    p.add_argument("--until", metavar="DATE", help="articles published on or before DATE")
    p.add_argument("--outlet", action="append", metavar="NAME",
                   help="only outlets matching NAME (repeat, or comma-separated)")
    p.add_argument("--count", choices=["quotes", "statements"], default="quotes",
                   help="count quotes (default) or statements (the same words in many "
                        "articles once)")
    p.add_argument("--top", type=whole("--top", 1, 1000), default=20, metavar="N",
                   help="top speakers to list (20)")
    p.add_argument("--out", metavar="FILE", help="write here instead of stdout")
    format_option(p, "report", ["html", "json", "csv"], None,
                  help="html (default; also for an --out ending .html), json or csv "
                       "(by --out's suffix when not given)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from onrecord.corpus.store import Store, StoreError
    from onrecord.errors import BadArgument, BadDate
    from onrecord.report.build import build_report
    from onrecord.report.html import render
    from onrecord.report.rows import By, Filters, outlets_arg

    fmt = args.format or (Path(args.out).suffix.lstrip(".").lower() if args.out else "html")
    if fmt not in ("html", "json", "csv"):
        fmt = "html"
    filters = Filters(since=args.since, until=args.until, outlets=outlets_arg(args.outlet))
    try:
        with Store(args.store, read_only=True) as store:
            report = build_report(store.con, by=By(args.by), filters=filters, count=args.count,
                                  top=args.top, charts=fmt == "html")
    except (StoreError, BadArgument, BadDate) as e:
        print(f"onrecord report: {e}", file=sys.stderr)
        return 2
    if fmt == "json":
        text = json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n"
    elif fmt == "csv":
        text = report.to_csv()
    else:
        text = render(report, store=Path(args.store).name)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        t = report.totals
        print(f"onrecord report: {args.out}: {t['articles']:,} articles, {t['counted']:,} "
              f"{args.count} ({report.seconds:.2f} s)", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
