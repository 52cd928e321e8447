"""kg: knowledge graphs from news text."""

from kg.documents import Document, Problem
from kg.model import Entity, Evidence, Extraction, Fact

__version__ = "0.1.0"
__all__ = ["Document", "Entity", "Evidence", "Extraction", "Fact", "Problem", "__version__"]
