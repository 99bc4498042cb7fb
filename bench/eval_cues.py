"""Which attribution cues are speech: verbs and phrases of saying, writing or telling.

Provenance: written for the PolNeAR comparison from the issue's definition ("a verb or phrase of
saying, writing or telling; drop thoughts and beliefs") and checked against the most frequent
cues of PolNeAR's train split (counts only; no dev or test text). A cue is speech when one of
its words is a form of a SPEECH_VERBS lemma, or it is "according to", unless it is one of the
position phrases in NOT_SPEECH_PHRASES. Everything else (think, believe, want, hope, know,
show, find, see, seem, expect, support, urge, call, promise, a bare ":" ...) is out of scope.
"""
from __future__ import annotations

import re

# Lemma -> irregular forms (regular -s/-ed/-ing forms are generated).
SPEECH_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "add": (), "ask": (), "note": (), "report": (), "announce": (), "argue": (),
    "tweet": (), "post": (), "declare": (), "explain": (), "acknowledge": (), "state": (),
    "claim": (), "warn": (), "insist": (), "reply": ("replies", "replied", "replying"),
    "respond": (), "answer": (), "reveal": (), "remark": (), "comment": (), "mention": (),
    "complain": (), "admit": ("admits", "admitted", "admitting"), "concede": (),
    "confirm": (), "deny": ("denies", "denied", "denying"), "assert": (), "contend": (),
    "maintain": (), "allege": (), "predict": (), "suggest": (), "continue": (), "repeat": (),
    "reiterate": (), "stress": (), "emphasize": (), "emphasise": (), "point": (),
    "recount": (), "recall": (), "quip": ("quips", "quipped", "quipping"), "joke": (),
    "shout": (), "yell": (), "chant": (), "exclaim": (), "whisper": (), "retort": (),
    "counter": (), "assure": (), "inform": (), "boast": (), "lament": (), "confide": (),
    "disclose": (), "hint": (), "proclaim": (), "testify": ("testifies", "testified", "testifying"),
    "email": (), "blog": ("blogs", "blogged", "blogging"), "quote": (), "caution": (),
    "concur": ("concurs", "concurred", "concurring"), "observe": (),
}
# Left out on purpose: positions and requests (urge, call, demand, support, criticise), promises
# (promise, pledge, vow), topic verbs whose content is a noun phrase (talk, speak, describe,
# accuse, question), and thoughts, beliefs, perception and evidence (think, believe, know,
# want, hope, fear, expect, see, show, find, seem).
# Cue phrases that are positions or requests rather than statements.
NOT_SPEECH_PHRASES = re.compile(
    r"\bpoint(?:s|ed|ing)? to\b", re.IGNORECASE)
WORD = re.compile(r"[a-z]+")


def _forms(lemma: str, irregular: tuple[str, ...]) -> set[str]:
    """The lemma and its inflected forms (regular English morphology plus `irregular`)."""
    out = {lemma, *irregular}
    if irregular:
        return out
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        out |= {lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s"),
                stem + "ed", stem + "ing"}
    return out


SPEECH_FORMS: frozenset[str] = frozenset(
    f for lemma, irr in SPEECH_VERBS.items() for f in _forms(lemma, irr))


def is_speech(cue: str) -> bool:
    """True when the cue text is a verb or phrase of saying, writing or telling."""
    low = cue.lower()
    if NOT_SPEECH_PHRASES.search(low):
        return False
    toks = WORD.findall(low)
    if "according" in toks:
        return True
    return any(t in SPEECH_FORMS for t in toks)
