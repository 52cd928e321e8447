"""Streaming builds: parallel parsing, long documents in pieces, bounded memory, progress,
problem reporting, --fail-fast, and Ctrl-C leaving outputs complete or untouched."""

import gc
import io
import json
import signal
import subprocess
import sys
import time
import weakref
from pathlib import Path

import pytest

from kg.build import BadDocument, Builder, build
from kg.cli import main
from kg.documents import Document, Problem, count_inputs
from kg.extraction.chunks import chunks
from kg.pipeline import Extractor
from kg.progress import Progress

KG = str(Path(sys.executable).with_name("kg"))

ARTICLE = (
    "Governor Alma Reyes endorsed Victor Osei for the Senate on Monday. The announcement came at a "
    "rally in the state capital. Reyes said the race would be close. Judge Nora Lind recused "
    "herself from the fraud case. The court did not give a reason.\n\n"
    "Osei and Martin Cole will face each other in a runoff in July. Turnout was low in the first "
    "round. The weather on election day was mild.\n"
)


def corpus(n: int) -> list[Document]:
    return [Document(id=f"d{i}", text=ARTICLE.replace("Monday", f"day {i}"), date="2024-05-01") for i in range(n)]


def records(builder: Builder, documents, **kwargs) -> list[dict]:
    return [fact.to_record() for fact in builder.add(documents, **kwargs)]


def test_two_processes_give_the_same_facts_in_the_same_order(nlp):
    one = records(Builder(nlp=nlp), corpus(12), batch_size=4, n_process=1)
    two = records(Builder(nlp=nlp), corpus(12), batch_size=4, n_process=2)
    assert one == two
    assert {r["relation"] for r in one} >= {"endorses", "recused_from", "faces_in_runoff"}


def test_workers_take_batches_of_at_most_task_chars(nlp, monkeypatch):
    import kg.pipeline

    tasks: list[int] = []
    batches = Extractor._batches

    def spy(self, items, size, chars, max_chars=None):
        for batch in batches(self, items, size, chars, max_chars):
            tasks.append(sum(map(chars, batch)))
            yield batch

    monkeypatch.setattr(Extractor, "_batches", spy)
    monkeypatch.setattr(kg.pipeline, "TASK_CHARS", 2 * len(corpus(1)[0].text) + 10)
    two = [pair[1] for pair in Extractor(nlp).pipe(corpus(12), batch_size=64, n_process=2)]
    assert len(two) == 12
    assert len(tasks) == 6 and max(tasks) <= kg.pipeline.TASK_CHARS  # two documents a task, not 64


def test_chunks_cover_the_text_at_boundaries():
    text = ARTICLE * 40
    pieces = list(chunks(text, 500))
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset:offset + len(piece)] == piece and len(piece) <= 500 for offset, piece in pieces)
    assert all(piece.endswith(("\n", ". ")) for _, piece in pieces[:-1])


def test_a_ten_megabyte_line_is_cut_quickly():
    line = "word " * 2_000_000 + "x" * 300_000  # 10.3 MB, one line, ending in one long "word"
    started = time.perf_counter()
    pieces = list(chunks(line, 100_000))
    assert time.perf_counter() - started < 5
    assert sum(len(p) for _, p in pieces) == len(line) and max(len(p) for _, p in pieces) <= 100_000
    assert [o for o, _ in pieces] == sorted(o for o, _ in pieces)


def test_whitespace_pieces_are_left_out():
    assert list(chunks(" " * 50 + "b.", 10)) == [(50, "b.")]


def test_a_document_longer_than_max_length_is_parsed_in_pieces_with_exact_offsets(nlp, monkeypatch):
    text = ARTICLE * 30  # about 11,000 characters
    monkeypatch.setattr(nlp, "max_length", 2_000)
    extraction = Extractor(nlp).extract(Document(id="long", text=text))
    assert extraction.facts
    for fact in extraction.facts:
        assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.sentence
    assert max(f.evidence.start for f in extraction.facts) > 9_000
    monkeypatch.undo()
    whole = Extractor(nlp).extract(Document(id="long", text=text))
    # the same statements at the same places (a short last piece may know a name less well)
    key = lambda f: (f.relation, f.evidence.start, f.evidence.end, f.evidence.polarity)  # noqa: E731
    assert {key(f) for f in extraction.facts} == {key(f) for f in whole.facts}


def test_each_piece_of_a_long_document_is_parsed_alone(nlp, monkeypatch):
    """spaCy's memory follows the characters of a batch: a long document's pieces never share one,
    while short documents still do."""
    extractor = Extractor(nlp, max_chunk=2_000)
    batches: list[list[int]] = []
    pipe = nlp.pipe

    def recorded(texts, **kwargs):
        texts = list(texts)
        if kwargs.get("as_tuples"):  # kg's call, with (text, context) pairs; spaCy's own inner call hands on Docs
            batches.append([len(text) for text, _ in texts])
        return pipe(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", recorded)
    short = [Document(id=f"s{i}", text=ARTICLE) for i in range(3)]
    pairs = list(extractor.pipe([*short, Document(id="long", text=ARTICLE * 30), *short], batch_size=64))
    assert [d.id for d, _ in pairs] == ["s0", "s1", "s2", "long", "s0", "s1", "s2"]
    assert batches[0] == [len(ARTICLE)] * 3 and batches[-1] == [len(ARTICLE)] * 3
    pieces = batches[1:-1]
    assert len(pieces) > 5 and all(len(b) == 1 and b[0] <= 2_000 for b in pieces)
    assert sum(b[0] for b in pieces) == len(ARTICLE * 30)


def test_documents_are_not_held_after_they_are_built(nlp):
    alive: list[weakref.ref] = []

    def documents():
        for i in range(60):
            document = Document(id=f"d{i}", text=ARTICLE)
            alive.append(weakref.ref(document))
            yield document

    most = 0

    def count(report):
        nonlocal most
        if report.documents % 10 == 0:
            gc.collect()
            most = max(most, sum(ref() is not None for ref in alive))

    builder = Builder(nlp=nlp)
    for _ in builder.add(documents(), batch_size=4, on_document=count):
        pass
    assert builder.report.documents == 60 and most > 0
    assert most <= 10  # a batch being parsed and one being read ahead, never the corpus


def test_count_inputs(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("y")
    (tmp_path / "c.jsonl").write_text('{"text": "1"}\n{"text": "2"}\n{"text": "3"}\n')
    assert count_inputs([tmp_path]) == 5
    assert count_inputs([tmp_path / "a.txt", "-"]) is None


def test_progress_line_shows_rate_facts_and_eta():
    stream = io.StringIO()
    progress = Progress(stream, total=100)
    line = progress.text(documents=20, skipped=5, facts=42, now=progress.started + 10)
    assert line == "kg build: 20/100 documents, 5 skipped, 42 facts, 2.0 docs/s, ETA 0:30"
    progress.update(1, 0, 0)
    progress.write("kg build: skipped x: empty document")
    progress.close()
    written = stream.getvalue()
    assert written.count("\n") == 1 and written.endswith("\r\x1b[K")
    assert written.count("kg build: 1/100 documents, 0 skipped, 0 facts") == 2  # drawn, redrawn below the message


def test_no_progress_line_when_stderr_is_not_a_terminal(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    done = subprocess.run([KG, "build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "\r" not in done.stderr and "docs/s" not in done.stderr and "documents: 1 read" in done.stderr


@pytest.fixture
def half_bad(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [json.dumps({"id": f"g{i}", "text": "Ann Lee endorsed Bo Kim."}) if i % 10 else "{oops" for i in range(60)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_problems_are_terse_by_default(half_bad, tmp_path, capsys):
    assert main(["build", str(half_bad), "-o", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    assert err.count("malformed JSON") == 5
    assert "1 more skipped documents not listed (--verbose lists all)" in err
    assert "documents: 54 read, 6 skipped" in err


def test_verbose_lists_every_problem(half_bad, tmp_path, capsys):
    assert main(["build", str(half_bad), "-o", str(tmp_path / "o"), "--verbose", "-q"]) == 0
    err = capsys.readouterr().err
    assert err.count("malformed JSON") == 6 and "not listed" not in err


def test_fail_fast_stops_at_the_first_bad_document_and_writes_nothing(half_bad, tmp_path, capsys):
    out = tmp_path / "o"
    assert main(["build", str(half_bad), "-o", str(out), "--fail-fast"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"kg build: error: {half_bad}:1: malformed JSON (Expecting property name enclosed in double quotes at column 2) (stopped: --fail-fast)"]
    assert not out.exists() or list(out.iterdir()) == []


def test_fail_fast_in_the_library_raises(half_bad, tmp_path, nlp):
    with pytest.raises(BadDocument) as caught:
        build([half_bad], tmp_path / "o", nlp=nlp, fail_fast=True)
    assert isinstance(caught.value.problem, Problem)


def test_max_chars_skips_longer_documents(tmp_path, capsys):
    (tmp_path / "long.txt").write_text(ARTICLE * 3)
    (tmp_path / "short.txt").write_text("Ann Lee endorsed Bo Kim.")
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "o"), "--max-chars", "500"]) == 0
    err = capsys.readouterr().err
    assert f"long.txt: document too long ({len(ARTICLE * 3):,} characters; the limit is 500" in err
    assert "documents: 1 read, 1 skipped" in err


def test_jobs_must_be_positive(capsys):
    with pytest.raises(SystemExit):
        main(["build", "x", "--jobs", "0"])
    assert "must be at least 1" in capsys.readouterr().err


def _interrupt_build(tmp_path: Path, jobs: int) -> None:
    previous = tmp_path / "prev.txt"
    previous.write_text("Ann Lee endorsed Bo Kim.")
    out = tmp_path / "out"
    assert main(["build", str(previous), "-o", str(out), "-q"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"id": f"n{i}", "text": ARTICLE}) + "\n" for i in range(3000)))
    proc = subprocess.Popen([KG, "build", str(big), "-o", str(out), "-j", str(jobs)],
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not any(tmp_path.glob(".out.kg-new-*/*.tmp")):  # facts.jsonl is being written, staged
            assert proc.poll() is None and time.monotonic() < deadline, "build ended before it could be interrupted"
            time.sleep(0.01)
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert "interrupted; outputs are complete or untouched" in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no partial, no temporary file
    assert not list(tmp_path.glob(".out.kg-*"))  # no staging folder either


def test_ctrl_c_leaves_outputs_untouched(tmp_path):
    _interrupt_build(tmp_path, jobs=1)


def test_ctrl_c_with_two_processes_stops_the_workers_quietly(tmp_path):
    _interrupt_build(tmp_path, jobs=2)


def test_graphs_are_written_by_oxigraph_deterministically_as_the_same_graph(tmp_path, nlp):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kg.build import Builder
    from kg.documents import Document

    builder = Builder(nlp=nlp)
    list(builder.add([Document(id="a", text=ARTICLE)]))
    graph = builder.graph
    written = graph.serialize(tmp_path / "graph.ttl").read_bytes()
    assert written == graph.serialize(tmp_path / "again.ttl").read_bytes()
    assert written.startswith(b"@prefix ") and b"\nassertion:" in written and b"kg:Assertion" in written
    assert written != graph.graph.serialize(format="turtle", encoding="utf-8")  # not rdflib's writer
    assert isomorphic(Graph().parse(data=written, format="turtle"), graph.graph)
    lines = graph.serialize(tmp_path / "graph.nt").read_bytes().splitlines()
    assert lines == sorted(lines) and isomorphic(Graph().parse(tmp_path / "graph.nt", format="nt"), graph.graph)


def test_jsonl_on_stdin_is_read_line_by_line():
    from kg.documents import read_stream

    consumed = []

    class Lines(io.BytesIO):
        def __iter__(self):
            for number in range(1_000_000):
                consumed.append(number)
                yield (json.dumps({"id": f"s{number}", "text": "Ann Lee endorsed Bo Kim."}) + "\n").encode()

    stdin = io.TextIOWrapper(Lines())
    items = read_stream(stdin, "<stdin>")
    assert [next(items).id for _ in range(3)] == ["s0", "s1", "s2"]
    assert len(consumed) == 3
