"""A one-line progress display for long builds: documents/s, facts, and an ETA when the total is known."""

from __future__ import annotations

import shutil
import time
from typing import TextIO


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """Redraws one line on ``stream`` (a terminal) at most every ``interval`` seconds.

    ``total`` is the number of inputs expected (documents and skipped ones), or ``None`` when it
    is not known cheaply; then no ETA is shown. Call :meth:`write` to print a message above the
    line and :meth:`close` to end it.
    """

    def __init__(self, stream: TextIO, total: int | None = None, interval: float = 0.2) -> None:
        self.stream = stream
        self.total = total
        self.interval = interval
        self.started = time.monotonic()
        self._drawn = 0.0
        self._line = ""

    def text(self, documents: int, skipped: int, facts: int, now: float | None = None) -> str:
        """The progress line for these counts."""
        elapsed = max((now if now is not None else time.monotonic()) - self.started, 1e-9)
        done = documents + skipped
        parts = [f"{documents:,} documents", f"{skipped:,} skipped", f"{facts:,} facts", f"{documents / elapsed:,.1f} docs/s"]
        if self.total:
            parts[0] = f"{documents:,}/{self.total:,} documents"
            if done:
                parts.append(f"ETA {_duration(max(self.total - done, 0) * elapsed / done)}")
        return "kg build: " + ", ".join(parts)

    def update(self, documents: int, skipped: int, facts: int) -> None:
        now = time.monotonic()
        if now - self._drawn >= self.interval:
            self._drawn = now
            self._draw(self.text(documents, skipped, facts, now))

    def write(self, message: str) -> None:
        """Print ``message`` on its own line, then redraw the progress line below it."""
        self.stream.write("\r\x1b[K" + message + "\n")
        if self._line:
            self.stream.write(self._line)
        self.stream.flush()

    def close(self) -> None:
        if self._line:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._line = ""

    def _draw(self, line: str) -> None:
        self._line = line[:shutil.get_terminal_size().columns - 1]  # one row, or "\r" cannot redraw it
        self.stream.write("\r\x1b[K" + self._line)
        self.stream.flush()
