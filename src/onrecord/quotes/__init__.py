"""Quotes stage: direct, reported (indirect and mixed), transcript and headline quotes found per
paragraph, each a `Found` candidate with its cue and speaker token."""
