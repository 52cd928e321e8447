"""Commands that never parse text never import spaCy (nor a library they do not use)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# Runs kg commands one after another in one interpreter and prints, after each, which of the
# heavy libraries are loaded. Output of the commands themselves is discarded.
PROBE = """
import contextlib, io, json, sys
from kg.cli import main
HEAVY = ("spacy", "thinc", "pyshacl", "pyvis", "networkx", "rdflib", "pyoxigraph", "scipy", "IPython")
loaded = {}
for argv in json.loads(sys.argv[1]):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            main(argv)
        except SystemExit:
            pass
    loaded[" ".join(argv)] = sorted(m for m in HEAVY if m in sys.modules)
print(json.dumps(loaded))
"""


def loaded_after(*commands: list[str]) -> dict[str, list[str]]:
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(commands)], capture_output=True, text=True,
                         timeout=120, check=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def graph(tmp_path_factory, nlp):
    from kg.build import build

    out = tmp_path_factory.mktemp("imports")
    (out / "a.txt").write_text("Senator Ada Quill endorsed Bruno Vale on Monday.", encoding="utf-8")
    build([out / "a.txt"], out / "build", nlp=nlp)
    return str(out / "build")


def test_help_imports_no_library():
    loaded = loaded_after(["--help"], ["build", "--help"], ["query", "--list"])
    assert loaded["--help"] == []
    assert loaded["build --help"] == []


def test_reading_commands_import_no_spacy(graph, tmp_path):
    commands = [
        ["query", graph, "SELECT * WHERE { ?s ?p ?o } LIMIT 1"],
        ["stats", graph],
        ["validate", graph],
        ["export", graph, "-o", str(tmp_path / "g.nt")],
        ["viz", graph, "-o", str(tmp_path / "g.html")],
        ["path", graph, "Ada Quill", "Bruno Vale"],
        ["neighbors", graph, "Ada Quill"],
    ]
    loaded = loaded_after(*commands)
    assert (tmp_path / "g.nt").stat().st_size > 0 and (tmp_path / "g.html").stat().st_size > 0
    for command, modules in loaded.items():
        assert "spacy" not in modules and "thinc" not in modules, command
    assert "networkx" not in loaded[" ".join(commands[0])]  # query needs no network analysis
    assert "pyvis" not in loaded[" ".join(commands[1])]  # stats draws nothing
    assert "pyshacl" not in loaded[" ".join(commands[2])]  # validate runs the shapes as SPARQL
    drawn = loaded[" ".join(commands[4])]  # the page reads vis-network's file; PageRank is plain Python
    assert "pyvis" not in drawn and "IPython" not in drawn and "scipy" not in drawn


def test_build_draws_its_page_without_networkx(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Mayor Ines Karo endorsed Tomas Reed on Friday.", encoding="utf-8")
    loaded = loaded_after(["build", str(text), "-o", str(tmp_path / "out"), "-q"])
    assert (tmp_path / "out" / "graph.html").stat().st_size > 0
    modules = next(iter(loaded.values()))
    assert "spacy" in modules and "networkx" not in modules and "pyvis" not in modules
