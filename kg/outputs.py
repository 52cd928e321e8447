"""A build's output files committed as one set: a reader sees the old set or the new one, never a mix.

:class:`OutputSet` writes every file into a staging folder beside the output folder
(``.OUT.kg-new-PID``; inside it if it is a mount point) and commits it with one rename: onto a missing output folder, or swapped
with the existing one in a single atomic exchange (Linux ``renameat2(RENAME_EXCHANGE)``); files
the folder holds that kg did not write are hard-linked into the new set first, so they stay. Where
no exchange is possible (another system, a folder holding subfolders, the current directory, a
mount point), the
files are renamed one by one; SIGINT and SIGTERM are held back while a set lands either way, so an interruption still leaves
whole sets; only a reader racing those microseconds could see a mix.

A failed or interrupted build removes its staging folder; one killed outright (``kill -9``)
leaves it behind, and the next build into the same place removes it (its process is gone).
Every failure to write is an :class:`~kg.fileio.OutputError` naming the path, in one line.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

from kg.fileio import OutputError, remove_stale_temporaries

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; ``False`` where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: not on this filesystem
        return False
    raise OSError(code, os.strerror(code), str(b))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fail(path: Path, err: OSError) -> OutputError:
    return err if isinstance(err, OutputError) else OutputError(f"cannot write {path}: {err.strerror or err}")


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back until the block ends, then act on them as before (Ctrl-C,
    kg's SIGTERM handler, or the default: end the process). Only the main thread can."""
    if threading.current_thread() != threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {signum: signal.signal(signum, lambda n, frame: caught.append(n))
                for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for number in caught[:1]:
            handler = previous[signal.Signals(number)]
            if callable(handler):
                handler(number, None)
            elif handler == signal.SIG_DFL:
                os.kill(os.getpid(), number)


class OutputSet:
    """``with OutputSet(out) as outputs:`` write to ``outputs.path(name)``, then ``outputs.commit()``.

    Leaving the block without committing (an error, Ctrl-C, SIGTERM) discards the staging folder."""

    def __init__(self, out: str | Path) -> None:
        self.given = Path(out)
        self.out = Path(os.path.realpath(out))  # through a symlink: the set lands where it points
        self.mounted = os.path.ismount(self.out)  # a file system of its own: stage inside it
        parent, prefix = (self.out, ".kg") if self.mounted else (self.out.parent, f".{self.out.name}.kg")
        self.staging = parent / f"{prefix}-new-{os.getpid()}"
        self.names: list[str] = []
        self.committed = False

    def __enter__(self) -> OutputSet:
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            self.remove_stale()
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging.mkdir()
            if self.out.is_dir():
                os.chmod(self.staging, stat.S_IMODE(self.out.stat().st_mode))
        except OSError as err:
            raise _fail(self.out, err) from err
        return self

    def __exit__(self, *exc) -> None:
        if not self.committed:
            shutil.rmtree(self.staging, ignore_errors=True)

    def remove_stale(self) -> None:
        """Remove what killed builds left: staging folders of dead processes, and kg's temporary files."""
        parent, prefix = (self.out, ".kg") if self.mounted else (self.out.parent, f".{self.out.name}.kg")
        for entry in parent.glob(f"{prefix}-*-*"):
            pid = entry.name.rsplit("-", 1)[-1]
            if pid.isdigit() and not _alive(int(pid)) and entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
        if self.out.is_dir():
            remove_stale_temporaries(self.out)

    def path(self, name: str) -> Path:
        """Where to write the output ``name`` (a plain file name) now."""
        self.names.append(name)
        return self.staging / name

    def commit(self) -> list[Path]:
        """Put the new set in place in one step; the final paths (as given), in the order they were asked for."""
        with _signals_deferred():
            try:
                self._commit()
            except OSError as err:
                raise _fail(self.out, err) from err
        return [self.given / name for name in self.names]

    def _commit(self) -> None:
        if not self.out.exists() and not self.out.is_symlink():
            os.rename(self.staging, self.out)
            self.committed = True
            return
        if not self.out.is_dir():
            raise NotADirectoryError(20, "not a folder", str(self.out))
        if self._swappable():
            for entry in self.out.iterdir():
                if entry.name not in self.names:
                    os.link(entry, self.staging / entry.name, follow_symlinks=False)
            if _exchange(self.staging, self.out):
                self.committed = True
                shutil.rmtree(self.staging, ignore_errors=True)  # now the old set
                return
        for name in self.names:  # one rename per file, signals held back
            os.replace(self.staging / name, self.out / name)
        self.committed = True
        shutil.rmtree(self.staging, ignore_errors=True)

    def _swappable(self) -> bool:
        """The folder can be swapped whole: a real folder, not the current directory (or above it),
        holding only files and links (which can be hard-linked into the new set)."""
        if self.mounted or Path.cwd().resolve().is_relative_to(self.out):
            return False
        with contextlib.suppress(OSError):
            return all(not entry.is_dir() or entry.is_symlink() for entry in self.out.iterdir())
        return False
