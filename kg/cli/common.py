"""Shared pieces of the CLI: errors with exit codes, opening graphs and stores."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.errors import FAILED, KgError

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.store import Store


class CliError(KgError):
    """A failure the CLI itself finds, with an exit status (1 by default, 2 for usage errors)."""

    code = "E001"

    def __init__(self, message: str, code: int = FAILED) -> None:
        super().__init__(message)
        self.exit_status = code


def open_for_reading(spec: str) -> Store:
    """A graph file, build folder or store spec, opened to read (:class:`kg.store.StoreError` if it cannot be)."""
    from kg.store import open_store

    return open_store(spec, read_only=True)


def open_graph(spec: str) -> Graph:
    """Everything in a graph file, build folder or store, as an rdflib graph."""
    store = open_for_reading(spec)
    try:
        return store.graph()
    finally:
        store.close()


GRAPH_HELP = "graph file (.ttl, .nt, .jsonld, .trig, .nq, .rdf), build folder, or store (oxigraph:PATH, sparql:URL)"


def add_graph_argument(parser) -> None:
    """The GRAPH positional every reading command takes (see :func:`open_graph`)."""
    parser.add_argument("graph", metavar="GRAPH", help=GRAPH_HELP)


def load_facts(spec: str):
    """The networkx fact graph (:func:`kg.analysis.fact_graph`) of a graph file, build folder or store."""
    from kg.analysis import fact_graph

    return fact_graph(open_graph(spec))


def add_relation_arguments(parser) -> None:
    """``--relation`` / ``--exclude-relation``: which facts a path, neighbourhood or statistic uses."""
    parser.add_argument("--relation", action="append", metavar="R",
                        help="use only the facts of this relation (repeatable; default: every relation "
                        "but holds_position)")
    parser.add_argument("--exclude-relation", action="append", metavar="R",
                        help="leave the facts of this relation out (repeatable; default: holds_position; "
                        "'none' leaves nothing out)")


def relation_view(graph, args, nodes=()):
    """``graph`` narrowed by :func:`add_relation_arguments`' options. Asked about a position
    (one of ``nodes``), nothing is left out by default."""
    from kg.analysis import DEFAULT_EXCLUDED
    from kg.analysis import relation_view as view

    default = () if any(graph.nodes[n]["type"] == "Position" for n in nodes) else DEFAULT_EXCLUDED
    exclude = args.exclude_relation if args.exclude_relation is not None else default
    exclude = [r for r in exclude if r.casefold() != "none"]
    return view(graph, args.relation, exclude)


ENTITY_HELP = "entity: a name or alias (any case), \"Name (Type)\", or its IRI"


def entity(graph, name: str) -> str:
    """The node named ``name`` (label or alias, any case, "Name (Type)", or an IRI), or a one-line error."""
    from kg.analysis import find_entity

    return find_entity(graph, name)
