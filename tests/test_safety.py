"""Never hang, never blow up: inputs that once hung or crashed the extractor (issue 15)."""

from __future__ import annotations

import ast
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import plain

KG = Path(__file__).resolve().parent.parent / "kg"
IDENTITY_OPERANDS = (None, True, False, Ellipsis, NotImplemented)


def _identity_comparisons(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            for op, left, right in zip(node.ops, operands, operands[1:]):
                if isinstance(op, ast.Is | ast.IsNot):
                    yield node, left, right


def _is_singleton(node: ast.expr) -> bool:
    """None, True, False, ... or ``type(x)`` (compared with a class, never a token)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "type":
        return True
    return isinstance(node, ast.Constant) and any(node.value is v for v in IDENTITY_OPERANDS)


def test_no_identity_comparison_of_anything_but_singletons():
    """spaCy makes a new object per Token or Span access, so ``a is b`` between two of them is
    always False: only None, True, False, ... may stand on one side of ``is``."""
    offenders = []
    for path in sorted(KG.rglob("*.py")):
        for node, left, right in _identity_comparisons(ast.parse(path.read_text(encoding="utf-8"))):
            if not (_is_singleton(left) or _is_singleton(right)):
                offenders.append(f"{path.relative_to(KG.parent)}:{node.lineno}: {ast.unparse(node)}")
    assert offenders == []


def test_the_identity_check_catches_token_comparisons():
    code = "while token.head is not token: pass\nif a is None: pass\nif span is other.sent: pass\nif type(e) is Exception: pass"
    found = list(_identity_comparisons(ast.parse(code)))
    assert [_is_singleton(l) or _is_singleton(r) for _, l, r in found] == [False, True, False, True]


def within(seconds: float, function, *args):
    """``function(*args)`` in a daemon thread: its value, or a failure (not a hang) past ``seconds``."""
    box: list = []
    errors: list = []

    def run():
        try:
            box.append(function(*args))
        except BaseException as error:  # re-raised in the test's thread
            errors.append(error)

    worker = threading.Thread(target=run, daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(seconds)
    if errors:
        raise errors[0]
    assert box, f"did not finish within {seconds} s"
    return box[0], time.monotonic() - started


@pytest.mark.parametrize("text", [
    "of running",
    "by naming",
    "Her verdict about backing Okafor.",
    "No second thoughts about withdrawing herself from the inquiry.",
    "Regrets over appointing him to the board.",
    "A word on endorsing.",
])
def test_headline_fragments_finish(extract, text):
    within(30, extract, text)


def test_a_deep_chain_of_reported_clauses_resolves_without_recursion(extract):
    text = "Marta Lindqvist said " + "that she thought " * 400 + "that she had endorsed Pavel Horak."
    extraction, _ = within(60, extract, text)
    assert ("Marta Lindqvist", "endorses", "Pavel Horak") in plain(extraction)


def test_a_long_chain_of_pronouns_across_sentences(extract):
    text = "Marta Lindqvist arrived. " + "She said that she had endorsed Pavel Horak. " * 300
    extraction, _ = within(120, extract, text)
    assert ("Marta Lindqvist", "endorses", "Pavel Horak") in plain(extraction)


def test_a_list_of_a_thousand_items_does_not_recurse(extract):
    names = [f"Name{k} Surname{k}" for k in range(1, 1200)]
    text = "Okafor endorsed " + ", ".join(names) + " and Bram Visser."
    within(120, extract, text)


def test_phrase_labels_keep_relative_clauses_and_drop_appositions(nlp):
    from kg.extraction.extractor import phrase_label

    doc = nlp("Ortiz recused himself from the inquiry that Halvorsen later led.")
    assert phrase_label(next(t for t in doc if t.text == "inquiry")) == "inquiry that Halvorsen later led"
    doc = nlp("Ortiz recused himself from the audit, a review of the port contracts, in May.")
    assert phrase_label(next(t for t in doc if t.text == "audit")) == "audit"


def test_a_runoff_between_a_whole_list_states_no_field_of_pairs(extract):
    names = [f"Candidate{k}" for k in range(1, 60)]
    text = "The runoff between " + ", ".join(names) + " and Candidate60 is set for May."
    extraction, _ = within(60, extract, text)
    assert len(extraction.facts) <= 6


def test_a_small_runoff_field_still_gives_every_pair(extract):
    extraction = extract("The runoff between Ana Ruiz, Bo Lindgren and Cy Okafor is set for May.")
    pairs = {frozenset((f.subject.label, f.object.label)) for f in extraction.facts if f.relation == "faces_in_runoff"}
    assert len(pairs) == 3


def test_two_lists_crossed_are_bounded_but_a_small_product_is_kept(extract):
    small = extract("Ana Ruiz and Bo Lindgren endorsed Cy Okafor and Dee Mensah.")
    assert len(plain(small, {"endorses"})) == 4
    left = " , ".join(f"Senator{k} Smith" for k in range(12))
    right = " , ".join(f"Mayor{k} Jones" for k in range(12))
    crossed, _ = within(60, extract, f"{left} and Ann Lee endorsed {right} and Bob Roy.")
    assert len([f for f in crossed.facts if f.relation == "endorses"]) <= 36


def test_entity_indexing_tries_only_names_sharing_a_word(nlp, monkeypatch):
    """Each new mention was compared with every known name (quadratic in the names of a text)."""
    from kg.extraction import entities

    calls = []
    original = entities._may_join
    monkeypatch.setattr(entities, "_may_join", lambda *args: calls.append(1) or original(*args))
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "we", "zu", "bo", "da"]
    surnames = [(a + b).title() + "son" for a in syllables for b in syllables]  # 144 distinct surnames
    text = " ".join(f"Mr. Peter{k} {name} spoke." for k, name in enumerate(surnames))
    index = entities.EntityIndex(nlp(text + f" Then {surnames[7]} spoke again."))
    assert len(calls) < 10  # was one call per pair of names: about 10,000
    again = [t for t in index.doc if t.text == surnames[7]][-1]
    assert index.entity_at(again).label == f"Peter7 {surnames[7]}"
