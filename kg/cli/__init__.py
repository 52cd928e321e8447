"""The ``kg`` command: a thin layer over the library. One module per subcommand."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
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
from kg.errors import KgError

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


class Terminated(KeyboardInterrupt):
    """SIGTERM (what ``timeout``, ``kill`` and service managers send), handled as Ctrl-C is."""


def _terminate_handler(pid: int):
    def terminate(signum, frame) -> None:
        if os.getpid() != pid:  # a forked worker (-j N) inherited this handler: die as SIGTERM says
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise Terminated
    return terminate


def did_you_mean(argv: Sequence[str]) -> str | None:
    """A one-line hint when the first argument is a mistyped subcommand, else None."""
    import difflib

    choices = next(a.choices for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    first = next((a for a in argv if not a.startswith("-")), None)
    if first is None or first in choices or argv[:1] in (["-h"], ["--help"], ["--version"]):
        return None
    close = difflib.get_close_matches(first, list(choices), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else f" (choose from {', '.join(choices)})"
    return f"kg: error: unknown command '{first}'{hint}"


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    hint = did_you_mean(argv)
    if hint is not None:
        print(hint, file=sys.stderr)
        return 2
    args = parser().parse_args(argv)
    in_main_thread = threading.current_thread() == threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate_handler(os.getpid())) if in_main_thread else None
    try:
        return args.run(args) or 0
    except KgError as err:  # every error kg raises on purpose: one line, its documented exit status
        print(f"kg {args.command}: error: {err}", file=sys.stderr)
        return err.exit_status
    except KeyboardInterrupt as err:
        print(f"kg {args.command}: {'terminated' if isinstance(err, Terminated) else 'interrupted'}; "
              "outputs are complete or untouched", file=sys.stderr)
        return 128 + (signal.SIGTERM if isinstance(err, Terminated) else signal.SIGINT)
    except BrokenPipeError:
        return 0
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
