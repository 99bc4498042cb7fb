"""Word lists the rules read: speech verbs, honorifics, pronouns, source nouns.

Provenance: written by the team from the evaluation guidelines (what counts as a quote) and from
reading the attribution verbs in the BBC development articles and PolNeAR's train split (its
test split is never read); not fitted to one article.
"""
from __future__ import annotations

# Verbs of saying, writing or telling (lemma -> irregular forms; regular forms are generated).
SPEECH_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "admit": ("admits", "admitted", "admitting"), "add": (), "announce": (), "state": (),
    "note": (), "argue": (), "warn": (),
    "claim": (), "insist": (), "explain": (), "ask": (), "reiterate": (), "stress": (),
    "write": ("writes", "wrote", "written", "writing"),
    "report": (), "declare": (), "suggest": (), "acknowledge": (),
    "contend": (), "maintain": (), "assert": (), "point": (), "comment": (), "remark": (),
    "reply": ("replies", "replied", "replying"), "repeat": (), "assure": (), "interject": (),
    "respond": (), "answer": (), "confirm": (),
    "deny": ("denies", "denied", "denying"), "predict": (),
    "forecast": ("forecasts", "forecast", "forecasting"),
    "estimate": (), "emphasise": (), "emphasize": (), "underline": (), "recall": (),
    "observe": (), "concede": (), "agree": (), "complain": (), "boast": (), "promise": (),
    "pledge": (), "vow": (), "urge": (), "caution": (), "tweet": (), "post": (),
    "quip": ("quips", "quipped", "quipping"),
    "joke": (), "recount": (), "describe": (), "reveal": (), "disclose": (), "indicate": (),
    "conclude": (), "continue": (), "testify": ("testifies", "testified", "testifying"),
    "allege": (), "mention": (), "blog": ("blogs", "blogged", "blogging"),
    "inform": (), "proclaim": (), "shout": (), "cry": ("cries", "cried", "crying"),
    "whisper": (), "yell": (), "scream": (), "counter": (), "retort": (), "rule": (),
    "order": (), "demand": (), "charge": (), "hint": (), "specify": ("specifies", "specified", "specifying"),
    "clarify": ("clarifies", "clarified", "clarifying"), "highlight": (), "signal": (),
    "accuse": (), "tout": (), "lament": (), "exclaim": (), "confide": (), "chant": (),
    "email": (),
}
# Not here on purpose: beliefs and expectations (believe, think, hope, expect, fear, feel).
# The guidelines make them optional (neither rewarded nor penalised): they are not statements.

# Cues that only count when they govern a reported clause (not "asked for X", "continued to").
CLAUSE_ONLY = frozenset({
    "ask", "continue", "describe", "order", "charge", "accuse", "rule", "promise", "pledge",
    "vow", "urge", "demand", "agree", "signal", "expect", "hope", "fear", "feel", "think",
    "believe", "reckon", "post", "point", "answer", "respond", "recall", "observe", "inform",
    "indicate", "counter", "highlight", "estimate", "forecast", "predict", "mention", "comment",
    "report", "reveal", "confirm", "deny", "underline", "tout", "hint", "complain", "caution",
    "specify", "clarify", "disclose",
})

HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "rev", "reverend", "sen", "senator", "rep", "gov", "governor", "president", "judge",
    "justice", "gen", "general", "col", "colonel", "capt", "captain", "lt", "sgt", "sheriff",
    "mayor", "chancellor", "minister", "premier", "prime", "secretary", "chief", "det",
    "detective", "officer", "coach", "father", "sister", "brother", "rabbi", "imam", "pope",
    "king", "queen", "prince", "princess", "st", "saint", "mp", "mep",
})

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
THING_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "their"})
# Mentions that name nobody by themselves: a speaker left as one of these is not registered.
UNNAMED_MENTIONS = frozenset({"he", "she", "it", "they", "i", "we", "you", "who", "which",
                              "that", "him", "her", "them", "one"})

# Nouns that name a document or body that can "say" something (used for unnamed sources).
DOCUMENT_NOUNS = frozenset({
    "statement", "report", "readout", "release", "letter", "memo", "study", "survey",
    "document", "filing", "complaint", "lawsuit", "ruling", "order", "notice", "post",
    "tweet", "email", "e-mail", "poll", "analysis", "paper", "findings", "minutes",
    "transcript", "indictment", "affidavit", "decision", "guidance", "announcement",
    "website", "blog", "review", "audit", "forecast", "data", "figures", "research",
})

# Labels that start a paragraph with a colon but are not a speaker in a transcript.
NON_SPEAKER_LABELS = frozenset({
    "note", "update", "updated", "photo", "photos", "video", "editor", "editors", "related",
    "read", "more", "see", "also", "source", "sources", "correction", "warning", "watch",
    "listen", "image", "images", "caption", "credit", "tags", "topics", "share", "email",
    "advertisement", "contact", "disclaimer", "summary", "background", "analysis", "q", "a",
    "question", "answer", "headline", "subject", "date", "by", "from", "to", "cc", "re",
})


def _regular_forms(lemma: str) -> tuple[str, str, str]:
    """Third person, past and -ing forms of a regular verb."""
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return third, past, ing


def _forms() -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma, irregular in SPEECH_VERBS.items():
        forms = irregular or _regular_forms(lemma)
        for f in (lemma, *forms):
            table.setdefault(f, lemma)
    return table


# Every inflected form of a speech verb -> its lemma ("said" -> "say").
SPEECH_FORMS: dict[str, str] = _forms()
