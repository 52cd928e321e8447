"""Identity figures on a gold file: one person, one node, typed as a person; no junk entities.

The people a gold file names are those in person slots: the candidate a fact endorses, the
appointee, both runoff rivals and the person who recuses (an endorsed party is no person). The
passages are resolved together as ``kg build`` resolves documents, and for each person named in a
passage the report finds the passage's nodes that name them (the same name, or one name's words
ending the other's: "Holder" and "Eric H. Holder Jr." both name "Eric Holder"):

* **split**: more than one node names the person;
* **mistyped**: a node that names the person is not typed ``Person``;
* **missing**: no node names the person (a recall problem, not an identity one).

**Junk** entities are nodes no reader would make (by rule): a weekday, month or party-state code
("D-Ala."); a person whose name has a word in capitals ("MONTGOMERY", a dateline) or begins or
ends with a title or descriptor ("Speaker Ana Ruiz", "Deputy Atty"; a surname such as "Justice"
or "Sen" is not one); a person named by an organisation word ("Cabinet", "Party"), a plural party word
("Democrats", "Christian Democrats"), a possessive ("Emily's List") or a word of a place's or an
event's name that is rarely a surname ("Harris County Clerk", "Primary Runoff Election").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.evaluate import Passage, name_tokens, normalize
from kg.extraction.entities import descriptor_words, never_a_name
from kg.model import Entity, Extraction
from kg.names import PARTY_PLURALS, PLACE_WORDS
from kg.ontology import honorifics, organization_words, position_words
from kg.resolve import Resolver

PERSON_SLOTS = {"endorses": ("object",), "appointed": ("object",), "recused_from": ("subject",),
                "faces_in_runoff": ("subject", "object")}
_CAPITALS = re.compile(r"\b[A-Z]{4,}\b")
_ABBREVIATED_TITLES = {"atty", "gen", "sen", "rep", "gov", "lt", "sgt", "supt"}


@dataclass(frozen=True)
class Named:
    """A person a gold passage names, and the nodes that name them there."""

    passage: str
    name: str
    nodes: tuple[Entity, ...]

    def describe(self) -> str:
        nodes = ", ".join(f"{e.label} ({e.type})" for e in self.nodes) or "no node"
        return f"{self.passage}: {self.name} -> {nodes}"


@dataclass
class IdentityReport:
    people: list[Named] = field(default_factory=list)
    junk: list[Entity] = field(default_factory=list)
    entities: int = 0

    @property
    def split(self) -> list[Named]:
        return [p for p in self.people if len(p.nodes) > 1]

    @property
    def mistyped(self) -> list[Named]:
        return [p for p in self.people if any(e.type != "Person" for e in p.nodes)]

    @property
    def missing(self) -> list[Named]:
        return [p for p in self.people if not p.nodes]

    def to_dict(self) -> dict[str, Any]:
        return {
            "people": len(self.people), "split": [p.describe() for p in self.split],
            "mistyped": [p.describe() for p in self.mistyped], "missing": len(self.missing),
            "entities": self.entities, "junk": [f"{e.label} ({e.type})" for e in self.junk],
        }

    def format(self, show: bool = False) -> str:
        lines = [
            f"people named in gold facts: {len(self.people)}",
            f"  split over several nodes: {len(self.split)}",
            f"  not typed as a person:    {len(self.mistyped)}",
            f"  without any node:         {len(self.missing)}",
            f"entities: {self.entities}, junk: {len(self.junk)}",
        ]
        if self.junk and not show:
            lines.append("  " + ", ".join(sorted(f"{e.label} ({e.type})" for e in self.junk)))
        if show:
            lines += ["", "split:"] + [f"  {p.describe()}" for p in self.split]
            lines += ["mistyped:"] + [f"  {p.describe()}" for p in self.mistyped]
            lines += ["junk:"] + [f"  {e.label} ({e.type})" for e in sorted(self.junk, key=lambda e: (e.label, e.type))]
        return "\n".join(lines)


def gold_people(passage: Passage) -> list[str]:
    """The names in the passage's person slots, each once, in order."""
    names: dict[str, str] = {}
    for triple in passage.triples:
        for slot in PERSON_SLOTS.get(triple.relation, ()):
            name = getattr(triple, slot)
            if not set(normalize(name).split()) & organization_words():
                names.setdefault(normalize(name), name)
    return list(names.values())


def names(gold: str, entity: Entity) -> bool:
    """Does ``entity`` (by label or alias) name the person ``gold``? Equal names, or the words of
    one ending the other's."""
    wanted = name_tokens(gold, hyphens=True)
    for form in (entity.label, *entity.aliases):
        other = name_tokens(form, hyphens=True)
        short, long = sorted((wanted, other), key=len)
        if short and long[len(long) - len(short):] == short:
            return True
    return False


def is_junk(entity: Entity) -> bool:
    """A node no reader would make (see the module docstring)."""
    if entity.type in ("Position", "Election", "Matter"):
        return False
    if never_a_name(entity.label):
        return True
    if entity.type != "Person":
        return False
    words = [w.rstrip(".") for w in normalize(entity.label).split()]
    leading = honorifics() | position_words() | descriptor_words()
    # an abbreviated title ends a name only with its full stop: "Ana Ruiz Gen." (but "Amal Sen", a surname)
    trailing = descriptor_words() | (_ABBREVIATED_TITLES if entity.label.endswith(".") else frozenset())
    return (bool(_CAPITALS.search(entity.label)) or words[0] in leading or words[-1] in trailing
            or any(w in organization_words() for w in words) or words[-1] in PARTY_PLURALS
            or any(w.endswith(("'s", "’s")) for w in entity.label.casefold().split())
            or any(w in PLACE_WORDS for w in words[1:]) or (len(words) == 1 and words[0] in PLACE_WORDS))


def identity_report(results: Iterable[tuple[Passage, Extraction]]) -> IdentityReport:
    """Resolve the passages' entities together and check every gold person's nodes."""
    resolver = Resolver()
    report = IdentityReport()
    resolved: list[tuple[Passage, Sequence[Entity]]] = []
    for passage, extraction in results:
        canon = {resolver.canonical(e) for e in extraction.entities}
        canon |= {resolver.canonical(e) for f in extraction.facts for e in (f.subject, f.object)}
        resolved.append((passage, list(canon)))
    resolver.settle()  # as kg build does once every document is read
    resolver.relabel()
    final = {e.key: e for e in resolver.entities()}
    for passage, entities in resolved:
        nodes = {final.get(resolver.canonical(e).key, e) for e in entities}
        for name in gold_people(passage):
            found = tuple(sorted((e for e in nodes if names(name, e)), key=lambda e: (e.type, e.label)))
            report.people.append(Named(passage.id, name, found))
    report.entities = len(final)
    report.junk = [e for e in final.values() if is_junk(e)]
    return report
