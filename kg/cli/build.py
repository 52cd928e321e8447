"""``kg build INPUT... -o OUT``."""

from __future__ import annotations

import argparse
import sys

from kg.build import NothingToBuild, build
from kg.cli.common import CliError
from kg.documents import Problem
from kg.fileio import OutputError
from kg.nlp import ModelNotFound
from kg.store import StoreError, open_store

STORE_PREFIXES = ("oxigraph:", "sparql:")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "build",
        help="extract facts from texts into a graph (graph.ttl, graph.html, facts.jsonl)",
        description="Read .txt/.md files, folders (recursively), .jsonl files or - (stdin); write "
        "graph.ttl, graph.html and facts.jsonl into the output folder; print a summary on stderr.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder, .jsonl, or - for stdin")
    p.add_argument("-o", "--out", default="out", help="output folder (default: out)")
    p.add_argument("--model", help="spaCy pipeline name or path (default: KG_SPACY_MODEL, then en_core_web_sm)")
    p.add_argument("--store", default="memory", metavar="STORE",
                   help="memory (default: write graph.ttl and graph.html), oxigraph:PATH (on-disk store) or "
                   "sparql:URL (SPARQL 1.1 endpoint); with a store, -o gets only facts.jsonl")
    p.add_argument("-q", "--quiet", action="store_true", help="print no summary")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    def report(problem: Problem) -> None:
        print(f"kg build: skipped {problem}", file=sys.stderr)

    if not (args.store == "memory" or args.store.startswith(STORE_PREFIXES)):
        raise CliError(f"--store {args.store!r}: expected memory, oxigraph:PATH or sparql:URL", code=2)
    try:
        store = open_store(args.store)
    except StoreError as err:
        raise CliError(str(err)) from err
    try:
        result = build(args.inputs, args.out, model=args.model, on_problem=report, store=store)
    except (ModelNotFound, OutputError, NothingToBuild, StoreError) as err:
        raise CliError(str(err)) from err
    finally:
        store.close()
    if not args.quiet:
        print(result.summary(), file=sys.stderr)
    return 0
