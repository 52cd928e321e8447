"""A build's triples on their way to ``graph.ttl``, held as N-Triples lines instead of a graph.

:class:`TripleSpool` takes each document's triples as they come and keeps them as distinct
N-Triples lines (the form :func:`kg.export.write_lines` sorts and hands to Oxigraph anyway);
past ``limit`` lines it writes them, sorted, to an anonymous temporary file and starts again, so
a build's memory does not grow with the graph (past :data:`MAX_RUNS` such runs, they are merged
into one, so the open files stay few). :meth:`TripleSpool.write` merges the sorted runs,
drops repeats and writes the Turtle (or N-Triples): the same bytes as writing an rdflib graph
holding the same triples with :func:`kg.graph.KnowledgeGraph.serialize`.
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from rdflib import RDF, RDFS
from rdflib.plugins.serializers.nt import _nt_row  # one triple as an N-Triples line, as rdflib writes it

from kg.export import write_lines
from kg.fileio import OutputError, atomic_writer

_OWN = {f"<{RDF.type}>", f"<{RDFS.label}>"}  # a node's own lines, gone when it merges into another
LIMIT = 50_000  # lines held in memory before a sorted run goes to disk (about 10 MB)
MAX_RUNS = 32


class TripleSpool:
    """Distinct triples as N-Triples lines, sorted runs spilled to disk past ``limit``."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._lines: set[str] = set()
        self._runs: list[IO[str]] = []

    def add(self, triples: Iterable[tuple[Any, Any, Any]]) -> None:
        """Add a batch of rdflib triples (repeats are no-ops)."""
        self._lines.update(map(_nt_row, dict.fromkeys(triples)))
        if len(self._lines) >= self.limit:
            self._spill()

    def rename(self, renames: Mapping[str, str]) -> None:
        """Merge nodes: every line that names an old IRI (a key of ``renames``) names its new one
        instead, and the old node's own type and label go (the build merges a surname read before
        the full name into that person's node, once, at its end)."""
        if not renames:
            return
        old = {f"<{iri}>": f"<{new}>" for iri, new in renames.items()}

        def renamed(line: str) -> str | None:
            subject, predicate, rest = line.split(" ", 2)
            obj = rest[:-3]  # "o .\n"
            if subject in old and predicate in _OWN:
                return None
            if subject not in old and obj not in old:
                return line
            return f"{old.get(subject, subject)} {predicate} {old.get(obj, obj)} .\n"

        self._lines = {new for line in self._lines if (new := renamed(line)) is not None}
        runs, self._runs = self._runs, []
        for run in runs:
            self._runs.append(_run(sorted(new for line in run if (new := renamed(line)) is not None)))
            run.close()

    def _spill(self) -> None:
        self._runs.append(_run(sorted(self._lines)))
        self._lines = set()
        if len(self._runs) >= MAX_RUNS:
            runs, self._runs = self._runs, []
            self._runs.append(_run(_distinct(heapq.merge(*runs))))
            for run in runs:
                run.close()

    def lines(self) -> Iterator[str]:
        """Every distinct line, sorted."""
        for run in self._runs:
            run.seek(0)
        return _distinct(heapq.merge(*self._runs, sorted(self._lines)))

    def write(self, path: str | Path, format: str = "turtle") -> Path:
        """Write the triples to ``path`` atomically as Turtle (or N-Triples, ``format="nt"``)."""
        path = Path(path)
        try:
            with atomic_writer(path, "wb") as handle:
                write_lines(self.lines(), handle, format)
        except OutputError:
            raise
        except OSError as err:
            raise OutputError(f"cannot write {path}: {err.strerror or err}") from err
        finally:
            self.close()
        return path

    def close(self) -> None:
        for run in self._runs:
            run.close()
        self._runs = []

    def __repr__(self) -> str:
        return "files"


def _run(lines: Iterable[str]) -> IO[str]:
    """Sorted lines in an anonymous temporary file, read from its start."""
    run = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
    run.writelines(lines)
    run.seek(0)
    return run


def _distinct(lines: Iterable[str]) -> Iterator[str]:
    """Sorted lines without repeats."""
    last = None
    for line in lines:
        if line != last:
            yield line
            last = line
