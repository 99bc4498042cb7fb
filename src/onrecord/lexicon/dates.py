"""Calendar words: weekday and month names, and the labels of a publication date."""
from __future__ import annotations

# Weekday names, Monday first (a weekday's index is its `date.weekday()`).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# The first three letters of each month's name -> its number.
MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "oct": 10, "nov": 11, "dec": 12}

# Labels before the date a page states for itself ("Published: ...", "Last updated ..."), in
# the order of the pattern built from them.
PUBLICATION_LABELS = ("published", "posted", "updated", "last updated", "first published", "date")
