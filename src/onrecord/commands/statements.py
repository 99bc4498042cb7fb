"""`onrecord statements`: one speaker's words grouped across every article that carries them."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from onrecord.commands.args import whole
from onrecord.commands.formats import example, format_option
from onrecord.dates.values import date_arg

COLUMNS = ["first_published", "n_articles", "n_outlets", "speaker", "text", "altered", "id"]


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "statements", help="list statements: the same words carried by many articles",
        description="Statements of a store: each groups every quote of one speaker's words "
                    "(repeats, other punctuation, truncations, extensions, a word or two "
                    "changed) over all articles; most widely carried first. Dates are the "
                    "first sighting's (articles with no date rank after dated ones).",
        **example("onrecord statements --store quotes.duckdb --min-outlets 2",
                  "onrecord statements --store quotes.duckdb --speaker Blair --altered",
                  "onrecord statements --store quotes.duckdb --contains election --format json",
                  "onrecord statements --store old.duckdb --rebuild --limit 10"))
    p.add_argument("--store", required=True, metavar="FILE", help="the DuckDB store")
    p.add_argument("--speaker", metavar="NAME", help="speaker name or a form of it")
    p.add_argument("--contains", metavar="WORDS", help="these words occur in the statement")
    p.add_argument("--min-outlets", type=whole("--min-outlets", 0), default=0, metavar="N",
                   help="carried by at least N outlets")
    p.add_argument("--altered", action="store_true",
                   help="only statements some copy changes (not only cuts)")
    p.add_argument("--since", metavar="DATE", type=date_arg("--since"),
                   help="first seen on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)")
    p.add_argument("--until", metavar="DATE", type=date_arg("--until"),
                   help="first seen on or before this date")
    p.add_argument("--rebuild", action="store_true",
                   help="first file every stored quote under statements again (a store written "
                        "before statements; a run does this by itself when quotes are missing); "
                        "needs the store to itself, like a run")
    p.add_argument("--limit", type=whole("--limit", 1), default=50, metavar="N",
                   help="at most N statements (50)")
    p.add_argument("--offset", type=whole("--offset", 0), default=0, metavar="N",
                   help="skip the first N")
    format_option(p, "statements", ["text", "json", "jsonl", "csv"], "text",
                  help="text (a table, default), json (a list with every field, sightings "
                       "and variants), jsonl or csv")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from onrecord.corpus.output import write_rows
    from onrecord.corpus.store import Store, StoreError
    from onrecord.errors import BadArgument
    from onrecord.statements.read import get_statement, list_statements

    try:
        if args.rebuild:
            if not Path(args.store).is_file():
                raise StoreError(f"no store at {args.store}")
            with Store(args.store) as store:
                n = store.rebuild_statements()
            print(f"onrecord statements: filed {n:,} quotes again", file=sys.stderr)
        with Store(args.store, read_only=True) as store:
            ids = store.speaker_ids(args.speaker) if args.speaker else None
            rows = list_statements(store.con, speaker_ids=ids, contains=args.contains,
                                   min_outlets=args.min_outlets, altered=args.altered,
                                   since=args.since, until=args.until, limit=args.limit,
                                   offset=args.offset)
            if args.format in ("json", "jsonl"):
                rows = [get_statement(store.con, r["id"]) or r for r in rows]
    except (StoreError, BadArgument) as e:
        print(f"onrecord statements: {e}", file=sys.stderr)
        return 2
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
    else:
        write_rows(rows, COLUMNS, args.format, sys.stdout)
    return 0
