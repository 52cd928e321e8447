"""What a new user meets first: mistyped commands, missing query files, where kg viz writes."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from kg.cli import main

from ..graphs import small_graph


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


def test_a_folder_with_nothing_to_read_names_the_extensions_kg_reads(tmp_path, capsys):
    folder = tmp_path / "pdfs"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"%PDF-1.4")
    assert main(["build", str(folder), "-o", str(tmp_path / "out"), "-q"]) == 1
    err = capsys.readouterr().err
    assert "no file kg reads in this folder" in err and ".txt" in err and ".jsonl" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.server
def test_serve_on_a_busy_port_fails_before_announcing(tmp_path):
    graph = small_graph().serialize(tmp_path / "graph.ttl")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run([sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main())",
                               "serve", str(graph), "--port", str(port),
                               "--workers", "1"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [f"kg serve: error: cannot listen on 127.0.0.1:{port}: Address already in use"]
