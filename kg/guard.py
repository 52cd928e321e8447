"""Checks on SPARQL text before any parser sees it: size, nesting, and what it may reach.

Both SPARQL engines kg uses recurse as they parse and evaluate: rdflib raises ``RecursionError``
past a few dozen nested brackets, and Oxigraph overflows its stack (killing the process) at a few
thousand. :func:`check` lexes the text once (strings, IRIs and comments are skipped, so a
bracket or keyword inside them counts for nothing) and refuses, with a one-line reason:

- text over ``max_chars`` characters;
- brackets (``{`` ``(`` ``[``) nested deeper than ``max_depth``, more than ``max_groups`` groups,
  or a run of more than ``max_operators`` prefix operators (``!!!!x``, ``^^^^p``);
- ``SERVICE`` (a query that calls another endpoint), ``FROM``/``FROM NAMED`` (rdflib fetches the
  graph named) and ``LOAD`` (an update that fetches), unless ``allow_service`` is given.

SPARQL expands ``\\uXXXX`` escapes anywhere in a query before parsing (rdflib does; Oxigraph only in
strings and IRIs), so the text is checked both as written and expanded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import BAD_REQUEST, KgError


class QueryError(KgError, ValueError):
    """The query is not valid SPARQL, or is refused before it runs (the message says why)."""

    code = "E200"
    exit_status = BAD_REQUEST


class QueryRefused(QueryError):
    """The query is refused by :func:`check` (too large, too deeply nested, or reaching out)."""


@dataclass(frozen=True)
class Limits:
    max_chars: int = 100_000
    max_depth: int = 20
    max_groups: int = 256
    max_operators: int = 16


LIMITS = Limits()
REACHING_OUT = {"SERVICE": "SERVICE calls another endpoint", "FROM": "FROM loads a graph from elsewhere",
                "LOAD": "LOAD fetches a document"}

_TOKEN = re.compile(r'''
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][^\s(){}\[\],;.<>=!&|+\-*/^"'#]*)
  | (?P<name>[^\W\d][\w.\-]*:[\w.\-%:\\]*|:[\w.\-%:\\]*|_:[\w.\-]*)
  | (?P<word>[^\W\d]\w*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<op>[!^+\-])
  | (?P<other>.)
''', re.VERBOSE | re.DOTALL)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _expand(text: str) -> str:
    def char(match: re.Match) -> str:
        code = int(match[1] or match[2], 16)
        return chr(code) if code <= 0x10FFFF else match[0]
    return _ESCAPE.sub(char, text)


def check(text: str, allow_service: bool = False, limits: Limits | None = None) -> None:
    """Refuse ``text`` with :class:`QueryRefused` if it breaks a limit (default :data:`LIMITS`) or
    reaches out (see the module doc)."""
    limits = limits or LIMITS
    if len(text) > limits.max_chars:
        raise QueryRefused(f"query refused: {len(text):,} characters, more than the limit of {limits.max_chars:,}")
    _scan(text, allow_service, limits)
    expanded = _expand(text)
    if expanded != text:
        _scan(expanded, allow_service, limits)


def _scan(text: str, allow_service: bool, limits: Limits) -> None:
    depth = groups = operators = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind in ("space", "comment"):
            continue
        if kind == "op":
            operators += 1
            if operators > limits.max_operators:
                raise QueryRefused(f"query refused: more than {limits.max_operators} operators in a row "
                                   f"(at character {match.start()})")
            continue
        operators = 0
        if kind == "open":
            depth += 1
            groups += match[0] == "{"
            if depth > limits.max_depth:
                raise QueryRefused(f"query refused: brackets nested more than {limits.max_depth} deep "
                                   f"(at character {match.start()})")
            if groups > limits.max_groups:
                raise QueryRefused(f"query refused: more than {limits.max_groups} {{ }} groups")
        elif kind == "close":
            depth = max(depth - 1, 0)
        elif kind == "word" and not allow_service:
            keyword = match[0].upper()
            if keyword in REACHING_OUT:
                raise QueryRefused(f"query refused: {REACHING_OUT[keyword]}; kg reaches no other host "
                                   "unless run with --allow-service")


def variables(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of every variable token (``?x`` or ``$x``) in ``text``, in order."""
    return [(m.start(), m.end(), m[0][1:]) for m in _TOKEN.finditer(text) if m.lastgroup == "var"]
