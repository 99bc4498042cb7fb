"""`onrecord trace`: where some quoted words started and how they spread."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from onrecord.commands.formats import example, format_option


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "trace", help="the statement some quoted words belong to, first sighting first",
        description="Finds the statement the words belong to (the same words, a cut or an "
                    "extension of them, or a near-variant) and prints its timeline: every "
                    "article that carries it, earliest date first; variants are marked.",
        **example('onrecord trace --store quotes.duckdb "we will not raise taxes"',
                  'onrecord trace --store quotes.duckdb "not raise taxes" --format json'))
    p.add_argument("words", metavar="WORDS", help="some of the quoted words")
    p.add_argument("--store", required=True, metavar="FILE", help="the DuckDB store")
    format_option(p, "trace", ["text", "json"], "text",
                  help="text (a timeline, default) or json (the statement with every field)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from onrecord.corpus.store import Store, StoreError
    from onrecord.statements.read import trace

    try:
        with Store(args.store, read_only=True) as store:
            st = trace(store.con, args.words)
    except StoreError as e:
        print(f"onrecord trace: {e}", file=sys.stderr)
        return 2
    if st is None:
        print(f"onrecord trace: no statement in {args.store} has these words", file=sys.stderr)
        return 1
    if args.format == "json":
        json.dump(st, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
        return 0
    print(timeline(st))
    return 0


def timeline(st: dict[str, Any]) -> str:
    """A statement as lines: its text and speaker, then each sighting, variants marked."""
    lines = [f"“{st['text']}” — {st['speaker'] or 'no speaker named'} "
             f"({st['n_articles']} articles, {st['n_outlets']} outlets; statement {st['id']})"]
    marks = {(v["article_id"], v["idx"]): ("cut" if v["truncation"] else "altered")
             for v in st["variants"]}
    for i, s in enumerate(st["sightings"]):
        mark = marks.get((s["article_id"], s["idx"]), "")
        first = "first" if i == 0 else ""
        lines.append(f"  {s['published'] or 'undated':<10}  {s['outlet'] or '-':<20}  "
                     f"{s['source_id'] or s['article_id']}  {first:<5} {mark}".rstrip())
        if mark:
            lines.append(f"      “{s['text']}”")
    return "\n".join(lines)
