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

from kg.store.base import Store, StoreError, Triple
from kg.store.file import FileStore
from kg.store.memory import MemoryStore
from kg.store.oxigraph import LOCK_NAME, OxigraphStore, from_oxigraph, lock_store, to_oxigraph
from kg.store.registry import STORES, open_store, register, store_class
from kg.store.sparql import SparqlStore, update_url_for

__all__ = [
    "LOCK_NAME", "STORES", "FileStore", "MemoryStore", "OxigraphStore", "SparqlStore", "Store", "StoreError",
    "Triple", "from_oxigraph", "lock_store", "open_store", "register", "store_class", "to_oxigraph",
    "update_url_for",
]
