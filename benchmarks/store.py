"""The store at corpus scale: triples/s loading a built graph into an on-disk Oxigraph store, one
document's batch at a time as ``kg build --store oxigraph:PATH`` adds them, and the latency of
every named query (``kg query --named``) on that graph, in Oxigraph and in rdflib's memory store.

    python benchmarks/store.py --docs 10000 --jobs 2
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents  # noqa: E402

from kg import named  # noqa: E402
from kg.build import Builder  # noqa: E402
from kg.documents import Document  # noqa: E402
from kg.query import Rows  # noqa: E402
from kg.store import MemoryStore, OxigraphStore  # noqa: E402


def best(run, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return min(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    corpus = (Document(id=r["id"], text=r["text"], date=r["date"], title=r["title"]) for r in documents(args.docs, args.seed))
    builder = Builder()
    started = time.perf_counter()
    facts = list(builder.add(corpus, n_process=args.jobs))
    built = time.perf_counter() - started
    memory = MemoryStore(builder.graph)
    triples = list(builder.graph.graph)
    per_document = -(-len(triples) // builder.report.documents)
    print(f"{builder.report.documents:,} documents built in {built:.0f} s with {args.jobs} processes: "
          f"{len(triples):,} triples, {builder.report.assertions:,} statements")

    with tempfile.TemporaryDirectory() as folder:
        store = OxigraphStore(Path(folder) / "store")
        started = time.perf_counter()
        for start in range(0, len(triples), per_document):
            store.add(triples[start:start + per_document])
        loaded = time.perf_counter() - started
        assert len(store) == len(triples)
        print(f"Oxigraph load in batches of {per_document} triples (one document's worth): {len(triples):,} triples "
              f"in {loaded:.1f} s = {len(triples) / loaded:,.0f} triples/s")

        endorsement = next(f for f in facts if f.relation == "endorses" and f.evidence.polarity == "positive")
        dates = sorted(f.evidence.date for f in facts if f.evidence.date)
        values = {"document": endorsement.evidence.doc, "since": dates[len(dates) // 2],
                  "subject": endorsement.subject.label, "relation": "endorses", "object": endorsement.object.label}
        print(f"{'named query':<24} {'rows':>7} {'Oxigraph ms':>12} {'rdflib ms':>10}")
        for name, query in sorted(named.library().items()):
            sparql = query.render({p.name: values[p.name] for p in query.params})
            ox_s, ox_rows = best(lambda: store.query(sparql), args.repeat)
            rdf_s, rdf_rows = best(lambda: memory.query(sparql), 1)
            assert isinstance(ox_rows, Rows) and isinstance(rdf_rows, Rows) and len(ox_rows) == len(rdf_rows)
            print(f"{name:<24} {len(ox_rows):>7,} {ox_s * 1000:>12,.1f} {rdf_s * 1000:>10,.1f}")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
