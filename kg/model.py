"""The plain data that flows out of extraction: entities, evidence, facts.

No spaCy object escapes extraction; everything here is hashable, comparable and serialisable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Polarity = Literal["positive", "negative", "hypothetical", "reported"]

ENTITY_TYPES = ("Person", "Organization", "Place", "Group", "Position", "Matter", "Election", "Thing")


@dataclass(frozen=True)
class Entity:
    """Something the text talks about: ``label`` is its fullest name, ``aliases`` its other forms.

    ``scope`` is the document a name holds in when the text gives it no wider one: "president"
    with no country or organisation is a position of that document only, never one node shared
    by every president of a corpus.
    """

    label: str
    type: str
    aliases: frozenset[str] = field(default_factory=frozenset, compare=False)
    scope: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type, self.label, self.scope)


@dataclass(frozen=True)
class Evidence:
    """Where and how one fact was stated."""

    doc: str
    sentence: str
    start: int
    end: int
    trigger: str
    frame: str
    confidence: float
    polarity: Polarity = "positive"
    date: str | None = None
    speaker: Entity | None = None
    title: str | None = None  # the document's title and url, as the build read them
    url: str | None = None


@dataclass(frozen=True)
class Fact:
    """One statement ``subject relation object`` with its evidence.

    A positive fact is asserted by the text; other polarities are kept as assertions only.
    ``position`` and ``organization`` qualify appointments, dismissals and held positions.
    """

    subject: Entity
    relation: str
    object: Entity
    evidence: Evidence
    position: Entity | None = None
    organization: Entity | None = None

    @property
    def triple(self) -> tuple[Entity, str, Entity]:
        return (self.subject, self.relation, self.object)

    def to_record(self) -> dict[str, Any]:
        """A flat JSON-able record (one line of ``facts.jsonl``)."""
        ev = self.evidence
        record: dict[str, Any] = {
            "doc": ev.doc,
            "subject": self.subject.label,
            "relation": self.relation,
            "object": self.object.label,
            "polarity": ev.polarity,
            "confidence": ev.confidence,
            "sentence": ev.sentence,
            "start": ev.start,
            "end": ev.end,
            "date": ev.date,
            "title": ev.title,
            "url": ev.url,
            "trigger": ev.trigger,
            "frame": ev.frame,
            "subject_type": self.subject.type,
            "object_type": self.object.type,
        }
        for role, entity in (("subject", self.subject), ("object", self.object)):
            if entity.scope:  # a name that holds in its document only ("president")
                record[f"{role}_scope"] = entity.scope
        if ev.speaker is not None:
            record["speaker"] = ev.speaker.label
        if self.position is not None:
            record["position"] = self.position.label
        if self.organization is not None:
            record["organization"] = self.organization.label
        return record


@dataclass(frozen=True)
class Extraction:
    """What one document yields: its entities, its facts and how many sentences it had."""

    doc_id: str
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    sentences: int
