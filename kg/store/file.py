"""A graph file (or a build folder's ``graph.ttl``) loaded into memory and written back atomically."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from xml.sax import SAXException

from rdflib.exceptions import Error as RdflibError

from kg.formats import BY_NAME, for_path
from kg.graph import KnowledgeGraph, graph_file
from kg.query import prepare_update
from kg.store.base import Store, StoreError, Triple
from kg.store.memory import MemoryStore


class FileStore(MemoryStore):
    """A graph file held in memory; what is added or updated goes back to the file (in its own
    format, through a temporary file renamed over it) on :meth:`flush` and :meth:`close`, and
    after each update. A build folder is rewritten as a set (:func:`kg.folder.refresh`): its
    ``graph.ttl``, its page and its ``facts.jsonl`` follow the change.

    A file of named graphs (TriG, N-Quads) is read as the union of its graphs, so it opens
    read-only: writing that union back would lose which graph each triple came from."""

    persistent = True

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.folder = Path(path) if Path(path).is_dir() else None
        self.path = graph_file(path)
        self.format = for_path(self.path) or BY_NAME["turtle"]
        try:
            kg = KnowledgeGraph.load(self.path)
        except OSError as err:
            raise StoreError(str(err)) from err
        except (SyntaxError, ValueError, RdflibError, SAXException) as err:  # what rdflib's parsers raise on bad input
            raise StoreError(f"cannot parse {path}: {' '.join(str(err).split())}") from err
        super().__init__(kg, read_only)
        self._changed = False
        self._broken = False  # an update failed half-way: the graph in memory is not written back

    @classmethod
    def open(cls, location: str, read_only: bool = False) -> Store:
        return cls(location, read_only=read_only)

    @property
    def writable(self) -> bool:
        return not self.read_only and not self.format.dataset

    def _check_writable(self) -> None:
        if self.format.dataset and not self.read_only:
            raise StoreError(f"{self.path} holds named graphs; load it into a store (oxigraph:PATH) to change it")
        super()._check_writable()

    def add(self, triples: Iterable[Triple]) -> None:
        super().add(triples)
        self._changed = True

    def update(self, sparql: str, allow_service: bool = False) -> None:
        self._check_writable()
        parsed = prepare_update(sparql, allow_service)  # a refused or invalid update changes nothing
        try:
            self.kg.graph.update(parsed)
        except BaseException:
            self._broken = True
            raise
        self._changed = True
        self.flush()

    def flush(self) -> None:
        if self._changed and not self._broken:
            if self.folder is not None:  # a build folder: its page and facts follow its graph
                from kg.folder import refresh

                refresh(self.folder, self.kg.graph)
            else:
                self.kg.serialize(self.path, self.format.name)
            self._changed = False

    def __repr__(self) -> str:
        return str(self.path)
