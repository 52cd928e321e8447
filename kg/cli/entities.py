"""``kg entities GRAPH [--type T] [--duplicates]``."""

from __future__ import annotations

import argparse
import json

from kg.cli.common import add_graph_argument, load_facts


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "entities",
        help="list entities with their type, names and fact count; find likely duplicates",
        description="List every entity: its type, the number of facts it takes part in, its label and "
        "the other names the texts use for it, and its IRI. With --duplicates, list pairs of entities "
        "that are likely one (the same name once accents and suffixes are folded, or a person and "
        "another entity with the same surname and compatible first names): the input for "
        "`kg build --aliases`.",
    )
    add_graph_argument(p)
    p.add_argument("--type", metavar="T", help="only entities of this type (Person, Organization, ...)")
    p.add_argument("--duplicates", action="store_true", help="list likely duplicates instead")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.analysis import entity_rows, likely_duplicates

    graph = load_facts(args.graph)
    if args.duplicates:
        pairs = [(a, b, why) for a, b, why in likely_duplicates(graph)
                 if args.type is None
                 or args.type.casefold() in (graph.nodes[a]["type"].casefold(), graph.nodes[b]["type"].casefold())]
        if args.json:
            print(json.dumps([{"a": graph.nodes[a]["label"], "a_type": graph.nodes[a]["type"], "a_iri": a,
                               "b": graph.nodes[b]["label"], "b_type": graph.nodes[b]["type"], "b_iri": b,
                               "why": why} for a, b, why in pairs], ensure_ascii=False, indent=2))
            return 0
        for a, b, why in pairs:
            print(f"{graph.nodes[a]['label']} ({graph.nodes[a]['type']})\t{graph.nodes[b]['label']} "
                  f"({graph.nodes[b]['type']})\t{why}")
        print(f"({len(pairs)} likely duplicate{'s' if len(pairs) != 1 else ''})")
        return 0
    rows = entity_rows(graph, args.type)
    if args.json:
        print(json.dumps([{"label": r.label, "type": r.type, "names": list(r.names), "facts": r.facts, "iri": r.node}
                          for r in rows], ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        also = f" (also {'; '.join(row.names[1:])})" if len(row.names) > 1 else ""
        print(f"{row.type:<12} {row.facts:>4}  {row.label}{also}  <{row.node}>")
    print(f"({len(rows)} entit{'ies' if len(rows) != 1 else 'y'})")
    return 0
