"""Words that give a source its role (speakers/roles.py): titles, descriptors and the nouns of
the bodies people speak for. Written by the team from news usage; a phrase of two words
("chief executive") is matched as a whole, before its words."""
from __future__ import annotations

SPOKESPERSON_WORDS = frozenset({
    "spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokespersons", "spokesmen",
    "spokeswomen", "press secretary", "press officer", "communications director",
    "director of communications", "press office", "representative", "representatives",
})

POLICE_LEGAL_WORDS = frozenset({
    "police", "policeman", "policewoman", "officer", "officers", "constable", "sergeant",
    "sgt", "detective", "det", "inspector", "superintendent", "sheriff", "deputy sheriff",
    "rcmp", "opp", "fbi", "lawyer", "lawyers", "attorney", "attorneys", "judge", "judges",
    "justice", "prosecutor", "prosecutors", "crown", "counsel", "barrister", "solicitor",
    "court", "coroner", "investigator", "investigators", "magistrate", "prosecution",
    "defence", "defense", "paramedic", "paramedics", "firefighter", "firefighters",
    "fire chief", "police chief", "commissioner of police",
})

ATHLETE_COACH_WORDS = frozenset({
    "coach", "coaches", "player", "players", "captain", "striker", "goalkeeper", "goalie",
    "defender", "defenceman", "midfielder", "forward", "winger", "quarterback", "pitcher",
    "athlete", "athletes", "champion", "skier", "sprinter", "runner", "boxer", "golfer",
    "cyclist", "swimmer", "skater", "wrestler", "jockey", "referee", "head coach",
    "football manager", "manager of the team", "batsman", "bowler", "fly-half", "centre-back",
    "olympian", "teammate", "club", "team",
})

EXPERT_ACADEMIC_WORDS = frozenset({
    "professor", "prof", "researcher", "researchers", "scientist", "scientists", "economist",
    "economists", "analyst", "analysts", "expert", "experts", "academic", "academics",
    "lecturer", "scholar", "historian", "epidemiologist", "physician", "doctor", "doctors",
    "dr", "psychologist", "sociologist", "fellow", "university", "institute", "college",
    "think tank", "researcher at", "strategist", "consultant", "specialist", "statistician",
    "astronomer", "biologist", "chemist", "physicist", "engineer", "criminologist",
})

BUSINESS_WORDS = frozenset({
    "ceo", "chief executive", "executive", "executives", "founder", "co-founder", "owner",
    "owners", "chairman", "chairwoman", "chairperson", "businessman", "businesswoman",
    "entrepreneur", "investor", "investors", "shareholder", "shareholders", "manager",
    "managing director", "company", "firm", "corp", "corporation", "inc", "ltd", "plc",
    "bank", "banker", "bankers", "retailer", "shopkeeper", "landlord", "developer", "cfo",
    "coo", "chief financial officer", "chief operating officer", "president and ceo",
    "vice-president", "vice president", "employer", "employers", "industry", "trader",
    "traders", "broker", "airline", "carrier", "insurer", "lender", "restaurateur",
})

POLITICIAN_OFFICIAL_WORDS = frozenset({
    "minister", "ministers", "premier", "president", "prime minister", "pm", "mayor",
    "senator", "sen", "mp", "mps", "mpp", "mla", "mep", "mna", "councillor", "councilor",
    "councilman", "councilwoman", "governor", "gov", "chancellor", "secretary", "leader",
    "official", "officials", "ambassador", "diplomat", "diplomats", "commissioner",
    "candidate", "lawmaker", "lawmakers", "legislator", "legislators", "congressman",
    "congresswoman", "representative for", "deputy", "cabinet", "critic", "politician",
    "politicians", "chief of staff", "civil servant", "ministry", "department", "government",
    "administration", "council", "parliament", "senate", "party", "agency", "white house",
    "kremlin", "downing street", "mandarin", "envoy", "chief",
    "speaker", "whip", "tory", "labour", "liberal", "conservative", "democrat", "republican",
    "nato", "un", "authorities", "authority", "regulator", "city hall", "state department",
})

CITIZEN_WITNESS_WORDS = frozenset({
    "resident", "residents", "witness", "witnesses", "neighbour", "neighbours", "neighbor",
    "neighbors", "parent", "parents", "mother", "father", "mom", "dad", "mum", "son",
    "daughter", "wife", "husband", "sister", "brother", "student", "students", "passenger",
    "passengers", "voter", "voters", "customer", "customers", "local", "locals", "shopper",
    "shoppers", "survivor", "survivors", "victim", "victims", "relative", "relatives",
    "friend", "friends", "fan", "fans", "commuter", "commuters", "patient", "patients",
    "homeowner", "tenant", "tenants", "citizen", "citizens", "bystander", "onlooker",
    "protester", "protesters", "worker", "workers", "nurse", "teacher", "volunteer",
    "grandmother", "grandfather", "mourner", "villager", "farmer", "driver", "member of the public",
})

# Heads of an unnamed source that is a body, not people: with no name it is an organisation.
UNNAMED_BODY_NOUNS = frozenset({
    "police", "government", "ministry", "department", "company", "firm", "council",
    "court", "agency", "administration", "army", "military", "club", "team", "hospital",
    "university", "party", "union", "board", "committee", "commission", "authority",
    "office", "bank", "organisation", "organization", "group", "force",
    "service", "kremlin", "pentagon", "white house", "city", "county", "province", "state",
})

# Words that end the head of a descriptor: "a spokesperson [for the ministry]", "sources [close
# to the talks]", "a person [familiar with ...]".
DESCRIPTOR_BREAKS = frozenset({
    "for", "of", "at", "with", "close", "familiar", "who", "in", "from", "to", "on", "near",
    "inside", "within", "involved", "briefed", "knowledgeable", "speaking", "that", "and",
})

# Speaker mentions that are a pronoun for one person (an entity-less "He said").
PERSON_PRONOUNS = frozenset({"he", "she", "i", "him", "her"})
