"""`onrecord export`: the store's tables as Parquet files."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from onrecord.commands.formats import example, format_option


def add_parser(sub: Any) -> None:
    p = sub.add_parser("export", help="export a store's tables (Parquet)",
                       description="Write one Parquet file per table of the store "
                                   "(articles, quotes, speakers, mentions, repairs, errors, "
                                   "duplicates, sightings) into DIR; each article lists the "
                                   "input records it was read as.",
                       **example("onrecord export --store quotes.duckdb out/",
                                 "onrecord export --store quotes.duckdb --force out/   "
                                 "# overwrite an earlier export"))
    p.add_argument("--store", required=True, metavar="FILE", help="the DuckDB store")
    format_option(p, "export", ["parquet"], "parquet", help="parquet (the only one)")
    p.add_argument("--force", action="store_true",
                   help="overwrite the Parquet files DIR already holds")
    p.add_argument("dir", metavar="DIR", help="output folder (created if missing)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from onrecord.corpus.export import check_target, export_parquet
    from onrecord.corpus.store import Store, StoreError
    from onrecord.errors import BadArgument

    try:
        check_target(args.dir, force=args.force)
        with Store(args.store, read_only=True) as store:
            files = export_parquet(store, args.dir, force=args.force)
    except (StoreError, BadArgument) as e:
        print(f"onrecord export: {e}", file=sys.stderr)
        return 2
    for f in files:
        print(f)
    return 0
