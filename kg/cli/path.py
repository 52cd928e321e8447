"""``kg path GRAPH A B``."""

from __future__ import annotations

import argparse

from kg.cli.common import ENTITY_HELP, CliError, add_graph_argument, add_relation_arguments, entity, load_facts, relation_view


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "path",
        help="the shortest chain of facts between two entities, with evidence",
        description="Print the shortest chain of facts linking two entities (named by label or alias, "
        "any case, as \"Name (Type)\" or by IRI), one fact a line with its best evidence sentence. Facts count "
        "either way round; holds_position facts (positions are hubs, not links) only when asked for.",
    )
    add_graph_argument(p)
    p.add_argument("source", metavar="A", help=ENTITY_HELP)
    p.add_argument("target", metavar="B", help=ENTITY_HELP)
    add_relation_arguments(p)
    p.add_argument("--all", action="store_true", help="also walk denied, hypothetical and reported statements")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import networkx as nx

    from kg.analysis import shortest_path

    graph = load_facts(args.graph)
    a, b = entity(graph, args.source), entity(graph, args.target)
    graph = relation_view(graph, args, (a, b))
    try:
        hops = shortest_path(graph, a, b, only_asserted=not args.all)
    except nx.NetworkXNoPath as err:
        raise CliError(f"no chain of facts links {graph.nodes[a]['label']} and {graph.nodes[b]['label']}"
                       + ("" if args.all else " (try --all to include statements not asserted)")) from err
    print(f"{len(hops)} fact{'s' if len(hops) != 1 else ''} from {graph.nodes[a]['label']} to {graph.nodes[b]['label']}")
    for i, hop in enumerate(hops, 1):
        print(f"{i}. {hop.describe(graph)}\n   {hop.best.describe()}")
    return 0
