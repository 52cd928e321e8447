"""``kg neighbors GRAPH A``."""

from __future__ import annotations

import argparse

from kg.cli.common import add_graph_argument, entity, load_facts


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "neighbors",
        help="every fact that involves an entity, with evidence",
        description="Print every fact in which an entity (named by label or alias, any case) is "
        "subject or object, grouped by the other entity, each with its best evidence sentence.",
    )
    add_graph_argument(p)
    p.add_argument("entity", metavar="A", help="entity name")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.analysis import neighbors

    graph = load_facts(args.graph)
    node = entity(graph, args.entity)
    info = graph.nodes[node]
    hops = neighbors(graph, node)
    also = f"; also {', '.join(info['aliases'])}" if info["aliases"] else ""
    print(f"{info['label']} ({info['type']}{also}): {len(hops)} fact{'s' if len(hops) != 1 else ''}")
    for hop in hops:
        print(f"  {hop.describe(graph)}\n    {hop.best.describe()}")
    return 0
