"""A build's triples on their way to ``graph.ttl``, held as N-Triples lines instead of a graph.

:class:`TripleSpool` takes each document's triples as they come and keeps them as distinct
N-Triples lines (the form :func:`kg.export.write_lines` sorts and hands to Oxigraph anyway);
past ``limit`` lines it writes them, sorted, to an anonymous temporary file and starts again, so
a build's memory does not grow with the graph. :meth:`TripleSpool.write` merges the sorted runs,
drops repeats and writes the Turtle (or N-Triples): the same bytes as writing an rdflib graph
holding the same triples with :func:`kg.graph.KnowledgeGraph.serialize`.
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from rdflib.plugins.serializers.nt import _nt_row  # one triple as an N-Triples line, as rdflib writes it

from kg.export import write_lines
from kg.fileio import OutputError, atomic_writer

LIMIT = 250_000  # lines held in memory before a sorted run goes to disk (about 60 MB)


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

    def _spill(self) -> None:
        run = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
        run.writelines(sorted(self._lines))
        run.seek(0)
        self._runs.append(run)
        self._lines = set()

    def lines(self) -> Iterator[str]:
        """Every distinct line, sorted."""
        merged = heapq.merge(*self._runs, sorted(self._lines)) if self._runs else iter(sorted(self._lines))
        last = None
        for line in merged:
            if line != last:
                yield line
                last = line

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
