"""Words about people: honorifics and courtesy titles (with the gender they imply), roles and
titles of office, name suffixes, and pronouns."""
from __future__ import annotations

# -- Titles before a name --------------------------------------------------------------------

# The commonest courtesy titles ("Mr Bootle", "Dr. Voss"): a capitalised word after one is a name.
COMMON_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "dr"})

# Forms of address that are no office ("Mr", "Dame", "Prof"): on their own, not a title.
COURTESY_TITLES = COMMON_COURTESY_TITLES | {"miss", "mx", "sir", "dame", "rev", "prof"}

# Titles that imply their bearer's gender.
MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "father", "brother"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister"})

# Abbreviated titles of elected office and of military rank ("Sen.", "Gov.", "Gen.", "Sgt.").
OFFICE_ABBREVIATIONS = frozenset({"sen", "rep", "gov"})
RANK_ABBREVIATIONS = frozenset({
    "gen", "col", "capt", "lt", "sgt", "adm", "cmdr", "cpl", "pvt",
    # police ranks ("Det. Ana Ruiz", "Supt.", "Insp.", Canada's "Cst.")
    "det", "supt", "insp", "cst"})

# Titles written short with a full stop before a name ("Det. Ana Ruiz", "Gov. Ruiz"); after
# any other title a full stop ends a sentence ("... King or Queen. But the charges").
ABBREVIATED_TITLES = COURTESY_TITLES | OFFICE_ABBREVIATIONS | RANK_ABBREVIATIONS | {"cllr", "st"}

# Every word that may stand before a name as a form of address or title ("Mr", "Senator",
# "Pope"): left out of a name's words, and read as the sign of a name after it.
HONORIFICS = COURTESY_TITLES | MALE_TITLES | FEMALE_TITLES | OFFICE_ABBREVIATIONS | \
    RANK_ABBREVIATIONS | {
        "professor", "reverend", "senator", "governor", "president", "judge", "justice",
        "general", "colonel", "captain", "sheriff", "mayor", "chancellor", "minister",
        "premier", "prime", "secretary", "chief", "det", "detective", "officer", "coach",
        "rabbi", "imam", "pope", "st", "saint", "mp", "mep",
    }

# The short honorifics that, when two name forms differ by them alone, make a different title
# and not a misspelling ("Mrs Joly" / "Mary Joly").
HONORIFICS_FOR_TYPO_CHECK = (COURTESY_TITLES - {"mx"}) | {"lord", "lady"} | OFFICE_ABBREVIATIONS

# Forms of address dropped from a name before it is keyed across articles ("Mr Smith" is
# "Smith"): the courtesy titles, abbreviated offices and ranks (not "Lt"), "Hon" and "St".
HONORIFICS_FOR_KEYS = COURTESY_TITLES | {"lord", "lady"} | OFFICE_ABBREVIATIONS | \
    (RANK_ABBREVIATIONS - {"lt"}) | {"professor", "hon", "st"}

# Particles that open a surname of many words ("Al Basha", "van der Berg", "De Souza"): a name
# that starts with one is a surname alone.
SURNAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "del", "della", "da", "das",
                               "dos", "di", "du", "van", "von", "der", "den", "ter", "le", "la"})

# Title words that also open the names of organisations ("General Motors", "St. Mary's
# Hospital", "Premier League", "Prime Focus"): not read as a title before a person's name
# inside an organisation's.
NAME_OPENING_TITLES = frozenset({"general", "st", "saint", "prime", "premier", "president",
                                 "pope", "king", "queen", "prince", "princess", "lord", "lady"})

# Words after a surname that are not part of it when keying a name ("Jr", "III").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})

# Roles and titles of office that stand before or for a name ("Superintendent Alan Frost",
# "the minister").
ROLE_WORDS = frozenset({
    "superintendent", "chairman", "chairwoman", "chair", "director", "commissioner",
    "spokesman", "spokeswoman", "spokesperson", "councillor", "councilor", "ambassador",
    "adviser", "advisor", "editor", "economist", "analyst", "attorney", "lawyer", "inspector",
    "constable", "coach", "manager", "ceo", "founder", "leader", "deputy", "chief", "head",
    "representative", "congressman", "congresswoman", "assemblyman", "assemblywoman",
    "minister", "secretary", "president", "vice", "mayor", "sheriff", "officer", "sergeant",
    "lieutenant", "admiral", "commander", "senator", "governor", "premier", "chancellor",
    "treasurer", "prosecutor", "detective", "trustee", "principal", "dean", "bishop",
})

# Nouns that, in an apposition to a name, say the name is a person's ("Roman, a resident of
# the area") even where the model did not tag it as one; with "named", "a man named X".
PERSON_NOUNS = frozenset({
    "resident", "man", "woman", "boy", "girl", "mother", "father", "son",
    "daughter", "wife", "husband", "widow", "widower", "grandmother", "grandfather", "parent",
    "brother", "sister", "aunt", "uncle", "cousin", "friend", "neighbour", "neighbor",
    "student", "pupil", "teacher", "worker", "employee", "owner", "farmer", "fisherman",
    "driver", "nurse", "doctor", "volunteer", "villager", "shopkeeper", "vendor", "tourist",
    "visitor", "retiree", "pensioner", "survivor", "witness", "victim", "passenger", "member",
    "activist", "expert", "professor", "researcher", "scientist", "engineer", "official",
    "guide", "local", "mechanic", "labourer", "laborer", "cook", "chef",
    "waiter", "waitress", "cashier", "clerk", "soldier", "veteran", "player", "athlete",
    "captain", "pilot", "artist", "musician", "singer", "writer", "author", "actor",
    "actress", "priest", "pastor", "imam", "rabbi", "monk", "nun", "lawmaker", "politician",
    "candidate", "voter", "protester", "demonstrator", "organiser", "organizer", "elder",
    "mom", "dad", "mum", "grandson", "granddaughter", "niece", "nephew", "homeowner",
    "tenant", "landlord", "patient", "caregiver", "carer", "paramedic", "firefighter",
})

# Words after which a title's head noun has come: a complement ("president of X", "a
# spokesman for Y", "professor at Z"), a relative clause, a comma.
TITLE_COMPLEMENT_WORDS = frozenset({"of", "for", "at", "in", "with", "from", "to", "on", "who",
                                    "that", "which", "since", "until", ","})

# Words joining two roles in one title ("founder and president").
TITLE_COORDINATORS = frozenset({"and", "&", "/"})

# -- Pronouns --------------------------------------------------------------------------------

# Pronouns that stand for a person, a thing (an organisation, a source) or a group.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
THING_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "their"})

# Pronouns that show a person's gender in the sentences about them.
MALE_PRONOUNS = frozenset({"he", "his", "him", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})

# Third-person subject pronouns that stand for a speaker named before ("..., while he said").
THIRD_PERSON_SUBJECTS = frozenset({"he", "she", "they"})

# Mentions that name nobody by themselves: a speaker left as one of these is not registered.
UNNAMED_MENTIONS = frozenset({"he", "she", "it", "they", "i", "we", "you", "who", "which",
                              "that", "him", "her", "them", "one"})

# Pronouns and pointing words a capitalised speaker mention may be: never a misspelt name.
PRONOUN_MENTIONS = frozenset("he she they it we i you his her their its this that who".split())

# Entity labels of the parser's model that make a speaker mention a name ("Golden said").
NAME_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

# -- People the model tagged as something else (speakers/given.py) ------------------------------

# Of those, the ones that say so even of a name the model tagged as a person's ("Kessler
# stock climbed"): a market's words, not "a Sanders spokesman" nor "Trump staff".
MARKET_BELONGINGS = frozenset({
    "shares", "share", "stock", "stocks", "shareholders", "profits", "profit", "revenue",
    "revenues", "inc", "plc", "ltd", "corp",
})

# Words right after a name that say it is an organisation's ("Hartley Webb's shares", "a Hartley
# Webb spokesman"): a person has no shares, headquarters or staff of their own in the news.
ORG_BELONGINGS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "shares", "share", "stock",
    "employees", "staff", "headquarters", "subsidiary", "brand", "stores", "shops", "plant",
    "factory", "factories", "customers", "shareholders", "profits", "profit", "revenue",
    "sales", "board", "executives", "inc", "plc", "ltd", "corp", "&",
})
# Verbs right after a name whose plural form says it is a body, not one person ("Hartley Webb
# have said", "... are to cut jobs": British usage for companies and clubs).
PLURAL_VERBS = frozenset({"have", "are", "were", "say", "do", "plan", "want", "hope"})
# Words after a name in its sentence that say a body speaks ("... said in a statement").
BODY_SPEECH_WORDS = frozenset({"statement"})
