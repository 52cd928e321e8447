"""Parse and extract on a Dask cluster; resolve and write here (``kg build --cluster``).

The client cuts the inputs into :class:`Partition` s (a few dozen text files, or a line range of a
JSONL file), in input order, and submits one task per partition. Each worker reads its partitions
itself (inputs must be at the same path on every worker: a shared or copied file system), parses
them with the spaCy pipeline that :class:`Pipeline`, a worker plugin, loaded once per worker
process, and returns per-document :class:`~kg.model.Extraction` s. The client takes the results
back in input order and hands them to :meth:`kg.build.Builder.add_extracted`: cross-document
resolution and every output stay in one process, so the graph equals a local build's.

A worker lost mid-build has its partitions rerun elsewhere by Dask; since only the client
writes, and each partition's result is taken once, nothing is written twice.
"""

from __future__ import annotations

import contextlib
import io
import sys
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

try:
    from distributed import Client, Future, WorkerPlugin, get_worker
except ImportError as err:  # pragma: no cover - depends on the installation
    raise ImportError("kg build --cluster needs Dask: pip install 'kg[cluster]'") from err

from kg import __version__
from kg.documents import (
    JSONL_SUFFIXES,
    MAX_CHARS,
    Document,
    Item,
    Problem,
    input_files,
    read_jsonl,
    read_stream,
    read_text_file,
)
from kg.errors import KgError
from kg.model import Extraction

PARTITION_DOCUMENTS = 32  # text files or JSONL lines per task
PARTITION_BYTES = 8 << 20  # and at most this much JSONL per task
IN_FLIGHT_PER_THREAD = 2  # partitions submitted ahead, per worker thread: bounds the client's memory
RECOUNT_SECONDS = 5  # how often the client counts the workers' threads again
Extracted = Problem | tuple[Document, Extraction]


class ClusterError(KgError, RuntimeError):
    """The cluster cannot be reached, has no workers, or failed a partition (the message says which)."""

    code = "E106"


@dataclass(frozen=True)
class Partition:
    """What one task reads and extracts, in order: text files, a line range of a JSONL file (bytes
    ``start`` to ``end``, the first of them line ``first_line``), or items the client already read
    (standard input, which only the client can see)."""

    number: int
    files: tuple[str, ...] = ()
    jsonl: str = ""
    start: int = 0
    end: int = 0
    first_line: int = 1
    items: tuple[Item, ...] = ()

    def read(self, max_chars: int = MAX_CHARS) -> Iterator[Item]:
        for file in self.files:
            yield from read_text_file(Path(file), max_chars=max_chars)
        if self.jsonl:
            try:
                with open(self.jsonl, "rb") as handle:
                    handle.seek(self.start)
                    data = handle.read(self.end - self.start)
            except OSError as err:
                yield Problem(self.jsonl, f"cannot read: {err.strerror or err}")
                return
            yield from read_jsonl(io.BytesIO(data), self.jsonl, max_chars, self.first_line)
        yield from self.items


def _line_ranges(path: Path, lines_per_range: int, max_bytes: int) -> tuple[list[tuple[int, int, int]], bool]:
    """``(start, end, first_line)`` byte ranges of whole lines, and whether any line is not blank."""
    ranges: list[tuple[int, int, int]] = []
    start = offset = lines = 0
    line = 1
    text = False
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            text = text or bool(block.strip())
            newline = block.find(b"\n")
            while newline >= 0:
                lines += 1
                end = offset + newline + 1
                if lines >= lines_per_range or end - start >= max_bytes:
                    ranges.append((start, end, line))
                    start, line, lines = end, line + lines, 0
                newline = block.find(b"\n", newline + 1)
            offset += len(block)
    if offset > start:
        ranges.append((start, offset, line))
    return ranges, text


def partitions(inputs: Iterable[str | Path], size: int = PARTITION_DOCUMENTS, max_chars: int = MAX_CHARS,
               max_bytes: int = PARTITION_BYTES) -> Iterator[Partition | Problem]:
    """The inputs as partitions, in :func:`~kg.documents.read_inputs` order; inputs that cannot be
    read at all are :class:`~kg.documents.Problem` s here, the rest are found by the workers."""
    number = 0
    files: list[str] = []

    def cut(**fields) -> Partition:
        nonlocal number
        number += 1
        return Partition(number, **fields)

    for path in inputs:
        if str(path) == "-":
            if files:
                yield cut(files=tuple(files))
                files = []
            batch: list[Item] = []
            for item in read_stream(sys.stdin, "<stdin>", max_chars):
                batch.append(item)
                if len(batch) == size:
                    yield cut(items=tuple(batch))
                    batch = []
            if batch:
                yield cut(items=tuple(batch))
            continue
        for file in input_files(path):
            if isinstance(file, Path) and file.suffix.lower() not in JSONL_SUFFIXES:
                files.append(str(file))
                if len(files) == size:
                    yield cut(files=tuple(files))
                    files = []
                continue
            if files:
                yield cut(files=tuple(files))
                files = []
            if isinstance(file, Problem):
                yield file
                continue
            try:
                ranges, text = _line_ranges(file, size, max_bytes)
            except OSError as err:
                yield Problem(str(file), f"cannot read: {err.strerror or err}")
                continue
            if not text:
                yield Problem(str(file), "empty document (no JSON lines)")
                continue
            for start, end, first_line in ranges:
                yield cut(jsonl=str(file), start=start, end=end, first_line=first_line)
    if files:
        yield cut(files=tuple(files))


class Pipeline(WorkerPlugin):
    """A worker plugin: loads the spaCy pipeline once per worker process and counts the documents
    the worker extracted."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self.version = __version__
        self.name = f"kg-pipeline-{model or 'default'}"

    def setup(self, worker) -> None:
        from kg.nlp import load
        from kg.pipeline import Extractor

        if __version__ != self.version:
            raise RuntimeError(f"this worker runs kg {__version__}, the client kg {self.version}")
        self.extractor = Extractor(load(self.model))
        self.lock = threading.Lock()  # one parse at a time per process, however many threads
        self.documents = 0

    def extract(self, partition: Partition, batch_size: int, max_chars: int) -> list[Extracted]:
        items = list(partition.read(max_chars))
        documents = [item for item in items if isinstance(item, Document)]
        with self.lock:
            pairs = iter(list(self.extractor.pipe(documents, batch_size)))
            self.documents += len(documents)
        # texts stay on the worker: the graph keeps a document's id, date, title and source
        return [item if isinstance(item, Problem) else (replace(item, text=""), next(pairs)[1]) for item in items]


def extract_partition(partition: Partition, plugin: str, batch_size: int, max_chars: int) -> list[Extracted]:
    """The task: read and extract one partition with this worker's :class:`Pipeline`."""
    pipeline = get_worker().plugins.get(plugin)
    if not isinstance(pipeline, Pipeline):
        raise RuntimeError(f"worker plugin {plugin!r} is not set up on this worker")
    return pipeline.extract(partition, batch_size, max_chars)


def _status(dask_worker) -> dict[str, int]:
    nlp = sys.modules.get("kg.nlp")
    return {"documents": sum(p.documents for p in dask_worker.plugins.values() if isinstance(p, Pipeline)),
            "pipelines": nlp.load.cache_info().currsize if nlp is not None else 0}


def worker_status(client: Client) -> dict[str, dict[str, int]]:
    """For each worker (by address): how many documents it has extracted since it joined, and how
    many spaCy pipelines its process holds."""
    return client.run(_status)


def connect(address: str, timeout: float = 10, wait: float = 120) -> Client:
    """A client of the Dask scheduler at ``address`` (given ``timeout`` seconds to answer), once
    at least one worker has joined (given ``wait`` seconds)."""
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {err}") from err
    try:
        client.wait_for_workers(1, timeout=wait)
    except (OSError, TimeoutError) as err:
        client.close()
        raise ClusterError(f"no Dask worker joined the scheduler at {address} within {wait:g} s") from err
    return client


def extract_on_cluster(inputs: Iterable[str | Path], address: str | Client, *, model: str | None = None,
                       batch_size: int = 16, max_chars: int = MAX_CHARS, size: int = PARTITION_DOCUMENTS,
                       timeout: float = 10) -> Iterator[Extracted]:
    """Extract the inputs on the cluster at ``address`` (or through a connected ``Client``):
    ``(document, extraction)`` pairs (the document without its text) and unreadable inputs, in
    input order, as :meth:`kg.build.Builder.add_extracted` takes them."""
    client = connect(address, timeout) if isinstance(address, str) else address
    try:
        plugin = Pipeline(model)
        try:
            client.register_plugin(plugin, name=plugin.name)
        except Exception as err:  # a worker that cannot load the pipeline, or runs another kg
            with contextlib.suppress(Exception):  # so that workers joining later do not try it again
                client.unregister_worker_plugin(plugin.name)
            raise ClusterError(f"cannot set up the kg pipeline on the workers: {err}") from err
        run = uuid.uuid4().hex[:8]
        window: deque[Future | Problem] = deque()
        in_flight = 0
        limit, counted = 0, -float("inf")
        for part in partitions(inputs, size, max_chars):
            if isinstance(part, Problem):
                window.append(part)
                continue
            window.append(client.submit(extract_partition, part, plugin.name, batch_size, max_chars,
                                        key=f"kg-extract-{run}-{part.number}"))
            in_flight += 1
            if time.monotonic() - counted > RECOUNT_SECONDS:  # workers may join (or leave) mid-build
                limit, counted = IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values())), time.monotonic()
            while in_flight > limit:
                entry = window.popleft()
                in_flight -= isinstance(entry, Future)
                yield from _take(entry)
        while window:
            yield from _take(window.popleft())
    finally:
        if isinstance(address, str):
            client.close()


def _take(entry: Future | Problem) -> Iterator[Extracted]:
    if isinstance(entry, Problem):
        yield entry
        return
    try:
        results = entry.result()
    except Exception as err:
        raise ClusterError(f"a partition failed on the cluster ({entry.key}): {type(err).__name__}: {err}") from err
    finally:
        entry.release()
    yield from results
