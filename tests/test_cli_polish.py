"""What a new user meets first: mistyped commands, missing query files, where kg viz writes."""

from __future__ import annotations

from kg.cli import main

from .graphs import small_graph


def test_a_mistyped_command_gets_a_suggestion(capsys):
    assert main(["qurey", "out/", "SELECT * {}"]) == 2
    assert capsys.readouterr().err.strip() == "kg: error: unknown command 'qurey'; did you mean 'query'?"
    assert main(["zzzz"]) == 2
    assert "choose from build, query" in capsys.readouterr().err


def test_a_missing_rq_file_is_no_such_file_not_invalid_sparql(tmp_path, capsys):
    graph = small_graph().serialize(tmp_path / "graph.ttl")
    assert main(["query", str(graph), str(tmp_path / "missing.rq")]) == 2
    err = capsys.readouterr().err
    assert "no such file" in err and "missing.rq" in err and "SPARQL" not in err
    query = tmp_path / "count.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", encoding="utf-8")
    assert main(["query", str(graph), str(query), "--format", "csv", "--timeout", "0"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "n"


def test_viz_without_output_writes_next_to_its_input(tmp_path, monkeypatch):
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    folder = tmp_path / "build"
    folder.mkdir()
    small_graph().serialize(folder / "graph.ttl")
    assert main(["viz", str(folder)]) == 0
    assert (folder / "graph.html").is_file()
    single = small_graph().serialize(tmp_path / "news.ttl")
    assert main(["viz", str(single)]) == 0
    assert (tmp_path / "news.html").is_file()
    assert list(elsewhere.iterdir()) == []
