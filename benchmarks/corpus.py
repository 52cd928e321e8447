"""Generate N news-like documents as JSONL, deterministically from a seed.

Templates and vocabularies are written for this project: people, organisations and places across
politics, business, sport, science, courts and culture; every relation frame kg reads (active,
passive, nominal, agentive, appositive titles, roles, causative, reciprocal runoffs, recusals,
candidacies) in asserted, denied, hypothetical and reported form; and many sentences that hold
no fact at all, as real articles do. Lengths vary from a short brief to a long feature.

    python benchmarks/corpus.py 1000 --seed 7 -o corpus.jsonl
    python benchmarks/corpus.py 100 --length long -o long.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator

FIRST = ["Alma", "Victor", "Nora", "Martin", "Ingrid", "Tomas", "Priya", "Kwame", "Lucia", "Dmitri", "Hana", "Omar",
         "Greta", "Felipe", "Aisha", "Jonas", "Mei", "Rafael", "Sofia", "Tariq", "Elena", "Bruno", "Yuki", "Caleb",
         "Amara", "Henrik", "Leila", "Mateo", "Zofia", "Desmond", "Rosa", "Emeka", "Clara", "Ivan", "Noor", "Pavel"]
LAST = ["Reyes", "Osei", "Lind", "Cole", "Halvorsen", "Novak", "Raman", "Mensah", "Ferreira", "Volkov", "Sato",
        "Haddad", "Brandt", "Castillo", "Bello", "Weber", "Chen", "Moreau", "Rossi", "Karimi", "Petrova", "Almeida",
        "Tanaka", "Whitfield", "Okafor", "Lindqvist", "Nasser", "Duarte", "Kowalski", "Achebe", "Marquez", "Obi",
        "Fischer", "Sokolov", "Rahman", "Dvorak"]
ORGS = ["the Harbor Party", "the Civic Union", "Northwind Energy", "Bellmont Bank", "the Riverside Rovers",
        "the National Science Council", "Quarry Hill University", "the Teachers Federation", "Apex Logistics",
        "the Green Valley Cooperative", "the Metropolitan Orchestra", "the Coastal Alliance", "Silverline Rail"]
PLACES = ["Port Avery", "Eastmoor", "Calder Springs", "New Hollis", "Marlow County", "the Duncan Valley",
          "Fernhill", "Lake Orrin", "Westbridge", "Saint Clement"]
POSITIONS = ["finance minister", "attorney general", "chief executive", "head coach", "campaign manager",
             "health secretary", "chief justice", "board chair", "party leader", "police commissioner"]
TITLES = ["Senator", "Governor", "Mayor", "President", "Judge", "Dr.", "Coach", "Minister"]
MATTERS = ["the bribery inquiry", "the merger review", "the election fraud case", "the stadium contract probe",
           "the pension dispute", "the water rights case"]
OFFICES = ["mayor of {place}", "the Senate seat", "governor", "the party leadership", "a seat on the council"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

FACTS = [
    "{a} endorsed {b} on {day}.",
    "{b} was endorsed by {a} at a rally in {place}.",
    "{a}'s endorsement of {b} surprised party officials.",
    "{title} {a} backed {b} in a statement released late on {day}.",
    "{a} did not endorse {b}, a spokesman said.",
    "{a} could endorse {b} before the primary.",
    "Aides said {a} supports {b}.",
    "{a}, a longtime supporter of {b}, spoke first.",
    "{a} and {b} will face off in a runoff next month.",
    "{a} will face {b} in the second round.",
    "{a} appointed {b} {position} in {month}.",
    "{b} was named {position} by {a}.",
    "{a} fired {b} as {position} after the audit.",
    "{a} forced {b} to resign as {position}.",
    "{title} {b} recused {pronoun} from {matter}.",
    "{a} is running for {office}.",
    "{a}, the {position} of {org}, declined to comment.",
    "{a} works for {org}.",
    "{a} joined {org} last year.",
    "{a} has criticized {b} for months.",
    "{a} opposes {b}, according to two people familiar with the talks.",
    "\"I will not endorse {b},\" {a} said.",
]
FILLER = [
    "The weather in {place} was mild for the season.",
    "Turnout was lower than in the last election.",
    "Officials expect the count to finish by {day}.",
    "The hall was full an hour before the event began.",
    "Prices for fuel rose again this month.",
    "Local businesses reported a busy weekend.",
    "The report runs to more than two hundred pages.",
    "Several roads in {place} were closed for repairs.",
    "Analysts said the outcome remained hard to predict.",
    "The meeting lasted until well after midnight.",
    "A spokesperson for {org} did not respond to a request for comment.",
    "Residents of {place} have raised concerns about the plan.",
    "The committee will meet again in {month}.",
    "Volunteers handed out leaflets near the station.",
    "Shares in {org} closed slightly higher.",
    "The decision follows months of negotiation.",
    "It was the third such meeting this year.",
    "Attendance at the stadium has fallen since the spring.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


# Paragraphs per document (3 to 7 sentences each) for each length: a mix from brief to feature,
# short passages (one paragraph, about 100 words), long articles (about 1,500 to 3,000 words).
PARAGRAPHS = {"mixed": [1, 2, 3, 4, 4, 5, 6, 8, 10, 14], "short": [1], "long": [20, 25, 30, 35, 40]}


def documents(n: int, seed: int = 0, length: str = "mixed") -> Iterator[dict]:
    """``n`` JSONL records ``{"id", "date", "title", "text"}``; the same seed gives the same corpus."""
    rng = random.Random(seed)
    for number in range(n):
        cast = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(2, 5))]
        paragraphs = []
        for _ in range(rng.choice(PARAGRAPHS[length])):
            sentences = []
            for _ in range(rng.randint(3, 7)):
                a, b = rng.sample(cast, 2)
                slots = {
                    "a": a, "b": b, "day": rng.choice(WEEKDAYS), "place": rng.choice(PLACES),
                    "title": rng.choice(TITLES), "position": rng.choice(POSITIONS), "month": rng.choice(MONTHS),
                    "pronoun": rng.choice(["himself", "herself"]), "matter": rng.choice(MATTERS),
                    "office": rng.choice(OFFICES).format(place=rng.choice(PLACES)), "org": rng.choice(ORGS),
                }
                template = rng.choice(FACTS) if rng.random() < 0.3 else rng.choice(FILLER)
                sentence = template.format(**slots)
                sentences.append(sentence[0].upper() + sentence[1:])
            paragraphs.append(" ".join(sentences))
        yield {
            "id": f"gen-{seed}-{number:06d}",
            "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "title": f"{cast[0]} and {cast[1]} in {rng.choice(PLACES)}",
            "text": "\n\n".join(paragraphs) + "\n",
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--length", choices=PARAGRAPHS, default="mixed", help="document lengths (default: mixed)")
    parser.add_argument("-o", "--out", help="JSONL file to write (default: standard output)")
    args = parser.parse_args(argv)
    handle = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    with handle:
        for record in documents(args.n, args.seed, args.length):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
