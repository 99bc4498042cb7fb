"""Named rules: a construction family is an ordered tuple of small rule functions; the first
rule that gives a result wins, so the tuple's order is the precedence, written in one place.

A rule takes the family's context (a dataclass of what it looks at) and returns a result or
None. `Family.first` returns the result with the rule's name (`family.function`), which a
candidate records (`Found.rule`) and `--explain` shows. To add a construction: write one rule
function, put it in its family's tuple where it should win, and add one row for it to the
family's test table (a meta-test fails for a rule with no row).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

C = TypeVar("C")
R = TypeVar("R")


@dataclass(frozen=True)
class Family(Generic[C, R]):
    """An ordered tuple of rules for one construction family."""

    name: str
    rules: tuple[Callable[[C], R | None], ...]

    def first(self, ctx: C) -> tuple[str, R] | None:
        """The first rule's result for `ctx`, with that rule's name; None when none fires."""
        for rule in self.rules:
            out = rule(ctx)
            if out is not None:
                return self.rule_name(rule), out
        return None

    def rule_name(self, rule: Callable[[C], R | None]) -> str:
        return f"{self.name}.{rule.__name__.lstrip('_')}"

    def names(self) -> list[str]:
        """Every rule's name, in order of precedence."""
        return [self.rule_name(r) for r in self.rules]
