"""Long articles written for these tests: many paragraphs, quotes, people and dates."""
from __future__ import annotations

FIRST = ["Alicia", "Tomas", "Priya", "Derek", "Miriam", "Sam", "Laura", "Gabriel", "Nadia", "Jonas"]
LAST = ["Moreno", "Okafor", "Nair", "Hollis", "Castellanos", "Whitfield", "Benedetti", "Osei",
        "Petrenko", "Berg", "Ferreira", "Singh", "Achebe", "Lindqvist", "Tanaka", "Dubois"]


def paragraph(i: int) -> str:
    who = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}{'' if i < 160 else i // 160}"
    last = who.split()[-1]
    day = ["Monday", "Tuesday", "Friday"][i % 3]
    return (f"Council member {who} said on {day} that plan number {i} would cost "
            f"{i % 90 + 10} million dollars. \"We cannot wait for Jan. {i % 28 + 1} to decide "
            f"this, and the U.S. example shows why,\" {last} told reporters. Mr. {last} added "
            f"that the vote was close. According to {who}, the harbour works would start soon.")


def long_article(chars: int) -> str:
    """Paragraphs of `paragraph` until `chars` characters."""
    out, total, i = [], 0, 0
    while total < chars:
        p = paragraph(i)
        out.append(p)
        total += len(p) + 2
        i += 1
    return "\n\n".join(out)
