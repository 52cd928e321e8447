"""Where a graph lives: in memory (rdflib), in a graph file written back, on disk (Oxigraph), or
behind a SPARQL 1.1 endpoint.

Every store is a :class:`~kg.store.base.Store` with capability flags (``persistent``,
``writable``, ``named_graphs``, ``remote``); :func:`open_store` reads a spec through one registry
of schemes (:func:`register`): ``memory``, ``oxigraph:PATH``, ``sparql:URL``, ``file:PATH``, or
the path of a graph file or build folder.

- :mod:`kg.store.base`: the base class and :class:`StoreError`;
- :mod:`kg.store.memory`, :mod:`kg.store.file`, :mod:`kg.store.oxigraph`, :mod:`kg.store.sparql`: one backend each;
- :mod:`kg.store.registry`: scheme -> class, and :func:`open_store`.
"""

from __future__ import annotations

from kg.model import ENTITY_TYPES, Entity
from kg.query import Rows
from kg.store.base import Store, StoreError, Triple
from kg.store.file import FileStore
from kg.store.memory import MemoryStore
from kg.store.oxigraph import LOCK_NAME, OxigraphStore, from_oxigraph, lock_store, to_oxigraph
from kg.store.registry import STORES, open_store, register, store_class
from kg.store.sparql import SparqlStore, update_url_for

__all__ = [
    "LOCK_NAME", "STORES", "FileStore", "MemoryStore", "OxigraphStore", "SparqlStore", "Store", "StoreError",
    "Triple", "from_oxigraph", "lock_store", "open_store", "register", "store_class", "stored_entities",
    "to_oxigraph", "update_url_for",
]

_ENTITIES = """SELECT ?type ?label ?mention WHERE {
  ?e rdfs:label ?label ; a ?type . FILTER(STRSTARTS(STR(?type), STR(kg:)))
  OPTIONAL { ?e kg:mention ?mention } }"""


def stored_entities(store: Store) -> list[Entity]:
    """The entities a store already holds, one-word names first (so they stay themselves)."""
    if not store.persistent and len(store) == 0:
        return []  # a new build's memory store: no need to parse a query
    rows = store.query(_ENTITIES)
    assert isinstance(rows, Rows)
    found: dict[tuple[str, str], set[str]] = {}
    for type_iri, label, mention in rows:
        kind = str(type_iri).rsplit("#", 1)[-1]
        if kind in ENTITY_TYPES:
            mentions = found.setdefault((kind, str(label)), set())
            if mention is not None:
                mentions.add(str(mention))
    ordered = sorted(found.items(), key=lambda item: (" " in item[0][1].strip(), item[0]))
    return [Entity(label, kind, frozenset(mentions)) for (kind, label), mentions in ordered]
