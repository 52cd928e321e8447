"""Extraction time against document length, and pathological inputs against bare spaCy.

``lengths``: one generated news-like document (benchmarks/corpus.py paragraphs, many names) of
10k to 1M characters; for each, bare spaCy parse time (the pipeline as loaded, the same
pieces of at most 25,000 characters kg parses, one at a time) and kg extraction time
(``Extractor.pipe``: parse and extract), each in a fresh process that also reports its peak RSS; then the growth exponent of kg's
time (the slope of log time against log length; 1.0 is linear).

``pathological``: legal but hostile inputs (issue 15), kg's time over bare spaCy's.

``memory``: peak RSS and wall time of a whole ``kg build`` process (every output written) on one
generated document of ``--chars`` characters, against a bare spaCy process piping the same
pieces one at a time. The text goes to a temporary file, removed afterwards. A 5,000,000
character document takes minutes of CPU for each process.

    python benchmarks/scaling.py lengths --max 1000000
    python benchmarks/scaling.py pathological
    python benchmarks/scaling.py memory --chars 5000000
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LENGTHS = (10_000, 30_000, 100_000, 300_000, 1_000_000)


def news(chars: int, seed: int = 3) -> str:
    """At least ``chars`` characters of generated news paragraphs (cut at a paragraph)."""
    sys.path.insert(0, str(HERE))
    from corpus import documents

    out: list[str] = []
    total = 0
    for record in documents(10**9, seed):
        for paragraph in record["text"].split("\n\n"):
            out.append(paragraph)
            total += len(paragraph) + 2
            if total >= chars:
                return "\n\n".join(out)[:chars]
    raise AssertionError("unreachable")


def pathological() -> dict[str, str]:
    """The inputs the issue's "Done when" names, invented here."""
    first = ["Ana", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ida", "Jo", "Kai", "Liv"]
    last = ["Ruiz", "Lind", "Okafor", "Mensah", "Novak", "Sato", "Weber", "Rossi", "Tanaka", "Obi", "Haddad", "Moreau"]
    names = [f"{f} {l}{k}" for k in range(10) for f in first for l in last]  # 1,440 distinct names
    listing = "Governor Pia Lund endorsed " + ", ".join(names[:1200]) + " and Omar Haddad in the primary."
    many = " ".join(f"{names[k % len(names)]} endorsed {names[(k * 7 + 3) % len(names)]} on Monday, aides said."
                    for k in range(4000))[:200_000]
    words = ["the", "council", "met", "again", "and", "Mayor", "Ruiz", "spoke", "about", "budgets", "while", "residents",
             "waited", "outside", "for", "news", "of", "votes", "on", "plans"]
    run_on = " ".join(words[k % len(words)] for k in range(6000))[:30_000]
    depth = 400
    nested = "Ruiz said " + "“(Lind wrote ‘[Okafor said “" * depth + "Novak endorsed Sato" + "”]’)”" * depth + "."
    return {"1,200-item list": listing, "200k chars, many names": many, "30k-char sentence": run_on,
            "deep quote/bracket nesting": nested}


def _child(mode: str, text: str) -> dict:
    from kg.documents import Document
    from kg.extraction.chunks import MAX_CHUNK, chunks
    from kg.nlp import load
    from kg.pipeline import Extractor

    nlp = load()
    document = Document("bench", text)
    started = time.perf_counter()
    if mode == "parse":
        for _ in nlp.pipe((piece for _, piece in chunks(text, MAX_CHUNK)), batch_size=1):
            pass
        facts = 0
    else:
        ((_, extraction),) = Extractor(nlp).pipe([document])
        facts = len(extraction.facts)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "facts": facts, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def measure(mode: str, text: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "lengths", "--child", mode], input=text, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def peak_of(command: list[str], stdin_path: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process, from its own rusage."""
    started = time.perf_counter()
    with open(stdin_path or os.devnull, "rb") as stdin:
        child = subprocess.Popen(command, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        assert child.stderr is not None
        errors = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({child.returncode}): {errors.decode(errors='replace')[-500:]}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def memory(chars: int) -> None:
    """Peak RSS of ``kg build`` against bare spaCy on one document of ``chars`` characters."""
    with tempfile.TemporaryDirectory(prefix="kg-memory-") as tmp:
        source = Path(tmp) / "document.txt"
        source.write_text(news(chars), encoding="utf-8")
        kg = [sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main(sys.argv[1:]))",
              "build", str(source), "-o", str(Path(tmp) / "out"), "--time-budget", "0", "-q"]
        print(f"{'process':<30} {'chars':>10} {'wall s':>8} {'peak MiB':>9}", flush=True)
        bare = [sys.executable, __file__, "lengths", "--child", "parse"]
        for name, command, stdin in (("bare spaCy (the same pieces)", bare, source), ("kg build (all outputs)", kg, None)):
            seconds, peak = peak_of(command, stdin)
            print(f"{name:<30} {chars:>10,} {seconds:>8.1f} {peak:>9.0f}", flush=True)
        sizes = ", ".join(f"{p.name} {p.stat().st_size / 2**20:.1f} MiB" for p in sorted((Path(tmp) / "out").iterdir()))
        print(f"outputs: {sizes}")


def slope(points: list[tuple[float, float]]) -> float:
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(y) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["lengths", "pathological", "memory"])
    parser.add_argument("--max", type=int, default=1_000_000, help="longest document (characters)")
    parser.add_argument("--chars", type=int, default=5_000_000, help="memory: the document's length (characters)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args, _ = parser.parse_known_args(argv)
    if args.child:
        print(json.dumps(_child(args.child, sys.stdin.read())))
        return 0
    if args.what == "memory":
        memory(args.chars)
    elif args.what == "lengths":
        print(f"{'chars':>9} {'spaCy s':>8} {'kg s':>8} {'kg/spaCy':>8} {'facts':>6} {'spaCy MiB':>9} {'kg MiB':>7}")
        points = []
        for n in (n for n in LENGTHS if n <= args.max):
            text = news(n)
            bare, ours = measure("parse", text), measure("kg", text)
            points.append((n, ours["seconds"]))
            print(f"{n:>9,} {bare['seconds']:>8.2f} {ours['seconds']:>8.2f} {ours['seconds'] / bare['seconds']:>8.2f} "
                  f"{ours['facts']:>6} {bare['peak_mib']:>9.0f} {ours['peak_mib']:>7.0f}", flush=True)
        print(f"growth exponent of kg time: {slope(points):.2f} (1.0 is linear)")
    else:
        print(f"{'input':<28} {'chars':>8} {'spaCy s':>8} {'kg s':>8} {'kg/spaCy':>8} {'facts':>6} {'kg MiB':>7}")
        for name, text in pathological().items():
            bare, ours = measure("parse", text), measure("kg", text)
            print(f"{name:<28} {len(text):>8,} {bare['seconds']:>8.2f} {ours['seconds']:>8.2f} "
                  f"{ours['seconds'] / bare['seconds']:>8.2f} {ours['facts']:>6} {ours['peak_mib']:>7.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
