-- onrecord corpus store (DuckDB). One writer process; see docs/corpus.md.
-- Schema version 1. Dates are ISO strings ('YYYY-MM-DD'), offsets are character offsets
-- into articles.text.

CREATE TABLE IF NOT EXISTS store_meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

-- One row per distinct article; id is a hash of the input content (text or html).
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    source_id VARCHAR,          -- the caller's id (JSONL "id", file name...)
    source VARCHAR,             -- the input file it came from
    title VARCHAR,
    url VARCHAR,
    outlet VARCHAR,
    published VARCHAR,
    text VARCHAR,               -- the text every offset points into (after repairs)
    record JSON,                -- Article.to_dict() without "text"
    n_quotes INTEGER,
    minhash BLOB,               -- MinHash signature (uint32 little-endian), for near-duplicates
    added_at TIMESTAMP DEFAULT current_timestamp
);

-- Every input record, as a sighting of the article (or error record) its content keys to:
-- an exact copy under another id, url, outlet or date is one article with two sightings.
CREATE TABLE IF NOT EXISTS sightings (
    id VARCHAR PRIMARY KEY,     -- hash of where it was read (file, position) and what it says
    article_id VARCHAR,         -- articles.id (or errors.id for a record that failed)
    source VARCHAR,             -- the input file
    pos BIGINT,                 -- the record's position in that file (0, 1, ...)
    source_id VARCHAR,          -- the caller's id
    url VARCHAR,
    outlet VARCHAR,
    published VARCHAR,
    read_at TIMESTAMP DEFAULT current_timestamp
);
CREATE INDEX IF NOT EXISTS sightings_article ON sightings (article_id);
CREATE INDEX IF NOT EXISTS sightings_source_id ON sightings (source_id);

-- Near-duplicate groups: one row per copy, pointing at its group's canonical article.
-- An article that is not in this table is canonical (its own group).
CREATE TABLE IF NOT EXISTS duplicates (
    article_id VARCHAR PRIMARY KEY,
    canonical_id VARCHAR,
    similarity DOUBLE           -- estimated Jaccard similarity with the matched article
);
-- a group's members (Store.article, a group merge's UPDATE): one indexed lookup
CREATE INDEX IF NOT EXISTS duplicates_canonical ON duplicates (canonical_id);

-- People, organisations and sources, resolved across articles.
CREATE TABLE IF NOT EXISTS speakers (
    id INTEGER,
    name VARCHAR,               -- display form (first full form seen)
    key VARCHAR,                -- folded name: lower case, no accents, no honorifics
    kind VARCHAR,               -- person | organization | source
    titles VARCHAR[],
    aliases VARCHAR[],          -- every other form seen
    forms VARCHAR[],            -- key and aliases folded, for name lookups
    merged_into INTEGER         -- set when this speaker turned out to be another one
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR,
    idx INTEGER,                -- position in the article's quote list
    kind VARCHAR,               -- direct | mixed | indirect
    text VARCHAR,
    "start" INTEGER,
    "end" INTEGER,
    speaker_id INTEGER,         -- speakers.id, null when the article gives no source
    speaker_name VARCHAR,       -- the name as the article gives it
    speaker_ref VARCHAR,        -- the entity id inside the article (p1...)
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue VARCHAR,
    cue_start INTEGER,
    cue_end INTEGER,
    addressee VARCHAR,
    date VARCHAR,
    confidence DOUBLE
);

-- Every mention of an entity in an article, linked to its cross-article speaker.
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR,
    entity_id VARCHAR,
    speaker_id INTEGER,
    name VARCHAR,
    kind VARCHAR,
    "start" INTEGER,
    "end" INTEGER
);

CREATE TABLE IF NOT EXISTS repairs (
    article_id VARCHAR,
    idx INTEGER,
    kind VARCHAR,
    "start" INTEGER,
    "end" INTEGER,
    before VARCHAR,
    after VARCHAR
);

-- Input records that failed; id is the content hash (or a hash of source, id and error).
CREATE TABLE IF NOT EXISTS errors (
    id VARCHAR PRIMARY KEY,
    source_id VARCHAR,
    source VARCHAR,
    error VARCHAR,
    added_at TIMESTAMP DEFAULT current_timestamp
);

-- Each speaker's quotes (canonical articles only), articles and statements, as counted when
-- store_meta's speaker_counts_batch was the store's batch (written at the end of each run;
-- `speakers` reads it while no batch came after, else it counts from quotes).
CREATE TABLE IF NOT EXISTS speaker_counts (
    speaker_id INTEGER PRIMARY KEY,
    quotes BIGINT,
    articles BIGINT,
    statements BIGINT
);
