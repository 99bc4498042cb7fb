"""Dates: the publication date (prepare stage) and each statement's date (dates stage)."""
