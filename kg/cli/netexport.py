"""``kg export-network GRAPH --format graphml|gexf -o FILE``."""

from __future__ import annotations

import argparse
import sys

from kg.cli.common import CliError, add_graph_argument, load_facts
from kg.options import NETWORK_FORMATS


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export-network",
        help="write the entities and facts as GraphML or GEXF (Gephi, Cytoscape, yEd)",
        description="Write the network of entities (nodes: label, type, aliases) and facts (edges: "
        "relation, label, polarity, sources, confidence, evidence) as GraphML or GEXF.",
    )
    add_graph_argument(p)
    p.add_argument("--format", choices=NETWORK_FORMATS, help="default: from the output's suffix")
    p.add_argument("-o", "--output", required=True, help="file to write (.graphml or .gexf)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.analysis import write_network

    fmt = args.format or args.output.rsplit(".", 1)[-1].lower()
    if fmt not in NETWORK_FORMATS:
        raise CliError(f"cannot tell the format of {args.output}; give --format graphml or --format gexf", code=2)
    graph = load_facts(args.graph)
    path = write_network(graph, args.output, fmt)
    print(f"wrote {path}: {len(graph)} entities, {graph.number_of_edges()} facts ({fmt})", file=sys.stderr)
    return 0
