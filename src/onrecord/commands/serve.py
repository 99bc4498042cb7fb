"""`onrecord serve`: the HTTP API and the web viewer on one port (loopback by default)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from onrecord.commands.args import name_gender_option, pass_name_gender, port
from onrecord.commands.formats import example
from onrecord.server.config import DEFAULT_TIMEOUT, parse_size


def _size(value: str) -> int:
    try:
        return parse_size(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "serve", help="serve the HTTP API and the web viewer",
        description="Serve POST /extract, the quote store (GET /quotes, /speakers, "
                    "/articles/{id}) and the web viewer at /. API docs at /docs.",
        **example("onrecord serve                        # http://127.0.0.1:8000/",
                  "onrecord serve --store quotes.duckdb --port 9000 --workers 2"))
    p.add_argument("--store", type=Path, default=None, metavar="PATH",
                   help="a quote store built by `onrecord run` (DuckDB); without it only "
                        "extraction and the article viewer are available")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=port, default=8000, help="port, 0-65535 (default 8000; 0: any free port)")
    p.add_argument("--max-body", type=_size, default="10MB", metavar="SIZE",
                   help="largest request body, e.g. 10MB or 512KB (default 10MB); larger: 413")
    p.add_argument("--article-timeout", "--timeout", dest="timeout", type=float,
                   default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"longest one article's extraction may take, queueing included "
                        f"(default {DEFAULT_TIMEOUT:.0f}); slower: 504 naming the article, "
                        f"and its worker is replaced")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="extraction processes, each with one loaded model (default 1)")
    p.add_argument("--log-level", default="info",
                   choices=["critical", "error", "warning", "info", "debug"])
    name_gender_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    pass_name_gender(args)
    import uvicorn

    from onrecord.server import ServeConfig, create_app
    from onrecord.server.storeview import StoreOpenError

    if args.workers < 1:
        print("onrecord serve: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.timeout <= 0:
        print("onrecord serve: --article-timeout must be positive", file=sys.stderr)
        return 2
    config = ServeConfig(store=args.store, max_body=args.max_body, timeout=args.timeout,
                         workers=args.workers)
    try:
        app = create_app(config)
    except (StoreOpenError, ImportError) as e:
        print(f"onrecord serve: {e}", file=sys.stderr)
        return 2
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                timeout_graceful_shutdown=5)
    return 0
