"""Extraction: from a spaCy parse to facts with evidence. No spaCy object leaves this package."""

from kg.extraction.extractor import Extractor

__all__ = ["Extractor"]
