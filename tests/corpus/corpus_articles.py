"""Small articles written for the corpus tests, and mirrors made by corrupting them."""
from __future__ import annotations

import json
import random
from pathlib import Path

STORIES = [
    ("Ferry line to open early",
     "Harbour City - Transport Minister Alicia Moreno said on Tuesday that the new ferry line "
     "will open in June, two months ahead of schedule. \"We listened to the people who cross "
     "this harbour every morning, and they told us the old boats were not good enough,\" "
     "Moreno told reporters at the terminal. Ferry workers' union leader Tomas Okafor said the "
     "timetable was rushed and warned that crews had not been trained on the new vessels. "
     "\"Nobody has asked the people who will actually sail these boats,\" he said. The port "
     "authority confirmed that the first two vessels arrived last week from the shipyard."),
    ("Library budget cut sparks protest",
     "Dozens of parents gathered outside the central library on Saturday to protest a plan to "
     "cut its opening hours by a third. \"Children in this neighbourhood have nowhere else to "
     "do their homework,\" said Priya Nair, who organised the rally. Councillor Derek Hollis "
     "defended the cut, saying the city faced a shortfall of four million dollars. \"Every "
     "department is being asked to find savings, and the library is no exception,\" Hollis "
     "said in a statement. The council will vote on the budget at the end of the month."),
    ("Drought forces water limits on farms",
     "Farmers in the northern valley will face strict limits on irrigation this summer after "
     "the driest spring on record, the regional water board announced. Board chair Miriam "
     "Castellanos said reservoirs stood at less than half their usual level. \"We have no "
     "choice but to share the pain across every user,\" Castellanos said. Grain grower Sam "
     "Whitfield said the rules would cost his family most of its wheat harvest. \"You cannot "
     "grow a crop on promises,\" Whitfield said, standing in a dusty field near his barn."),
    ("Hospital opens new cancer ward",
     "St Brigid's Hospital opened a cancer ward with forty beds on Monday, ending years of "
     "patients travelling to the capital for radiotherapy. Chief executive Laura Benedetti "
     "called it the biggest change to care in the region for a generation. \"No one should "
     "have to drive three hours for treatment,\" Benedetti said. Nurse Gabriel Osei, who has "
     "worked at the hospital for twelve years, said staff had waited a long time. \"Today "
     "feels like the whole town won something,\" Osei told the local radio station."),
    ("Chess prodigy wins national title",
     "Thirteen-year-old Nadia Petrenko became the youngest national chess champion in history "
     "on Sunday, beating a grandmaster three times her age in the final round. \"I was "
     "nervous until the middle game, then I just saw the attack,\" Petrenko said after the "
     "match. Her coach, Viktor Hale, said she studies openings for four hours a day after "
     "school. \"She is the hardest worker I have ever taught,\" Hale said. Petrenko will "
     "represent the country at the world youth championship in Prague this autumn."),
]

BOILERPLATE = [
    "Subscribe to our newsletter for the latest headlines. Share this article on social media.",
    "RELATED IMAGES view larger image. Advertisement. Continue reading below.",
    "Copyright 2026 Example Media Group. All rights reserved. Terms of use. Privacy policy.",
]


def story_text(i: int) -> str:
    """Headline and body of hand-written story `i`."""
    title, body = STORIES[i]
    return f"{title}\n\n{body}\n"


def mirror(text: str, seed: int, noise: float = 0.05) -> str:
    """A scraped copy: some words corrupted, site boilerplate added, the headline changed."""
    rnd = random.Random(seed)
    lines = text.split("\n")
    lines[0] = f"{lines[0]} | {rnd.choice(['News24', 'Daily Wire Feed', 'Metro Online'])}"
    body = "\n".join(lines)
    words = body.split(" ")
    for k in range(len(words)):
        if rnd.random() < noise and len(words[k]) > 3:
            w = words[k]
            j = rnd.randrange(1, len(w) - 1)
            words[k] = w[:j] + rnd.choice("xqzkv") + w[j + 1:]  # a typo or watermark splice
    return (rnd.choice(BOILERPLATE) + "\n" + " ".join(words) + "\n"
            + rnd.choice(BOILERPLATE) + "\n")


def bulk_records(n: int) -> list[dict[str, str]]:
    """`n` distinct JSONL records built from the stories (a numbered local edition of each)."""
    towns = ["Ashford", "Brookvale", "Carrow", "Dunmere", "Elston", "Fairhaven", "Glenrock"]
    out = []
    for k in range(n):
        i = k % len(STORIES)
        town = towns[k % len(towns)]
        text = (f"{town} edition {k}\n\n{STORIES[i][1]} Local reporter {k} in {town} "
                f"contributed to this story.\n")
        out.append({"id": f"r{k}", "text": text, "published": f"2026-0{1 + k % 9}-1{k % 10}"})
    return out


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
