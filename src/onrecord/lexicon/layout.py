"""Words of article layouts around quotes: sentence openers that are no speaker's name, lead-ins
before a colon that name no speaker, and the words of embedded social-media posts."""
from __future__ import annotations

# Capitalised words that open a sentence and are no name, so `." While some critics say ...`
# after a quote is a new sentence, not the quote's attribution (`." Trump said of ...`).
SENTENCE_OPENERS = frozenset({
    "While", "When", "Whereas", "Although", "Though", "As", "After", "Before", "Since", "If",
    "Because", "Unless", "Until", "But", "And", "Yet", "So", "Or", "Still", "However",
    "Meanwhile", "Then", "Now", "In", "On", "At", "For", "With", "By",
})

# Words whose `’s` before a quotation mark is "is" (`it’s “a disaster”`), not a possessive.
CONTRACTED_IS = frozenset({
    "it", "that", "what", "here", "there", "he", "she", "who", "where", "this", "let", "how",
    "everyone", "everything", "nobody", "nothing", "someone", "something", "one",
})

# Endings of nouns for someone who does something (supporter, columnist, politician, resident):
# such a noun can be a source before a colon (`The columnist went so far as to say: "..."`).
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")

# Nouns for words written or spoken that can stand as the source before a colon (`The piece
# used her words as its headline: "..."`, `Clinton's response was: "..."`), beside the
# lexicon's documents.
WORDS_NOUNS = frozenset({
    "piece", "article", "headline", "finding", "column", "editorial", "story", "book", "essay",
    "passage", "excerpt", "speech", "remarks", "message", "answer", "reply", "response", "words",
    "quote", "comment", "footnote", "voice", "caption", "note",
})
