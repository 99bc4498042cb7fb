"""Every word list the rules read, as plain data, one module per topic; each list is written
once, and a list that differs from another only by a few words is derived from it.

- `speech`: verbs of saying and their forms, the cue classes built on them, statement nouns.
- `people`: honorifics and courtesy titles (with the gender they imply), roles, pronouns.
- `sources`: organisation words and nouns, documents, sub-bodies, groups, non-speaker labels.
- `grammar`: dependency-label and tag groups, function words, quote characters, abbreviations.
- `dates`: weekday and month names, publication-date labels.
- `pages`: web page furniture, menus, mirror-site domains and photo credits.

Modules import a list from its module: `from onrecord.lexicon.speech import SPEECH_FORMS`.

Provenance: written by the team from the evaluation guidelines (what counts as a quote) and from
reading the attribution verbs in the BBC development articles and PolNeAR's train split (its
test split is never read); not fitted to one article.
"""
