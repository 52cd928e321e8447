"""Throughput of ``kg build`` against bare spaCy, measured as a user runs them: whole processes.

* kg: ``kg build CORPUS.jsonl -o OUT -q -j N``: start-up, imports, model load, parsing,
  extraction, resolution, the graph, and every output (``facts.jsonl``, ``graph.ttl``,
  ``graph.html``);
* spaCy: a Python process that loads the same pipeline and runs ``nlp.pipe(texts, n_process=N)``
  over the same texts (read from the same JSONL) with spaCy's own default batch size.

The two run in turn (kg, spaCy, kg, spaCy, ...) and each pair gives a ratio, so a machine whose
speed drifts moves both sides of a ratio alike; the median pair is printed, with the range.
Throughput ratio = spaCy's wall seconds / kg's wall seconds (1.00 = as fast as bare spaCy). CPU
seconds and peak RSS come from ``os.wait4`` (peak: the largest single process).

kg's modules are byte-compiled first, as ``pip install`` leaves them (spaCy's are): where
``PYTHONDONTWRITEBYTECODE`` is set, a source checkout would otherwise compile kg on every run.

The corpora are generated (``benchmarks/corpus.py``): short passages (about 40 words) and long
articles (about 1,300 words). ``--texts FILE.jsonl`` measures any JSONL with a ``text`` field
instead (read at run time, never copied).

    python benchmarks/throughput.py --short 400 --long 40 --jobs 1 2 --pairs 3
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents  # noqa: E402

SPACY = """
import json, sys
import spacy

nlp = spacy.load(sys.argv[1])
def texts():
    with open(sys.argv[2], encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)["text"]
for doc in nlp.pipe(texts(), n_process=int(sys.argv[3])):
    pass
"""


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mib: float


def run(command: list[str]) -> Run:
    """Run a command to its end; wall seconds, CPU seconds (its own and its children's), peak RSS."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {process.returncode}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def write_corpus(path: Path, n: int, length: str, seed: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in documents(n, seed, length):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def measure(name: str, corpus: Path, jobs: int, pairs: int, model: str, work: Path, extra: list[str]) -> str:
    with corpus.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    words = sum(len(t.split()) for t in texts)
    kg = [str(Path(sys.executable).parent / "kg"), "build", str(corpus), "-o", str(work / "out"), "-q",
          "-j", str(jobs), "--model", model, *extra]
    spacy = [sys.executable, "-c", SPACY, model, str(corpus), str(jobs)]
    kg_runs, spacy_runs = [], []
    for _ in range(pairs):
        kg_runs.append(run(kg))
        spacy_runs.append(run(spacy))
    ratios = sorted(s.wall / k.wall for k, s in zip(kg_runs, spacy_runs))
    cpu_ratios = sorted(s.cpu / k.cpu for k, s in zip(kg_runs, spacy_runs))

    def median(runs: list[Run], field: str) -> float:
        return statistics.median(getattr(r, field) for r in runs)

    return (f"{name:<16} {len(texts):>6} {words:>9,} {jobs:>3}  "
            f"{words / median(spacy_runs, 'wall'):>9,.0f} {words / median(kg_runs, 'wall'):>9,.0f}  "
            f"{statistics.median(ratios):>5.2f}x ({ratios[0]:.2f}-{ratios[-1]:.2f})  "
            f"{statistics.median(cpu_ratios):>5.2f}x  "
            f"{median(spacy_runs, 'peak_mib'):>7,.0f} {median(kg_runs, 'peak_mib'):>7,.0f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", type=int, default=400, help="short passages to generate (0: none)")
    parser.add_argument("--long", type=int, default=40, help="long articles to generate (0: none)")
    parser.add_argument("--texts", type=Path, action="append", default=[], help="also measure this JSONL file")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--pairs", type=int, default=3, help="paired runs per setting (default: 3)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--model", help="spaCy pipeline (default: the one kg resolves)")
    parser.add_argument("--kg-args", default="", help="more options for kg build, e.g. '--batch-size 64'")
    args = parser.parse_args(argv)
    import kg
    from kg.nlp import resolve_model_name

    compileall.compile_dir(Path(kg.__file__).parent, quiet=1)
    model = resolve_model_name(args.model)
    with tempfile.TemporaryDirectory(prefix="kg-throughput-") as tmp:
        work = Path(tmp)
        corpora = []
        for length, n in (("short", args.short), ("long", args.long)):
            if n:
                path = work / f"{length}.jsonl"
                write_corpus(path, n, length, args.seed)
                corpora.append((f"{length} (generated)", path))
        corpora += [(path.name, path) for path in args.texts]
        print(f"kg build against bare spaCy ({model}, nlp.pipe with its default batch size), whole processes, "
              f"median of {args.pairs} paired runs")
        print(f"{'corpus':<16} {'docs':>6} {'words':>9} {'-j':>3}  {'spaCy w/s':>9} {'kg w/s':>9}  "
              f"{'kg/spaCy wall (range)':<21}  {'cpu':>6}  {'spaCy MiB':>7} {'kg MiB':>7}")
        for name, path in corpora:
            for jobs in args.jobs:
                print(measure(name, path, jobs, args.pairs, model, work, shlex.split(args.kg_args)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
