"""`onrecord query`: quotes from a store by speaker, words, dates and outlet."""
from __future__ import annotations

import argparse
import sys
from typing import Any

COLUMNS = ["date", "speaker", "quote", "outlet", "article_title", "article_id"]


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "query", help="find quotes in a store",
        description="Quotes from a store made by `onrecord run`, newest first, each with its "
                    "article. Near-duplicate copies of an article count once; --show-copies "
                    "lists them.")
    p.add_argument("--store", required=True, metavar="FILE", help="the DuckDB store")
    p.add_argument("--speaker", metavar="NAME",
                   help="speaker name or a form of it (accents and case ignored; a surname "
                        "matches everyone with that surname)")
    p.add_argument("--contains", metavar="WORDS", help="every word must occur in the quote")
    p.add_argument("--since", metavar="DATE", help="on or after this date (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="on or before this date (YYYY-MM-DD)")
    p.add_argument("--outlet", metavar="NAME", help="outlet name contains NAME")
    p.add_argument("--show-copies", action="store_true",
                   help="list the near-duplicate copies of each quote's article")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N quotes (50)")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from onrecord.corpus.output import write_rows
    from onrecord.corpus.store import Store, StoreError

    for d in (args.since, args.until):
        if d and not _is_date(d):
            print(f"onrecord query: {d!r} is not a date; use YYYY-MM-DD (or YYYY, YYYY-MM)",
                  file=sys.stderr)
            return 2
    try:
        with Store(args.store, read_only=True) as store:
            rows = store.quotes(speaker=args.speaker, contains=args.contains, since=args.since,
                                until=_until(args.until), outlet=args.outlet, limit=args.limit,
                                offset=args.offset, copies=args.show_copies)
    except StoreError as e:
        print(f"onrecord query: {e}", file=sys.stderr)
        return 2
    for r in rows:
        r["quote"] = r["text"]
        r["date"] = r["date"] or r["published"]
    cols = COLUMNS + (["copies"] if args.show_copies else [])
    write_rows(rows, cols, args.format, sys.stdout)
    return 0


def _is_date(s: str) -> bool:
    import re

    return re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", s) is not None


def _until(s: str | None) -> str | None:
    """An inclusive upper bound: '2022-01' covers every day of January."""
    if s is None or len(s) == 10:
        return s
    return s + "\uffff"
