"""The default store: an in-memory rdflib graph (:class:`~kg.graph.KnowledgeGraph`), gone when the process ends."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph

from kg.graph import KnowledgeGraph
from kg.query import Rows, prepare_update
from kg.store.base import Store, StoreError, Triple


class MemoryStore(Store):
    """An in-memory rdflib graph: not persistent (:class:`~kg.store.file.FileStore` writes one back)."""

    def __init__(self, kg: KnowledgeGraph | None = None, read_only: bool = False) -> None:
        super().__init__(read_only)
        self.kg = kg if kg is not None else KnowledgeGraph()

    @classmethod
    def open(cls, location: str, read_only: bool = False) -> Store:
        if location:
            raise StoreError(f"memory:{location}: an in-memory store has no location (give memory)")
        return cls(read_only=read_only)

    def add(self, triples: Iterable[Triple]) -> None:
        self._check_writable()
        graph = self.kg.graph
        graph.addN((s, p, o, graph) for s, p, o in dict.fromkeys(triples))  # a batch repeats its entities

    def query(self, sparql: str, allow_service: bool = False) -> Rows | bool | Graph:
        return self.kg.query(sparql, allow_service)

    def update(self, sparql: str, allow_service: bool = False) -> None:
        self._check_writable()
        self.kg.graph.update(prepare_update(sparql, allow_service))

    def graph(self) -> Graph:
        return self.kg.graph

    def __len__(self) -> int:
        return len(self.kg)

    def __repr__(self) -> str:
        return "memory"
