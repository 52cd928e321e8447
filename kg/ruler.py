"""spaCy's attribute ruler with its rules applied to a whole batch as array look-ups.

The ``attribute_ruler`` of spaCy's English pipelines maps fine-grained tags to parts of speech and
morphology and fixes a few dozen words ("n't" is a particle, "ai" before "n't" is "be"). spaCy runs
its 179 rules through the token ``Matcher``, one document and one token at a time: about a tenth
of the whole pipeline's time on news text. :class:`AttributeTable` is that ruler (the same
patterns, the same serialisation) whose ``pipe`` evaluates every rule once per batch with numpy
over the batch's token attributes and writes the results with ``Doc.from_array``. The
annotation is the ruler's to the last token: each rule's matches are the Matcher's (consecutive
tokens, equal values, ``IN``, ``NOT_IN`` and ``REGEX``), computed before any is applied, and a
later rule wins where two set the same attribute, as spaCy's ruler orders them. A ruler holding
any other kind of pattern (operators, extension attributes, other predicates) runs spaCy's own
code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.util import minibatch

FACTORY = "kg_attribute_table"
RULER = "attribute_ruler"
_PREDICATES = {"IN", "NOT_IN", "REGEX"}
_REMEMBERED = 100_000  # regex verdicts kept on strings seen (then forgotten: memory stays bounded)


@dataclass(frozen=True)
class _Test:
    """One token attribute's condition: ``kind`` is ``==`` (``value``), ``IN`` or ``NOT_IN``
    (``members``, string hashes) or ``REGEX`` (``pattern``, searched in the attribute's string)."""

    attr: int
    kind: str
    value: int = 0
    members: tuple[int, ...] = ()
    pattern: str = ""


@dataclass(frozen=True)
class _Rule:
    """One alternative of one ruler pattern: its tests per token and where its attributes go."""

    tokens: tuple[tuple[_Test, ...], ...]
    index: int  # the token of the match that gets the attributes (0 <= index < len(tokens))
    attrs: dict[int, int]  # attribute id -> value (spaCy's normalised form)


class AttributeTable(AttributeRuler):
    """An :class:`~spacy.pipeline.AttributeRuler` that applies its rules batch by batch with numpy."""

    def __init__(self, vocab, name: str = RULER, **kwargs) -> None:
        super().__init__(vocab, name, **kwargs)
        self._rules: list[_Rule] | None = []
        self._strings: dict[tuple[str, int], bool] = {}  # (regex, string hash) -> whether it matches

    def add(self, patterns, attrs, index=0):
        super().add(patterns, attrs, index)
        if self._rules is not None:
            rules = [self._compile(pattern, self.attrs[-1], index) for pattern in patterns]
            self._rules = None if None in rules else self._rules + rules  # type: ignore[operator]

    def clear(self) -> None:
        super().clear()
        self._rules = []

    def _compile(self, pattern: list[dict], attrs: dict[int, int], index: int) -> _Rule | None:
        """A rule for one Matcher pattern, or None where the pattern is beyond this table."""
        if not pattern or not -len(pattern) <= index < len(pattern):
            return None
        tokens = []
        for spec in pattern:
            tests = []
            for name, value in spec.items():
                attr = IDS.get(name.upper()) if isinstance(name, str) else None
                test = None if attr is None else self._test(attr, value)
                if test is None:
                    return None
                tests.append(test)
            tokens.append(tuple(tests))
        return _Rule(tuple(tokens), index % len(pattern), dict(attrs))

    def _test(self, attr: int, value: object) -> _Test | None:
        strings = self.vocab.strings
        if isinstance(value, bool):
            return _Test(attr, "==", int(value))
        if isinstance(value, (str, int)):
            return _Test(attr, "==", strings.add(value) if isinstance(value, str) else value)
        if not isinstance(value, dict) or len(value) != 1 or next(iter(value)) not in _PREDICATES:
            return None
        kind, argument = next(iter(value.items()))
        if kind == "REGEX":
            if not isinstance(argument, str):
                return None
            re.compile(argument)
            return _Test(attr, kind, pattern=argument)
        if not isinstance(argument, (list, tuple)) or not all(isinstance(v, str) for v in argument):
            return None
        return _Test(attr, kind, members=tuple(sorted({strings.add(v) for v in argument})))

    def _holds(self, test: _Test, column: np.ndarray) -> np.ndarray:
        """Where ``column`` (one attribute of consecutive tokens) meets ``test``."""
        if test.kind == "==":
            return column == test.value
        if test.kind in ("IN", "NOT_IN"):
            found = np.isin(column, np.array(test.members, dtype=np.uint64))
            return found if test.kind == "IN" else ~found
        values, inverse = np.unique(column, return_inverse=True)
        matched = np.zeros(len(values), dtype=bool)
        if len(self._strings) > _REMEMBERED:
            self._strings.clear()
        for n, value in enumerate(values.tolist()):
            key = (test.pattern, value)
            if key not in self._strings:
                self._strings[key] = re.search(test.pattern, self.vocab.strings[value]) is not None
            matched[n] = self._strings[key]
        return matched[inverse.reshape(-1)]

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        if self._rules is None:  # a pattern beyond the table: spaCy's own ruler
            for doc in stream:
                yield super().__call__(doc)
            return
        for docs in minibatch(stream, size=batch_size):
            self._apply(docs)
            yield from docs

    def _apply(self, docs: list[Doc]) -> None:
        assert self._rules is not None
        written: list[int | str] = sorted({attr for rule in self._rules for attr in rule.attrs})
        tested = {test.attr for rule in self._rules for token in rule.tokens for test in token}
        columns: list[int | str] = sorted(tested | set(written))  # type: ignore[arg-type]
        arrays = [doc.to_array(columns) for doc in docs if len(doc)]
        if not arrays:
            return
        table = np.concatenate(arrays)
        owner = np.repeat(np.arange(len(arrays)), [len(a) for a in arrays])
        values = {attr: table[:, n] for n, attr in enumerate(columns)}
        result = {attr: values[attr].copy() for attr in written}
        n = len(table)
        for rule in self._rules:  # in the ruler's order: a later rule wins
            width = len(rule.tokens)
            if width > n:
                continue
            starts = np.ones(n - width + 1, dtype=bool)
            for offset, tests in enumerate(rule.tokens):
                for test in tests:
                    starts &= self._holds(test, values[test.attr][offset:n - width + 1 + offset])
            if width > 1:
                starts &= owner[:n - width + 1] == owner[width - 1:]
            targets = np.flatnonzero(starts) + rule.index
            for attr, value in rule.attrs.items():
                result[attr][targets] = value
        new = np.stack([result[attr] for attr in written], axis=1)
        start = 0
        for doc in docs:
            if len(doc):
                doc.from_array(written, np.ascontiguousarray(new[start:start + len(doc)]))  # type: ignore[arg-type]
                start += len(doc)


@Language.factory(FACTORY)
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp.vocab, name)


def install(nlp: Language) -> Language:
    """Replace ``nlp``'s ``attribute_ruler`` with an :class:`AttributeTable` of the same patterns
    (once; a pipeline without one, or whose patterns the table cannot hold, keeps its own)."""
    if RULER not in nlp.pipe_names:
        return nlp
    ruler = nlp.get_pipe(RULER)
    if not isinstance(ruler, AttributeRuler) or isinstance(ruler, AttributeTable):
        return nlp
    trial = AttributeTable(nlp.vocab, RULER)
    trial.add_patterns(ruler.patterns)
    if trial._rules is None:
        return nlp
    table = nlp.replace_pipe(RULER, FACTORY)
    assert isinstance(table, AttributeTable)
    table.add_patterns(ruler.patterns)
    return nlp
