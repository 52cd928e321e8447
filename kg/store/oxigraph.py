"""A persistent Oxigraph store in a folder (pyoxigraph), also servable by ``kg serve``; or one in memory.

kg's own lock (:func:`lock_store`) keeps a writer off a store that ``kg serve`` holds read-only:
Oxigraph would let the writer in, and the server would never see its changes.
"""

from __future__ import annotations

import fcntl
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from kg.graph import new_graph
from kg.guard import check
from kg.ontology import PREFIXES, rdflib_term
from kg.query import QueryError, Rows, prepare_update
from kg.store.base import Store, StoreError, Triple


def to_oxigraph(term: Any) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)


def from_oxigraph(term: Any) -> URIRef | BNode | Literal | None:
    return None if term is None else rdflib_term(term)


_OX_ERROR = re.compile(r"error at (\d+):(\d+): (.*)", re.S)


def _query_error(err: SyntaxError) -> QueryError:
    text = str(err)
    match = _OX_ERROR.match(text)
    if match:
        detail = " ".join(match[3].split())
        detail = detail if len(detail) <= 160 else detail[:157] + "..."
        return QueryError(f"invalid SPARQL at line {match[1]}, column {match[2]}: {detail}")
    return QueryError(f"invalid SPARQL: {text}")


LOCK_NAME = "kg.lock"


def lock_store(path: str | Path, exclusive: bool) -> int | None:
    """Lock an Oxigraph store's folder for kg: shared by ``kg serve`` (read-only), exclusive by a
    writer. Returns the lock's file descriptor (closing it releases the lock), ``None`` if it is
    held in a way that excludes this one, or ``-1`` if the folder cannot hold a lock file (a
    read-only medium: no lock).

    Oxigraph lets a writer change a store that a read-only server has open, and the server never
    sees the change; this lock makes kg refuse that instead."""
    folder = Path(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return -1
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _held_by_writer(path: Path) -> bool:
    """Whether the kg lock that excludes a writer is another writer's (not a server's)."""
    shared = lock_store(path, exclusive=False)
    if shared is None:
        return True
    if shared >= 0:
        os.close(shared)
    return False


class OxigraphStore(Store):
    """A persistent on-disk Oxigraph store (pyoxigraph), also servable by ``kg serve``; or one in memory."""

    persistent = True
    named_graphs = True

    def __init__(self, path: str | Path | None = None, read_only: bool = False) -> None:
        """Open (or create) the store in the folder ``path``; without a path, an in-memory Oxigraph store."""
        super().__init__(read_only)
        self.path = Path(path) if path is not None else None
        self.persistent = self.path is not None
        self._lock = -1
        if self.path is not None and not read_only:
            lock = lock_store(self.path, exclusive=True)
            if lock is None and _held_by_writer(self.path):
                raise StoreError(f"Oxigraph store {self.path} is in use by another process (a build or a "
                                 "read-write server holds its lock); wait for it to finish")
            if lock is None:
                raise StoreError(
                    f"Oxigraph store {self.path} is being served read-only by kg serve, which would not see "
                    "this change; stop the server, build, and serve again (or serve with --allow-writes and "
                    "build with --store sparql:URL)")
            self._lock = lock
        try:
            if self.path is None:
                self.store = ox.Store()
            elif read_only:
                if not self.path.is_dir():
                    raise FileNotFoundError(f"no Oxigraph store at {self.path}")
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.store = ox.Store(str(self.path))
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreError(
                    f"Oxigraph store {self.path} is in use by another process (a build or a read-write server "
                    "holds its lock); wait for it to finish, or serve the store read-only and query that"
                ) from err
            raise StoreError(f"cannot open Oxigraph store {self.path}: {err}") from err
        finally:
            if self._lock >= 0 and not hasattr(self, "store"):
                os.close(self._lock)
                self._lock = -1
        self._prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}

    def add(self, triples: Iterable[Triple]) -> None:
        self._check_writable()
        quads = [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))  # type: ignore[arg-type]  # kg's subjects
                 for s, p, o in dict.fromkeys(triples)]                    # and predicates are IRIs
        try:
            self.store.extend(quads)
        except OSError as err:
            raise StoreError(f"cannot write Oxigraph store {self.path}: {err}") from err

    def query(self, sparql: str, allow_service: bool = False) -> Rows | bool | Graph:
        check(sparql, allow_service)
        try:
            result = self.store.query(sparql, prefixes=self._prefixes)
        except SyntaxError as err:
            raise _query_error(err) from err
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            rows = tuple(tuple(from_oxigraph(solution[v]) for v in variables) for solution in result)
            return Rows(variables, rows, new_graph())
        graph = new_graph()
        graph.addN((rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object), graph) for t in result)
        return graph

    def update(self, sparql: str, allow_service: bool = False) -> None:
        self._check_writable()
        prepare_update(sparql, allow_service)  # kg's guard, parser and messages first
        try:
            self.store.update(sparql, prefixes=self._prefixes)
        except SyntaxError as err:
            raise _query_error(err) from err
        except OSError as err:
            raise StoreError(f"cannot write Oxigraph store {self.path}: {err}") from err

    def graph(self) -> Graph:
        graph = new_graph()
        graph.addN(
            (rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object), graph)
            for q in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        )
        return graph

    def __len__(self) -> int:
        return len(self.store)

    @classmethod
    def open(cls, location: str, read_only: bool = False) -> Store:
        return cls(location, read_only=read_only)

    def reader(self) -> Store:
        """A new read-only handle on the folder (a RocksDB handle must not cross a fork)."""
        return OxigraphStore(self.path, read_only=True) if self.path is not None else self

    def flush(self) -> None:
        if self.read_only:
            return
        try:
            self.store.flush()
        except OSError as err:
            raise StoreError(f"cannot write Oxigraph store {self.path}: {err}") from err

    def close(self) -> None:
        try:
            self.flush()
        finally:
            del self.store
            if self._lock >= 0:
                os.close(self._lock)
                self._lock = -1

    def __repr__(self) -> str:
        return f"oxigraph:{self.path if self.path is not None else '(memory)'}"
