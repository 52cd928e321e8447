"""The README's library example runs as written."""

import re

from .conftest import ROOT


def test_library_example_runs(monkeypatch, tmp_path, capsys, nlp):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Library", 1)[1]
    (code,) = re.findall(r"```python\n(.*?)```", section.split("\n## ", 1)[0], re.S)
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "Trump endorses Tommy Tuberville" in out
    assert "'a': 'https://w3id.org/kg/entity/person/trump'" in out
    assert (tmp_path / "graph.ttl").is_file()


def test_sparql_examples_answer_on_the_example_build(monkeypatch, tmp_path, nlp):
    from kg.cli import main
    from kg.graph import KnowledgeGraph

    monkeypatch.chdir(ROOT)  # the document-facts example names the document by its relative path
    assert main(["build", "examples/", "-o", str(tmp_path), "-q"]) == 0
    graph = KnowledgeGraph.load(tmp_path)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sparql\n(.*?)```", readme, re.S)
    assert len(queries) >= 10
    for query in queries:
        rows = graph.query(query).dicts()
        assert rows, query
        if "?sentence" in query.split("WHERE", 1)[0]:
            assert all(row["sentence"] for row in rows), query
