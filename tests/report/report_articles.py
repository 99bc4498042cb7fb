"""Team-written articles for the report tests: two outlets, two months, a topic field and a
URL section, a near-duplicate copy and the same words quoted in two articles."""
from __future__ import annotations

FERRY = (
    "Harbour ferry to run all winter\n\n"
    "Ms. Jane Okafor, the transport minister, said the harbour ferry would run every day of "
    "the winter for the first time.\n\n"
    "\"We listened to the people who cross this harbour every morning,\" Okafor said.\n\n"
    "Mr. Tom Reyes, who owns a cafe by the pier, said trade had fallen by a third since the "
    "boats stopped last year.\n\n"
    "A police spokesperson said the pier road would close on Saturday for the first sailing.\n")

CLINIC = (
    "Night clinic opens in Dunmore\n\n"
    "Dr. Sarah Lund, a professor of nursing at the University of Dunmore, said the clinic "
    "would take patients until midnight.\n\n"
    "\"Nothing is settled about the weekend hours,\" said Robin Achebe, who chairs the "
    "patients' group.\n\n"
    "According to a statement from the health board, twelve nurses will be hired.\n")

MARKET = (
    "Market traders win rent freeze\n\n"
    "Casey Quinlan, who has sold fish at the market for thirty years, said she would stay "
    "now that the rent was frozen.\n\n"
    "\"We listened to the people who cross this harbour every morning,\" Okafor said, "
    "repeating her words from the ferry launch.\n\n"
    "Ms. Jane Okafor, the transport minister, said the market hall would be repaired.\n")

RECORDS = [
    {"id": "ferry", "text": FERRY, "published": "2019-01-14", "outlet": "Harbour Times",
     "category": "Transport"},
    {"id": "clinic", "text": CLINIC, "published": "2019-02-03", "outlet": "Dunmore Post",
     "url": "https://dunmore.example/health/night-clinic-opens"},
    {"id": "market", "text": MARKET, "published": "2019-02-20", "outlet": "Dunmore Post",
     "url": "https://dunmore.example/business/market-rent"},
    # a near-duplicate of the ferry story on another site: counted once
    {"id": "ferry-copy", "text": FERRY.replace("every day of the winter",
                                               "every single day of the winter")
     + "\nCopyright Coast Wire.\n", "published": "2019-01-15", "outlet": "Coast Wire"},
]
