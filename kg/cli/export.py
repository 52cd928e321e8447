"""``kg export GRAPH --format turtle|ntriples|jsonld|trig|nquads|rdfxml [-o FILE]``."""

from __future__ import annotations

import argparse
import sys

from kg.cli.common import add_graph_argument, open_graph
from kg.options import EXPORT_FORMATS


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export",
        help="write a graph as Turtle, N-Triples, JSON-LD, TriG, N-Quads or RDF/XML",
        description="Write a graph (file, build folder or store) as Turtle, N-Triples, JSON-LD, TriG, N-Quads or "
        "RDF/XML. TriG and N-Quads put each document's assertions in a named graph named by the document IRI.",
    )
    add_graph_argument(p)
    p.add_argument("--format", choices=EXPORT_FORMATS,
                   help="output format (default: from the -o suffix, .ttl .nt .jsonld .trig .nq .rdf .xml)")
    p.add_argument("-o", "--out", help="output file (default: standard output)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.export import export, serialize

    graph = open_graph(args.graph)
    if args.out is None:
        sys.stdout.buffer.write(serialize(graph, args.format or "turtle"))
        sys.stdout.flush()
        return 0
    export(graph, args.out, args.format)
    return 0
