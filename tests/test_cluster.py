"""`kg build --cluster` on a real Dask scheduler and two real workers on 127.0.0.1: the same graph as a
local build, parsed by the workers, into memory, Oxigraph and a SPARQL server, surviving a lost worker."""

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from kg.build import build  # noqa: E402
from kg.cli import main  # noqa: E402
from kg.cluster import Partition, partitions, worker_status  # noqa: E402
from kg.documents import Problem, read_inputs  # noqa: E402
from kg.graph import KnowledgeGraph  # noqa: E402
from kg.store import OxigraphStore, SparqlStore  # noqa: E402

from .conftest import EXAMPLE_ARTICLE  # noqa: E402
from .store.test_server import binary, free_port, oxigraph_server, stop  # noqa: E402, F401

PEOPLE = [("Marta Olsen", "Olsen", "she"), ("Kofi Addo", "Addo", "he"), ("Ines Varga", "Varga", "she"),
          ("Tobias Lund", "Lund", "he"), ("Renata Solis", "Solis", "she"), ("Emil Strand", "Strand", "he"),
          ("Hiroshi Kato", "Kato", "he"), ("Leona Price", "Price", "she")]
PLACES = ["Brackwater", "Linden Falls", "Orvik", "Sally Cove"]
STORIES = [
    "{A} endorsed {B} for governor on {day}. At a rally in {place}, {b} thanked {a} for the support.",
    "{a} appointed {C} as finance minister in March. Critics in {place} said {c} lacked experience.",
    "{B} and {D} will face each other in a runoff next month. {d} said the race would be close.",
    "Judge {C} recused herself from the harbor contract inquiry. {c} gave no reason.",
    "{a} did not endorse {D}, a spokesperson said on {day}. {d} campaigned in {place} anyway.",
    "{D} was named chief of staff by {B}. The weather in {place} was mild on {day}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def story(n: int) -> str:
    """Invented news: full names first, then surnames that cross-document resolution must join."""
    pick = [PEOPLE[(n + k * (1 + n % 3)) % len(PEOPLE)] for k in range(4)]  # four different people
    names = {}
    for key, (full, last, _) in zip("ABCD", pick, strict=True):
        names[key], names[key.lower()] = full, last
    text = STORIES[n % len(STORIES)].format(day=DAYS[n % len(DAYS)], place=PLACES[n % len(PLACES)], **names)
    return text + " The council meets again in the spring."


def make_inputs(root: Path) -> list[str]:
    """A folder of text files (one empty), JSONL files matched by a glob (bad lines among them), a missing path."""
    texts = root / "texts"
    texts.mkdir()
    for n in range(20):
        header = f"date 2025-0{1 + n % 9}-1{n % 10}\n" if n % 3 else ""
        (texts / f"story{n:02d}.txt").write_text(header + story(n), encoding="utf-8")
    (texts / "blank.txt").write_text("  \n", encoding="utf-8")
    feeds = root / "feeds"
    feeds.mkdir()
    lines = [json.dumps({"id": f"wire-{n}", "text": story(n), "date": "2025-02-0{}".format(1 + n % 9),
                         "title": f"Wire {n}"}) for n in range(20, 34)]
    lines[3:3] = ["{not json", "", json.dumps({"id": "no-text", "text": ""})]
    (feeds / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (feeds / "b.jsonl").write_text(json.dumps({"text": story(40)}) + "\n" + json.dumps({"text": story(41)}), encoding="utf-8")
    (feeds / "blank.jsonl").write_text("\n \n", encoding="utf-8")
    return [str(texts), str(feeds / "*.jsonl"), str(root / "missing.txt")]


READABLE = 20 + 14 + 2  # documents make_inputs writes that can be read


# -- partitions: the items the workers read are exactly a local build's, in the same order -----------

def test_partitions_read_back_to_the_local_items(tmp_path, monkeypatch):
    inputs = make_inputs(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"text": "Kofi Addo endorsed Ines Varga."}\n{bad\n')))
    local = list(read_inputs([*inputs, "-"]))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"text": "Kofi Addo endorsed Ines Varga."}\n{bad\n')))
    parts = list(partitions([*inputs, "-"], size=3, max_bytes=400))
    read = [item for part in parts for item in ([part] if isinstance(part, Problem) else part.read())]
    assert read == local
    assert sum(1 for item in local if not isinstance(item, Problem)) == READABLE + 1
    cut = [part for part in parts if isinstance(part, Partition)]
    assert all(len(part.files) <= 3 for part in cut)
    ranges = [part for part in cut if part.jsonl.endswith("a.jsonl")]
    assert len(ranges) >= 6  # 17 lines of about 200 bytes, at most 400 bytes a range
    assert [p.number for p in cut] == list(range(1, len(cut) + 1))


def test_partitions_of_a_missing_glob_and_an_unreadable_jsonl(tmp_path):
    folder = tmp_path / "gone.jsonl"
    folder.mkdir()
    (tmp_path / "x.jsonl").symlink_to(tmp_path / "nowhere.jsonl")
    found = list(partitions([str(tmp_path / "none-*.jsonl"), str(tmp_path / "x.jsonl")]))
    assert found == list(read_inputs([str(tmp_path / "none-*.jsonl"), str(tmp_path / "x.jsonl")]))
    assert "no file or folder matches" in str(found[0])


# -- a real scheduler and two real workers ------------------------------------------------------------

@dataclass
class Cluster:
    address: str
    client: "distributed.Client"
    workers: list[subprocess.Popen]


def dask_command() -> str:
    beside = Path(sys.executable).with_name("dask")
    return str(beside) if beside.exists() else (shutil.which("dask") or pytest.skip("no dask command"))


def wait_for_file(path: Path, process: subprocess.Popen, seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"dask scheduler exited with {process.returncode}")
        try:
            return json.loads(path.read_text())
        except (OSError, ValueError):
            time.sleep(0.2)
    raise TimeoutError(f"no scheduler file after {seconds}s")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """`dask scheduler` and two `dask worker` processes (one thread each) on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("dask")
    scheduler_file = folder / "scheduler.json"
    common = ["--no-dashboard"]
    log = (folder / "dask.log").open("wb")
    processes = [subprocess.Popen([dask_command(), "scheduler", "--host", "127.0.0.1", "--port", "0", *common,
                                   "--scheduler-file", str(scheduler_file)], stdout=log, stderr=log)]
    client = None
    try:
        address = wait_for_file(scheduler_file, processes[0])["address"]
        workers = [subprocess.Popen([dask_command(), "worker", address, "--nthreads", "1", "--no-nanny", *common,
                                     "--host", "127.0.0.1", "--name", f"worker{n}", "--local-directory", str(folder)],
                                    stdout=log, stderr=log) for n in (1, 2)]
        processes += workers
        client = distributed.Client(address, timeout=60, set_as_default=False)
        client.wait_for_workers(2, timeout=180)
        yield Cluster(address, client, workers)
    finally:
        if client is not None:
            client.close()
        for process in reversed(processes):
            stop(process)
        log.close()


CLIENT = """
import json, sys, time
from kg.build import build
inputs, out, cluster = json.loads(sys.argv[1])
if cluster:
    import kg.cluster  # imported before the clock starts: a fixed cost, not a per-document one
started = time.process_time()
report = build(inputs, out, cluster=cluster, partition_size=3)
nlp = sys.modules.get("kg.nlp")
print(json.dumps({"cpu": time.process_time() - started, "pipelines": nlp.load.cache_info().currsize if nlp else 0,
                  "documents": report.documents, "skipped": report.skipped,
                  "problems": [str(p) for p in report.problems], "modules": sorted(m for m in ("dask", "distributed", "spacy")
                  if m in sys.modules)}))
"""


def run_build(inputs: list[str], out: Path, cluster: str | None) -> dict:
    done = subprocess.run([sys.executable, "-c", CLIENT, json.dumps([inputs, str(out), cluster])],
                          capture_output=True, text=True, timeout=600, check=True)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    return make_inputs(root)


@pytest.fixture(scope="module")
def local(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    return out, run_build(corpus, out, None)


@pytest.mark.server
@pytest.mark.slow
def test_cluster_build_equals_local_build_and_the_workers_parse(cluster, corpus, local, tmp_path):
    local_out, local_run = local
    before = worker_status(cluster.client)
    remote = run_build(corpus, tmp_path, cluster.address)
    after = worker_status(cluster.client)

    for name in ("facts.jsonl", "graph.ttl"):
        assert (tmp_path / name).read_bytes() == (local_out / name).read_bytes(), name
    assert (tmp_path / "graph.html").stat().st_size > 10_000
    assert remote["documents"] == local_run["documents"] == READABLE
    assert remote["problems"] == local_run["problems"] and remote["skipped"] == local_run["skipped"] == 5
    facts = [json.loads(line) for line in (tmp_path / "facts.jsonl").read_text().splitlines()]
    assert len(facts) > 30 and len({f["relation"] for f in facts}) >= 4

    # the workers parsed every document, both of them, with one pipeline each; the client imported
    # no spaCy (its CPU share is measured by benchmarks/cluster.py, not asserted: on a few dozen
    # short texts the Dask client's own overhead is the same size as parsing them)
    parsed = {worker: after[worker]["documents"] - before.get(worker, {"documents": 0})["documents"] for worker in after}
    assert sum(parsed.values()) == READABLE and len(parsed) == 2 and min(parsed.values()) > 0, parsed
    assert [status["pipelines"] for status in after.values()] == [1, 1]
    assert remote["pipelines"] == 0 and local_run["pipelines"] == 1
    assert local_run["modules"] == ["spacy"] and remote["modules"] == ["dask", "distributed"]


@pytest.mark.server
@pytest.mark.slow
def test_cluster_build_into_oxigraph_and_a_sparql_server(cluster, corpus, local, tmp_path, oxigraph_server):
    reference = KnowledgeGraph.load(local[0] / "graph.ttl").graph
    path = tmp_path / "store"
    assert main(["build", *corpus, "--cluster", cluster.address, "--store", f"oxigraph:{path}",
                 "-o", str(tmp_path / "a"), "-q"]) == 0
    store = OxigraphStore(path)
    try:
        assert set(store.graph()) == set(reference)
    finally:
        store.close()
    url = f"http://127.0.0.1:{oxigraph_server}/query"
    assert main(["build", *corpus, "--cluster", cluster.address, "--store", f"sparql:{url}",
                 "-o", str(tmp_path / "b"), "-q", "--partition-size", "5"]) == 0
    # each worker loaded its pipeline once, and kept it for every later build
    assert [status["pipelines"] for status in worker_status(cluster.client).values()] == [1, 1]
    assert set(SparqlStore(url).graph()) == set(reference)
    for out in ("a", "b"):
        assert (tmp_path / out / "facts.jsonl").read_bytes() == (local[0] / "facts.jsonl").read_bytes()
        assert not (tmp_path / out / "graph.ttl").exists()


@pytest.mark.server
@pytest.mark.slow
def test_bad_documents_are_reported_as_locally(cluster, tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Kofi Addo endorsed Ines Varga on Monday."}\n{oops\n', encoding="utf-8")
    assert main(["build", str(bad), str(tmp_path / "nothing.txt"), "--cluster", cluster.address,
                 "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert f"skipped {bad}:2: malformed JSON" in err and "nothing.txt: no such file or folder" in err
    assert "documents: 1 read, 2 skipped" in err
    assert main(["build", str(bad), "--cluster", cluster.address, "-o", str(tmp_path / "ff"), "--fail-fast"]) == 1
    assert "stopped: --fail-fast" in capsys.readouterr().err and not (tmp_path / "ff" / "facts.jsonl").exists()


@pytest.mark.server
@pytest.mark.slow
def test_standard_input_is_read_by_the_client_and_parsed_on_the_workers(cluster, tmp_path):
    lines = [json.dumps({"id": f"in-{n}", "text": story(n)}) for n in range(5)] + ["{oops"]
    code = "import sys; from kg.cli import main; sys.exit(main(sys.argv[1:]))"
    outputs = {}
    for name, extra in (("local", []), ("remote", ["--cluster", cluster.address, "--partition-size", "2"])):
        done = subprocess.run([sys.executable, "-c", code, "build", "-", "-o", str(tmp_path / name), *extra],
                              input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert "skipped <stdin>:6: malformed JSON" in done.stderr and "documents: 5 read, 1 skipped" in done.stderr
        outputs[name] = (tmp_path / name / "facts.jsonl").read_bytes()
    assert outputs["remote"] == outputs["local"] and outputs["local"].count(b"\n") > 3


@pytest.mark.server
@pytest.mark.slow
def test_a_pipeline_the_workers_cannot_load_is_one_line(cluster, tmp_path, capsys):
    assert main(["build", str(EXAMPLE_ARTICLE), "--cluster", cluster.address, "--model", "no_such_pipeline",
                 "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg build: error: cannot set up the kg pipeline on the workers") and "no_such_pipeline" in err
    assert "Traceback" not in err and not (tmp_path / "facts.jsonl").exists()


@pytest.mark.slow
def test_cluster_errors_are_one_line(tmp_path, capsys):
    port = free_port()
    started = time.monotonic()
    assert main(["build", str(EXAMPLE_ARTICLE), "--cluster", f"tcp://127.0.0.1:{port}", "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg build: error: cannot reach the Dask scheduler at tcp://127.0.0.1:") and "Traceback" not in err
    assert time.monotonic() - started < 40  # 10 s to answer, then the error
    assert not (tmp_path / "facts.jsonl").exists()
    assert main(["build", str(EXAMPLE_ARTICLE), "--cluster", "tcp://127.0.0.1:1", "-j", "2"]) == 2
    assert "do not go together" in capsys.readouterr().err


@pytest.mark.slow
def test_a_local_build_does_not_import_dask(tmp_path):
    code = ("import sys; from kg.cli import main; code = main(['build', sys.argv[1], '-o', sys.argv[2], '-q']); "
            "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    done = subprocess.run([sys.executable, "-c", code, str(EXAMPLE_ARTICLE), str(tmp_path)],
                          capture_output=True, text=True, timeout=300, check=True)
    assert done.stdout.split() == ["0", "[]"]
    assert (tmp_path / "graph.ttl").exists()


@pytest.mark.server
@pytest.mark.slow
def test_a_lost_worker_s_partitions_are_rerun_and_nothing_is_written_twice(cluster, corpus, local, tmp_path):
    """Runs last: one of the two workers is killed mid-build, the other finishes the build."""
    victim = cluster.workers[1]
    killed = []

    def kill_after_a_few(report) -> None:
        if report.documents == 3 and not killed:
            os.kill(victim.pid, signal.SIGKILL)
            killed.append(time.monotonic())

    report = build(corpus, tmp_path, cluster=cluster.address, partition_size=1, on_document=kill_after_a_few)
    assert killed and victim.wait(timeout=30) == -signal.SIGKILL
    assert report.documents == READABLE
    assert (tmp_path / "facts.jsonl").read_bytes() == (local[0] / "facts.jsonl").read_bytes()
    assert (tmp_path / "graph.ttl").read_bytes() == (local[0] / "graph.ttl").read_bytes()
    assert len(cluster.client.scheduler_info()["workers"]) == 1

