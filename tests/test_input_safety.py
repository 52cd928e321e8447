"""Dates validated on input, unreadable folders reported, bugs not dressed up as user errors (issue 15)."""

from __future__ import annotations

import json
import os

import pytest

from kg.documents import Document, Problem, parse_date, read_jsonl, read_path, split_date_header


@pytest.mark.parametrize(("value", "date"), [
    ("2017-03-02", "2017-03-02"),
    ("2020-03-02T14:00:00Z", "2020-03-02"),
    ("2020-03-02T23:30:00-05:00", "2020-03-02"),  # the date as written, not moved to UTC
    ("2020-03-02 14:00", "2020-03-02"),
    ("March 2, 2017", "2017-03-02"),
    ("Mar. 2, 2017", "2017-03-02"),
    ("Sept. 5 2019", "2019-09-05"),
    ("2 March 2017", "2017-03-02"),
    ("2017-13-45", None),
    ("2020-02-30", None),
    ("February 30, 2020", None),
    ("yesterday", None),
    ("2017", None),
    ("", None),
])
def test_dates_kg_reads(value, date):
    assert parse_date(value) == date


def test_a_date_header_in_english_or_with_a_time():
    assert split_date_header("date March 2, 2017\nText.") == ("March 2, 2017", "Text.")
    assert split_date_header("Date: 2020-03-02T14:00:00Z\nText.") == ("2020-03-02T14:00:00Z", "Text.")
    assert split_date_header("Date night was fun.") == (None, "Date night was fun.")


def test_an_impossible_header_date_is_a_warning_and_the_document_is_kept(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date 2020-02-30\nAnn Lee endorsed Bob Roy.\n", encoding="utf-8")
    warning, document = read_path(path)
    assert warning.warning and warning.where == f"{path}:1" and "2020-02-30" in warning.message
    assert document == Document(id=str(path), text="Ann Lee endorsed Bob Roy.\n", date=None, source=str(path))


def test_jsonl_dates_are_read_or_warned_about_by_line():
    lines = [
        json.dumps({"id": "a", "text": "One.", "date": "March 2, 2017"}),
        json.dumps({"id": "b", "text": "Two.", "date": "2017-13-45"}),
        json.dumps({"id": "c", "text": "Three.", "date": 20170302}),
        json.dumps({"id": "d", "text": "date 2 March 2017\nFour."}),
    ]
    items = list(read_jsonl(lines, "in.jsonl"))
    assert [(i.id, i.date) if isinstance(i, Document) else (i.where, i.warning) for i in items] == [
        ("a", "2017-03-02"), ("in.jsonl:2", True), ("b", None), ("in.jsonl:3", True), ("c", None), ("d", "2017-03-02"),
    ]


def test_build_with_bad_dates_warns_exits_zero_and_writes_only_valid_dates(tmp_path, nlp, capsys):
    from kg.cli import main

    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"id": "x", "text": "Ann Lee endorsed Bob Roy.", "date": "2017-13-45"}) + "\n", encoding="utf-8")
    assert main(["build", str(corpus), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert f"kg build: warning: {corpus}:1: date '2017-13-45' ignored" in err
    assert "Traceback" not in err and "1 read, 0 skipped, 1 with warnings" in err
    assert "2017-13-45" not in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert main(["validate", str(tmp_path / "out")]) == 0


def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("Some news.", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    locked = str(tmp_path / "locked")
    scandir = os.scandir

    def refuse(path):  # as root, chmod cannot make a folder unreadable
        if str(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return scandir(path)

    monkeypatch.setattr("kg.documents.os.scandir", refuse)
    items = list(read_path(tmp_path))
    assert Problem(locked, "cannot read folder: Permission denied") in items
    assert [i.text for i in items if isinstance(i, Document)] == ["Some news."]


def test_a_bad_query_is_a_query_error_but_a_bug_is_not(monkeypatch):
    from rdflib.plugins import sparql

    from kg.query import QueryError, prepare

    with pytest.raises(QueryError, match="Unknown namespace prefix"):
        prepare("SELECT * WHERE { ?s nope:thing ?o }")

    def broken(*args, **kwargs):
        raise KeyError("a bug in the engine")

    monkeypatch.setattr(sparql, "prepareQuery", broken)
    with pytest.raises(KeyError):
        prepare("SELECT * WHERE { ?s ?p ?o }")


def test_a_bad_graph_file_is_a_store_error_but_a_bug_is_not(tmp_path, monkeypatch):
    from kg.graph import KnowledgeGraph
    from kg.store import StoreError, open_store

    bad = tmp_path / "g.ttl"
    bad.write_text("@prefix x <y> .", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot parse"):
        open_store(str(bad))

    def broken(path):
        raise TypeError("a bug")

    monkeypatch.setattr(KnowledgeGraph, "load", staticmethod(broken))
    with pytest.raises(TypeError):
        open_store(str(bad))
