"""``kg viz GRAPH [-o FILE] [--focus NAME --depth N] [--relation R ...] [--type T ...] [--since DATE]``."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kg.cli.common import CliError, add_graph_argument, entity, load_facts
from kg.model import ENTITY_TYPES
from kg.options import SIZE_BY


def known_relation(name: str) -> str:
    """The ontology relation named ``name`` (its name or label, any case), or a usage error listing them."""
    from kg.ontology import relations

    catalogue = relations()
    wanted = name.strip().casefold()
    for relation, info in catalogue.items():
        if wanted in (relation.casefold(), info.label.casefold()):
            return relation
    raise CliError(f"unknown relation {name!r}; known relations: {', '.join(sorted(catalogue))}", code=2)


def known_type(name: str) -> str:
    """The entity type named ``name`` (any case), or a usage error listing them."""
    for kind in ENTITY_TYPES:
        if kind.casefold() == name.strip().casefold():
            return kind
    raise CliError(f"unknown entity type {name!r}; known types: {', '.join(ENTITY_TYPES)}", code=2)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "viz",
        help="write the interactive HTML graph, whole or a focused view",
        description="Write a self-contained interactive HTML graph (works offline from file://). "
        "Narrow it to facts of some relations, facts stated since a date, or the entities within "
        "--depth facts of one entity.",
    )
    add_graph_argument(p)
    p.add_argument("-o", "--output",
                   help="HTML file to write (default: graph.html next to the input: in a build folder, "
                   "beside a graph file)")
    p.add_argument("--focus", metavar="NAME", help="centre on this entity (label or alias, any case)")
    p.add_argument("--depth", type=int, default=1, metavar="N", help="with --focus: how many facts away (default: 1)")
    p.add_argument("--relation", action="append", metavar="R", help="keep facts of this relation (name or label; repeatable)")
    p.add_argument("--type", action="append", metavar="T", help="keep entities of this type (e.g. Person; repeatable)")
    p.add_argument("--since", metavar="DATE", help="keep statements dated on or after DATE (YYYY-MM-DD)")
    p.add_argument("--size-by", choices=SIZE_BY, default="pagerank", help="node size (default: pagerank)")
    p.add_argument("--title", default="kg graph", help="page title (default: kg graph)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.analysis import focus, of_types, select
    from kg.viz import write_html

    if args.since and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.since):
        raise CliError(f"--since wants a date YYYY-MM-DD, not {args.since!r}", code=2)
    if args.depth < 0:
        raise CliError("--depth must be 0 or more", code=2)
    relations_ = [known_relation(r) for r in args.relation or []]
    types = [known_type(t) for t in args.type or []]
    graph = load_facts(args.graph)
    centre = entity(graph, args.focus) if args.focus else None
    if relations_ or args.since:
        graph = select(graph, relations=relations_, since=args.since)
    if types:
        graph = of_types(graph, types, keep=frozenset({centre} if centre else ()))
    keep: frozenset[str] = frozenset()
    if centre is not None:
        graph = focus(graph, centre, args.depth)
        keep = frozenset({centre})
    output = args.output or default_output(args.graph)
    path = write_html(graph, output, title=args.title, size_by=args.size_by, keep=keep)
    drawn = sum(1 for n in graph if graph.degree(n) or n in keep)
    print(f"wrote {path}: {drawn} entities, {graph.number_of_edges()} facts", file=sys.stderr)
    return 0


def default_output(spec: str) -> Path:
    """Where ``kg viz`` writes without ``-o``: next to its input, never into the working directory
    (a build folder gets ``graph.html``; a graph file ``NAME.html`` beside it; a store
    ``graph.html`` in the working directory, as it has no folder of its own)."""
    if ":" in spec and not Path(spec).exists():  # oxigraph:PATH, sparql:URL
        return Path("graph.html")
    path = Path(spec)
    return path / "graph.html" if path.is_dir() else path.with_suffix(".html")
