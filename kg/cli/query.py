"""``kg query GRAPH_OR_STORE QUERY``, ``kg query GRAPH_OR_STORE --named NAME``, ``kg query --list``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.cli.common import CliError
from kg.options import QUERY_TIMEOUT, ROW_FORMATS


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "query",
        help="run SPARQL (or a named query) over a graph",
        description="Run a SPARQL query (a string or a .rq file) or a named query over a graph file,\n"
        "build folder or store. Prefixes kg:, ent:, rdf:, rdfs:, owl:, xsd:, prov:, schema:, dcterms:,\n"
        "skos: are predeclared.",
        epilog="examples:\n"
        "  kg query out/ 'SELECT ?a ?b WHERE { ?a kg:endorses ?b }'\n"
        "  kg query oxigraph:data/ --named sources --param subject=Trump --param relation=endorses \\\n"
        "      --param 'object=Tommy Tuberville'\n"
        "  kg query --list",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("graph", nargs="?", metavar="GRAPH_OR_STORE",
                   help="graph file (.ttl, .nt, .jsonld, .trig, .nq, .rdf), build folder, oxigraph:PATH or sparql:URL")
    p.add_argument("query", nargs="?", metavar="QUERY", help="SPARQL text, or a path to a .rq file")
    p.add_argument("--store", metavar="STORE", help="query this store (oxigraph:PATH, sparql:URL); then omit GRAPH")
    p.add_argument("--named", metavar="NAME", help="run a named query from the library instead of QUERY")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a named query's parameter")
    p.add_argument("--list", action="store_true", help="list the named queries and exit")
    p.add_argument("--format", choices=ROW_FORMATS, default="table", help="output format (default: table)")
    p.add_argument("--timeout", type=float, default=QUERY_TIMEOUT, metavar="SECONDS",
                   help=f"stop a query that runs longer (default: {QUERY_TIMEOUT:g}; 0: no limit; an endpoint "
                   "applies its own limit)")
    p.add_argument("--allow-service", action="store_true",
                   help="let a query use SERVICE or FROM (which reach other hosts); refused by default")
    p.add_argument("--update", metavar="UPDATE",
                   help="run this SPARQL Update (text or .ru/.rq file) instead of a query and save the result; "
                   "kg never runs an update without this option; a graph file is rewritten atomically, a build "
                   "folder as a set (graph.ttl, graph.html, facts.jsonl)")
    p.set_defaults(run=run)


def read_query(text: str) -> str:
    """QUERY itself, or the text of the ``.rq``/``.ru``/``.sparql`` file it names (which must exist)."""
    if not text.strip().endswith((".rq", ".ru", ".sparql")) or any(c.isspace() for c in text.strip()):
        return text
    path = Path(text.strip())
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError(f"no such file: {path}", code=2) from None
    except (OSError, UnicodeDecodeError) as err:
        raise CliError(f"cannot read {path}: {getattr(err, 'strerror', None) or err}", code=2) from None


def sparql_text(args: argparse.Namespace) -> str:
    """The query to run: QUERY, or the named query with its parameters filled in."""
    from kg import named

    if args.named is None:
        if args.param:
            raise CliError("--param is for named queries (use --named NAME)", code=2)
        return read_query(args.query)
    if args.query is not None:
        raise CliError("give either QUERY or --named NAME, not both", code=2)
    values = {}
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise CliError(f"--param {item!r}: expected NAME=VALUE", code=2)
        values[name.strip()] = value
    return named.get(args.named).render(values)


def run(args: argparse.Namespace) -> int:
    if args.list:
        from kg.named import listing

        print(listing())
        return 0
    target = args.graph
    if args.store is not None:  # --store STORE QUERY: the one positional is the query
        if args.query is not None:
            raise CliError("with --store, give only QUERY (or --named NAME)", code=2)
        target, args.query = args.store, args.graph
    if args.update is not None:
        if target is None or args.query is not None or args.named is not None:
            raise CliError("give GRAPH_OR_STORE --update UPDATE (and no QUERY)", code=2)
        return run_update(target, read_query(args.update), args.allow_service)
    if target is None or (args.query is None and args.named is None):
        raise CliError("give GRAPH and QUERY (or GRAPH --named NAME); kg query --list shows the named queries", code=2)
    if args.timeout < 0:
        raise CliError(f"--timeout {args.timeout:g}: expected seconds (0 for no limit)", code=2)
    from kg import sandbox
    from kg.query import Rows, format_rows

    text = sparql_text(args)
    result = sandbox.query(target, text, args.timeout or None, args.allow_service)
    if isinstance(result, Rows):
        print(format_rows(result, args.format))
    elif isinstance(result, bool):
        print("true" if result else "false")
    else:
        print(result.serialize(format="turtle"))
    return 0


def run_update(target: str, text: str, allow_service: bool = False) -> int:
    """Apply a SPARQL Update to a store (a graph file or build folder is written back by its store)."""
    from kg.store import open_store

    with open_store(target) as store:
        before = len(store)
        store.update(text, allow_service)
        after = len(store)
    print(f"kg query: updated {target}: {before} triples before, {after} after", file=sys.stderr)
    return 0
