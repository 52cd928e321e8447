"""The root of every error kg raises on purpose: a code, a one-line message, an exit status.

Each module keeps its own subclass (``kg.store.StoreError``, ``kg.guard.QueryError``, ...), which
also keeps the built-in base it always had (``OSError``, ``ValueError``, ...), so code that caught
those still does. ``kg.cli.main`` catches :class:`KgError` once and prints ``kg COMMAND: error:
MESSAGE`` with :attr:`KgError.exit_status`:

- 1: kg could not finish (a store, an output, the spaCy model, a gold file, a server, a cluster, no
  readable input);
- 2: the request is wrong (usage, SPARQL, a named query or its parameters, an alias file, a SHACL
  feature kg does not handle).
"""

from __future__ import annotations

from typing import ClassVar

FAILED = 1
BAD_REQUEST = 2


class KgError(Exception):
    """An error kg reports in one line. ``code`` names the kind (stable, for scripts and issue
    reports); ``exit_status`` is what the ``kg`` command exits with."""

    code: ClassVar[str] = "E000"
    exit_status: int = FAILED
