"""Coarse part-of-speech tags from fine tags with lookup tables, in place of the model's
attribute ruler (a token matcher, ~10% of the pipeline's time) when only POS is read.
The tables are read off the model's own attribute-ruler patterns at load time."""
from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import POS

Rule = tuple[Any, Any, str]  # lowers, deps (each None, a set, or ("not", set)), POS


def _values(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, str):
        return frozenset([v])
    if isinstance(v, dict) and set(v) == {"IN"}:
        return frozenset(v["IN"])
    if isinstance(v, dict) and set(v) == {"NOT_IN"}:
        return ("not", frozenset(v["NOT_IN"]))
    raise ValueError("unsupported")


def _ok(value: str, test: Any) -> bool:
    if test is None:
        return True
    if isinstance(test, tuple):
        return value not in test[1]
    return value in test


def pos_rules(nlp: Any) -> tuple[dict[str, str], dict[str | None, list[Rule]]]:
    """(tag -> POS, tag -> [(lower words, deps, POS)]) from single-token POS patterns."""
    by_tag: dict[str, str] = {}
    rules: dict[str | None, list[Rule]] = {}
    for p in nlp.get_pipe("attribute_ruler").patterns:
        pos = p["attrs"].get("POS")
        pattern = p["patterns"][0]
        if pos is None or len(pattern) != 1 or set(pattern[0]) - {"TAG", "LOWER", "DEP"}:
            continue
        tok = pattern[0]
        try:
            tags, lowers, deps = (_values(tok.get(k)) for k in ("TAG", "LOWER", "DEP"))
        except ValueError:
            continue
        if lowers is None and deps is None and isinstance(tags, frozenset):
            for t in tags:
                by_tag[t] = pos
            continue
        if isinstance(tags, tuple):  # "any tag but these": check it with the rule
            deps = (deps, tags)
            tags = None
        for t in tags or [None]:
            rules.setdefault(t, []).append((lowers, deps, pos))
    return by_tag, rules


class FastPOS:
    """Sets token.pos from token.tag, the word and its dependency label."""

    def __init__(self, nlp: Any) -> None:
        self.by_tag, self.rules = pos_rules(nlp)
        self.strings = nlp.vocab.strings

    def __call__(self, doc: Any) -> Any:
        arr = numpy.zeros((len(doc), 1), dtype="uint64")
        add = self.strings.add
        for i, tok in enumerate(doc):
            tag = tok.tag_
            pos = "SPACE" if tok.is_space else self.by_tag.get(tag, "X")
            for lowers, deps, p in (*self.rules.get(tag, ()), *self.rules.get(None, ())):
                if isinstance(deps, tuple) and len(deps) == 2 and not isinstance(deps[0], str):
                    deps, not_tags = deps
                    if not _ok(tag, not_tags):
                        continue
                if _ok(tok.lower_, lowers) and _ok(tok.dep_, deps):
                    pos = p
            arr[i, 0] = add(pos)
        doc.from_array([POS], arr)
        return doc

    def pipe(self, docs: Any, batch_size: int = 64) -> Any:
        for doc in docs:
            yield self(doc)
