"""The ``kg`` command: a thin layer over the library. One module per subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kg import __version__
from kg.cli import (
    build,
    entities,
    export,
    neighbors,
    netexport,
    path,
    query,
    serve,
    stats,
    validate,
    viz,
)
from kg.cli import eval as eval_command
from kg.cli.common import CliError

COMMANDS = (build, query, export, validate, serve, eval_command, entities, stats, path, neighbors, netexport, viz)


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="kg", description="Knowledge graphs from news text: extract, query, visualise."
    )
    main_parser.add_argument("--version", action="version", version=f"kg {__version__}")
    subparsers = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args) or 0
    except CliError as err:
        print(f"kg {args.command}: error: {err}", file=sys.stderr)
        return err.code
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted; outputs are complete or untouched", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
