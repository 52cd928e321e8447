"""Named SPARQL queries shipped with kg (``kg/queries/*.rq``), with typed parameters.

A query file starts with comment lines: the first is its description, and each
``# @param NAME TYPE : description`` declares a parameter written ``$NAME`` in the query (a SPARQL
variable, so the file stays valid SPARQL for any tool). :func:`render` binds each parameter in one
pass over the query's tokens (strings, IRIs and comments are never touched): every ``$NAME``
variable token becomes the RDF term built from the value, and no value is ever scanned again, so
a value is one term whatever it holds. Terms are typed: ``string`` a plain literal, ``date`` an
``xsd:date`` (exactly YYYY-MM-DD), ``relation`` a ``kg:`` relation of the ontology, ``iri`` an IRI.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import BAD_REQUEST, KgError
from kg.guard import variables
from kg.ontology import relations

PARAM_TYPES = ("string", "date", "relation", "iri")
_PARAM = re.compile(r"#\s*@param\s+(?P<name>\w+)\s+(?P<type>\w+)\s*(?::\s*(?P<doc>.*))?$")


class NamedQueryError(KgError, ValueError):
    """An unknown named query, or a missing or malformed parameter."""

    code = "E201"
    exit_status = BAD_REQUEST


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    doc: str


@dataclass(frozen=True)
class NamedQuery:
    """One query of the library: ``text`` holds ``$param`` placeholders."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str

    def render(self, values: dict[str, str] | None = None) -> str:
        """The SPARQL with every parameter replaced by the RDF term for its value."""
        values = dict(values or {})
        unknown = set(values) - {p.name for p in self.params}
        if unknown:
            raise NamedQueryError(f"query {self.name!r} has no parameter {', '.join(sorted(unknown))}"
                                  f"{self._usage()}")
        terms = {}
        for param in self.params:
            if param.name not in values:
                raise NamedQueryError(f"query {self.name!r} needs --param {param.name}=VALUE ({param.doc})")
            terms[param.name] = _term(param, values[param.name])
        pieces, last = [], 0
        for start, end, name in variables(self.text):
            if self.text[start] == "$" and name in terms:
                pieces += [self.text[last:start], terms[name]]
                last = end
        return "".join(pieces) + self.text[last:]

    def _usage(self) -> str:
        if not self.params:
            return " (it takes none)"
        return " (it takes " + ", ".join(p.name for p in self.params) + ")"


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _string(value: str) -> str:
    """A SPARQL string literal; every special character escaped (rdflib's parser expands raw tabs).

    rdflib expands ``\\uXXXX`` anywhere in a query before parsing, even after an escaped
    backslash, so a ``u`` or ``U`` that follows a backslash is written as a ``\\U`` escape, which
    both engines read as that letter."""
    out = []
    for i, c in enumerate(value):
        if c in "uU" and i and value[i - 1] == "\\":
            out.append(f"\\U{ord(c):08X}")
        else:
            out.append(_ESCAPES.get(c, c))
    return '"' + "".join(out) + '"'


def _term(param: Param, value: str) -> str:
    if param.type == "string":
        return _string(value)
    if param.type == "date":
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError(value)
            datetime.date.fromisoformat(value)
        except ValueError:
            raise NamedQueryError(f"--param {param.name}: {value!r} is not a date (YYYY-MM-DD)") from None
        return Literal(value, datatype=XSD.date).n3()
    if param.type == "relation":
        found = relations().get(value)
        if found is None:
            raise NamedQueryError(f"--param {param.name}: unknown relation {value!r}; "
                                  f"choose from {', '.join(sorted(relations()))}")
        return found.iri.n3()
    if param.type == "iri":
        if not re.fullmatch(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|^`\\]+", value):
            raise NamedQueryError(f"--param {param.name}: {value!r} is not an absolute IRI")
        return URIRef(value).n3()
    raise NamedQueryError(f"parameter {param.name!r} has unknown type {param.type!r}")


def parse(name: str, text: str) -> NamedQuery:
    """A :class:`NamedQuery` from the text of a ``.rq`` file."""
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    if not header:
        raise NamedQueryError(f"query {name!r} has no description comment")
    params = []
    for line in header[1:]:
        match = _PARAM.match(line)
        if match:
            if match["type"] not in PARAM_TYPES:
                raise NamedQueryError(f"query {name!r}: parameter type must be one of {', '.join(PARAM_TYPES)}")
            params.append(Param(match["name"], match["type"], (match["doc"] or "").strip()))
    return NamedQuery(name, header[0].lstrip("# ").strip(), tuple(params), text)


@lru_cache(maxsize=1)
def library() -> dict[str, NamedQuery]:
    """Every named query, by name (the ``.rq`` file's stem)."""
    folder = resources.files("kg") / "queries"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            found[name] = parse(name, entry.read_text(encoding="utf-8"))
    return found


def get(name: str) -> NamedQuery:
    """The named query ``name``; :class:`NamedQueryError` naming the choices if there is none."""
    queries = library()
    if name not in queries:
        raise NamedQueryError(f"no named query {name!r}; choose from {', '.join(queries)} (see kg query --list)")
    return queries[name]


def listing() -> str:
    """The library as text: name, description, parameters."""
    lines = []
    for query in library().values():
        lines.append(f"{query.name:<24} {query.description}")
        lines += [f"{'':<24}   --param {p.name}=<{p.type}>  {p.doc}" for p in query.params]
    return "\n".join(lines)
