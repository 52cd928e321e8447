"""``kg serve STORE [--port N] [--host H] [--timeout S] [--workers N] [--allow-service] [--allow-writes]``."""

from __future__ import annotations

import argparse
import sys

from kg.cli.common import CliError
from kg.options import SERVE_TIMEOUT, SERVE_WORKERS


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve",
        help="serve a store as a read-only SPARQL 1.1 endpoint that stays up whatever a client sends",
        description="Serve an Oxigraph store (oxigraph:PATH), a graph file or a build folder as a read-only\n"
        "SPARQL 1.1 protocol endpoint at http://HOST:PORT/query, until Ctrl-C.",
        epilog="example:\n"
        "  kg serve oxigraph:data/ --port 7878 &\n"
        "  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \\\n"
        "      http://127.0.0.1:7878/query",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("store", metavar="STORE", help="oxigraph:PATH, a graph file or a build folder")
    p.add_argument("--port", type=int, default=7878, help="port (default: 7878)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    p.add_argument("--timeout", type=int, default=SERVE_TIMEOUT, metavar="SECONDS",
                   help=f"stop a query that runs longer (default: {SERVE_TIMEOUT}; 0: no limit)")
    p.add_argument("--workers", type=int, default=SERVE_WORKERS, metavar="N",
                   help=f"query worker processes (default: {SERVE_WORKERS}; 1 with --allow-writes)")
    p.add_argument("--allow-service", action="store_true",
                   help="let queries use SERVICE or FROM (which reach other hosts); refused by default")
    p.add_argument("--allow-writes", action="store_true",
                   help="also accept SPARQL Update and Graph Store writes at /update and /store (Oxigraph stores only)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.serve import serve

    if not 0 < args.port < 65536:
        raise CliError(f"--port {args.port}: not a port number", code=2)
    if args.workers < 1:
        raise CliError(f"--workers {args.workers}: expected at least 1", code=2)
    if args.timeout < 0:
        raise CliError(f"--timeout {args.timeout}: expected seconds (0 for no limit)", code=2)
    return serve(args.store, args.host, args.port, args.allow_writes,
                 announce=lambda line: print(f"kg serve: {line}", file=sys.stderr, flush=True),
                 timeout=args.timeout, workers_count=args.workers, allow_service=args.allow_service)
