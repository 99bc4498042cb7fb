"""Speakers stage: the article's cast of people and organisations, and each quote's speaker
mention resolved to one of them."""
