"""SPARQL over a graph: prefixes predeclared, clear errors, results as rows or text tables."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, cast

from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import KgError
from kg.guard import QueryError, QueryRefused, check
from kg.ontology import PREFIXES
from kg.options import ROW_FORMATS

__all__ = ["QueryError", "QueryRefused", "QueryTimeout", "IsUpdate", "Rows", "prepare", "prepare_update", "run",
           "format_rows"]

FORMATS = ROW_FORMATS


class QueryTimeout(KgError, RuntimeError):
    """A query ran past its time limit and was stopped."""

    code = "E102"


class IsUpdate(QueryError):
    """A SPARQL Update where a query was expected (updates run only when asked for)."""


@dataclass(frozen=True)
class Rows:
    """SELECT results: ``variables`` and rows of rdflib terms (``None`` where unbound)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    graph: Graph | None = None

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def dicts(self) -> list[dict[str, Any]]:
        """Rows as dicts of Python values (literals converted, IRIs as strings)."""
        return [{v: _python(t) for v, t in zip(self.variables, row)} for row in self.rows]


def _python(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return value if isinstance(value, str | int | float | bool) else str(term)
    return str(term)


def _parse(update: bool, text: str):
    # rdflib's SPARQL parser (pyparsing) loads only when a query is parsed here
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery, prepareUpdate
    from rdflib.plugins.sparql.sparql import SPARQLError

    try:
        return (prepareUpdate if update else prepareQuery)(text, initNs=PREFIXES)
    except ParseException as err:
        raise QueryError(f"invalid SPARQL at line {err.lineno}, column {err.col}: {err.msg}\n  {err.line}") from err
    except Exception as err:
        if type(err) is not Exception and not isinstance(err, ValueError | SPARQLError):
            raise  # a bug, not a bad query
        # rdflib reports an unknown prefix (and some algebra errors) as a bare Exception
        raise QueryError(f"invalid SPARQL: {err}") from err


def prepare(text: str, allow_service: bool = False):
    """Parse a query with kg's prefixes predeclared, after :func:`kg.guard.check`: :class:`QueryError`
    if it is not SPARQL or is refused, :class:`IsUpdate` if it is a SPARQL Update."""
    check(text, allow_service)
    try:
        return _parse(False, text)
    except QueryError:
        try:
            _parse(True, text)
        except QueryError:
            pass
        else:
            raise IsUpdate("this is a SPARQL Update, which changes the graph; kg query runs it only with --update") from None
        raise


def prepare_update(text: str, allow_service: bool = False):
    """Parse a SPARQL Update with kg's prefixes predeclared (:class:`QueryError` if it is not one, or
    is refused by :func:`kg.guard.check`)."""
    check(text, allow_service)
    try:
        return _parse(True, text)
    except QueryError as err:
        try:
            _parse(False, text)
        except QueryError:
            raise err from None
        raise QueryError("--update expects a SPARQL Update (INSERT, DELETE, ...), not a query") from None


def run(graph: Graph, text: str, allow_service: bool = False) -> Rows | bool | Graph:
    """Run a query: SELECT gives :class:`Rows`, ASK a bool, CONSTRUCT/DESCRIBE a graph."""
    query = prepare(text, allow_service)
    result = graph.query(query)
    if result.type == "ASK":
        return bool(result.askAnswer)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        return result.graph
    variables = tuple(str(v) for v in result.vars or ())
    return Rows(variables, tuple(tuple(row) for row in cast(Iterable[tuple], result)), graph)


def _text(term: Any, graph: Graph | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef) and graph is not None:
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:
            return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _json_term(term: Any) -> dict[str, str] | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def format_rows(rows: Rows, fmt: str = "table") -> str:
    """Render SELECT results as an aligned table, CSV, TSV or SPARQL 1.1 JSON results."""
    if fmt == "json":
        bindings = [
            {v: j for v, t in zip(rows.variables, row) if (j := _json_term(t)) is not None} for row in rows.rows
        ]
        return json.dumps({"head": {"vars": list(rows.variables)}, "results": {"bindings": bindings}}, indent=2)
    cells = [[_text(t, rows.graph) for t in row] for row in rows.rows]
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(rows.variables)
        writer.writerows(cells)
        return buffer.getvalue().rstrip("\n")
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(rows.variables)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(v.ljust(w) for v, w in zip(rows.variables, widths)), line]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)
