"""Extraction: from a spaCy parse to facts with evidence. No spaCy object leaves this package.

:class:`~kg.extraction.extractor.DocumentExtractor` reads one parsed text; :class:`kg.pipeline.Extractor`
streams documents through spaCy and it.
"""
