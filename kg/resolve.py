"""Cross-document entity resolution (the IRIs an entity gets are minted by :mod:`kg.iris`).

One entity per real-world thing across documents: the same type and name (compared by
:func:`~kg.names.name_key`: case, accents, middle initials and "Jr." do not matter) is the same
entity, and a one-word name ("Sessions") joins the one known person whose full name starts or ends
with it, whatever type one document's model gave it (a person stays a person), unless it names an
organisation ("Party"). Two known people who share that word make it ambiguous, and then it stays
its own entity: we never merge people the text distinguishes.
"""

from __future__ import annotations

from dataclasses import replace

from kg.aliases import Aliases, apply
from kg.model import Entity, Fact
from kg.names import name_key, name_words
from kg.ontology import organization_words

_SURNAME_TYPES = {"Person", "Thing", "Organization", "Place"}


class Resolver:
    """Maps per-document entities onto corpus-wide ones, accumulating aliases."""

    def __init__(self, aliases: Aliases | None = None) -> None:
        """``aliases`` (``kg build --aliases``) rename and retype entities before anything else."""
        self._aliases = aliases
        self._alias_types: dict[str, str] = {}
        self._canon: dict[tuple[str, str], Entity] = {}
        self._alias: dict[tuple[str, str], tuple[str, str]] = {}
        self._by_word: dict[str, set[tuple[str, str]]] = {}

    def __len__(self) -> int:
        return len(self._canon)

    def entities(self) -> list[Entity]:
        return sorted(self._canon.values(), key=lambda e: (e.type, e.label))

    def canonical(self, entity: Entity) -> Entity:
        if self._aliases:
            entity = apply(self._aliases, entity, self._alias_types)
        key = (entity.type, name_key(entity.label))
        target = self._alias.get(key) or self._by_surname(entity)
        if target is None:
            target = key
            self._canon[key] = entity
            words = name_words(entity.label)
            if entity.type == "Person" and len(words) > 1:
                for word in {words[0], words[-1]}:
                    self._by_word.setdefault(word, set()).add(key)
        known = self._canon[target]
        new_aliases = entity.aliases | ({entity.label} - {known.label})
        if not new_aliases <= known.aliases:
            known = replace(known, aliases=known.aliases | new_aliases)
            self._canon[target] = known
        self._alias[key] = target
        return known

    def _by_surname(self, entity: Entity) -> tuple[str, str] | None:
        if (entity.type not in _SURNAME_TYPES or len(name_words(entity.label)) != 1
                or name_key(entity.label) in organization_words()):
            return None
        keys = self._by_word.get(name_key(entity.label), set())
        return next(iter(keys)) if len(keys) == 1 else None

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
