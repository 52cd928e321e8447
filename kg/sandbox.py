"""Run one query in a child process with a deadline, so no query can hang or crash kg.

A query that runs past its deadline is stopped by killing the child (the CPU is freed at once:
neither engine can be interrupted from inside); one that crashes the engine (Oxigraph's stack
overflow, rdflib's ``RecursionError``) ends as a one-line :class:`~kg.guard.QueryError`. The child
is forked, so it shares the parent's loaded graph; an on-disk Oxigraph store is reopened in it.
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import signal

from rdflib import Graph

from kg.graph import new_graph
from kg.guard import QueryError, check
from kg.query import QueryTimeout, Rows
from kg.store import Store, StoreError, open_store, store_class

_KNOWN = (QueryError, QueryTimeout, StoreError)


def query(store: Store | str, text: str, timeout: float | None = None,
          allow_service: bool = False) -> Rows | bool | Graph:
    """``store.query(text)`` in a forked child stopped after ``timeout`` seconds (``None``: no limit).

    ``store`` is a store, or a spec (:func:`~kg.store.open_store`) that the child opens read-only,
    so the graph is loaded where the query runs. The text passes :func:`kg.guard.check` here first,
    so a refused query never forks. An endpoint (``sparql:URL``) is asked directly: it has
    its own limit.
    """
    if isinstance(store, str) and store_class(store).remote:
        store = open_store(store)
    if not isinstance(store, str) and store.remote:
        return store.query(text, allow_service)
    check(text, allow_service)
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(store, text, allow_service, writer), daemon=True)
    child.start()
    writer.close()
    try:
        if not reader.poll(timeout):
            raise QueryTimeout(f"the query ran past the time limit of {timeout:g} s and was stopped (--timeout)")
        try:
            kind, payload = reader.recv()
        except EOFError:
            child.join(5)
            code = child.exitcode
            how = f"signal {-code}" if code is not None and code < 0 else f"status {code}"
            raise QueryError(f"the query engine crashed on this query ({how}); simplify the query") from None
    finally:
        if child.is_alive() and child.pid is not None:
            os.kill(child.pid, signal.SIGKILL)
        child.join()
        reader.close()
    if kind == "error":
        raise payload
    if kind == "graph":
        graph = new_graph()
        graph.parse(data=payload, format="nt")
        return graph
    if kind == "rows":
        variables, rows, namespaces = payload
        graph = new_graph()  # the store's prefixes, for showing IRIs as they do
        for prefix, namespace in namespaces:
            graph.bind(prefix, namespace, override=False)
        return Rows(variables, rows, graph)
    return payload


def _child(store: Store | str, text: str, allow_service: bool, writer) -> None:
    faulthandler.disable()  # an engine crash is reported by the parent in one line, not dumped here
    message: tuple[str, object]
    try:
        if isinstance(store, str):
            store = open_store(store, read_only=True)
        else:
            store = store.reader()  # e.g. a new Oxigraph handle: a forked RocksDB handle is not safe to use
        result = store.query(text, allow_service)
        if isinstance(result, Rows):
            namespaces = [(p, str(n)) for p, n in result.graph.namespaces()] if result.graph is not None else []
            message = ("rows", (result.variables, result.rows, namespaces))
        elif isinstance(result, Graph):
            message = ("graph", result.serialize(format="nt", encoding="utf-8"))
        else:
            message = ("bool", result)
    except _KNOWN as err:
        message = ("error", type(err)(str(err)))
    except RecursionError:
        message = ("error", QueryError("the query is too deeply nested or too long for the engine; simplify it"))
    except MemoryError:
        message = ("error", QueryError("the query needs more memory than there is; narrow it"))
    except Exception as err:  # the engines raise assorted errors at evaluation (types, SERVICE, ...)
        message = ("error", QueryError(f"the query failed: {' '.join(str(err).split())[:300]}"))
    writer.send(message)
    writer.close()
