"""``kg stats GRAPH``."""

from __future__ import annotations

import argparse

from kg.cli.common import add_graph_argument, add_relation_arguments, load_facts, relation_view


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "stats",
        help="counts, most central entities and connected components of a graph",
        description="Count entities per type, facts per relation and statements per polarity; rank "
        "entities by PageRank and degree over the facts; list the sizes of connected components. "
        "holds_position facts are left out unless asked for.",
    )
    add_graph_argument(p)
    p.add_argument("--top", type=int, default=10, metavar="N", help="how many central entities to list (default: 10)")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_relation_arguments(p)
    p.set_defaults(run=run)


def _counts(title: str, counts) -> list[str]:
    lines = [f"{title} ({sum(counts.values())})"]
    lines += [f"  {name:<20} {n}" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return lines


def run(args: argparse.Namespace) -> int:
    from kg.analysis import stats, to_json

    graph = relation_view(load_facts(args.graph), args)
    result = stats(graph, top=args.top)
    if args.json:
        print(to_json(result, graph))
        return 0
    lines = _counts("entities", result.entities) + _counts("facts", result.facts)
    lines += _counts("statements", result.statements)
    lines.append("pagerank")
    lines += [f"  {score:.3f}  {graph.nodes[n]['label']}" for n, score in result.pagerank]
    lines.append("degree (entities linked by a fact)")
    lines += [f"  {d:>5}  {graph.nodes[n]['label']}" for n, d in result.degree]
    sizes = result.components
    shown = ", ".join(map(str, sizes[:10])) + (" ..." if len(sizes) > 10 else "")
    lines.append(f"components: {len(sizes)} among linked entities" + (f"; sizes {shown}" if sizes else ""))
    print("\n".join(lines))
    return 0
