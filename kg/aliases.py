"""User-given identities: "these names are one entity", "this name is an organisation".

``kg build --aliases FILE`` reads one of two forms.

A TSV file (any suffix but ``.ttl``), one entity a line: the name it is to have, then the other
names the texts use for it, separated by tabs. A type in parentheses after the first name sets the
entity's type; a line of one typed name only retypes it. Blank lines and ``#`` comments are
skipped::

    Luiz Inácio Lula da Silva (Person)<TAB>Lula<TAB>Inacio Lula
    Eric Holder<TAB>Eric H. Holder Jr.
    NRSC (Organization)

A Turtle file (``.ttl``): each resource with an ``rdfs:label`` (or ``skos:prefLabel``) is one
entity; its ``skos:altLabel`` values and the labels of the resources it is ``owl:sameAs`` are its
other names; an ``rdf:type`` in the kg ontology (``kg:Person``) sets its type.

Names are compared by :func:`~kg.names.name_key` (case, accents and suffixes do not matter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph

from kg.errors import BAD_REQUEST, KgError
from kg.model import ENTITY_TYPES, Entity
from kg.names import name_key
from kg.ontology import KG

_TYPED = re.compile(r"(.+?)\s*\((\w+)\)\s*")
_TYPES = {t.casefold(): t for t in ENTITY_TYPES}


class AliasError(KgError, ValueError):
    """An alias file cannot be read (the message names the file and line)."""

    code = "E202"
    exit_status = BAD_REQUEST


@dataclass(frozen=True)
class Alias:
    """What a name is to become: ``label``, and ``type`` if the file gives one."""

    label: str
    type: str | None = None


class Aliases:
    """Names mapped onto the entities a user wants them to be."""

    def __init__(self, entries: dict[str, Alias] | None = None) -> None:
        self.entries = dict(entries or {})

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, label: str, names: list[str], type_: str | None) -> None:
        alias = Alias(label, type_)
        for name in [label, *names]:
            self.entries[name_key(name)] = alias

    def get(self, name: str) -> Alias | None:
        return self.entries.get(name_key(name))


def _type(name: str, where: str) -> str:
    found = _TYPES.get(name.casefold())
    if found is None:
        raise AliasError(f"{where}: unknown type {name!r} (known: {', '.join(ENTITY_TYPES)})")
    return found


def parse_tsv(text: str, where: str = "<aliases>") -> Aliases:
    aliases = Aliases()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        typed = _TYPED.fullmatch(cells[0])
        label, type_ = (typed.group(1), _type(typed.group(2), f"{where}:{number}")) if typed else (cells[0], None)
        if len(cells) == 1 and type_ is None:
            raise AliasError(f"{where}:{number}: a line needs other names (tab-separated) or a type, as \"Name (Type)\"")
        aliases.add(label, cells[1:], type_)
    return aliases


def parse_turtle(text: str, where: str = "<aliases>") -> Aliases:
    graph = Graph()
    try:
        graph.parse(data=text, format="turtle")
    except Exception as err:  # rdflib raises many kinds
        raise AliasError(f"{where}: not Turtle ({str(err).splitlines()[0] if str(err) else type(err).__name__})") from err
    labels = {s: str(o) for p in (SKOS.prefLabel, RDFS.label) for s, o in graph.subject_objects(p)}
    groups: dict = {s: {s} for s in labels}  # sameAs closes over resources
    for a, b in graph.subject_objects(OWL.sameAs):
        merged = groups.get(a, {a}) | groups.get(b, {b})
        for member in merged:
            groups[member] = merged
    aliases = Aliases()
    seen: set[int] = set()
    for resource in sorted(labels, key=str):
        group = groups[resource]
        if id(group) in seen:
            continue
        seen.add(id(group))
        members = sorted(group, key=str)
        label = next(labels[m] for m in members if m in labels)
        names = [labels[m] for m in members if m in labels] + [str(o) for m in members for o in graph.objects(m, SKOS.altLabel)]
        types = sorted({str(t).removeprefix(str(KG)) for m in members for t in graph.objects(m, RDF.type)
                        if str(t).startswith(str(KG))})
        aliases.add(label, names, _type(types[0], where) if types else None)
    return aliases


def read_aliases(path: str | Path) -> Aliases:
    """An alias file: Turtle when it ends in ``.ttl``, else TSV."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise AliasError(f"{path}: cannot read: {getattr(err, 'strerror', None) or err}") from err
    return parse_turtle(text, str(path)) if path.suffix.lower() == ".ttl" else parse_tsv(text, str(path))


def apply(aliases: Aliases, entity: Entity, types: dict[str, str]) -> Entity:
    """``entity`` as the aliases make it. An alias without a type takes the type its entity was
    first seen with (``types``, updated), so "these names are one" holds across the model's types."""
    alias = aliases.get(entity.label)
    if alias is None:
        return entity
    type_ = alias.type or types.setdefault(name_key(alias.label), entity.type)
    others = (entity.aliases | {entity.label}) - {alias.label}
    return Entity(alias.label, type_, frozenset(others))
