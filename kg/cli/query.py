"""``kg query GRAPH QUERY``."""

from __future__ import annotations

import argparse
from pathlib import Path

from rdflib import Graph

from kg.cli.common import CliError
from kg.graph import KnowledgeGraph
from kg.query import FORMATS, QueryError, Rows, format_rows


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "query",
        help="run SPARQL over a graph",
        description="Run a SPARQL query (a string or a .rq file) over a graph file or build folder. "
        "Prefixes kg:, ent:, rdf:, rdfs:, owl:, xsd:, prov:, schema:, dcterms:, skos: are predeclared.",
    )
    p.add_argument("graph", help="graph file (.ttl, .nt, .jsonld, .trig) or build folder")
    p.add_argument("query", help="SPARQL text, or a path to a .rq file")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    p.set_defaults(run=run)


def read_query(text: str) -> str:
    path = Path(text)
    if text.endswith((".rq", ".sparql")) and path.is_file():
        return path.read_text(encoding="utf-8")
    return text


def run(args: argparse.Namespace) -> int:
    try:
        kg = KnowledgeGraph.load(args.graph)
    except (FileNotFoundError, OSError) as err:
        raise CliError(str(err)) from err
    except Exception as err:  # parse errors from rdflib's parsers
        raise CliError(f"cannot parse {args.graph}: {err}") from err
    try:
        result = kg.query(read_query(args.query))
    except QueryError as err:
        raise CliError(str(err), code=2) from err
    if isinstance(result, Rows):
        print(format_rows(result, args.format))
    elif isinstance(result, bool):
        print("true" if result else "false")
    else:
        print(result.serialize(format="turtle"))
    return 0
