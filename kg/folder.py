"""A build folder's files (``graph.ttl``, ``graph.html``, ``facts.jsonl``): the output step of a
build, and the refresh after its graph changed (``kg query FOLDER --update``).

Both go through an :class:`~kg.outputs.OutputSet`, so a reader sees the old set or the new one.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, Graph

from kg.export import export
from kg.fileio import atomic_writer
from kg.ontology import KG
from kg.outputs import OutputSet
from kg.rdf import record_assertion_iri
from kg.spool import TripleSpool

if TYPE_CHECKING:
    import networkx as nx

GRAPH, PAGE, FACTS = "graph.ttl", "graph.html", "facts.jsonl"
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def write_graph(outputs: OutputSet, triples: Graph | TripleSpool, drawn: Graph | nx.MultiDiGraph, title: str) -> None:
    """Stage ``graph.ttl`` (``triples``: a graph, or a build's spool) and the page ``graph.html``
    (drawn from ``drawn``: the graph, or the facts collected as they were found) in ``outputs``."""
    from kg.viz import write_html  # the page's code loads only when a page is drawn

    if isinstance(triples, TripleSpool):
        triples.write(outputs.path(GRAPH))
    else:
        export(triples, outputs.path(GRAPH))
    write_html(drawn, outputs.path(PAGE), title=title)


def page_title(folder: Path, default: str = "kg") -> str:
    """The title of the folder's ``graph.html``, or ``default``."""
    try:
        match = _TITLE.search((folder / PAGE).read_text(encoding="utf-8", errors="replace")[:65536])
    except OSError:
        return default
    return html.unescape(match[1]) if match else default


def refresh(folder: str | Path, graph: Graph) -> list[Path]:
    """Rewrite a build folder whose graph changed: ``graph.ttl``, ``graph.html`` (its title kept)
    and ``facts.jsonl`` narrowed to the statements still in the graph (a statement an update adds
    has no extraction record: it is in the graph and the page, not in ``facts.jsonl``)."""
    folder = Path(folder)
    with OutputSet(folder) as outputs:
        write_graph(outputs, graph, graph, page_title(folder))
        if (folder / FACTS).is_file():
            with open(folder / FACTS, encoding="utf-8") as source, atomic_writer(outputs.path(FACTS)) as kept:
                for line in source:
                    try:
                        record = json.loads(line)
                        stated = (record_assertion_iri(record), RDF.type, KG.Assertion) in graph
                    except (ValueError, KeyError, TypeError):
                        stated = True  # not a record kg wrote: kept as it is
                    if stated:
                        kept.write(line)
        return outputs.commit()
