"""Datelines with a title-case place and a weekday give the publication date."""
import pytest

from onrecord.dates.published import find_published


@pytest.mark.parametrize("text, expected", [
    ("Harbour City, Tuesday, March 3, 2026 — The minister said the line would open.", "2026-03-03"),
    ("Harbour City, March 3, 2026 — The minister said the line would open.", "2026-03-03"),
    ("The vote on March 3, 2026 — a Tuesday — was close.", None),
])
def test_title_case_datelines(text, expected):
    assert find_published(text) == expected
