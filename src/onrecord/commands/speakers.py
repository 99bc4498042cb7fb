"""`onrecord speakers`: the speakers of a store, ranked by their number of quotes."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from onrecord.commands.args import whole
from onrecord.commands.formats import example, format_option

COLUMNS = ["quotes", "statements", "articles", "name", "titles", "id"]


def add_parser(sub: Any) -> None:
    p = sub.add_parser("speakers", help="rank a store's speakers by number of quotes",
                       description="Speakers resolved across articles (one id per person), "
                                   "ranked by quotes; near-duplicate copies count once.",
                       **example("onrecord speakers --store quotes.duckdb --limit 20",
                                 "onrecord speakers --store quotes.duckdb --name Joly "
                                 "--format jsonl",
                                 "onrecord speakers --store quotes.duckdb --count statements"))
    p.add_argument("--store", required=True, metavar="FILE", help="the DuckDB store")
    p.add_argument("--name", metavar="NAME", help="only speakers matching NAME")
    p.add_argument("--limit", type=whole("--limit", 1), default=50, metavar="N",
                   help="at most N speakers (50)")
    p.add_argument("--offset", type=whole("--offset", 0), default=0, metavar="N",
                   help="skip the first N")
    p.add_argument("--count", choices=["quotes", "statements"], default="quotes",
                   help="rank by quotes (default) or by statements: the same words carried by "
                        "many articles count once (`onrecord statements`)")
    format_option(p, "speakers", ["text", "jsonl", "csv"], "text",
                  help="text (a table, default), jsonl (every field, one speaker per line) or csv")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from onrecord.corpus.output import write_rows
    from onrecord.corpus.store import Store, StoreError
    from onrecord.errors import BadArgument

    try:
        with Store(args.store, read_only=True) as store:
            rows = store.speakers(name=args.name, limit=args.limit, offset=args.offset,
                                  count=args.count)
    except (StoreError, BadArgument) as e:
        print(f"onrecord speakers: {e}", file=sys.stderr)
        return 2
    write_rows(rows, COLUMNS, args.format, sys.stdout)
    return 0
