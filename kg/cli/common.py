"""Shared pieces of the CLI: errors with exit codes."""

from __future__ import annotations


class CliError(Exception):
    """A failure to report in one line, with an exit code (1 by default, 2 for usage errors)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code
