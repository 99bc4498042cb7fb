"""`onrecord run`: extract a corpus (files, folders, globs) into a DuckDB store, resumably."""
from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from onrecord.commands.args import name_gender_option, pass_name_gender
from onrecord.commands.formats import example
from onrecord.corpus import ARTICLE_TIMEOUT


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "run", help="extract many articles into a store (resumable, parallel)",
        description="Read articles from files, folders and globs (.txt, .html, .jsonl, "
                    ".jsonl.gz, .jsonl.zst, .warc, .warc.gz) and store who said what in a "
                    "DuckDB file. Articles already in the store are skipped, so a stopped run "
                    "resumes where it was. Exit status: 0 ok, 1 some records failed, 2 the "
                    "store is busy or the arguments are wrong, 3 a worker or the store's "
                    "writer stopped (run again to resume).",
        **example("onrecord run crawl/ 'archive/2022-*.jsonl.zst' --store quotes.duckdb",
                  "onrecord run more/ --store quotes.duckdb --export parquet out/",
                  "onrecord run --engine ray --address ray://head:10001 crawl/ "
                  "--store quotes.duckdb"))
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or globs")
    p.add_argument("--store", required=True, metavar="FILE", help="the DuckDB store to fill")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes, one model each (default: all cores)")
    p.add_argument("--batch-size", type=int, default=32, metavar="N",
                   help="articles per batch sent to a worker and per transaction (default: 32; results "
                        "waiting for the writer are written together, up to 1,024)")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="local processes (default) or actors on a Ray cluster")
    p.add_argument("--address", metavar="ADDR", default=None,
                   help="Ray cluster address (ray://host:10001 or host:6379); default: "
                        "$RAY_ADDRESS or a local cluster")
    p.add_argument("--shard-dir", metavar="DIR", default=None,
                   help="no longer used (the Ray engine writes no shards); accepted so "
                        "older commands still run")
    p.add_argument("--export", nargs=2, metavar=("FORMAT", "DIR"), default=None,
                   help="after the run, export the store's tables: --export parquet DIR")
    p.add_argument("--force", action="store_true",
                   help="with --export: overwrite the Parquet files DIR already holds")
    p.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                   help="if another process holds the store, wait up to SECONDS for it "
                        "(default: refuse at once)")
    p.add_argument("--article-timeout", type=float, default=ARTICLE_TIMEOUT, metavar="SECONDS",
                   help="longest one article may take; one that runs over becomes an error "
                        f"record naming it (default: {ARTICLE_TIMEOUT:g}; 0: no limit)")
    p.add_argument("--retry-errors", action="store_true",
                   help="try again the records that failed in earlier runs")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--no-count", action="store_true",
                   help="do not count the records first (no ETA, starts sooner)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    name_gender_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    pass_name_gender(args)
    from onrecord.corpus.ray_engine import ClusterError
    from onrecord.corpus.runner import RunOptions, format_summary, run_corpus
    from onrecord.corpus.store import StoreError
    from onrecord.errors import WriterStopped

    if args.export and args.export[0] != "parquet":
        print(f"onrecord run: unknown export format {args.export[0]!r} (use parquet)",
              file=sys.stderr)
        return 2
    if args.export:
        from onrecord.corpus.export import check_target
        from onrecord.errors import BadArgument

        try:  # before the run, not after hours of it
            check_target(args.export[1], force=args.force)
        except BadArgument as e:
            print(f"onrecord run: --export: {e}", file=sys.stderr)
            return 2
    if args.article_timeout < 0:
        print("onrecord run: --article-timeout must be 0 (no limit) or more seconds",
              file=sys.stderr)
        return 2
    if args.batch_size < 1 or (args.workers is not None and args.workers < 1):
        print("onrecord run: --batch-size and --workers must be at least 1", file=sys.stderr)
        return 2
    from onrecord.corpus.inputs import expand

    sources = expand(args.inputs)
    problems = [s for s in sources if s.problem]
    for s in problems:
        print(f"onrecord run: {s.problem}", file=sys.stderr)
    if len(problems) == len(sources):
        print("onrecord run: nothing to read; give files, folders or globs of "
              ".txt .html .jsonl(.gz|.zst) .warc(.gz) files", file=sys.stderr)
        return 2
    opts = RunOptions(workers=args.workers, batch_size=args.batch_size, engine=args.engine,
                      address=args.address, progress=not args.no_progress,
                      count=not args.no_count, shard_dir=args.shard_dir,
                      retry_errors=args.retry_errors, wait=args.wait,
                      article_timeout=args.article_timeout or None)
    try:
        summary = run_corpus(args.inputs, args.store, options=opts, sources=sources)
    except WriterStopped as e:
        print(f"onrecord run: {e}", file=sys.stderr)
        return 3
    except StoreError as e:
        print(f"onrecord run: {e}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as e:
        if e.name != "ray":
            raise
        print("onrecord run: --engine ray needs Ray: pip install 'onrecord[ray]'", file=sys.stderr)
        return 2
    except ClusterError as e:
        print(f"onrecord run: {e}", file=sys.stderr)
        return e.status
    except BrokenProcessPool:
        print("onrecord run: a worker process died (out of memory?); every finished batch is "
              "in the store: run the same command again to resume", file=sys.stderr)
        return 3
    if args.json:
        print(json.dumps(summary.to_dict()))
    else:
        print(format_summary(summary))
    if args.export:
        from onrecord.corpus.export import export_parquet

        with _open(args.store) as store:
            files = export_parquet(store, args.export[1], force=True)  # checked above
        print(f"exported {len(files)} tables to {args.export[1]}")
    return 1 if summary.new.errors else 0


def _open(path: str) -> Any:
    from onrecord.corpus.store import Store

    return Store(path, read_only=True)
