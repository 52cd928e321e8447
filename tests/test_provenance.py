"""Sources travel from JSONL (`url`, `title`) into facts.jsonl, the graph, the named queries and the
page, and the build summary and the page count the same way."""

import json
import re

import pytest

from kg.analysis import fact_graph
from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.named import get
from kg.validate import validate

from .conftest import ROOT

ARTICLES = ROOT / "notebooks" / "articles.jsonl"  # invented articles


@pytest.fixture(scope="module")
def built(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("prov")
    assert main(["build", str(ARTICLES), "-o", str(out), "-q"]) == 0
    return out


def articles() -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, ARTICLES.read_text(encoding="utf-8").splitlines())}


def test_facts_jsonl_carries_url_and_title(built):
    records = [json.loads(line) for line in (built / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records
    for r in records:
        source = articles()[r["doc"]]
        assert r["title"] == source["title"] and r["url"] == source.get("url")
    assert any(r["url"] is None for r in records)  # the wire brief has no url


def test_named_queries_answer_with_title_and_url(built):
    kg = KnowledgeGraph.load(built)
    rows = kg.query(get("endorsements").render()).dicts()
    quint = [r for r in rows if r["endorser"] == "Marla Quint" and r["endorsed"] == "Dana Whitlow"]
    assert quint and quint[0]["url"] == "https://valley-courier.example/2031/03/quint-backs-whitlow"
    assert quint[0]["title"] == "Governor Marla Quint backs Dana Whitlow in the Senate race"
    rows = kg.query(get("sources").render({"subject": "Marla Quint", "relation": "endorses", "object": "Dana Whitlow"})).dicts()
    assert [r["url"] for r in rows] == ["https://valley-courier.example/2031/03/quint-backs-whitlow"]
    assert all("title" in r and "url" in r for r in kg.query(get("facts-with-evidence").render()).dicts())
    assert validate(kg.graph).conforms


def test_summary_and_page_count_alike(tmp_path, capsys, nlp):
    assert main(["build", str(ARTICLES), "-o", str(tmp_path), "--title", "Norland desk"]) == 0
    summary = capsys.readouterr().err
    entities = int(re.search(r"entities:\s+(\d+)", summary).group(1))
    facts = int(re.search(r"facts:\s+(\d+)", summary).group(1))
    statements = int(re.search(r"\((\d+) statements", summary).group(1))
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S).group(1))
    unasserted = int(re.search(r"(\d+) denied, hypothetical or reported", summary).group(1))
    counts = data["counts"]
    assert (counts["entities"], counts["facts"], counts["unasserted"], counts["statements"]) == (entities, facts, unasserted, statements)
    assert unasserted >= 1
    graph = fact_graph(KnowledgeGraph.load(tmp_path).graph)
    assert data["counts"]["drawnEntities"] == sum(1 for n in graph if graph.degree(n))
    assert "<title>Norland desk</title>" in page and str(tmp_path) not in page and str(ROOT) not in page
