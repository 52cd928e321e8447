"""Peak memory (RSS) of a build for a small and a ten times larger generated corpus.

Each measurement runs in a fresh subprocess that reports ``resource.getrusage`` maxrss. Two modes:

* ``stream``: read JSONL -> parse -> extract -> resolve -> ``facts.jsonl`` (no in-memory graph):
  the streaming pipeline itself, whose memory must not grow with the corpus;
* ``build``: the whole ``kg build`` with its three outputs: no graph is held (the Turtle's lines
  are spooled, sorted runs on disk past a bound), the page's facts are;
* ``memory``: the same build into the rdflib memory store (``build(store=MemoryStore())``, the
  library's way to keep the graph for queries), which grows with the number of distinct facts;
* ``oxigraph``: the whole ``kg build --store oxigraph:PATH``, the graph on disk.

    python benchmarks/memory.py --small 1000 --large 10000 --length short --modes stream build
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(mode: str, corpus: Path, out: Path) -> dict:
    from kg.build import build
    from kg.documents import Document, read_inputs
    from kg.fileio import atomic_writer
    from kg.nlp import load
    from kg.pipeline import Extractor
    from kg.resolve import Resolver
    from kg.store import MemoryStore, OxigraphStore

    if mode == "stream":
        extractor, resolver = Extractor(load()), Resolver()
        documents = facts = 0
        with atomic_writer(out / "facts.jsonl") as handle:
            for _, extraction in extractor.pipe(d for d in read_inputs([corpus]) if isinstance(d, Document)):
                documents += 1
                for entity in extraction.entities:
                    resolver.canonical(entity)
                for fact in extraction.facts:
                    handle.write(json.dumps(resolver.fact(fact).to_record(), ensure_ascii=False) + "\n")
                    facts += 1
    else:
        store = OxigraphStore(out / "store") if mode == "oxigraph" else MemoryStore() if mode == "memory" else None
        report = build([corpus], out, store=store)
        documents, facts = report.documents, report.assertions
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"documents": documents, "statements": facts, "peak_mib": peak_kib / 1024}


def run(mode: str, n: int, seed: int, length: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        subprocess.run([sys.executable, str(HERE / "corpus.py"), str(n), "--seed", str(seed), "--length", length,
                        "-o", str(corpus)], check=True)
        done = subprocess.run([sys.executable, __file__, "--child", mode, str(corpus), folder],
                              check=True, capture_output=True, text=True)
        return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--length", choices=["short", "mixed", "long"], default="mixed",
                        help="document lengths (benchmarks/corpus.py; default: mixed)")
    parser.add_argument("--modes", nargs="+", default=["stream", "build", "memory", "oxigraph"],
                        choices=["stream", "build", "memory", "oxigraph"])
    parser.add_argument("--child", nargs=3, metavar=("MODE", "CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, corpus, out = args.child
        print(json.dumps(measure(mode, Path(corpus), Path(out))))
        return 0
    print(f"{'mode':<8} {'documents':>9} {'statements':>10} {'peak RSS MiB':>12}")
    for mode in args.modes:
        small, large = (run(mode, n, args.seed, args.length) for n in (args.small, args.large))
        for row in (small, large):
            print(f"{mode:<8} {row['documents']:>9,} {row['statements']:>10,} {row['peak_mib']:>12,.0f}")
        print(f"{mode:<8} {args.large // args.small}x the documents: {large['peak_mib'] / small['peak_mib']:.2f}x the peak RSS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
