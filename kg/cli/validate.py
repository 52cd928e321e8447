"""``kg validate GRAPH``: check a graph against the kg SHACL shapes."""

from __future__ import annotations

import argparse

from kg.cli.common import CliError, add_graph_argument, open_for_reading, open_graph


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "validate",
        help="check a graph against the kg SHACL shapes",
        description="Validate a graph file, build folder or store against ontologies/shapes.ttl (with "
        "ontologies/kg.ttl mixed in). Prints each violation; exits 1 when the graph does not conform.",
    )
    add_graph_argument(p)
    p.add_argument("--shapes", help="a SHACL shapes file to use instead of kg's (Turtle)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rdflib import Graph

    from kg.graph import graph_file
    from kg.validate import validate, validate_file, validate_oxigraph

    shapes = None
    if args.shapes:
        try:
            shapes = Graph().parse(args.shapes, format="turtle")
        except Exception as err:
            raise CliError(f"cannot read shapes {args.shapes}: {err}") from err
    if args.graph.startswith("oxigraph:"):  # checked inside Oxigraph, no rdflib graph
        from kg.store import OxigraphStore

        store = open_for_reading(args.graph)
        assert isinstance(store, OxigraphStore)
        try:
            report = validate_oxigraph(store.store, shapes)
        finally:
            store.close()
        print(report.summary())
        return 0 if report.conforms else 1
    path = graph_file(args.graph)
    if path.suffix.lower() in (".ttl", ".nt") and path.is_file():  # parsed by Oxigraph, no rdflib graph
        try:
            report = validate_file(path, shapes)
        except SyntaxError as err:
            raise CliError(f"cannot parse {path}: {' '.join(str(err).split())}") from err
        except OSError as err:
            raise CliError(f"cannot read {path}: {err.strerror or err}") from err
    else:
        report = validate(open_graph(args.graph), shapes)
    print(report.summary())
    return 0 if report.conforms else 1
