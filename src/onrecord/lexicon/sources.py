"""Words about sources that are not one person: organisations and the nouns that stand for
them, documents, parts of a body, groups of people, and labels that name no speaker."""
from __future__ import annotations

# Words that make a name an organisation's ("Labour Party", "Acme Inc", "BBC").
ORG_WORDS = frozenset({
    "department", "ministry", "party", "bank", "inc", "ltd", "plc", "council", "commission",
    "agency", "office", "group", "association", "union", "university", "institute", "company",
    "corp", "corporation", "police", "court", "service", "board", "committee", "authority",
    "government", "administration", "league", "federation", "club", "foundation", "fund",
    "organisation", "organization", "network", "house", "senate", "parliament", "assembly",
    "news", "times", "post", "journal", "press", "bbc", "cbc", "ctv", "reuters", "force",
    "forces", "army", "navy", "team", "society", "trust", "centre", "center", "commons",
})

# Nouns that, heading an apposition right after a name ("Wilton Hall, a non-profit agency"),
# say it is an organisation's: never a person's job ("carrier", "maker") nor a group of people.
ORG_APPOSITION_NOUNS = frozenset({
    "agency", "charity", "company", "firm", "organisation", "organization", "nonprofit",
    "non-profit", "association", "institute", "foundation", "corporation", "bank", "school",
    "university", "college", "hospital", "shelter", "ministry", "department", "newspaper",
    "broadcaster", "airline", "retailer", "startup", "start-up", "conglomerate", "subsidiary",
    "think-tank", "tank", "coalition", "federation", "union", "club", "church",
})

# Nouns that, with "the", stand for an organisation named earlier ("the firm said").
ORG_NOUNS = frozenset({
    "firm", "company", "group", "tank", "bank", "body", "organisation", "organization",
    "agency", "department", "ministry", "government", "party", "union", "club", "association",
    "institute", "watchdog", "regulator", "council", "charity", "retailer", "carrier",
    "airline", "broadcaster", "network", "studio", "label", "manufacturer", "maker", "giant",
    "chain", "operator", "insurer", "lender", "newspaper", "magazine", "website", "team",
    "side", "league", "board", "commission", "corporation", "business", "publisher",
    "developer", "provider", "supplier", "authority", "administration", "committee",
    "federation", "foundation", "university", "school", "hospital", "court", "service",
})

# Of those, the nouns that say only that it is an organisation, of any kind: "the company" can
# stand for Acme or Ratehub; any other ("the commission", "the union", "the bank") names a kind
# of body, which the organisation's own name carries ("Ontario Civilian Police Commission").
GENERIC_ORG_NOUNS = frozenset({
    "firm", "company", "group", "tank", "body", "organisation", "organization", "business",
    "giant", "maker", "manufacturer", "chain", "operator", "provider", "supplier", "developer",
    "publisher", "retailer", "carrier", "airline", "broadcaster", "network", "studio", "label",
    "insurer", "lender", "watchdog", "regulator", "charity", "side", "team", "newspaper",
    "magazine", "website",
})

# Kinds of body whose nouns stand for one another: "the union" can be the Association of
# Flight Attendants, "the agency" the Congressional Budget Office (a noun may be in two kinds).
ORG_KINDS = (
    frozenset({"union", "association", "federation", "confederation", "guild", "brotherhood"}),
    frozenset({"agency", "office", "bureau", "administration", "authority", "service",
               "department", "ministry", "commission", "directorate", "inspectorate"}),
    frozenset({"council", "board", "committee", "panel", "commission", "assembly"}),
    frozenset({"university", "college", "school", "institute", "academy"}),
    frozenset({"court", "tribunal"}),
    frozenset({"bank", "lender"}),
    frozenset({"hospital", "clinic", "infirmary"}),
    frozenset({"league", "federation", "association"}),
    frozenset({"club", "team", "side"}),
    frozenset({"government", "administration", "cabinet", "executive"}),
)

# Nouns for a part of a body: with a modifier ("the finance department") a source of its own,
# not the organisation named before.
SUB_BODIES = frozenset({"department", "ministry", "office", "division", "unit", "board",
                        "committee", "agency", "service", "court", "commission", "council"})

# Nouns that, with "the", stand for people named together before ("the pair said").
GROUP_NOUNS = frozenset({"pair", "two", "couple", "duo", "trio", "three", "brothers", "sisters"})

# Nouns that name a document or body that can "say" something (used for unnamed sources).
DOCUMENT_NOUNS = frozenset({
    "statement", "report", "readout", "release", "letter", "memo", "study", "survey",
    "document", "filing", "complaint", "lawsuit", "ruling", "order", "notice", "post",
    "tweet", "email", "e-mail", "poll", "analysis", "paper", "findings", "minutes",
    "transcript", "indictment", "affidavit", "decision", "guidance", "announcement",
    "website", "blog", "review", "audit", "forecast", "data", "figures", "research",
    "database", "assessment", "submission", "brief", "bulletin",
})

# What evidence is, not who states it: "the data suggest", "figures indicated", "the survey
# found" report an inference, no statement. Not "report", "paper", "letter" or "statement":
# those are written by someone ("a report suggests" is the report's authors' claim).
EVIDENCE_NOUNS = frozenset({
    "data", "figure", "figures", "number", "numbers", "statistic", "statistics", "study",
    "studies", "survey", "surveys", "poll", "polls", "polling", "analysis", "finding",
    "findings", "result", "results", "evidence", "estimate", "estimates", "forecast",
    "forecasts", "projection", "projections", "model", "models", "research", "index",
    "census", "chart", "graph", "trend", "trends", "indicator", "indicators", "reading",
    "readings", "record", "records", "sample", "test", "tests", "experiment", "sign", "signs",
    "measure", "measures", "audit", "review", "calculation", "calculations", "map", "footage",
    "image", "images", "photo", "photos", "video", "videos", "scan", "scans",
})

# Participles that, after a document and before "by X", make X its author ("a statement
# e-mailed by ...", "a report released by ..."); "obtained by", "seen by" do not.
DOCUMENT_AUTHOR_VERBS = frozenset({
    "written", "issued", "released", "published", "sent", "mailed", "e-mailed", "emailed",
    "signed", "posted", "prepared", "authored", "produced", "conducted", "drafted",
    "submitted", "filed", "tweeted", "delivered", "presented", "compiled", "made",
})

# Prepositions that, right after a document, give its author ("a study by X", "a statement
# from X").
DOCUMENT_AUTHOR_PREPOSITIONS = frozenset({"by", "from"})

# Labels that start a paragraph with a colon but are not a speaker in a transcript.
NON_SPEAKER_LABELS = frozenset({
    "note", "update", "updated", "photo", "photos", "video", "editor", "editors", "related",
    "read", "more", "see", "also", "source", "sources", "correction", "warning", "watch",
    "listen", "image", "images", "caption", "credit", "tags", "topics", "share", "email",
    "advertisement", "contact", "disclaimer", "summary", "background", "analysis", "q", "a",
    "question", "answer", "headline", "subject", "date", "by", "from", "to", "cc", "re",
    # a news page's section and teaser labels (`Top Story: ...`, `LIVE: ...`)
    "story", "stories", "breaking", "live", "exclusive", "opinion", "editorial", "comment",
    "review", "explainer", "factbox", "timeline", "poll", "recap", "highlights", "preview",
    "podcast", "newsletter", "sponsored", "promoted", "trending", "latest",
})

# Words that end the name of a place or a building, never a person's ("Imam Khomeini
# International Airport", "Queen Elizabeth Hospital", "King George Square").
PLACE_NAME_WORDS = frozenset({
    "airport", "station", "street", "road", "avenue", "square", "stadium", "bridge",
    "hospital", "park", "airfield", "terminal", "harbour", "harbor", "highway", "motorway",
    "cathedral", "mosque", "palace", "museum", "gallery", "arena", "boulevard", "prison",
})
