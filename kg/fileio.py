"""Atomic output: write to a temporary file beside the target, then rename over it."""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from kg.errors import KgError


class OutputError(KgError, OSError):
    """An output cannot be written (the message names the path)."""

    code = "E103"


def _error(path: Path, err: OSError) -> OutputError:
    return err if isinstance(err, OutputError) else OutputError(f"cannot write {path}: {err.strerror or err}")


@contextlib.contextmanager
def atomic_writer(path: str | Path, mode: str = "w") -> Iterator[IO]:
    """Yield a file handle; on success the content replaces ``path`` in one rename.

    The temporary file (``.NAME.PID.XXXXXXXX.tmp``) names its process, so a later run can tell a
    killed writer's leftovers (:func:`remove_stale_temporaries`) from a live writer's file. Failing
    to create, flush or rename it raises :class:`OutputError`; errors of the caller's writes pass
    through as raised (:func:`write_text` and :func:`write_bytes` convert them)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise _error(path, err) from err
    try:
        encoding = None if "b" in mode else "utf-8"
        handle = os.fdopen(fd, mode, encoding=encoding)
        try:
            yield handle
            try:
                handle.flush()
                os.fsync(handle.fileno())
            except OSError as err:
                raise _error(path, err) from err
        finally:
            try:
                handle.close()  # flushes what is left: on a full disk it fails again
            except OSError as err:
                if sys.exc_info()[1] is None:  # else the error already raised is the one to report
                    raise _error(path, err) from err
        try:
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except OSError as err:
            raise _error(path, err) from err
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


_TEMPORARY = re.compile(r"\.(?P<name>.+?)\.(?:(?P<pid>\d+)\.)?[A-Za-z0-9_]{8}\.tmp")
KG_OUTPUTS = ("facts.jsonl", "graph.ttl", "graph.html")


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files of writers that were killed: those naming a process that is gone,
    and those of kg's own outputs from versions that did not name the process. Returns them."""
    removed = []
    for entry in folder.glob(".*.tmp"):
        match = _TEMPORARY.fullmatch(entry.name)
        if match is None or not entry.is_file():
            continue
        pid = match["pid"]
        if pid is None and match["name"] not in KG_OUTPUTS:
            continue
        if pid is not None:
            try:
                os.kill(int(pid), 0)
                continue  # its writer is still running
            except ProcessLookupError:
                pass
            except PermissionError:
                continue
        with contextlib.suppress(OSError):
            entry.unlink()
            removed.append(entry)
    return removed


def write_text(path: str | Path, text: str | Iterable[str]) -> Path:
    """Write ``text`` (a string, or its pieces) to ``path`` atomically; :class:`OutputError` names
    the path on failure."""
    try:
        with atomic_writer(path) as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                handle.writelines(text)
    except OSError as err:
        raise _error(Path(path), err) from err
    return Path(path)


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; :class:`OutputError` names the path on failure."""
    try:
        with atomic_writer(path, "wb") as handle:
            handle.write(data)
    except OSError as err:
        raise _error(Path(path), err) from err
    return Path(path)
