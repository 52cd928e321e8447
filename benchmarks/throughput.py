"""Throughput: words/s of bare spaCy ``nlp.pipe`` against ``kg build`` (Builder.add) on the same
generated documents, with the same number of processes. Target: kg >= 0.85x bare spaCy.

Each measurement is the best of ``--repeat`` runs, alternating spaCy and kg, in wall-clock time
and in CPU time (user + system, this process and its workers): on a shared machine the CPU
figure is the steadier one.

    python benchmarks/throughput.py --docs 400 --jobs 1 2
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents  # noqa: E402

from kg.build import Builder  # noqa: E402
from kg.documents import Document  # noqa: E402
from kg.nlp import load  # noqa: E402


def corpus(n: int, seed: int) -> list[Document]:
    return [Document(id=r["id"], text=r["text"], date=r["date"], title=r["title"]) for r in documents(n, seed)]


def bare_spacy(docs: list[Document], jobs: int, batch_size: int) -> None:
    for _ in load().pipe((d.text for d in docs), batch_size=batch_size, n_process=jobs):
        pass


def kg_build(docs: list[Document], jobs: int, batch_size: int) -> None:
    for _ in Builder(nlp=load()).add(docs, batch_size=batch_size, n_process=jobs):
        pass


def timed(run: Callable[[], None]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (this process and the workers it waited for)."""
    before, started = os.times(), time.perf_counter()
    run()
    wall, after = time.perf_counter() - started, os.times()
    cpu = sum(getattr(after, f) - getattr(before, f) for f in ("user", "system", "children_user", "children_system"))
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    docs = corpus(args.docs, args.seed)
    words = sum(len(d.text.split()) for d in docs)
    load()("Warm up the pipeline once.")
    print(f"{len(docs)} documents, {words:,} words (benchmarks/corpus.py, seed {args.seed}); best of {args.repeat}")
    print(f"{'processes':>9}  {'spaCy words/s':>13}  {'kg words/s':>10}  {'kg/spaCy':>8}  "
          f"{'spaCy words/CPU-s':>17}  {'kg words/CPU-s':>14}  {'kg/spaCy':>8}")
    for jobs in args.jobs:
        spacy_runs, kg_runs = [], []
        for _ in range(args.repeat):
            spacy_runs.append(timed(lambda: bare_spacy(docs, jobs, args.batch_size)))
            kg_runs.append(timed(lambda: kg_build(docs, jobs, args.batch_size)))
        spacy_wall, spacy_cpu = (min(r[i] for r in spacy_runs) for i in (0, 1))
        kg_wall, kg_cpu = (min(r[i] for r in kg_runs) for i in (0, 1))
        print(f"{jobs:>9}  {words / spacy_wall:>13,.0f}  {words / kg_wall:>10,.0f}  {spacy_wall / kg_wall:>7.2f}x  "
              f"{words / spacy_cpu:>17,.0f}  {words / kg_cpu:>14,.0f}  {spacy_cpu / kg_cpu:>7.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
