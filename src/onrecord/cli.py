"""The `onrecord` command: a thin layer that dispatches to one module per subcommand."""
from __future__ import annotations

import argparse
import importlib
import sys

# Each module in onrecord.commands defines add_parser(subparsers) and run(args) -> int.
COMMANDS = ["extract", "run", "query", "speakers", "export", "serve", "statements", "trace",
            "report"]


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every subcommand whose module is present."""
    parser = argparse.ArgumentParser(
        prog="onrecord", description="Who said what, to whom, and when: quotes from news text.")
    parser.add_argument("--version", action="version", version=f"onrecord {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"onrecord.commands.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"onrecord.commands.{name}":
                continue  # command not built in this version
            raise
        module.add_parser(sub)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("onrecord")
    except PackageNotFoundError:  # run from a source tree that is not installed
        from onrecord import __version__

        return __version__


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the subcommand and return its exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("onrecord: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
