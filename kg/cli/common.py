"""Shared pieces of the CLI: errors with exit codes."""

from __future__ import annotations

from rdflib import Graph

from kg.graph import KnowledgeGraph


class CliError(Exception):
    """A failure to report in one line, with an exit code (1 by default, 2 for usage errors)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def open_graph(spec: str) -> Graph:
    """The rdflib graph in a graph file or build folder; :class:`CliError` if it cannot be read."""
    try:
        return KnowledgeGraph.load(spec).graph
    except OSError as err:
        raise CliError(str(err)) from err
    except Exception as err:  # parse errors from rdflib's parsers
        raise CliError(f"cannot parse {spec}: {err}") from err
