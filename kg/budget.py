"""Bounds on one document's extraction: time, and characters per spaCy batch.

A document whose extraction runs past its :class:`TimeBudget` is stopped by a real timer
(``SIGALRM``, in the main thread of the process doing the work: the build's, or a ``-j`` worker's)
and reported like unreadable input; the batch goes on. Where no timer can be set (a thread other
than the main one, a platform without ``SIGALRM``) extraction runs unbounded.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from kg.documents import Document, Problem
from kg.errors import KgError

DEFAULT_SECONDS = 30.0
DEFAULT_PER_CHAR = 0.001  # one second per 1,000 characters: about 100 times what an article needs
MAX_BATCH_CHARS = 100_000  # characters parsed at once: memory follows it, not the document count
TASK_CHARS = 20_000  # characters a -j worker takes at a time: small enough that workers finish together


class Overrun(KgError):
    """The time budget ran out."""

    code = "E111"


@dataclass(frozen=True)
class TimeBudget:
    """``seconds`` plus ``per_char`` seconds per character; ``seconds=0`` means no limit. With
    ``-j N`` the build waits for a worker's batch twice its documents' limits plus ``grace``
    seconds before it deems the worker stuck (where even its own timer cannot reach it)."""

    seconds: float = DEFAULT_SECONDS
    per_char: float = DEFAULT_PER_CHAR
    grace: float = 60.0

    def limit(self, chars: int) -> float | None:
        return self.seconds + self.per_char * chars if self.seconds > 0 else None


DEFAULT_BUDGET = TimeBudget()


def too_slow(document: Document, limit: float) -> Problem:
    """The problem reported for a document whose extraction overran ``limit`` seconds."""
    return Problem(document.where, f"extraction took too long (over {limit:,.1f} s, see --time-budget); skipped")


def can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.get_ident() == threading.main_thread().ident


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`Overrun` in the body after ``seconds`` (``None``: never)."""
    if seconds is None or not can_interrupt():
        yield
        return

    def expire(signum, frame):
        raise Overrun

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-3))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
