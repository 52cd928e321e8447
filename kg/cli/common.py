"""Shared pieces of the CLI: errors with exit codes."""

from __future__ import annotations


class CliError(Exception):
    """A failure to report in one line, with an exit code (1 by default, 2 for usage errors)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def load_graph(path: str):
    """The :class:`~kg.graph.KnowledgeGraph` in a graph file or build folder, or a one-line error."""
    from kg.graph import KnowledgeGraph

    try:
        return KnowledgeGraph.load(path)
    except OSError as err:
        raise CliError(str(err)) from err
    except Exception as err:  # parse errors from rdflib's parsers
        raise CliError(f"cannot parse {path}: {' '.join(str(err).split())}") from err


def load_facts(path: str):
    """The networkx fact graph (:func:`kg.analysis.fact_graph`) of a graph file or build folder."""
    from kg.analysis import fact_graph

    return fact_graph(load_graph(path).graph)


def entity(graph, name: str) -> str:
    """The node named ``name`` (label or alias, any case), or a one-line error."""
    from kg.analysis import EntityNotFound, find_entity

    try:
        return find_entity(graph, name)
    except EntityNotFound as err:
        raise CliError(str(err)) from err
