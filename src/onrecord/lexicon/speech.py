"""Verbs of saying and their forms, the classes of cue built on them, and the other words
around a cue (statement nouns, short answers, withholding, depicting)."""
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
    "emphasise": (), "emphasize": (), "underline": (), "recall": (),
    "observe": (), "concede": (), "agree": (), "complain": (), "boast": (), "promise": (),
    "pledge": (), "vow": (), "urge": (), "caution": (), "tweet": (), "post": (),
    "quip": ("quips", "quipped", "quipping"),
    "joke": (), "recount": (), "describe": (), "reveal": (), "disclose": (), "indicate": (),
    "conclude": (), "continue": (), "testify": ("testifies", "testified", "testifying"),
    "allege": (), "mention": (), "blog": ("blogs", "blogged", "blogging"),
    "inform": (), "proclaim": (), "shout": (), "cry": ("cries", "cried", "crying"),
    "whisper": (), "yell": (), "scream": (), "counter": (), "retort": (), "rule": (),
    "order": (), "demand": (), "charge": (), "hint": (), "specify": ("specifies", "specified", "specifying"),
    "clarify": ("clarifies", "clarified", "clarifying"), "highlight": (),
    "accuse": (), "tout": (), "lament": (), "exclaim": (), "confide": (), "chant": (),
    "email": (),
}
# Not here on purpose: beliefs and expectations (believe, think, hope, expect, fear, feel).
# The guidelines make them optional (neither rewarded nor penalised): they are not statements.
# Nor judgements of amount or hints (estimate, signal): "the budget office estimated the plan
# would add 0.4 per cent", "the bank signaled rates would rise" report a calculation or a hint,
# not words anyone said (GGT's annotators and PolNeAR's speech filter agree). A forecast stays:
# it is a prediction published as such ("..., it forecast"), as "predict" is.


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


def _forms(verbs: dict[str, tuple[str, ...]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma, irregular in verbs.items():
        forms = irregular or _regular_forms(lemma)
        for f in (lemma, *forms):
            table.setdefault(f, lemma)
    return table


# Every inflected form of a speech verb -> its lemma ("said" -> "say").
SPEECH_FORMS: dict[str, str] = _forms(SPEECH_VERBS)

# Verbs of the manner of speaking, of complaining and of nonverbal expression (Levin 1993,
# English Verb Classes and Alternations, classes 37.3, 37.8 and 40.1.2, as VerbNet lists
# them, cut to those used of people): cues only right beside a quotation (`“We lost,” she
# whimpered`, `crowed Ruiz: “...”`), where nothing else could be meant; elsewhere "the crowd
# roared", "the engine whined" say nothing.
MANNER_VERBS: dict[str, tuple[str, ...]] = {
    "babble": (), "bark": (), "bawl": (), "bellow": (), "bleat": (), "bluster": (),
    "bray": (), "burble": (), "cackle": (), "carol": (), "chatter": (), "chirp": (),
    "cluck": (), "coo": (), "croak": (), "croon": (), "crow": (), "drawl": (), "drone": (),
    "gabble": (), "gasp": (), "gibber": (), "groan": (), "growl": (), "grumble": (),
    "grunt": (), "gush": (), "hiss": (), "holler": (), "hoot": (), "howl": (), "jabber": (),
    "lisp": (), "moan": (), "mumble": (), "murmur": (), "mutter": (), "purr": (),
    "rasp": (), "roar": (), "scoff": (), "screech": (), "shriek": (), "sing": ("sings", "sang",
    "sung", "singing"), "snap": ("snaps", "snapped", "snapping"), "snarl": (), "sneer": (),
    "snort": (), "sob": ("sobs", "sobbed", "sobbing"), "splutter": (), "sputter": (),
    "squeak": (), "squeal": (), "stammer": (), "stutter": (), "thunder": (), "trill": (),
    "wail": (), "warble": (), "wheeze": (), "whimper": (), "whine": (), "whoop": (),
    "yelp": (), "bemoan": (), "brag": ("brags", "bragged", "bragging"), "gripe": (),
    "grouse": (), "carp": (), "fume": (), "rage": (), "rant": (), "rave": (),
    "sigh": (), "laugh": (), "chuckle": (), "giggle": (), "snicker": (), "chortle": (),
    "smile": (), "grin": ("grins", "grinned", "grinning"), "sniff": (), "sniffle": (),
    "scold": (), "chide": (), "reassure": (), "muse": (), "marvel": ("marvels", "marvelled",
    "marveled", "marvelling", "marveling"), "enthuse": (), "plead": (),
    "beg": ("begs", "begged", "begging"), "implore": (), "exult": (), "cheer": (),
    "protest": (), "object": (), "interrupt": (), "volunteer": (), "offer": (),
    "wonder": (), "guess": (), "reason": (), "surmise": (), "venture": (), "opine": (),
}

# Every form of a manner verb -> its lemma.
MANNER_FORMS: dict[str, str] = _forms(MANNER_VERBS)

# -- Cue classes (lemmas) ------------------------------------------------------------------

# Cues that only count when they govern a reported clause (not "asked for X", "continued to").
CLAUSE_ONLY = frozenset({
    "ask", "continue", "describe", "order", "charge", "accuse", "rule", "promise", "pledge",
    "vow", "urge", "demand", "agree", "signal", "expect", "hope", "fear", "feel", "think",
    "believe", "reckon", "post", "point", "answer", "respond", "recall", "observe", "inform",
    "indicate", "counter", "highlight", "estimate", "forecast", "predict", "mention", "comment",
    "report", "reveal", "confirm", "deny", "underline", "tout", "hint", "complain", "caution",
    "specify", "clarify", "disclose",
})

# Cues that report a clause and rarely take a plain object: an object right after one of
# them, followed by a finite verb, is a clause the parser broke ("said families of victims
# file lawsuits", "said legalizing it could put thousands to work").
CLAUSE_TAKERS = frozenset({
    "say", "claim", "insist", "argue", "add", "note", "state", "stress", "suggest", "admit",
    "acknowledge", "explain", "warn", "assert", "contend", "reiterate",
    "emphasise", "emphasize", "concede", "predict", "allege", "testify", "complain", "boast",
})

# Cues whose noun-phrase object is what was said ("announced a 26% rise in profits"); the
# guidelines make such quotes optional, PolNeAR counts them.
NP_TAKERS = frozenset({"announce", "deny", "reveal", "disclose", "acknowledge", "admit",
                       "report", "mention", "predict", "warn", "tweet", "post", "recall",
                       "note", "explain", "write", "lament"})

# Cues whose wh-clause can stand for what was said ("said what he wanted was a deal", "told
# them how the cuts left him ..."); after "explain" it names a topic ("explaining why this
# change has come about"), and the guidelines leave it out.
WH_TAKERS = frozenset({"tell", "say", "reveal", "recount", "write", "note", "ask"})

# Cues that also read as inference from evidence ("the figures suggest", "the survey found"):
# with an evidence subject (sources.EVIDENCE_NOUNS) nobody said anything.
INFERENCE_CUES = frozenset({
    "suggest", "indicate", "show", "estimate", "reveal", "predict", "find", "forecast",
    "project", "calculate", "imply", "confirm", "point", "signal", "demonstrate",
})

# Cues that can carry a request: who was asked or told, and to do what ("asked the
# congregation to stand", "told residents not to drink the water").
REQUEST_CUES = frozenset({"ask", "tell"})

# Verbs of telling someone: their object is the addressee ("warned residents").
TELLING = frozenset({"tell", "warn", "inform", "remind", "assure", "urge", "promise",
                     "caution", "advise", "brief", "ask", "update", "reassure"})

# Plural or collective nouns that, as the object of a telling verb, are its audience.
AUDIENCE_NOUNS = frozenset({"reporters", "journalists", "parliament", "congress"})

# Sentence-opening words that make "said"/"told" an idiom before a comma ("That said, ...",
# "All told, ..."): nobody speaks.
SAID_IDIOM_OPENERS = frozenset({"that", "all"})

# -- Forms read by their surface -------------------------------------------------------------

# Forms of a speech verb that, before a colon and unquoted words, introduce what was said
# ("The governor added: It's typical ..."), in the order of the pattern built from them.
COLON_CUES = ("said", "says", "added", "adds", "told", "tells", "wrote", "writes", "explained",
              "continued", "argued", "stated", "declared", "replied", "answered")

# Title-case forms that make a headline a claim ("Bernie Sanders Says He's ..."), in the order
# of the pattern built from them.
HEADLINE_CUES = ("Says", "Said", "Warns", "Claims", "Admits", "Insists", "Writes", "Reveals",
                 "Announces", "Declares", "Denies", "Suggests", "Tweets", "Argues", "Predicts",
                 "Explains", "Confirms", "Concedes", "Stresses")

# Verb forms a headline puts right after a name ("Obama Says ..."): cut off the end of a name
# the model tagged with them.
VERBS_AFTER_HEADLINE_NAMES = frozenset({"says", "said", "tells", "told", "asks", "warns",
                                        "claims", "admits", "insists", "writes", "wrote",
                                        "reveals", "slams", "urges"})

# Words that show a line is reported speech, not page furniture ("..., she said").
REPORTING_WORDS = ("said", "says", "told", "according to")

# -- Words around a cue ----------------------------------------------------------------------

# Nouns that carry a statement with its owner: "Trump's claim that ...", "his warning that".
CLAIM_NOUNS = frozenset({"claim", "claims", "assertion", "assertions", "allegation",
                         "allegations", "insistence", "warning", "warnings", "statement"})

# Short answers a cue can take as its whole content ("said yes", "said so").
SHORT_ANSWERS = frozenset({"yes", "no", "so"})

# Words around a cue that say nothing was said ("have yet to confirm", "declined to confirm",
# "did not announce").
WITHHOLDING = frozenset({"yet", "refuse", "refuses", "refused", "refusing", "decline",
                         "declines", "declined", "declining", "fail", "fails", "failed",
                         "failing", "never", "not", "n't", "neither", "nor"})

# Forms of verbs that show someone doing something: "showed Mr Nattrass ... telling the
# meeting" is Nattrass telling; "attacked Clinton ..., saying" is the attacker saying.
DEPICTING = frozenset({
    "show", "shows", "showed", "shown", "showing", "film", "films", "filmed", "record",
    "records", "recorded", "depict", "depicts", "depicted", "feature", "features", "featured",
    "capture", "captures", "captured", "see", "sees", "saw", "seen", "hear", "hears", "heard",
    "overheard", "catch", "catches", "caught", "picture", "pictured", "watch", "watched",
})
