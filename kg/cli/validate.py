"""``kg validate GRAPH``: check a graph against the kg SHACL shapes."""

from __future__ import annotations

import argparse

from kg.cli.common import CliError, add_graph_argument, open_graph


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "validate",
        help="check a graph against the kg SHACL shapes (pySHACL)",
        description="Validate a graph file, build folder or store against ontologies/shapes.ttl (with "
        "ontologies/kg.ttl mixed in). Prints each violation; exits 1 when the graph does not conform.",
    )
    add_graph_argument(p)
    p.add_argument("--shapes", help="a SHACL shapes file to use instead of kg's (Turtle)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rdflib import Graph

    from kg.validate import validate

    graph = open_graph(args.graph)
    shapes = None
    if args.shapes:
        try:
            shapes = Graph().parse(args.shapes, format="turtle")
        except Exception as err:
            raise CliError(f"cannot read shapes {args.shapes}: {err}") from err
    report = validate(graph, shapes)
    print(report.summary())
    return 0 if report.conforms else 1
