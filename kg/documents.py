"""Documents and the readers that turn files, folders, JSONL and stdin into them.

Readers never raise on bad input: they yield :class:`Problem` records for what they could not read
and go on with the rest of the batch.
"""

from __future__ import annotations

import glob
import itertools
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

MAX_CHARS = 20_000_000  # longer documents are reported and skipped (``kg build --max-chars``)
TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_ISO_DATE = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
_ENGLISH_DATE = r"[A-Za-z]{3,9}\.?[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}[ \t]+[A-Za-z]{3,9}\.?,?[ \t]+\d{4}"
_DATE_HEADER = re.compile(rf"\A\ufeff?[ \t]*date[ \t]*:?[ \t]+({_ISO_DATE}|{_ENGLISH_DATE})\b[ \t]*(?:\r?\n)?", re.I)
_ENGLISH_FORMATS = ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y")
DATE_FORMS = 'YYYY-MM-DD, an ISO date-time, "March 2, 2017" or "2 March 2017"'
_SURROGATE = re.compile("[\ud800-\udfff]")
_WEB = re.compile(r"\s*https?://", re.I)


@dataclass(frozen=True)
class Document:
    """One news text. ``date`` is ISO ``YYYY-MM-DD`` or ``None``; ``url`` is where it was published."""

    id: str
    text: str
    date: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None

    @property
    def where(self) -> str:
        """How a problem report names this document: its id, after its source file if it has one."""
        return self.id if self.source in (None, self.id) else f"{self.source} (id {self.id})"


@dataclass(frozen=True)
class Problem:
    """Something a reader could not read (or, with ``warning``, read only in part): where, and why."""

    where: str
    message: str
    warning: bool = False  # a warning: the document is still read (without what the message names)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Item = Document | Problem


def split_date_header(text: str) -> tuple[str | None, str]:
    """Return ``(date, text)`` with an optional leading ``date ...`` header removed; the date as
    written (see :func:`parse_date`)."""
    match = _DATE_HEADER.match(text)
    if not match:
        return None, text.removeprefix("\ufeff")
    return match.group(1), text[match.end():]


def parse_date(value: str) -> str | None:
    """``YYYY-MM-DD`` for an ISO date, an ISO date-time (its date as written), "March 2, 2017",
    "Mar. 2 2017" or "2 March 2017"; ``None`` for anything else, impossible dates included."""
    value = " ".join(value.split())
    try:
        if re.fullmatch(_ISO_DATE, value):
            return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None
    words = ["Sep" if w.casefold() == "sept" else w for w in value.replace(",", " ").replace(".", " ").split()]
    for form in _ENGLISH_FORMATS:
        try:
            return datetime.strptime(" ".join(words), form).date().isoformat()
        except ValueError:
            continue
    return None


def _dated(raw: object, where: str) -> tuple[str | None, Problem | None]:
    """The date ``raw`` names, or no date and a warning saying why."""
    if raw is None:
        return None, None
    date = parse_date(raw) if isinstance(raw, str) else None
    if date is None:
        return None, Problem(where, f"date {raw!r} ignored: not a date kg reads ({DATE_FORMS}); "
                                    "the document is kept without a date", warning=True)
    return date, None


def decode(data: bytes, where: str) -> str | Problem:
    """Decode UTF-8 text, or explain why the bytes are not text."""
    if not data.strip():
        return Problem(where, "empty document")
    if b"\x00" in data[:8192]:
        return Problem(where, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return Problem(where, f"not UTF-8 text (invalid byte 0x{data[err.start]:02x} at offset {err.start})")
    return text


def too_long(where: str, chars: int, max_chars: int) -> Problem:
    return Problem(where, f"document too long ({chars:,} characters; the limit is {max_chars:,}, see --max-chars)")


def document_from_text(text: str, doc_id: str, source: str | None = None, max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """A :class:`Document` from raw text with an optional date header (and a warning before it
    when the header's date is impossible), or the :class:`Problem` that stops it."""
    raw, body = split_date_header(text)
    if not body.strip():
        yield Problem(doc_id, "empty document")
        return
    if len(body) > max_chars:
        yield too_long(doc_id, len(body), max_chars)
        return
    date, warning = _dated(raw, f"{source or doc_id}:1")
    if warning is not None:
        yield warning
    yield Document(id=doc_id, text=body, date=date, source=source)


def read_text_file(path: Path, doc_id: str | None = None, max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """Read one ``.txt``/``.md`` file; a file too large to hold ``max_chars`` characters is not read."""
    where = doc_id or str(path)
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > 4 * max_chars:  # UTF-8 needs at most 4 bytes per character
                yield Problem(where, f"document too long ({size:,} bytes; the limit is {max_chars:,} characters, "
                                     "see --max-chars)")
                return
            data = handle.read()
    except OSError as err:
        yield Problem(where, f"cannot read: {err.strerror or err}")
        return
    text = decode(data, where)
    if isinstance(text, Problem):
        yield text
        return
    yield from document_from_text(text, where, source=str(path), max_chars=max_chars)


def _unicode(text: str) -> str:
    """``text`` with lone surrogates (JSON can spell them, UTF-8 cannot) replaced by U+FFFD,
    keeping every offset."""
    return _SURROGATE.sub("\ufffd", text)


def read_jsonl(stream: Iterable[bytes | str], where: str, max_chars: int = MAX_CHARS, first_line: int = 1) -> Iterator[Item]:
    """Read JSONL: one object per line with ``text`` and optional ``id``, ``date``, ``title``, ``source``/``url``.

    ``first_line`` numbers the stream's first line (a line range of a larger file).
    """
    for number, raw in enumerate(stream, start=first_line):
        line_where = f"{where}:{number}"
        if isinstance(raw, bytes):
            line = decode(raw, line_where) if raw.strip() else ""
            if isinstance(line, Problem):
                yield line
                continue
        else:
            line = raw
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Problem(line_where, f"malformed JSON ({err.msg} at column {err.colno})")
            continue
        except RecursionError:
            yield Problem(line_where, "malformed JSON (nested too deeply)")
            continue
        if not isinstance(record, dict):
            yield Problem(line_where, "expected a JSON object")
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            yield Problem(line_where, "missing or empty \"text\"")
            continue
        doc_id = record.get("id")
        doc_id = _unicode(str(doc_id)) if doc_id not in (None, "") else line_where
        header, body = split_date_header(_unicode(text))
        if not body.strip():
            yield Problem(line_where, "empty document")
            continue
        if len(body) > max_chars:
            yield too_long(line_where, len(body), max_chars)
            continue
        given = record.get("date")
        date, warning = _dated(header if given in (None, "") else given, line_where)
        if warning is not None:
            yield warning
        source = record.get("source") or record.get("url")
        title = record.get("title")
        url = record.get("url") or (source if isinstance(source, str) and _WEB.match(source) else None)
        yield Document(
            id=doc_id,
            text=body,
            date=date,
            source=_unicode(str(source)) if source else where,
            title=_unicode(str(title)) if title else None,
            url=_unicode(str(url)).strip() if url else None,
        )


def _read_jsonl_file(path: Path, max_chars: int) -> Iterator[Item]:
    found = False
    try:
        with path.open("rb") as handle:
            for item in read_jsonl(handle, str(path), max_chars):
                found = True
                yield item
    except OSError as err:
        yield Problem(str(path), f"cannot read: {err.strerror or err}")
        return
    if not found:
        yield Problem(str(path), "empty document (no JSON lines)")


def _walk(folder: Path) -> Iterator[Path | Problem]:
    """Files under ``folder`` in sorted order, following no symlinked folders twice; a
    :class:`Problem` for each folder that cannot be listed."""
    seen: set[tuple[int, int]] = set()
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            info = current.stat()
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as err:
            yield Problem(str(current), f"cannot read folder: {err.strerror or err}")
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError:  # a looping link
                is_dir = is_file = False
            if is_dir:
                folders.append(path)
            elif path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                # regular files, and broken or looping links (to be reported); never FIFOs or
                # devices, which could block the build forever
                if is_file or (entry.is_symlink() and not os.path.exists(path)):
                    yield path
        stack.extend(reversed(folders))


def input_files(path: str | Path) -> Iterator[Path | Problem]:
    """The files an input names, in reading order: itself, the text and JSONL files under a folder
    (recursively, sorted), or the sorted matches of a glob pattern (``'archive/*.jsonl'``, ``**``
    for any depth); a :class:`Problem` for an input that is missing or cannot be read."""
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if glob.has_magic(str(path)):
            matches = sorted(glob.glob(str(path), recursive=True))
            for match in matches:
                yield from input_files(match)
            if not matches:
                yield Problem(str(path), "no file or folder matches this pattern")
            return
        yield Problem(str(path), "no such file or folder")
        return
    except OSError as err:  # a symlink loop, a name too long, no permission
        yield Problem(str(path), f"cannot read: {err.strerror or err}")
        return
    if stat.S_ISDIR(mode):
        found = False
        for file in _walk(path):
            found = True
            if isinstance(file, Problem):
                yield file
            else:
                yield from input_files(file)
        if not found:
            readable = ", ".join(sorted(TEXT_SUFFIXES | JSONL_SUFFIXES))
            yield Problem(str(path), f"no file kg reads in this folder (kg reads {readable})")
    else:
        yield path


def read_path(path: str | Path, max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """Read a file, a folder (recursively), a glob pattern or ``-`` (standard input)."""
    if str(path) == "-":
        yield from read_stream(sys.stdin, "<stdin>", max_chars)
        return
    for file in input_files(path):
        if isinstance(file, Problem):
            yield file
        elif file.suffix.lower() in JSONL_SUFFIXES:
            yield from _read_jsonl_file(file, max_chars)
        else:
            yield from read_text_file(file, max_chars=max_chars)


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def read_stream(stream: TextIO, where: str, max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """Read standard input: JSONL, streamed line by line, when the first non-blank line is a JSON
    object; else the whole stream is one text document."""
    buffer = getattr(stream, "buffer", None)
    lines: Iterator[bytes] = iter(buffer) if buffer is not None else (line.encode("utf-8") for line in stream)
    head: list[bytes] = []
    for line in lines:
        head.append(line)
        if line.strip():
            break
    if head and head[-1].lstrip().startswith(b"{") and _is_json_object(head[-1]):
        yield from read_jsonl(itertools.chain(head, lines), where, max_chars)
        return
    text = decode(b"".join(itertools.chain(head, lines)), where)
    if isinstance(text, Problem):
        yield text
    else:
        yield from document_from_text(text, where, source=where, max_chars=max_chars)


def read_inputs(paths: Iterable[str | Path], max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """Read every input in order, lazily."""
    for path in paths:
        yield from read_path(path, max_chars)


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """How many items :func:`read_inputs` will yield, about (JSONL lines are counted, blank ones
    too); ``None`` for standard input, which cannot be counted without reading it."""
    total = 0
    for path in paths:
        if str(path) == "-":
            return None
        for file in input_files(path):
            if isinstance(file, Problem) or file.suffix.lower() not in JSONL_SUFFIXES:
                total += 1
                continue
            try:
                with file.open("rb") as handle:
                    total += sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
            except OSError:
                total += 1
    return total
