"""Argument types shared by the subcommands: counts and ports checked by argparse, so a bad
value is a usage message and exit status 2, never a traceback."""
from __future__ import annotations

import argparse
from collections.abc import Callable

from onrecord.corpus import MAX_ROWS


def whole(option: str, low: int, high: int = MAX_ROWS) -> Callable[[str], int]:
    """A `type=` for a whole number from `low` to `high`, named `option` in the message."""

    def parse(value: str) -> int:
        try:
            n = int(value.strip()) if len(value) <= 25 else None
        except ValueError:
            n = None
        if n is None or not low <= n <= high:
            raise argparse.ArgumentTypeError(
                f"{option} must be a whole number from {low} to {high:,}, got {value[:40]!r}")
        return n

    parse.__name__ = "number"
    return parse


port = whole("--port", 0, 65535)  # 0: any free port, as the OS picks


def name_gender_option(p: argparse.ArgumentParser) -> None:
    """`--no-name-gender`: entities get no gender from first-name statistics alone."""
    p.add_argument("--no-name-gender", dest="name_gender", action="store_false",
                   help="give a person a gender only when the article shows one (pronouns, "
                        "honorifics), never from first-name statistics (docs/diversity.md)")


def pass_name_gender(args: argparse.Namespace) -> None:
    """Hand `--no-name-gender` to the extraction workers this command starts (they read
    ONRECORD_NAME_GENDER when they build their Extractor)."""
    import os

    if not getattr(args, "name_gender", True):
        os.environ["ONRECORD_NAME_GENDER"] = "0"
