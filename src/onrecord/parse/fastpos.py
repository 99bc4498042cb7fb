"""Coarse part-of-speech tags from fine tags with lookup tables, in place of the model's
attribute ruler (a token matcher, ~10% of the pipeline's time) when only POS is read.
The tables are read off the model's own attribute-ruler patterns at load time."""
from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG

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
    """Sets token.pos from token.tag, the word and its dependency label (on hashes, no
    Token objects: a few milliseconds per article)."""

    def __init__(self, nlp: Any) -> None:
        by_tag, rules = pos_rules(nlp)
        h = nlp.vocab.strings.add
        self.x = h("X")
        self.space = h("SPACE")
        self.by_tag = {h(t): h(p) for t, p in by_tag.items()}

        def hashed(test: Any) -> Any:
            if test is None:
                return None
            if isinstance(test, tuple):
                return ("not", frozenset(h(v) for v in test[1]))
            return frozenset(h(v) for v in test)

        self.rules: dict[int | None, list[tuple[Any, Any, Any, int]]] = {}
        for tag, items in rules.items():
            for lowers, deps, pos in items:
                not_tags = None
                if isinstance(deps, tuple) and len(deps) == 2 and not isinstance(deps[0], str):
                    deps, not_tags = deps
                key = h(tag) if tag is not None else None
                self.rules.setdefault(key, []).append(
                    (hashed(lowers), hashed(deps), hashed(not_tags), h(pos)))
        self.general = self.rules.pop(None, [])

    def __call__(self, doc: Any) -> Any:
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        out = numpy.empty((len(rows), 1), dtype="uint64")
        for i, (tag, low, dep, space) in enumerate(rows):
            pos = self.space if space else self.by_tag.get(tag, self.x)
            for lowers, deps, not_tags, p in (*self.rules.get(tag, ()), *self.general):
                if _ok(tag, not_tags) and _ok(low, lowers) and _ok(dep, deps):
                    pos = p
            out[i, 0] = pos
        doc.from_array([POS], out)
        return doc

    def pipe(self, docs: Any, batch_size: int = 64) -> Any:
        for doc in docs:
            yield self(doc)
