"""Scoring extraction against a gold file: precision, recall and F1 per relation.

A gold file is JSONL, one passage a line::

    {"id": "p1", "text": "...", "date": "2020-03-10",
     "triples": [{"subject": "Trump", "relation": "endorses", "object": "Tommy Tuberville"}],
     "trap": true}

``date`` and ``trap`` are optional. ``trap`` marks a passage written to tempt an extractor into
a fact the text does not assert (a denial, a request, a hypothetical, ...): ``true`` means every
relation the passage's gold lists no triple for, a list of relation names means those relations.

Matching rules (only the positive, asserted facts of the extractor are scored):

* a prediction and a gold triple match when they have the same relation, and their subjects
  and their objects match;
* a predicted entity matches a gold string when its label or any alias equals it, compared as a
  reader would: case, accents and apostrophe styles folded, runs of white space collapsed, a
  leading "the " and trailing punctuation stripped; or, when the entity is a Person (or of no
  settled type), when one is a token-suffix of the other once leading titles ("Gov.",
  "President"), middle initials and generational suffixes ("Jr.", "III") are dropped (gold
  "Macron" matches predicted "Emmanuel Macron", "Bill Waller Jr." matches "Waller", "Donald J.
  Trump" matches "Donald Trump"); an organisation also matches without a generic tail ("Law and
  Justice party" = "Law and Justice"; a newspaper's "Editorial Board" speaks for the newspaper);
  a matter (the object of ``recused_from``) matches without a leading gerund and determiner
  ("hearing the plea ..." = "the plea ..."), punctuation around its words aside, and where one
  phrase runs on past the other ("an inquiry into the mayor's firm" = "an inquiry into the
  mayor's firm in 2019") as long as the shorter keeps at least three words (a bare "the case"
  names no matter on its own);
* symmetric relations (``faces_in_runoff``) match in either direction;
* predictions are counted once per passage and distinct triple (the same fact stated in three
  sentences is one prediction), and each gold triple matches at most one prediction (a maximum
  one-to-one matching); unmatched predictions are false positives, unmatched gold triples misses;
* only the relations the gold labels are scored (those of its triples and trap lists), unless
  ``only`` names others; micro totals sum the counts over them.

:func:`split` divides a gold set into the part rules are tuned on and the hold-out part that is
only measured (a passage whose id ends in a number divisible by 4 is held out).

Trap violations are reported apart: positive predictions, in a trap passage, of a relation for
which that passage's gold lists nothing (they are also false positives in the scores).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.documents import Document, Problem
from kg.errors import KgError
from kg.model import Entity, Extraction, Fact
from kg.ontology import honorifics, position_words, relations
from kg.options import SPLITS
from kg.pipeline import Extractor


class GoldError(KgError, ValueError):
    """A gold file cannot be read (the message names the file and line)."""

    code = "E110"


@dataclass(frozen=True)
class GoldTriple:
    subject: str
    relation: str
    object: str

    def __str__(self) -> str:
        return f"{self.subject} -{self.relation}-> {self.object}"


@dataclass(frozen=True)
class Passage:
    """One gold passage: its text and every fact of the scored relations it asserts."""

    id: str
    text: str
    triples: tuple[GoldTriple, ...]
    date: str | None = None
    trap: bool | frozenset[str] = False

    def document(self) -> Document:
        return Document(id=self.id, text=self.text, date=self.date)

    def is_trap_for(self, relation: str) -> bool:
        """True when ``relation`` is a trap here: marked as one and absent from the gold."""
        if not self.trap or any(t.relation == relation for t in self.triples):
            return False
        return self.trap is True or relation in self.trap


@dataclass(frozen=True)
class Predicted:
    """One distinct positive triple predicted for a passage, with its first evidence sentence."""

    subject: Entity
    relation: str
    object: Entity
    sentence: str

    def __str__(self) -> str:
        return f"{self.subject.label} -{self.relation}-> {self.object.label}"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Miss:
    """A gold triple nobody predicted; ``found_as`` names a non-positive prediction of it."""

    triple: GoldTriple
    found_as: Fact | None = None


@dataclass
class PassageResult:
    passage: Passage
    hits: list[tuple[GoldTriple, Predicted]] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    false: list[Predicted] = field(default_factory=list)
    trap_violations: list[Predicted] = field(default_factory=list)


@dataclass
class EvalReport:
    """Per-relation counts, per-passage details and trap violations of one evaluation."""

    relations: dict[str, Counts] = field(default_factory=dict)
    passages: list[PassageResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # passages kg could not extract (scored as empty)

    @property
    def micro(self) -> Counts:
        total = Counts()
        for counts in self.relations.values():
            total.add(counts)
        return total

    @property
    def trap_passages(self) -> int:
        return sum(1 for r in self.passages if r.passage.trap)

    @property
    def trap_violations(self) -> list[tuple[Passage, Predicted]]:
        return [(r.passage, p) for r in self.passages for p in r.trap_violations]

    def to_dict(self) -> dict[str, Any]:
        return {
            "passages": len(self.passages),
            "relations": {name: c.to_dict() for name, c in sorted(self.relations.items())},
            "micro": self.micro.to_dict(),
            "trap_passages": self.trap_passages,
            "problems": [str(p) for p in self.problems],
            "trap_violations": [
                {"id": passage.id, "subject": p.subject.label, "relation": p.relation,
                 "object": p.object.label, "sentence": p.sentence}
                for passage, p in self.trap_violations
            ],
            "details": [
                {"id": r.passage.id,
                 "misses": [{**vars(m.triple), "found_as": m.found_as.evidence.polarity if m.found_as else None}
                            for m in r.misses],
                 "false": [{"subject": p.subject.label, "relation": p.relation, "object": p.object.label,
                            "sentence": p.sentence} for p in r.false]}
                for r in self.passages if r.misses or r.false
            ],
        }

    def format(self, show: bool = False) -> str:
        """The score table, trap violations, and with ``show`` every miss and false fact."""
        header = ("relation", "gold", "pred", "tp", "fp", "fn", "precision", "recall", "f1")
        rows = [(name, c) for name, c in sorted(self.relations.items())] + [("micro", self.micro)]
        table = [header] + [
            (name, str(c.gold), str(c.predicted), str(c.tp), str(c.fp), str(c.fn),
             f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}")
            for name, c in rows
        ]
        widths = [max(len(row[i]) for row in table) for i in range(len(header))]

        def line(row: Sequence[str]) -> str:
            return "  ".join([row[0].ljust(widths[0])] + [v.rjust(w) for v, w in zip(row[1:], widths[1:])])

        out = [line(table[0]), line(["-" * w for w in widths])]
        out += [line(row) for row in table[1:-1]]
        out += [line(["-" * w for w in widths]), line(table[-1])]
        violations = self.trap_violations
        out.append("")
        out.append(f"passages: {len(self.passages)} ({self.trap_passages} traps)")
        out.append(f"trap violations: {len(violations)}")
        out += [f"  {passage.id}: {p}  | {p.sentence}" for passage, p in violations]
        if self.problems:
            out.append(f"not extracted (scored as finding nothing): {len(self.problems)}")
            out += [f"  {problem}" for problem in self.problems]
        if show:
            for result in self.passages:
                if not (result.misses or result.false):
                    continue
                trap = " (trap)" if result.passage.trap else ""
                out += ["", f"== {result.passage.id}{trap}: {result.passage.text}"]
                for miss in result.misses:
                    note = ""
                    if miss.found_as is not None:
                        note = f"  [extracted as {miss.found_as.evidence.polarity}]"
                    out.append(f"  miss   {miss.triple}{note}")
                for p in result.false:
                    out.append(f"  false  {p}  | {p.sentence}")
        return "\n".join(out)


# -- gold files ------------------------------------------------------------------------------------

def _passage(record: Any, where: str) -> Passage:
    if not isinstance(record, dict):
        raise GoldError(f"{where}: expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise GoldError(f"{where}: missing or empty \"text\"")
    raw = record.get("triples", [])
    if not isinstance(raw, list):
        raise GoldError(f"{where}: \"triples\" must be a list")
    known = relations()
    triples = []
    for item in raw:
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) and item[k].strip()
                                                 for k in ("subject", "relation", "object")):
            raise GoldError(f"{where}: every triple needs string \"subject\", \"relation\" and \"object\"")
        if item["relation"] not in known:
            raise GoldError(f"{where}: unknown relation {item['relation']!r} (known: {', '.join(sorted(known))})")
        triples.append(GoldTriple(item["subject"].strip(), item["relation"], item["object"].strip()))
    trap = record.get("trap", False)
    if isinstance(trap, list):
        unknown = [r for r in trap if r not in known]
        if unknown:
            raise GoldError(f"{where}: unknown trap relation {unknown[0]!r}")
        trap = frozenset(trap)
    elif not isinstance(trap, bool):
        raise GoldError(f"{where}: \"trap\" must be true, false or a list of relations")
    date = record.get("date")
    return Passage(id=str(record.get("id") or where), text=text, triples=tuple(triples),
                   date=date if isinstance(date, str) else None, trap=trap)


def parse_gold(lines: Iterable[str], where: str = "<gold>") -> list[Passage]:
    """Passages from JSONL lines; a bad line raises :class:`GoldError` naming it."""
    passages = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise GoldError(f"{where}:{number}: malformed JSON ({err.msg} at column {err.colno})") from err
        passage = _passage(record, f"{where}:{number}")
        if passage.id in seen:
            raise GoldError(f"{where}:{number}: duplicate id {passage.id!r}")
        seen.add(passage.id)
        passages.append(passage)
    return passages


def read_gold(path: str | Path) -> list[Passage]:
    """Read a gold JSONL file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise GoldError(f"{path}: not UTF-8 text") from err
    except OSError as err:
        raise GoldError(f"{path}: cannot read: {err.strerror or err}") from err
    passages = parse_gold(text.splitlines(), str(path))
    if not passages:
        raise GoldError(f"{path}: no passages")
    return passages


# -- matching --------------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2010": "-", "\u2011": "-"})
_GENERATIONAL = {"jr", "sr", "ii", "iii", "iv"}
PERSON_LIKE = {"Person", "Thing"}
# "the Law and Justice party" is Law and Justice; a newspaper's editorial board speaks for it.
_ORGANIZATION_TAILS = (" party", " editorial board", " editorial page", " editors")


def _fold(text: str) -> str:
    """Accents dropped ("Chávez" -> "Chavez"), typographic apostrophes and hyphens made plain."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize(text: str) -> str:
    """Case and accents folded, white space collapsed, leading "the " and trailing punctuation stripped."""
    text = _SPACE.sub(" ", _fold(text)).strip().casefold().rstrip(".,;:!?")
    return text.removeprefix("the ").strip()


def name_tokens(text: str, hyphens: bool = False) -> list[str]:
    """The words of a person's name: leading titles and trailing generational suffixes dropped;
    a hyphenated word is one word when ``hyphens`` ("Ana Lind-Ruiz" is no "Ruiz")."""
    tokens = [t.strip(".,") for t in (normalize(text) if hyphens else normalize(text).replace("-", " ")).split()]
    tokens = [t for t in tokens if t]
    titles = honorifics() | position_words()
    while len(tokens) > 1 and tokens[0] in titles:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1] in _GENERATIONAL:
        tokens.pop()
    return [t for i, t in enumerate(tokens) if len(t) > 1 or i in (0, len(tokens) - 1)]  # middle initials


def _core(name: str) -> str:
    """A normalized organisation name without a generic tail ("party", "editorial board")."""
    for tail in _ORGANIZATION_TAILS:
        if name.endswith(tail) and len(name) > len(tail):
            return name[: -len(tail)].removeprefix("the ").strip().removesuffix("'s")  # "the Globe's editorial board"
    return name


def name_matches(gold: str, entity: Entity) -> bool:
    """Does the predicted ``entity`` name the gold string? (see the module docstring)"""
    wanted = normalize(gold)
    names = (entity.label, *entity.aliases)
    if wanted in {normalize(f) for f in names}:
        return True
    if entity.type not in ("Person", "Place", "Position", "Matter") and _core(wanted) in {_core(normalize(f)) for f in names}:
        return True
    if entity.type not in PERSON_LIKE:
        return False
    tokens = name_tokens(gold)
    for form in names:
        other = name_tokens(form)
        short, long = sorted((tokens, other), key=len)
        if short and long[len(long) - len(short):] == short:
            return True
    return False


_MATTER_LEAD = {"the", "a", "an", "over", "from"}
MATTER_PREFIX_WORDS = 3


def _matter_words(text: str) -> list[str]:
    """A matter's words without leading gerunds, determiners and "over" ("presiding over the ..."),
    and without the punctuation around each word (a phrase cut at a comma is a prefix of it)."""
    words = [w for w in (w.strip(".,;:()\"'") for w in normalize(text).split()) if w]
    while len(words) > 1 and (words[0] in _MATTER_LEAD or words[0].endswith("ing")):
        words.pop(0)
    return words


def matter_matches(gold: str, entity: Entity) -> bool:
    """Do a gold matter phrase and the predicted matter name the same matter? (module docstring)"""
    wanted = _matter_words(gold)
    for form in (entity.label, *entity.aliases):
        short, long = sorted((wanted, _matter_words(form)), key=len)
        if short == long or (len(short) >= MATTER_PREFIX_WORDS and long[: len(short)] == short):
            return True
    return False


def _object_matches(gold: str, obj: Entity) -> bool:
    return matter_matches(gold, obj) if obj.type == "Matter" else name_matches(gold, obj)


def triple_matches(gold: GoldTriple, subject: Entity, relation: str, obj: Entity) -> bool:
    if gold.relation != relation:
        return False
    if name_matches(gold.subject, subject) and _object_matches(gold.object, obj):
        return True
    symmetric = relation in relations() and relations()[relation].symmetric
    return symmetric and name_matches(gold.subject, obj) and name_matches(gold.object, subject)


def _max_matching(edges: list[list[int]], right: int) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn): left index -> right index."""
    owner: list[int | None] = [None] * right

    def augment(left: int, seen: set[int]) -> bool:
        for r in edges[left]:
            if r in seen:
                continue
            seen.add(r)
            if owner[r] is None or augment(owner[r], seen):  # type: ignore[arg-type]
                owner[r] = left
                return True
        return False

    for left in range(len(edges)):
        augment(left, set())
    return {left: r for r, left in enumerate(owner) if left is not None}


def predictions(facts: Iterable[Fact]) -> list[Predicted]:
    """The distinct positive triples of ``facts`` (symmetric ones in one canonical direction)."""
    found: dict[tuple, Predicted] = {}
    for fact in facts:
        if fact.evidence.polarity != "positive":
            continue
        subject, obj = fact.subject, fact.object
        rel = relations().get(fact.relation)
        if rel is not None and rel.symmetric and obj.key < subject.key:
            subject, obj = obj, subject
        key = (subject.key, fact.relation, obj.key)
        if key not in found:
            found[key] = Predicted(subject, fact.relation, obj, fact.evidence.sentence)
    return list(found.values())


def _distinct(triples: Iterable[GoldTriple]) -> list[GoldTriple]:
    """Gold triples without repeats (a symmetric pair stated both ways counts once)."""
    seen: dict[tuple, GoldTriple] = {}
    for t in triples:
        rel = relations()[t.relation]
        ends = (normalize(t.subject), normalize(t.object))
        seen.setdefault((t.relation, frozenset(ends) if rel.symmetric else ends), t)
    return list(seen.values())


def score_passage(passage: Passage, facts: Sequence[Fact],
                  only: Collection[str] | None = None) -> tuple[PassageResult, dict[str, Counts]]:
    """Match one passage's facts against its gold triples (of the relations in ``only``, if given)."""
    result = PassageResult(passage)
    counts: dict[str, Counts] = {}
    predicted = predictions(facts)
    gold = _distinct(passage.triples)
    for relation in sorted({t.relation for t in gold} | {p.relation for p in predicted}):
        if only is not None and relation not in only:
            continue
        golds = [t for t in gold if t.relation == relation]
        preds = [p for p in predicted if p.relation == relation]
        edges = [[j for j, p in enumerate(preds) if triple_matches(g, p.subject, relation, p.object)] for g in golds]
        matched = _max_matching(edges, len(preds))
        counts[relation] = Counts(tp=len(matched), fp=len(preds) - len(matched), fn=len(golds) - len(matched))
        result.hits += [(golds[g], preds[p]) for g, p in matched.items()]
        for i, triple in enumerate(golds):
            if i not in matched:
                other = next((f for f in facts if f.evidence.polarity != "positive"
                              and triple_matches(triple, f.subject, f.relation, f.object)), None)
                result.misses.append(Miss(triple, other))
        taken = set(matched.values())
        result.false += [p for j, p in enumerate(preds) if j not in taken]
        if passage.is_trap_for(relation):
            result.trap_violations += preds
    return result, counts


def labelled_relations(passages: Iterable[Passage]) -> frozenset[str]:
    """The relations a gold set labels: those of its triples and of its trap lists."""
    found: set[str] = set()
    for passage in passages:
        found.update(t.relation for t in passage.triples)
        if isinstance(passage.trap, frozenset):
            found.update(passage.trap)
    return frozenset(found)


_NUMBER = re.compile(r"\d+")


def is_holdout(passage_id: str) -> bool:
    """The agreed split: a passage whose id ends in a number divisible by 4 is held out."""
    numbers = _NUMBER.findall(passage_id)
    return bool(numbers) and int(numbers[-1]) % 4 == 0


def split(passages: Iterable[Passage], part: str) -> list[Passage]:
    """The passages of one part: ``all``, ``tune`` (rules are written from it) or ``holdout``
    (only ever measured)."""
    if part not in SPLITS:
        raise ValueError(f"unknown split {part!r} (known: {', '.join(SPLITS)})")
    return [p for p in passages if part == "all" or is_holdout(p.id) == (part == "holdout")]


def score(pairs: Iterable[tuple[Passage, Sequence[Fact]]], only: Collection[str] | None = None) -> EvalReport:
    """An :class:`EvalReport` from passages and the facts predicted for each, over the relations
    in ``only`` (default: those the passages' gold labels)."""
    pairs = list(pairs)
    scored = labelled_relations(p for p, _ in pairs) if only is None else only
    report = EvalReport(relations={name: Counts() for name in sorted(scored)})
    for passage, facts in pairs:
        result, counts = score_passage(passage, facts, scored)
        report.passages.append(result)
        for relation, c in counts.items():
            report.relations.setdefault(relation, Counts()).add(c)
    return report


def extract(extractor: Extractor, passages: Sequence[Passage]) -> tuple[list[tuple[Passage, Extraction]], list[Problem]]:
    """Every passage with its extraction, in order; a passage kg could not extract (reported in
    the problems) gets an empty one, so it is scored as finding nothing."""
    problems: list[Problem] = []
    done = {document.id: extraction for document, extraction in
            extractor.pipe((p.document() for p in passages), on_problem=problems.append)}
    return [(p, done.get(p.id) or Extraction(p.id, (), (), 0)) for p in passages], problems


def evaluate(extractor: Extractor, passages: Iterable[Passage], only: Collection[str] | None = None) -> EvalReport:
    """Run ``extractor`` over every passage and score its positive facts against the gold
    (of the relations in ``only``; default: those the gold labels)."""
    passages = list(passages)
    extracted, problems = extract(extractor, passages)
    report = score(((p, e.facts) for p, e in extracted), labelled_relations(passages) if only is None else only)
    report.problems = problems
    return report
