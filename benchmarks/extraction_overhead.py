"""How much time kg's extraction adds on top of spaCy's own parsing of the same documents.

    python benchmarks/extraction_overhead.py [--docs 200] [--repeat 3] [--model NAME]

The documents are the example articles in ``examples/`` and the development passages in
``tests/data/dev.jsonl``, cycled to ``--docs`` documents. Each timing is the best of ``--repeat``
runs after one warm-up, the runs interleaved, with one batch size, in CPU seconds of this
process (so other load on the machine does not skew the ratio): bare ``nlp.pipe`` against ``Extractor.pipe`` (the same ``nlp.pipe`` plus
extraction), and, as a cross-check, extraction alone over documents parsed beforehand. The
target is an overhead under 15%.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from itertools import cycle, islice
from pathlib import Path

from kg.documents import Document, read_path
from kg.evaluate import read_gold
from kg.nlp import load
from kg.pipeline import Extractor

ROOT = Path(__file__).resolve().parent.parent
TARGET = 0.15
BATCH = 16  # Extractor.pipe's default, used for both


def corpus(n: int) -> list[Document]:
    """``n`` documents: the examples and the dev passages, cycled."""
    base = [d for d in read_path(ROOT / "examples") if isinstance(d, Document)]
    base += [p.document() for p in read_gold(ROOT / "tests" / "data" / "dev.jsonl")]
    return [Document(id=f"{i}:{d.id}", text=d.text, date=d.date) for i, d in enumerate(islice(cycle(base), n))]


def best_of(repeat: int, *runs: Callable[[], object]) -> list[float]:
    """Best time of each run; the runs alternate so that drift in machine load hits them alike."""
    for run in runs:
        run()  # warm-up
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, spent in zip(runs, times):
            start = time.process_time()
            run()
            spent.append(time.process_time() - start)
    return [min(spent) for spent in times]


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--docs", type=int, default=200, help="number of documents (default: 200)")
    args.add_argument("--repeat", type=int, default=5, help="timed runs per measurement, best kept (default: 5)")
    args.add_argument("--model", help="spaCy pipeline name or path")
    opts = args.parse_args()

    nlp = load(opts.model)
    extractor = Extractor(nlp)
    documents = corpus(opts.docs)
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)

    parsed = list(nlp.pipe(texts, batch_size=BATCH))
    bare, full, alone = best_of(
        opts.repeat,
        lambda: list(nlp.pipe(texts, batch_size=BATCH)),
        lambda: list(extractor.pipe(documents, batch_size=BATCH)),
        lambda: [extractor.extract_parsed(d, doc) for d, doc in zip(documents, parsed)],
    )

    overhead = (full - bare) / bare
    print(f"documents: {len(documents)} ({words} words), model {nlp.meta.get('name')}, "
          f"best of {opts.repeat}, CPU seconds")
    print(f"{'spaCy nlp.pipe':<28} {bare:8.3f} s  {words / bare:9.0f} words/s")
    print(f"{'nlp.pipe + kg extraction':<28} {full:8.3f} s  {words / full:9.0f} words/s")
    print(f"{'kg extraction alone':<28} {alone:8.3f} s  {words / alone:9.0f} words/s")
    print(f"overhead: {overhead:+.1%} of spaCy's time (extraction alone: {alone / bare:.1%}); "
          f"target < {TARGET:.0%}: {'met' if overhead < TARGET else 'NOT met'}")


if __name__ == "__main__":
    main()
