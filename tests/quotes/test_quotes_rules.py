"""The named-rule machinery: order is precedence, names are family.function."""
from __future__ import annotations

from onrecord.quotes.rules import Family


def _never(n: int) -> str | None:
    return None


def _even(n: int) -> str | None:
    return "even" if n % 2 == 0 else None


def _any(n: int) -> str | None:
    return "any"


FAMILY: Family[int, str] = Family("toy", (_never, _even, _any))


def test_the_first_rule_that_fires_wins_and_is_named() -> None:
    assert FAMILY.first(4) == ("toy.even", "even")
    assert FAMILY.first(3) == ("toy.any", "any")
    assert FAMILY.names() == ["toy.never", "toy.even", "toy.any"]


def test_no_rule_fires() -> None:
    assert Family("empty", (_never,)).first(1) is None
