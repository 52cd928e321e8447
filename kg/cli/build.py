"""``kg build INPUT... -o OUT``."""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from kg.cli.common import CliError
from kg.documents import MAX_CHARS, Problem, count_inputs
from kg.errors import KgError
from kg.progress import Progress

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.build import BuildReport

SHOWN_PROBLEMS = 5


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def seconds(text: str) -> float:
    value = float(text)
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of seconds, 0 or more, not {text}")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "build",
        help="extract facts from texts into a graph (graph.ttl, graph.html, facts.jsonl)",
        description="Read .txt/.md files, folders (recursively), .jsonl files, glob patterns or - (stdin); write "
        "graph.ttl, graph.html and facts.jsonl into the output folder; print a summary on stderr.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="file, folder, .jsonl, quoted glob pattern ('feeds/*.jsonl'), or - for stdin")
    p.add_argument("-o", "--out", default="out", help="output folder (default: out)")
    p.add_argument("--model", help="spaCy pipeline name or path (default: KG_SPACY_MODEL, then en_core_web_sm)")
    p.add_argument("--store", default="memory", metavar="STORE",
                   help="memory (default: write graph.ttl and graph.html), oxigraph:PATH (on-disk store) or "
                   "sparql:URL (SPARQL 1.1 endpoint); with a store, -o gets only facts.jsonl")
    p.add_argument("-j", "--jobs", type=positive, default=1, metavar="N", help="parse with N processes (default: 1)")
    p.add_argument("--cluster", metavar="ADDRESS",
                   help="parse on the workers of the Dask scheduler at ADDRESS (tcp://HOST:PORT; needs kg[cluster] "
                   "and the inputs at the same paths on every worker); resolution and outputs stay here")
    p.add_argument("--partition-size", type=positive, default=32, metavar="N",
                   help="with --cluster: documents (files or JSONL lines) per task (default: 32)")
    p.add_argument("--batch-size", type=positive, default=64, metavar="N",
                   help="documents per spaCy batch (default: 64); a batch holds at most 100,000 characters")
    p.add_argument("--time-budget", type=seconds, default=30.0, metavar="SECONDS",
                   help="skip (and report) a document whose extraction takes longer than SECONDS plus 1 s per "
                   "1,000 characters (default: 30; 0: no limit)")
    p.add_argument("--max-chars", type=positive, default=MAX_CHARS, metavar="N",
                   help=f"skip documents longer than N characters (default: {MAX_CHARS:,}); long documents "
                   "below it are parsed in pieces")
    p.add_argument("--title", help="title of graph.html (default: kg, and how many documents)")
    p.add_argument("--aliases", metavar="FILE",
                   help="names that are one entity, and entity types, applied while building: a TSV file "
                   "(NAME [(TYPE)] TAB OTHER NAME ...) or Turtle (owl:sameAs, skos:altLabel, rdf:type kg:T); "
                   "see README.md")
    p.add_argument("--fail-fast", action="store_true", help="stop at the first unreadable document (exit 1, nothing written)")
    p.add_argument("-v", "--verbose", action="store_true",
                   help=f"list every skipped document (default: the first {SHOWN_PROBLEMS} and a count)")
    p.add_argument("-q", "--quiet", action="store_true", help="print no progress line and no summary")
    p.set_defaults(run=run)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the imports and the spaCy pipeline make some hundred
    thousand objects that live as long as the process (collections would walk them again and
    again); frozen afterwards, so later collections skip them and forked workers share them."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def pipeline(model: str | None) -> Language:
    from kg.nlp import load

    with collector_paused():
        return load(model)


def run(args: argparse.Namespace) -> int:
    with collector_paused():
        from kg.aliases import read_aliases
        from kg.budget import TimeBudget
        from kg.build import build
        from kg.store import FileStore, open_store, store_class

    if issubclass(store_class(args.store), FileStore):  # a graph file is kg build's output, not where it builds
        raise CliError(f"--store {args.store!r}: expected memory, oxigraph:PATH or sparql:URL", code=2)
    if args.cluster:  # the workers load the pipeline; this process imports neither spaCy nor Dask without it
        if args.jobs > 1:
            raise CliError("--jobs and --cluster do not go together: the cluster's workers parse in parallel", code=2)
        try:
            import kg.cluster  # noqa: F401  (Dask is an optional extra: say so before reading anything)
        except ImportError as err:
            raise CliError(str(err), code=2) from err
    if args.jobs > 1 and "fork" not in multiprocessing.get_all_start_methods():
        raise CliError("--jobs above 1 needs processes started by fork (Linux, macOS); use -j 1 here", code=2)
    progress = None
    if not args.quiet and sys.stderr.isatty():
        progress = Progress(sys.stderr, total=count_inputs(args.inputs))

    def say(message: str) -> None:
        if progress is not None:
            progress.write(message)
        else:
            print(message, file=sys.stderr)

    shown = 0

    def report(problem: Problem) -> None:
        nonlocal shown
        if args.verbose or shown < SHOWN_PROBLEMS:
            shown += 1
            say(f"kg build: {'warning:' if problem.warning else 'skipped'} {problem}")

    def advance(state: BuildReport) -> None:
        if progress is not None:
            progress.update(state.documents, state.skipped, state.assertions)

    aliases = read_aliases(args.aliases) if args.aliases else None
    nlp = None if args.cluster else pipeline(args.model)  # the cluster's workers load their own
    store = None if args.store == "memory" else open_store(args.store)  # memory: files only, no graph held
    failure: KgError | None = None
    try:
        result = build(args.inputs, args.out, model=args.model, nlp=nlp, on_problem=report, store=store, jobs=args.jobs,
                       batch_size=args.batch_size, fail_fast=args.fail_fast, max_chars=args.max_chars,
                       on_document=advance, cluster=args.cluster,
                       partition_size=args.partition_size, aliases=aliases, title=args.title,
                       budget=TimeBudget(args.time_budget))
    except KgError as err:
        failure = err
    finally:
        try:
            if store is not None:
                store.close()
        except KgError as err:  # a store that failed to write fails to flush too: one message is enough
            failure = failure or err
        if progress is not None:
            progress.close()
    if failure is not None:
        raise failure
    if result.skipped + result.warnings > shown:
        hidden = result.skipped + result.warnings - shown
        what = "skipped documents" if not result.warnings else "skipped documents and warnings"
        print(f"kg build: {hidden} more {what} not listed (--verbose lists all)", file=sys.stderr)
    if not args.quiet:
        print(result.summary(), file=sys.stderr)
    return 0
