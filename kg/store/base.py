"""What every store is: a base class with capability flags, and the error stores raise."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import Any

from rdflib import Graph

from kg.errors import KgError
from kg.query import Rows

Triple = tuple[Any, Any, Any]


class StoreError(KgError, OSError):
    """A store cannot be opened, read or written (the message says which and why)."""

    code = "E101"


class Store(ABC):
    """Where a graph lives. Takes triples in batches (each added atomically), answers SPARQL with
    kg's prefixes predeclared, and hands its whole content over as an rdflib graph.

    The class flags say what a store can do, the way rdflib's store flags do (callers test them,
    never the class): ``persistent`` (the content outlives this process: a folder, a file written
    back, a server), ``named_graphs`` (it can hold quads, not only a default graph) and ``remote``
    (queries run elsewhere, under that server's own time limit). An instance may narrow them (an
    Oxigraph store without a folder is not persistent); ``writable`` is false for a store opened
    read-only."""

    persistent: bool = False
    named_graphs: bool = False
    remote: bool = False

    def __init__(self, read_only: bool = False) -> None:
        self.read_only = read_only

    @classmethod
    @abstractmethod
    def open(cls, location: str, read_only: bool = False) -> Store:
        """The store at ``location`` (the spec after ``scheme:``); see :func:`kg.store.open_store`."""

    @property
    def writable(self) -> bool:
        """Whether :meth:`add` and :meth:`update` are allowed on this handle."""
        return not self.read_only

    def _check_writable(self) -> None:
        if not self.writable:
            raise StoreError(f"{self!r} is open read-only")

    @abstractmethod
    def add(self, triples: Iterable[Triple]) -> None:
        """Add a batch of triples atomically (set semantics: present triples are no-ops)."""

    @abstractmethod
    def query(self, sparql: str, allow_service: bool = False) -> Rows | bool | Graph:
        """SELECT gives :class:`~kg.query.Rows`, ASK a bool, CONSTRUCT/DESCRIBE an rdflib graph.

        The text passes :func:`kg.guard.check` first (SERVICE and FROM refused unless ``allow_service``)."""

    @abstractmethod
    def update(self, sparql: str, allow_service: bool = False) -> None:
        """Run a SPARQL Update (the user's ``kg query --update``, and a build's merge of a surname
        read before the full name: :meth:`kg.build.Builder.add`)."""

    @abstractmethod
    def graph(self) -> Graph:
        """Everything in the store, as an rdflib graph."""

    @abstractmethod
    def __len__(self) -> int: ...

    def reader(self) -> Store:
        """A handle on the same content that is safe to read in a forked child process (this one,
        unless the backend holds a handle that must not cross a fork)."""
        return self

    def flush(self) -> None:
        """Make what was added or updated durable (a no-op where every change already is)."""
        return None

    def close(self) -> None:
        """Flush and release the store (its lock, its handle)."""
        self.flush()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
