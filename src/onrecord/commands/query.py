"""`onrecord query`: quotes from a store by speaker, words, dates and outlet."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from onrecord.commands.args import whole
from onrecord.commands.formats import example, format_option
from onrecord.dates.values import date_arg

# quote_date: when the quote was said (from the article's words); published: the article's date.
COLUMNS = ["quote_date", "published", "speaker", "quote", "outlet", "article_title",
           "article_id"]


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "query", help="find quotes in a store",
        description="Quotes from a store made by `onrecord run`, newest first, each with its "
                    "article. Near-duplicate copies of an article count once; --show-copies "
                    "lists them. Each quote shows its own date (quote_date: when it was said, if "
                    "the article says) and its article's publication date (published).",
        **example("onrecord query --store quotes.duckdb --speaker Blair --contains election",
                  "onrecord query --store quotes.duckdb --since 2022-01 --until 2022-03 "
                  "--outlet ctv --show-copies",
                  "onrecord query --store quotes.duckdb --speaker Joly --format csv > joly.csv",
                  "onrecord query --store quotes.duckdb --id bbc-business-042"))
    p.add_argument("--store", required=True, metavar="FILE", help="the DuckDB store")
    p.add_argument("--speaker", metavar="NAME",
                   help="speaker name or a form of it (accents and case ignored; a surname "
                        "matches everyone with that surname)")
    p.add_argument("--contains", metavar="WORDS", help="every word must occur in the quote")
    p.add_argument("--since", metavar="DATE", type=date_arg("--since"),
                   help="on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)")
    p.add_argument("--until", metavar="DATE", type=date_arg("--until"),
                   help="on or before this date (YYYY-MM-DD, YYYY-MM or YYYY: to its end)")
    p.add_argument("--outlet", metavar="NAME",
                   help="outlet name contains NAME (the article's, or that of any record it "
                        "was read as)")
    p.add_argument("--id", metavar="ID",
                   help="the article with this content id, or sent with this caller id by any "
                        "record (an exact copy under another id finds the same article)")
    p.add_argument("--show-copies", action="store_true",
                   help="list the near-duplicate copies of each quote's article")
    p.add_argument("--limit", type=whole("--limit", 1), default=50, metavar="N",
                   help="at most N quotes (50)")
    p.add_argument("--offset", type=whole("--offset", 0), default=0, metavar="N",
                   help="skip the first N")
    format_option(p, "query", ["text", "jsonl", "csv"], "text",
                  help="text (a table, default), jsonl (every field, one quote per line) or csv")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from onrecord.corpus.output import write_rows
    from onrecord.corpus.store import Store, StoreError
    from onrecord.errors import BadArgument

    try:
        with Store(args.store, read_only=True) as store:
            rows = store.quotes(speaker=args.speaker, contains=args.contains, since=args.since,
                                until=args.until, outlet=args.outlet, id=args.id, limit=args.limit,
                                offset=args.offset, copies=args.show_copies)
    except (StoreError, BadArgument) as e:
        print(f"onrecord query: {e}", file=sys.stderr)
        return 2
    for r in rows:
        r["quote"] = r["text"]
        r["quote_date"] = r["date"]
    cols = COLUMNS + (["copies"] if args.show_copies else [])
    write_rows(rows, cols, args.format, sys.stdout)
    return 0

