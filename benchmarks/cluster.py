"""Cluster builds: documents/s of ``kg build --cluster`` on 1 and 2 local Dask workers against
``kg build -j 1`` / ``-j 2``, the client's share of the CPU, and a paper estimate for a million
articles on N workers from the measured per-token and per-document costs.

Every figure is a whole ``kg build`` process (start-up, reading, outputs included), the median of
``--repeat`` runs. The workers are real ``dask worker`` processes (one thread each) on 127.0.0.1,
started once per worker count and warmed with a one-document build, as a standing cluster would
be: their pipeline load is reported apart. Their CPU is read from the operating system.

    python benchmarks/cluster.py --docs 200 --workers 1 2 [--store oxigraph]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents  # noqa: E402

BIN = Path(sys.executable).parent
TOKEN = re.compile(r"\w+|[^\w\s]")  # about spaCy's tokens
ARTICLES, ARTICLE_TOKENS = 1_000_000, 600


def run(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, with the processes it waited for) of one process."""
    before, started = os.times(), time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900)
    wall, after = time.perf_counter() - started, os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def cpu(pids: list[int]) -> float:
    return sum(sum(psutil.Process(pid).cpu_times()[:2]) for pid in pids)


class LocalCluster:
    """``dask scheduler`` and ``workers`` single-thread ``dask worker`` processes on 127.0.0.1."""

    def __init__(self, workers: int, folder: Path) -> None:
        scheduler_file = folder / "scheduler.json"
        scheduler_file.unlink(missing_ok=True)
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.processes = [subprocess.Popen([BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", "0",
                                            "--no-dashboard", "--scheduler-file", scheduler_file], **quiet)]
        deadline = time.monotonic() + 120
        while not scheduler_file.exists() or not scheduler_file.read_text().strip():
            if time.monotonic() > deadline:
                raise TimeoutError("the scheduler did not start")
            time.sleep(0.2)
        self.address = json.loads(scheduler_file.read_text())["address"]
        started = time.perf_counter()
        self.workers = [subprocess.Popen([BIN / "dask", "worker", self.address, "--nthreads", "1", "--no-nanny",
                                          "--no-dashboard", "--host", "127.0.0.1", "--local-directory", folder], **quiet)
                        for _ in range(workers)]
        self.processes += self.workers
        warm = folder / "warm.txt"
        warm.write_text("Kofi Addo endorsed Ines Varga on Monday.\n", encoding="utf-8")
        run([str(BIN / "kg"), "build", str(warm), "--cluster", self.address, "-q", "-o", str(folder / "warm")])
        self.ready = time.perf_counter() - started  # workers started, joined, pipeline loaded, one build

    def close(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--store", choices=("memory", "oxigraph"), default="memory",
                        help="build into the memory store (graph.ttl, graph.html) or a fresh Oxigraph store")
    args = parser.parse_args(argv)
    kg = str(BIN / "kg")
    with tempfile.TemporaryDirectory(prefix="kg-cluster-bench-") as tmp:
        folder = Path(tmp)
        corpus, one = folder / "corpus.jsonl", folder / "one.jsonl"
        records = list(documents(args.docs, args.seed))
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        one.write_text(json.dumps(records[0]) + "\n", encoding="utf-8")
        tokens = sum(len(TOKEN.findall(r["text"])) for r in records)
        print(f"{args.docs} documents, {tokens:,} tokens (benchmarks/corpus.py, seed {args.seed}); "
              f"median of {args.repeat} whole `kg build` runs into the {args.store} store; {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f}")
        print(f"{'build':<22} {'docs/s':>7} {'wall s':>7} {'client CPU s':>12} {'cluster CPU s':>13} {'client share':>12}")
        stores = iter(range(1_000_000))

        def store() -> list[str]:
            return [] if args.store == "memory" else ["--store", f"oxigraph:{folder / f'store{next(stores)}'}"]

        rows = {}
        for jobs in (1, 2):
            runs = [run([kg, "build", str(corpus), "-q", "-o", str(folder / "out"), "-j", str(jobs), *store()])
                    for _ in range(args.repeat)]
            wall, cpu_s = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
            rows[f"-j {jobs}"] = (wall, cpu_s, 0.0)
            print(f"{f'kg build -j {jobs}':<22} {args.docs / wall:>7.1f} {wall:>7.2f} {cpu_s:>12.2f} {'':>13} {'':>12}")
        costs = {}
        for workers in args.workers:
            cluster = LocalCluster(workers, folder)
            try:
                command = [kg, "build", "--cluster", cluster.address, "-q", "-o", str(folder / "out")]
                small = statistics.median(run([*command, str(one), *store()])[1] for _ in range(args.repeat))
                runs = []
                for _ in range(args.repeat):
                    before = cpu([p.pid for p in cluster.processes])
                    wall, client = run([*command, str(corpus), *store()])
                    runs.append((wall, client, cpu([p.pid for p in cluster.processes]) - before))
                wall, client, remote = (statistics.median(r[i] for r in runs) for i in range(3))
            finally:
                cluster.close()
            share = client / (client + remote)
            rows[f"{workers} workers"] = (wall, client, remote)
            costs[workers] = (remote / tokens, (client - small) / (args.docs - 1), small)
            print(f"{f'--cluster, {workers} worker' + 's' * (workers > 1):<22} {args.docs / wall:>7.1f} {wall:>7.2f} "
                  f"{client:>12.2f} {remote:>13.2f} {share:>11.0%}   (workers ready in {cluster.ready:.1f} s)")
        per_token, per_doc, fixed = costs[min(costs)]
        print(f"\nper document: workers {per_token * tokens / args.docs * 1000:.1f} ms CPU "
              f"({per_token * 1e6:.0f} us a token), client {per_doc * 1000:.2f} ms CPU (+ {fixed:.1f} s fixed)")
        parse = ARTICLES * ARTICLE_TOKENS * per_token
        client_total = ARTICLES * per_doc
        print(f"paper estimate, {ARTICLES:,} articles of {ARTICLE_TOKENS} tokens: parsing {parse / 3600:.1f} CPU-hours, "
              f"the client {client_total / 3600:.2f} hours (serial)")
        for n in (1, 8, 32, 100, 400):
            hours = max(parse / n, client_total) / 3600
            bound = "client" if client_total >= parse / n else "workers"
            print(f"  {n:>4} workers: {hours:6.2f} h ({bound}-bound)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
