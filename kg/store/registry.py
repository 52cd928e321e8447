"""Which store a spec names: one table of schemes (like rdflib's ``plugin.register``), not an if-chain."""

from __future__ import annotations

from kg.store.base import Store
from kg.store.file import FileStore
from kg.store.memory import MemoryStore
from kg.store.oxigraph import OxigraphStore
from kg.store.sparql import SparqlStore

STORES: dict[str, type[Store]] = {}


def register(scheme: str, store: type[Store]) -> None:
    """Make ``scheme:LOCATION`` open ``store.open(LOCATION, read_only=...)``."""
    STORES[scheme] = store


register("memory", MemoryStore)
register("file", FileStore)
register("oxigraph", OxigraphStore)
register("sparql", SparqlStore)


def _split(spec: str) -> tuple[type[Store], str]:
    scheme, _, location = spec.partition(":")
    if scheme in STORES and (location or spec == scheme):
        return STORES[scheme], location
    return FileStore, spec  # a graph file or a build folder


def store_class(spec: str) -> type[Store]:
    """The class :func:`open_store` would open ``spec`` with (to read its flags before opening it)."""
    return _split(spec)[0]


def open_store(spec: str, read_only: bool = False) -> Store:
    """The store a spec names: ``memory``, ``oxigraph:PATH``, ``sparql:URL``, ``file:PATH``, or the
    path of a graph file or build folder (a :class:`~kg.store.file.FileStore`: changes are written
    back to the file)."""
    store, location = _split(spec)
    return store.open(location, read_only=read_only)
