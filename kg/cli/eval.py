"""``kg eval GOLD.jsonl``: precision, recall and F1 of the extractor against a gold file."""

from __future__ import annotations

import argparse
import json

from kg.cli.common import CliError
from kg.options import SPLITS


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "eval",
        help="score extraction against a gold JSONL file (precision, recall, F1 per relation)",
        description="Run the extractor over every passage of a gold JSONL file (lines: {\"id\", \"text\", "
        "\"date\"?, \"trap\"?, \"triples\": [{\"subject\", \"relation\", \"object\"}]}) and compare its asserted "
        "facts with the gold triples. See README.md, Evaluation, for the matching rules.",
    )
    p.add_argument("gold", metavar="GOLD", help="gold file (.jsonl)")
    p.add_argument("--show", action="store_true", help="list misses and false facts per passage")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--relation", action="append", metavar="NAME",
                       help="score only this relation (repeatable; default: every relation the gold file labels)")
    which.add_argument("--all-relations", action="store_true",
                       help="score every relation kg extracts, labelled in the gold file or not")
    p.add_argument("--split", choices=SPLITS, default="all",
                   help="score the tune part, the hold-out part (ids ending in a number divisible by 4) "
                   "or all passages (default)")
    p.add_argument("--identity", action="store_true",
                   help="also report identity figures: gold persons split over several nodes, not typed as "
                   "persons, and junk entities by name (with --show, each split and mistyped person too)")
    p.add_argument("--model", help="spaCy pipeline name or path (default: KG_SPACY_MODEL, then en_core_web_sm)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg import nlp as nlp_module
    from kg.evaluate import GoldError, evaluate, extract, read_gold, score, split
    from kg.identity import identity_report
    from kg.ontology import relations
    from kg.pipeline import Extractor

    unknown = sorted(set(args.relation or ()) - set(relations()))
    if unknown:
        raise CliError(f"unknown relation {unknown[0]!r} (known: {', '.join(sorted(relations()))})", code=2)
    passages = split(read_gold(args.gold), args.split)
    if not passages:
        raise GoldError(f"{args.gold}: no passages in the {args.split} part")
    extractor = Extractor(nlp_module.load(args.model))
    only = set(relations()) if args.all_relations else args.relation
    if not args.identity:
        report = evaluate(extractor, passages, only=only)
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json else report.format(show=args.show))
        return 0
    extracted, problems = extract(extractor, passages)
    report = score(((p, e.facts) for p, e in extracted), only)
    report.problems = problems
    identity = identity_report(extracted)
    if args.json:
        print(json.dumps({**report.to_dict(), "identity": identity.to_dict()}, ensure_ascii=False, indent=2))
    else:
        print(report.format(show=args.show) + "\n\n" + identity.format(show=args.show))
    return 0
