"""``kg neighbors GRAPH A``."""

from __future__ import annotations

import argparse

from kg.cli.common import ENTITY_HELP, add_graph_argument, add_relation_arguments, entity, load_facts, relation_view


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "neighbors",
        help="every fact that involves an entity, with evidence",
        description="Print every fact in which an entity (named by label or alias, any case, as "
        "\"Name (Type)\" or by its IRI) is subject or object, grouped by the other entity, each with its "
        "best evidence sentence. holds_position facts are left out unless asked for.",
    )
    add_graph_argument(p)
    p.add_argument("entity", metavar="A", help=ENTITY_HELP)
    add_relation_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.analysis import neighbors

    graph = load_facts(args.graph)
    node = entity(graph, args.entity)
    graph = relation_view(graph, args, (node,))
    info = graph.nodes[node]
    hops = neighbors(graph, node)
    also = f"; also {', '.join(info['aliases'])}" if info["aliases"] else ""
    print(f"{info['label']} ({info['type']}{also}): {len(hops)} fact{'s' if len(hops) != 1 else ''}")
    for hop in hops:
        print(f"  {hop.describe(graph)}\n    {hop.best.describe()}")
    return 0
