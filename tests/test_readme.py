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
