"""Cross-document entity resolution (the IRIs an entity gets are minted by :mod:`kg.iris`).

One entity per real-world thing across documents: the same type and name (compared by
:func:`~kg.names.name_key`: case, accents, middle initials and "Jr." do not matter) is the same
entity; so is a person's name with a familiar first name ("Bill Daley" and "William Daley",
:func:`~kg.names.same_first_name`) or without the middle names another form gives ("Ravi Puri",
"Ravi Kumar Puri") when exactly one known person fits. A one-word name
("Sessions", or "Le Pen" with its particle) joins the one known person whose surname it is, whatever type one document's model
gave it (a person stays a person), unless it names an organisation ("Party"); a lone first name
joins nobody across documents ("Francis" is not every Francis). Two known people who share the
surname make it ambiguous, and then it stays its own entity: we never merge people the text
distinguishes. A full name one document typed as an organisation or a thing ("Donald Trump",
mistyped by the model) is the person of that name when another document knows one, unless an
organisation word is in it ("Penguin Random House").

Resolution does not depend on the order documents come in: a one-word name read before any full
name it could join stays its own entity until :meth:`Resolver.settle`, which joins it to the one
person it names once every document is read (``kg build`` calls it at the end and merges the
nodes in the store); so is a person's name that is a place's or an organisation's in another
document ("Bavaria" tagged a person once) and no known person's surname. Every look-up goes
through an index by word, so the cost grows with the number of names, never with its square.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from kg.aliases import Aliases, apply
from kg.iris import entity_iri
from kg.model import Entity, Fact
from kg.names import ends_with, given_named, name_key, name_words, personal_shape, same_first_name, surname_only
from kg.ontology import organization_words

_SURNAME_TYPES = {"Person", "Thing", "Organization", "Place"}

Key = tuple[str, str]


def _label_rank(name: str) -> tuple[int, bool, int, str]:
    """How full and faithful a spelling of a name is (:meth:`Resolver.relabel`)."""
    return len(name_words(name)), not name.isascii(), len(name), name


class Resolver:
    """Maps per-document entities onto corpus-wide ones, accumulating aliases."""

    def __init__(self, aliases: Aliases | None = None) -> None:
        """``aliases`` (``kg build --aliases``) rename and retype entities before anything else."""
        self._aliases = aliases
        self._alias_types: dict[str, str] = {}
        self._canon: dict[Key, Entity] = {}
        self._alias: dict[Key, Key] = {}  # every key seen -> the key it joined (itself if its own)
        self._by_last: dict[str, set[Key]] = {}  # the surname of a person's full name -> people
        self._lone: set[Key] = set()  # one-word names and maybe-mistyped full names left their own, for settle()
        self._uses: Counter[Key] = Counter()  # how often each key was read: the weight of its type
        self._namesakes: set[Key] = set()  # people whose name may be a place's or an organisation's ("Bavaria"), for settle()

    def __len__(self) -> int:
        return len(self._canon)

    def entities(self) -> list[Entity]:
        return sorted(self._canon.values(), key=lambda e: (e.type, e.label))

    @staticmethod
    def _key(entity: Entity) -> Key:
        return (entity.type, name_key(entity.label) + (f"\x1f{entity.scope}" if entity.scope else ""))

    def _find(self, key: Key) -> Key:
        """The key ``key`` joined, following joins that :meth:`settle` made later."""
        seen = 0
        while (target := self._alias.get(key, key)) != key and seen <= len(self._alias):
            key, seen = target, seen + 1
        return key

    def canonical(self, entity: Entity) -> Entity:
        if self._aliases:
            entity = apply(self._aliases, entity, self._alias_types)
        key = self._key(entity)
        self._uses[key] += 1
        target = self._find(key) if key in self._alias else (
            self._by_surname(entity) or self._namesake(entity) or self._person_named(entity))
        if target is None:
            target = key
            self._canon[key] = entity
            self._index(key, entity)
        known = self._join(target, entity)
        self._alias[key] = target
        return known

    def _join(self, target: Key, entity: Entity) -> Entity:
        """The entity of ``target`` with ``entity``'s names among its aliases."""
        known = self._canon[target]
        new_aliases = entity.aliases | ({entity.label} - {known.label})
        if not new_aliases <= known.aliases:
            known = replace(known, aliases=known.aliases | new_aliases)
            self._canon[target] = known
        return known

    def _index(self, key: Key, entity: Entity) -> None:
        words = name_words(entity.label)
        if entity.type == "Person" and not given_named(entity.label.split()):
            self._namesakes.add(key)
        if entity.type == "Person" and len(words) > 1 and not surname_only(entity.label):
            self._by_last.setdefault(words[-1], set()).add(key)
        elif self._lone_name(entity) or self._maybe_person(entity):
            self._lone.add(key)

    @staticmethod
    def _lone_name(entity: Entity) -> bool:
        return (entity.type in _SURNAME_TYPES and not entity.scope and surname_only(entity.label)
                and name_key(entity.label) not in organization_words())

    def _by_surname(self, entity: Entity) -> Key | None:
        """The one known person whose surname the one-word name ``entity`` is (or particles and one
        word: "Le Pen")."""
        if not self._lone_name(entity):
            return None
        keys = {key for key in self._by_last.get(name_words(entity.label)[-1], set())
                if ends_with(self._canon[self._find(key)].label, entity.label)}
        return self._find(next(iter(keys))) if len(keys) == 1 else None

    @staticmethod
    def _maybe_person(entity: Entity) -> bool:
        """A full name one document's model typed as an organisation or thing ("Donald Trump" as
        an organisation), shaped like a person's (:func:`~kg.names.personal_shape`: "Penguin
        Random House" keeps its type)."""
        words = name_words(entity.label)
        return (entity.type in ("Organization", "Thing") and not entity.scope and len(words) > 1
                and not any(word in organization_words() for word in words) and personal_shape(entity.label.split()))

    def _person_named(self, entity: Entity) -> Key | None:
        """The known person of exactly ``entity``'s name when ``entity`` may be a mistyped person:
        a person stays a person."""
        if not self._maybe_person(entity):
            return None
        key = ("Person", name_key(entity.label))
        return self._find(key) if key in self._alias else None

    def _namesake(self, entity: Entity) -> Key | None:
        """The one known person whose name is ``entity``'s but for a familiar first name ("Bill
        Daley" for "William Daley") or middle names one form leaves out ("Ravi Puri" for "Ravi
        Kumar Puri"); middle names, where both give one, must agree, with every form of the known
        person's name."""
        words = name_words(entity.label)
        if entity.type != "Person" or len(words) < 2 or surname_only(entity.label):
            return None
        found: set[Key] = set()
        for key in self._by_last.get(words[-1], ()):
            known = self._canon[self._find(key)]
            other = name_words(known.label)
            if other == words or not same_first_name(other[0], words[0]):
                continue
            forms = [name_words(form) for form in (known.label, *known.aliases)]
            if any(len(form) > 2 and len(words) > 2 and form[-1] == words[-1] and form[1:-1] != words[1:-1]
                   for form in forms):
                continue
            found.add(self._find(key))
            if len(found) > 1:
                return None
        return next(iter(found), None)

    def settle(self) -> list[tuple[Entity, Entity]]:
        """Join every one-word name still its own entity to the one person it now names (read
        before that person's full name), and every full name typed as an organisation or thing
        to the person of that name read after it; ``(old, new)`` for each join, in a stable order."""
        joined: list[tuple[Entity, Entity]] = []
        for key in sorted(self._lone):
            if self._find(key) != key:
                continue
            old = self._canon[key]
            target = self._by_surname(old) or self._person_named(old)
            if target is None or target == key:
                continue
            del self._canon[key]
            self._alias[key] = target
            joined.append((old, self._join(target, old)))
        self._lone = {key for key in self._lone if self._find(key) == key}
        for key in sorted(self._namesakes):
            target = self._not_a_person(key)
            if target is not None:
                old = self._canon.pop(key)
                self._alias[key] = target
                joined.append((old, self._join(target, old)))
        self._namesakes = {key for key in self._namesakes if self._find(key) == key}
        return joined

    def relabel(self) -> list[tuple[Entity, Entity]]:
        """Give every person the fullest clean form of their names as label (most words, then the
        accented spelling, then the longest, then the last in alphabetical order: "Luis Ortega Ruiz" over "Luis
        Ruiz" and "Ortega", "José" over "Jose"), whichever document named them first; ``(old,
        new)`` for each person relabelled, in a stable order. A name an alias file gives stays."""
        changed: list[tuple[Entity, Entity]] = []
        for key in sorted(self._canon):
            entity = self._canon[key]
            if entity.type != "Person" or entity.scope or not entity.aliases or (
                    self._aliases and self._aliases.get(entity.label) is not None):
                continue
            forms = [form for form in (entity.label, *entity.aliases) if personal_shape(form.split())]
            best = max(forms, key=_label_rank, default=entity.label)
            if best != entity.label and entity_iri(replace(entity, label=best)) != entity_iri(entity):
                new = replace(entity, label=best, aliases=(entity.aliases | {entity.label}) - {best})
                self._canon[key] = new
                changed.append((entity, new))
        return changed

    def _not_a_person(self, key: Key) -> Key | None:
        """The place or organisation of exactly the name of the person ``key`` when one is known,
        read more often than the person (as often, for a name of several words no person's could be),
        and the name is no known person's surname nor has a given name first: the model tagged a
        place or an outlet a person once ("Bavaria's premier")."""
        if self._find(key) != key:
            return None
        person = self._canon[key]
        if any(given_named(alias.split()) for alias in person.aliases) or key[1] in self._by_last:
            return None
        for kind in ("Place", "Organization"):
            other = (kind, key[1])
            # a name of several words no person's could be ("Penguin Random House") goes on a tie too
            more = self._uses[other] > self._uses[key] or (
                self._uses[other] == self._uses[key] and " " in key[1] and not personal_shape(person.label.split()))
            if other in self._alias and more and self._find(other) in self._canon and self._find(other) != key:
                return self._find(other)
        return None

    def fact(self, fact: Fact) -> Fact:
        """``fact`` with every entity replaced by its canonical form."""

        def canon(e: Entity | None) -> Entity | None:
            return self.canonical(e) if e is not None else None

        return replace(
            fact,
            subject=canon(fact.subject),
            object=canon(fact.object),
            position=canon(fact.position),
            organization=canon(fact.organization),
            evidence=replace(fact.evidence, speaker=canon(fact.evidence.speaker)),
        )
