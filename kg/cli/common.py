"""Shared pieces of the CLI: errors with exit codes, opening graphs and stores."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.store import Store


class CliError(Exception):
    """A failure to report in one line, with an exit code (1 by default, 2 for usage errors)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def open_for_reading(spec: str) -> Store:
    """A graph file, build folder or store spec, opened to read; :class:`CliError` if it cannot be."""
    from kg.store import StoreError, open_store

    try:
        return open_store(spec, read_only=True)
    except StoreError as err:
        raise CliError(str(err)) from err


def open_graph(spec: str) -> Graph:
    """Everything in a graph file, build folder or store, as an rdflib graph."""
    from kg.store import StoreError

    store = open_for_reading(spec)
    try:
        return store.graph()
    except StoreError as err:
        raise CliError(str(err)) from err
    finally:
        store.close()


GRAPH_HELP = "graph file (.ttl, .nt, .jsonld, .trig), build folder, or store (oxigraph:PATH, sparql:URL)"


def add_graph_argument(parser) -> None:
    """The GRAPH positional every reading command takes (see :func:`open_graph`)."""
    parser.add_argument("graph", metavar="GRAPH", help=GRAPH_HELP)


def load_facts(spec: str):
    """The networkx fact graph (:func:`kg.analysis.fact_graph`) of a graph file, build folder or store."""
    from kg.analysis import fact_graph

    return fact_graph(open_graph(spec))


def entity(graph, name: str) -> str:
    """The node named ``name`` (label or alias, any case), or a one-line error."""
    from kg.analysis import EntityNotFound, find_entity

    try:
        return find_entity(graph, name)
    except EntityNotFound as err:
        raise CliError(str(err)) from err
