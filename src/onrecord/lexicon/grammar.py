"""Grammar the rules read: dependency-label and tag groups, function words (relatives,
pointers, conjunctions, connectives, prepositions), quote characters and abbreviations."""
from __future__ import annotations

from onrecord.lexicon.dates import MONTHS
from onrecord.lexicon.people import (
    COMMON_COURTESY_TITLES,
    OFFICE_ABBREVIATIONS,
    RANK_ABBREVIATIONS,
)

# -- Dependency labels and tags --------------------------------------------------------------

# Dependency labels of a verb's subject.
SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")

# Dependencies of a clause subordinate to its sentence (adverbial, relative, adnominal): its
# subject is not the sentence's topic.
SUBORDINATE_DEPS = frozenset({"advcl", "relcl", "acl"})

# Dependencies of a verb heading a clause of the sentence's own (not a subject, modifier or
# adverbial one).
OWN_CLAUSE_DEPS = ("ROOT", "ccomp", "conj", "parataxis")

# Tags of a finite verb, and of a finite verb or modal.
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
FINITE = FINITE_VERB_TAGS | {"MD"}

# -- Pronouns and pointers -------------------------------------------------------------------

# Relative pronouns for a person, and all relative pronouns a cue's subject may be.
PERSON_RELATIVES = frozenset({"who", "whom"})
RELATIVE = PERSON_RELATIVES | {"that", "which"}

# Subjects that stand for no one when reached from a cue below a verb that is no cue.
EXPLETIVE = frozenset({"it", "this", "that", "what", "there", "all"})

# Subjects of the clause before a colon that name no speaker ("It goes like this:").
NO_SPEAKER_SUBJECTS = frozenset({"it", "this", "that", "there", "which"})

# Words that open a yes-no question or a condition ("asked if", "whether").
IF_WHETHER = frozenset({"if", "whether"})

# Words that open a wh-clause: a question, not a statement ("explained why ...").
WH = IF_WHETHER | {"why", "how", "what", "where", "when", "who", "which"}

# Determiners that make a noun phrase point back to something named before ("the firm").
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})

# Articles dropped from the front of an organisation's name ("the port authority").
ARTICLES = frozenset({"the", "a", "an"})

# Words that carry no meaning when comparing titles ("Minister of Foreign Affairs").
TITLE_STOPWORDS = ARTICLES | {"of", "for", "and", "on", "in", "to", "s", "former", "then",
                              "acting"}

# -- Conjunctions and connectives ------------------------------------------------------------

# Conjunctions that join a second speaker's statement to the first ("..., while Cruz said").
CONTRASTS = frozenset({"while", "whereas", "but", "and"})

# Conjunctions of a concession: after an attribution they open the writer's comment on it
# ("..., he said, though he did not name anyone").
CONCESSIVES = frozenset({"though", "although"})

# Subordinators of the writer's contrast or concession hung on the cue after what was said
# ("said A, while 9 percent found B", "said A, although it may take days"): not the speaker's.
WRITER_CONTRASTS = CONCESSIVES | {"while", "whereas"}

# Conjunctions after a reported clause that carry it on to the sentence end ("... but ...").
RUN_ON_CONJUNCTIONS = frozenset({"but", "and", "yet"})

# A sentence's link to the one before, the writer's and not the speaker's ("But the goal is
# not revenue, according to ...", "However, slower growth ..., the IMF said").
CONNECTIVES = frozenset({"But", "And", "Yet", "However", "Still", "Meanwhile", "Moreover",
                         "Indeed", "Also", "Nonetheless", "Nevertheless"})

# Prepositions whose phrase stays in a speaker mention ("a spokeswoman for the ministry").
MENTION_PREPOSITIONS = frozenset({"for", "of", "at", "from", "with", "in"})

# Lower-case words that join the words of an organisation's name ("Bank of England", "Ernst
# & Young"), and the same with "the" ("Friends of the Earth").
NAME_JOINERS = frozenset({"of", "and", "&", "for"})
NAME_JOINERS_AND_THE = NAME_JOINERS | {"the"}

# -- Characters ------------------------------------------------------------------------------

# Tokens that are a quotation mark.
QUOTE_CHARS = frozenset({'"', "“", "”", "‘", "’", "''", "``"})

# -- Verbs and their confusables -------------------------------------------------------------

# Nouns written for the verb they are confused with ("would loose" -> "lose") ...
CONFUSABLE_VERBS = {"loose": "lose", "breath": "breathe", "advice": "advise"}

# ... and the words after which the verb is wanted (a modal, infinitive "to", a negation).
VERB_SLOT_WORDS = frozenset("will would could should must may might can cannot to not never "
                            "gonna going".split())

# Forms of "be" that join a what-clause to what it names ("What he said is that ...").
BE_FORMS = frozenset({"is", "was", "'s", "’s", "are", "were"})

# -- Abbreviations (lower case, without their full stop) -------------------------------------

# Abbreviated titles before a name and suffixes after it ("Mr.", "Sen.", "Lt.", "Jr.").
TITLE_ABBREVIATIONS = COMMON_COURTESY_TITLES | OFFICE_ABBREVIATIONS | RANK_ABBREVIATIONS | \
    {"prof", "rev", "st", "jr", "sr"}

# Month names as news style abbreviates them ("Jan.", "Sept."; "May" is never shortened).
MONTH_ABBREVIATIONS = (frozenset(MONTHS) - {"may"}) | {"sept"}

# Company forms and "No.", "vs.".
BUSINESS_ABBREVIATIONS = frozenset({"inc", "ltd", "co", "corp", "no", "vs"})

# US state abbreviations in party labels ("R-Ky.", "D-Calif.").
STATE_ABBREVIATIONS = frozenset({
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
    "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
    "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
})

# Words whose full stop ends no sentence when a statement's sentence is found to date it.
DATING_ABBREVIATIONS = TITLE_ABBREVIATIONS | MONTH_ABBREVIATIONS | BUSINESS_ABBREVIATIONS

# Words whose full stop ends no sentence when quotation marks are paired and sentences cut:
# titles (and "Hon."), company forms, "etc.", months (not "Jun."/"Jul."), units, Latin and
# dotted abbreviations, and US states.
ABBREVIATIONS = TITLE_ABBREVIATIONS | {"hon"} | BUSINESS_ABBREVIATIONS | {"etc"} | \
    (MONTH_ABBREVIATIONS - {"jun", "jul"}) | {
        "mt", "ft", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "approx", "dept", "est",
        "fig",
    } | STATE_ABBREVIATIONS
