"""Documents and the readers that turn files, folders, JSONL and stdin into them.

Readers never raise on bad input: they yield :class:`Problem` records for what they could not read
and go on with the rest of the batch.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_DATE_HEADER = re.compile(r"\A\ufeff?[ \t]*date[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*(?:\r?\n)?", re.I)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Document:
    """One news text. ``date`` is ISO ``YYYY-MM-DD`` or ``None``."""

    id: str
    text: str
    date: str | None = None
    source: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Problem:
    """Something a reader could not read: where, and why."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Item = Document | Problem


def split_date_header(text: str) -> tuple[str | None, str]:
    """Return ``(date, text)`` with an optional leading ``date YYYY-MM-DD`` header removed."""
    match = _DATE_HEADER.match(text)
    if not match:
        return None, text.removeprefix("\ufeff")
    return match.group(1), text[match.end():]


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


def document_from_text(text: str, doc_id: str, source: str | None = None) -> Item:
    """Build a :class:`Document` from raw text with an optional date header."""
    date, body = split_date_header(text)
    if not body.strip():
        return Problem(doc_id, "empty document")
    return Document(id=doc_id, text=body, date=date, source=source)


def read_text_file(path: Path, doc_id: str | None = None) -> Item:
    """Read one ``.txt``/``.md`` file."""
    where = doc_id or str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        return Problem(where, f"cannot read: {err.strerror or err}")
    text = decode(data, where)
    if isinstance(text, Problem):
        return text
    return document_from_text(text, where, source=str(path))


def read_jsonl(stream: Iterable[bytes | str], where: str) -> Iterator[Item]:
    """Read JSONL: one object per line with ``text`` and optional ``id``, ``date``, ``title``, ``source``/``url``."""
    for number, raw in enumerate(stream, start=1):
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
        if not isinstance(record, dict):
            yield Problem(line_where, "expected a JSON object")
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            yield Problem(line_where, "missing or empty \"text\"")
            continue
        doc_id = record.get("id")
        doc_id = str(doc_id) if doc_id not in (None, "") else line_where
        date, body = split_date_header(text)
        given = record.get("date")
        if isinstance(given, str) and _DATE.match(given):
            date = given[:10]
        source = record.get("source") or record.get("url")
        title = record.get("title")
        yield Document(
            id=doc_id,
            text=body,
            date=date,
            source=str(source) if source else where,
            title=str(title) if title else None,
        )


def _read_jsonl_file(path: Path) -> Iterator[Item]:
    try:
        with path.open("rb") as handle:
            yield from read_jsonl(handle, str(path))
    except OSError as err:
        yield Problem(str(path), f"cannot read: {err.strerror or err}")


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` in sorted order, following no symlinked folders twice."""
    seen: set[tuple[int, int]] = set()
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            info = current.stat()
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_dir():
                folders.append(path)
            elif path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                yield path
        stack.extend(reversed(folders))


def read_path(path: str | Path) -> Iterator[Item]:
    """Read a file, a folder (recursively) or ``-`` (standard input)."""
    if str(path) == "-":
        yield from read_stream(sys.stdin, "<stdin>")
        return
    path = Path(path)
    if path.is_dir():
        for file in _walk(path):
            yield from read_path(file)
    elif not path.exists():
        yield Problem(str(path), "no such file or folder")
    elif path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path)
    else:
        yield read_text_file(path)


def read_stream(stream: TextIO, where: str) -> Iterator[Item]:
    """Read standard input: JSONL when every line is a JSON object, else one text document."""
    buffer = getattr(stream, "buffer", None)
    data = buffer.read() if buffer is not None else stream.read().encode("utf-8")
    text = decode(data, where)
    if isinstance(text, Problem):
        yield text
        return
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith("{") for line in lines):
        yield from read_jsonl(text.splitlines(), where)
    else:
        yield document_from_text(text, where, source=where)


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Read every input in order, lazily."""
    for path in paths:
        yield from read_path(path)
