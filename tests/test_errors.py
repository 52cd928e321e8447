"""One error root: every exception kg defines derives from KgError, and the CLI reports each in one line."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import kg
from kg.cli import main
from kg.errors import BAD_REQUEST, FAILED, KgError


def _kg_exceptions():
    for info in pkgutil.walk_packages(kg.__path__, "kg."):
        if info.name in ("kg.cluster",):  # needs the optional Dask extra
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Exception) and cls.__module__ == info.name:
                yield cls


def test_every_kg_exception_derives_from_kg_error():
    found = list(_kg_exceptions())
    assert len(found) >= 12
    assert [c.__name__ for c in found if not issubclass(c, KgError)] == []
    for cls in found:
        assert cls.code.startswith("E") and cls.exit_status in (FAILED, BAD_REQUEST)


def test_old_bases_still_catch():
    from kg.guard import QueryError
    from kg.store import StoreError

    assert issubclass(StoreError, OSError) and issubclass(QueryError, ValueError)


def test_invalid_sparql_is_one_line_with_status_2(tmp_path, capsys):
    graph = tmp_path / "g.ttl"
    graph.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    assert main(["query", str(graph), "SELECT WHERE {", "--timeout", "0"]) == BAD_REQUEST
    err = capsys.readouterr().err
    assert err.startswith("kg query: error: invalid SPARQL") and "Traceback" not in err


def test_missing_store_is_one_line_with_status_1(tmp_path, capsys):
    assert main(["stats", str(tmp_path / "missing.ttl")]) == FAILED
    err = capsys.readouterr().err
    assert err.startswith("kg stats: error: ") and err.count("\n") == 1


@pytest.mark.parametrize("bad", ["x.ttl"])
def test_unknown_entity_is_status_1(tmp_path, capsys, bad):
    graph = tmp_path / bad
    graph.write_text("", encoding="utf-8")
    assert main(["neighbors", str(graph), "Nobody"]) == FAILED
    assert "Nobody" in capsys.readouterr().err
