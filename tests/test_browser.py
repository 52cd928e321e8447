"""The built HTML in a real headless Chromium (Debian's `chromium`, driven by Playwright)."""

import os
import shutil
from pathlib import Path

import pytest

from kg.analysis import fact_graph
from kg.cli import main
from kg.graph import KnowledgeGraph

from .conftest import EXAMPLE_ARTICLE

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
XSS = ('date 2020-06-01\nGovernor Kay Ivey endorsed Tommy Tuberville <script>window.__pwned=1</script> on Monday, '
       'aides said <img src=x onerror="window.__pwned=2">.\n')


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no Chromium at {CHROMIUM}: install it with `apt-get install -y chromium` (Debian/Ubuntu) "
                    "or point KG_CHROMIUM at a Chromium binary; Playwright's own browser download is not used")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is missing: pip install -e '.[dev]'")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    (folder / "xss.txt").write_text(XSS, encoding="utf-8")
    assert main(["build", str(EXAMPLE_ARTICLE), str(folder / "xss.txt"), "-o", str(folder / "out"), "-q"]) == 0
    return folder / "out"


@pytest.fixture
def page(browser, built):
    """The page open and drawn; ``page.problems`` collects console errors and http(s) requests."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.problems = []
    page.on("console", lambda m: page.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda err: page.problems.append(f"page error: {err}"))
    page.on("request", lambda r: page.problems.append(f"request {r.url}") if not r.url.startswith(("file:", "data:")) else None)
    page.goto((built / "graph.html").as_uri())
    page.wait_for_selector("body[data-ready]", timeout=30_000)
    yield page
    page.close()


def test_notebook_iframe_draws_the_same_graph(browser, built, tmp_path):
    from kg.viz import page as graph_page

    graph = fact_graph(KnowledgeGraph.load(built).graph)
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><html><body>{graph_page(graph)._repr_html_()}</body></html>", encoding="utf-8")
    tab = browser.new_page()
    requests = []
    tab.on("request", lambda r: requests.append(r.url) if r.url.startswith("http") else None)
    tab.goto(host.as_uri())
    frame = tab.frames[1]
    frame.wait_for_selector("body[data-ready]", timeout=30_000)
    linked = sum(1 for n in graph if graph.degree(n))
    assert frame.evaluate("kgNetwork.body.nodeIndices.length") == linked
    assert frame.evaluate("typeof window.__pwned") == "undefined" and requests == []
    tab.close()


def drawn(page) -> tuple[int, int]:
    return tuple(page.evaluate("[kgNetwork.body.nodeIndices.length, kgNetwork.body.edgeIndices.length]"))


def test_draws_every_fact_offline_and_runs_no_article_text(page, built, tmp_path):
    graph = fact_graph(KnowledgeGraph.load(built).graph)
    linked = sum(1 for n in graph if graph.degree(n))
    assert drawn(page) == (linked, graph.number_of_edges()) and linked > 5
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    texts = page.evaluate("kgData.edges.get().map(e => e.title.textContent)")
    assert any("<script>window.__pwned=1</script>" in t and '<img src=x onerror="window.__pwned=2">' in t for t in texts)
    page.screenshot(path=str(tmp_path / "graph.png"))
    assert (tmp_path / "graph.png").stat().st_size > 10_000
    assert page.problems == []


def test_edge_tooltip_shows_the_markup_as_text(page):
    edge = page.evaluate("kgData.edges.get().find(e => e.title.textContent.includes('__pwned')).id")
    x, y = page.evaluate(f"""(() => {{
        const p = kgNetwork.body.edges[{edge}].edgeType.getPoint(0.5);
        const d = kgNetwork.canvasToDOM(p); return [d.x, d.y]; }})()""")
    page.mouse.move(x - 40, y - 40)
    page.mouse.move(x, y, steps=5)
    tooltip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    assert "<script>window.__pwned=1</script>" in tooltip.text_content()
    assert "Kay Ivey" in tooltip.text_content() and "2020-06-01" in tooltip.text_content()
    assert tooltip.query_selector("script, img") is None
    assert page.evaluate("typeof window.__pwned") == "undefined" and page.problems == []


def test_filters_search_and_toggle(page):
    nodes, edges = drawn(page)
    unasserted = page.evaluate("kgData.edges.get().filter(e => !e.asserted).length")
    assert unasserted >= 1
    page.get_by_label("denied, hypothetical, reported (dashed)").uncheck()
    assert drawn(page) == (nodes, edges - unasserted)
    page.get_by_label("denied, hypothetical, reported (dashed)").check()
    holds = page.evaluate("kgData.edges.get().filter(e => e.relation === 'holds_position').length")
    page.locator("#relations").get_by_label("holds position", exact=False).uncheck()
    assert drawn(page) == (nodes, edges - holds)
    positions = page.evaluate("kgData.nodes.get().filter(n => n.type === 'Position').length")
    page.locator("#types").get_by_label("Position", exact=False).uncheck()
    assert drawn(page)[0] == nodes - positions
    page.locator("#types").get_by_label("Position", exact=False).check()
    page.fill("#query", "sessions")
    page.press("#query", "Enter")
    assert page.evaluate("kgNetwork.getSelectedNodes()") == ["https://w3id.org/kg/entity/person/jeff-sessions"]
    assert page.text_content("#status") == "Jeff Sessions (Person)"
    assert page.problems == []
