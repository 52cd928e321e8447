"""Deterministic IRIs: an entity's from its type and name, a document's from its id.

The same name always gives the same IRI (``ent:person/jeff-sessions``), so rebuilding a document
or building into a store that already holds its entities adds nothing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rdflib import URIRef

from kg.model import Entity
from kg.ontology import DOC, ENT

_MAX_SLUG = 60


def slug(text: str) -> str:
    """An ASCII IRI segment for ``text``; a hash suffix keeps distinct texts distinct."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:_MAX_SLUG].strip("-")
    if base and base.replace("-", " ") == text.lower().strip() and len(base) < _MAX_SLUG:
        return base
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return f"{base}-{digest}" if base else digest


def entity_iri(entity: Entity) -> URIRef:
    """``ent:TYPE/NAME``, and ``ent:TYPE/NAME/DOCUMENT`` for a name scoped to a document."""
    return _entity_iri(entity.type, entity.label, entity.scope)


@lru_cache(maxsize=65536)  # bounded: memory stays flat however many entities a corpus names
def _entity_iri(entity_type: str, label: str, scope: str = "") -> URIRef:
    path = f"{entity_type.lower()}/{slug(label)}"
    return ENT[f"{path}/{slug(scope)}" if scope else path]


@lru_cache(maxsize=1024)  # asked again for each triple of one document; a corpus's ids are not remembered
def document_iri(doc_id: str) -> URIRef:
    return DOC[slug(doc_id)]
