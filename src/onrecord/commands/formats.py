"""One set of --format names for every command: text (readable lines or a table), json (one
JSON document), jsonl (one JSON object per line), csv, parquet, html (`report`). Older names
stay as aliases."""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

# Old name -> the name it now stands for, per command ("table" was query/speakers' text;
# their "json" always printed one object per line, so it stays that: jsonl).
ALIASES: dict[str, dict[str, str]] = {
    "extract": {"table": "text"},
    "query": {"table": "text", "json": "jsonl"},
    "speakers": {"table": "text", "json": "jsonl"},
    "statements": {"table": "text"},
}


def format_option(parser: Any, command: str, names: Sequence[str], default: str | None,
                  help: str) -> None:
    """Add --format to `parser`: `names` (from the one set) and the command's old aliases."""
    aliases = ALIASES.get(command, {})

    def parse(value: str) -> str:
        v = value.strip().lower()
        v = aliases.get(v, v)
        if v not in names:
            shown = ", ".join(names)
            raise argparse.ArgumentTypeError(f"unknown format {value!r}: use {shown}")
        return v

    parse.__name__ = "format"
    old = f"; also {', '.join(f'{a} (= {b})' for a, b in aliases.items())}" if aliases else ""
    parser.add_argument("--format", type=parse, default=default, metavar="|".join(names),
                        help=f"{help}{old}")


class _Formatter(argparse.HelpFormatter):
    """argparse's help, but an "examples:" epilog keeps its lines as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("examples:"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def example(*lines: str) -> dict[str, Any]:
    """add_parser keywords that end a subcommand's --help with its examples."""
    return {"epilog": "examples:\n" + "\n".join(f"  {line}" for line in lines),
            "formatter_class": _Formatter}

