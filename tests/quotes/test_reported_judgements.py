"""Judgements of amount and hints (`estimated`, `signaled`) are no statements: they report a
calculation or a hint, not words anyone said; a forecast and the verbs of saying beside them are."""
from __future__ import annotations

import onrecord

ARTICLE = (
    "The harbour authority estimated the new ferry terminal would cost $48 million by 2029.\n\n"
    "A report from the budget office estimates the terminal will add only 0.2 per cent to the "
    "region's growth.\n\n"
    "The central bank has signaled interest rates could stay high through the spring.\n\n"
    "The port authority forecast that freight traffic would fall by a tenth next year.\n\n"
    "Mayor Ilse Varga said the terminal was still the right choice for the town.\n"
)


def test_judgements_are_not_quotes():
    texts = [q.text for q in onrecord.extract(ARTICLE).quotes]
    assert texts == ["freight traffic would fall by a tenth next year",
                     "the terminal was still the right choice for the town"], texts
