"""The built HTML in a real headless Chromium (Debian's `chromium`, driven by Playwright)."""

import json
import os
import shutil
import time
from pathlib import Path

import networkx as nx
import pytest

from kg.analysis import Statement, fact_graph
from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.viz import page as graph_page

from .conftest import EXAMPLE_ARTICLE, ROOT

ARTICLES = ROOT / "notebooks" / "articles.jsonl"  # invented articles with titles and urls

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
XSS = ('date 2020-06-01\nGovernor Kay Ivey endorsed Tommy Tuberville <script>window.__pwned=1</script> on Monday, '
       'aides said <img src=x onerror="window.__pwned=2">.\n')
HOSTILE = [  # hostile titles and urls: shown as text, never links
    {"id": "hostile-1", "date": "2031-05-01", "title": '<img src=x onerror="window.__pwned=3">Breaking',
     "url": "javascript:window.__pwned=4", "text": "Governor Lena Sorby endorsed Hollis Brandt on Friday."},
    {"id": "hostile-2", "date": "2031-05-02", "title": "Quoted <script>window.__pwned=5</script>",
     "url": 'https://evil.example/"><script>window.__pwned=6</script>', "text": "Mayor Ada Crane endorsed Dana Whitlow on Friday."},
]


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
    (folder / "hostile.jsonl").write_text("".join(json.dumps(r) + "\n" for r in HOSTILE), encoding="utf-8")
    assert main(["build", str(EXAMPLE_ARTICLE), str(folder / "xss.txt"), str(ARTICLES), str(folder / "hostile.jsonl"),
                 "-o", str(folder / "out"), "-q", "--title", "Norland <i>news</i>"]) == 0
    return folder / "out"


def open_page(browser, path: Path):
    """``path`` open and drawn; ``page.problems`` collects console errors and every request that
    is not the file itself (vis-network and the data are inline: nothing may be fetched)."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.problems = []
    page.on("console", lambda m: page.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda err: page.problems.append(f"page error: {err}"))
    page.on("request", lambda r: page.problems.append(f"request {r.url}") if r.url != path.as_uri() else None)
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready]", timeout=30_000)
    return page


@pytest.fixture
def page(browser, built):
    page = open_page(browser, built / "graph.html")
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
    edge = page.evaluate("kgData.edges.get().find(e => e.title.textContent.includes('__pwned=1')).id")
    x, y = page.evaluate(f"""(() => {{
        const p = kgNetwork.body.edges[{edge}].edgeType.getPoint(0.5);
        const d = kgNetwork.canvasToDOM(p); return [d.x, d.y]; }})()""")
    box = page.locator("#graph").bounding_box()
    x, y = x + box["x"], y + box["y"]
    page.mouse.move(x - 40, y - 40)
    page.mouse.move(x, y, steps=5)
    tooltip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    assert "<script>window.__pwned=1</script>" in tooltip.text_content()
    assert "Kay Ivey" in tooltip.text_content() and "2020-06-01" in tooltip.text_content()
    assert tooltip.query_selector("script, img") is None
    assert page.evaluate("typeof window.__pwned") == "undefined" and page.problems == []


def shown(page) -> tuple[set, set]:
    ids = page.evaluate("[kgNetwork.body.nodeIndices, kgNetwork.body.edgeIndices]")
    return set(ids[0]), set(ids[1])


def no_orphans(page) -> bool:
    """Every entity drawn has a fact drawn."""
    return page.evaluate("""(() => {
        const ends = new Set(kgNetwork.body.edgeIndices.flatMap(id => [kgNetwork.body.edges[id].fromId, kgNetwork.body.edges[id].toId]));
        return kgNetwork.body.nodeIndices.every(id => ends.has(id)); })()""")


def wait_until(page, expression: str, timeout: float = 30) -> None:
    """Poll ``expression`` from outside (the page's CSP forbids the eval that wait_for_function polls with)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        page.wait_for_timeout(100)


def layouts(page) -> int:
    return int(page.evaluate("document.body.dataset.layouts || '0'"))


def click_node(page, label: str) -> str:
    """Click the drawn entity labelled ``label`` with the mouse, as a reader would."""
    node = page.evaluate(f"kgData.nodes.get().find(n => n.label === {json.dumps(label)}).id")
    page.evaluate(f"kgNetwork.moveTo({{position: kgNetwork.getPositions([{json.dumps(node)}])[{json.dumps(node)}], scale: 1.2}})")
    box = page.locator("#graph").bounding_box()
    x, y = page.evaluate(f"""(() => {{ const p = kgNetwork.getPositions([{json.dumps(node)}])[{json.dumps(node)}];
        const d = kgNetwork.canvasToDOM(p); return [d.x, d.y]; }})()""")
    page.mouse.click(box["x"] + x, box["y"] + y)
    return node


def veiled(page, label: str) -> bool:
    """Whether the pixel at the centre of the entity labelled ``label`` is washed out (the focus
    veil): its colour is close to white, where the same node's own colour is saturated."""
    node = page.evaluate(f"kgData.nodes.get().find(n => n.label === {json.dumps(label)}).id")
    return page.evaluate(f"""(() => {{
        kgNetwork.moveTo({{position: kgNetwork.getPositions([{json.dumps(node)}])[{json.dumps(node)}], scale: 1}});
        kgNetwork.redraw();
        const c = kgNetwork.canvasToDOM(kgNetwork.getPositions([{json.dumps(node)}])[{json.dumps(node)}]);
        const canvas = document.querySelector('#graph canvas'), r = window.devicePixelRatio || 1;
        const [red, green, blue] = canvas.getContext('2d').getImageData(Math.round(c.x * r), Math.round(c.y * r), 1, 1).data;
        return Math.min(red, green, blue) > 180; }})()""")


def test_clicking_a_person_opens_the_details_with_evidence_and_a_link_to_the_article(page):
    node = click_node(page, "Marla Quint")
    details = page.locator("#details")
    details.wait_for(state="visible")
    assert details.locator("h2").text_content() == "Marla Quint"
    assert "Person" in details.text_content() and "Positions: governor" in details.text_content()
    assert details.get_by_text("Governor Marla Quint endorsed Dana Whitlow on Monday", exact=False).first.is_visible()
    link = details.locator('a[href="https://valley-courier.example/2031/03/quint-backs-whitlow"]').first
    assert link.is_visible() and link.text_content() == "Governor Marla Quint backs Dana Whitlow in the Senate race"
    assert link.get_attribute("rel") == "noopener noreferrer"
    groups = details.locator("h3").all_text_contents()
    assert "endorses (1)" in groups and any(g.startswith("appointed") for g in groups)
    # the rest of the graph dims to the neighbourhood
    near = {page.evaluate(f"kgData.nodes.get({json.dumps(n)}).label") for n in page.evaluate("kgFocus()")}
    assert {"Marla Quint", "Dana Whitlow", "Rosa Ibarra", "governor"} <= near and "Jeff Sessions" not in near
    assert veiled(page, "Jeff Sessions") and not veiled(page, "Dana Whitlow")
    # a neighbour is a link that moves the focus
    details.get_by_role("button", name="Dana Whitlow").first.click()
    assert details.locator("h2").text_content() == "Dana Whitlow"
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [node.replace("marla-quint", "dana-whitlow")]
    page.keyboard.press("Escape")
    assert details.is_hidden()
    click_node(page, "Simon Pell")
    assert details.locator("h2").text_content() == "Simon Pell"
    details.get_by_role("button", name="close the details").click()
    assert details.is_hidden() and page.evaluate("kgFocus()") == [] and not veiled(page, "Jeff Sessions")
    assert page.problems == []


def test_filtering_hides_orphans_and_lays_the_rest_out_again(page):
    nodes, edges = shown(page)
    before = layouts(page)
    for label in page.locator("#relations label").all_text_contents():
        if not label.startswith("endorses"):
            page.locator("#relations").get_by_label(label).uncheck()
    wait_until(page, f"Number(document.body.dataset.layouts) > {before}")
    kept_nodes, kept_edges = shown(page)
    endorsements = page.evaluate("kgData.edges.get().filter(e => e.relation === 'endorses').map(e => e.id)")
    assert kept_edges == set(endorsements) and no_orphans(page) and len(kept_nodes) < len(nodes)
    assert "Drawn: " + str(len(kept_nodes)) + " entities, " + str(len(kept_edges)) + " facts." in page.text_content("#counts")
    page.get_by_label("denied, hypothetical, reported (dashed)").uncheck()
    assert no_orphans(page) and all(page.evaluate(f"kgData.edges.get({e}).asserted") for e in shown(page)[1])
    page.locator("#types").get_by_label("Organization", exact=False).uncheck()
    assert no_orphans(page)
    assert page.evaluate("kgNetwork.body.nodeIndices.every(id => kgData.nodes.get(id).type !== 'Organization')")
    assert page.problems == []


def test_search_lists_every_match_with_its_type_and_picks_one(page):
    page.fill("#query", "norland")
    expected = page.evaluate("""kgData.nodes.get().filter(n => n.label.toLowerCase().includes('norland')
        || n.aliases.some(a => a.toLowerCase().includes('norland'))).map(n => n.label).sort()""")
    assert len(expected) >= 2
    items = page.locator("#matches li")
    assert sorted(items.locator("button").all_text_contents()) == expected
    assert all(t.split(" · ")[0] in ("Person", "Organization", "Place", "Group", "Position", "Matter", "Election", "Thing")
               for t in items.locator(".kg-type").all_text_contents())
    assert page.text_content("#found") == f"{len(expected)} matches"
    page.press("#query", "Enter")  # several matches: Enter picks none
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [] and "pick one" in page.text_content("#status")
    items.get_by_role("button", name="Norland Farmers Union").click()
    assert page.locator("#details h2").text_content() == "Norland Farmers Union"
    assert page.text_content("#status") == "Norland Farmers Union (Organization)"
    page.fill("#query", "sessions")
    page.press("#query", "Enter")
    assert page.evaluate("kgNetwork.getSelectedNodes()") == ["https://w3id.org/kg/entity/person/jeff-sessions"]
    assert page.text_content("#status") == "Jeff Sessions (Person)"
    assert page.problems == []


def test_the_date_range_changes_the_facts_drawn_and_keeps_undated_ones(page, built):
    graph = fact_graph(KnowledgeGraph.load(built).graph)
    undated = sum(1 for _, _, ev in graph.edges(data="evidence") for e in ev if e.date is None)
    assert undated >= 1
    assert f"{undated} undated statement" in page.text_content("#undated")
    _, edges = shown(page)
    page.fill("#date-from", "2031-04-01")
    page.dispatch_event("#date-from", "change")
    expected = sum(1 for _, _, ev in graph.edges(data="evidence") if any(e.date is None or e.date >= "2031-04-01" for e in ev))
    nodes_after, edges_after = shown(page)
    assert len(edges_after) == expected < len(edges) and no_orphans(page)
    texts = page.evaluate("kgNetwork.body.edgeIndices.map(id => kgData.edges.get(id).title.textContent)")
    assert any("Whitlow defeated Hollis Brandt" in t or "congratulated Whitlow" in t for t in texts)  # undated: kept
    page.fill("#date-to", "2031-04-10")
    page.dispatch_event("#date-to", "change")
    later = sum(1 for _, _, ev in graph.edges(data="evidence") if any(e.date is None or "2031-04-01" <= e.date <= "2031-04-10" for e in ev))
    assert len(shown(page)[1]) == later < expected
    assert page.problems == []


def test_the_table_lists_the_drawn_facts_with_evidence_and_links(page):
    page.fill("#date-from", "2031-03-15")
    page.dispatch_event("#date-from", "change")
    page.get_by_role("button", name="Table of facts").click()
    rows = page.locator("#table tbody tr")
    assert {int(e) for e in rows.evaluate_all("rs => rs.map(r => r.dataset.edge)")} == shown(page)[1]
    assert page.locator("#table").get_by_text("Dana Whitlow and Hollis Brandt will face off", exact=False).count() + \
        page.locator("#table").get_by_text("Attorney General Simon Pell recused himself", exact=False).count() >= 1
    assert page.locator('#table a[href="https://norland-ledger.example/news/pell-recusal"]').count() >= 1
    page.get_by_role("button", name="Date ▲").click()  # sorted by date; a second click reverses
    dates = [d for d in page.locator("#table tbody tr td:nth-child(5)").all_text_contents() if d != "undated"]
    assert dates == sorted(dates, reverse=True)
    page.get_by_role("button", name="Subject").click()
    subjects = page.locator("#table tbody tr td:nth-child(1)").all_text_contents()
    assert subjects == sorted(subjects)
    page.get_by_role("button", name="Graph").click()
    assert page.locator("#table").is_hidden()
    assert page.problems == []


def test_save_png(page, tmp_path):
    with page.expect_download() as download:
        page.get_by_role("button", name="Save PNG").click()
    path = tmp_path / "view.png"
    download.value.save_as(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
    assert [p for p in page.problems if not p.startswith("request data:image/png")] == []


def test_hostile_titles_and_urls_stay_text_and_are_never_links(page):
    page.fill("#query", "Lena Sorby")
    page.press("#query", "Enter")
    details = page.locator("#details")
    assert '<img src=x onerror="window.__pwned=3">Breaking' in details.text_content()
    page.fill("#query", "Ada Crane")
    page.press("#query", "Enter")
    assert "Quoted <script>window.__pwned=5</script>" in details.text_content()
    page.get_by_role("button", name="Table of facts").click()
    hrefs = page.evaluate("[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith("https://") and '"' not in h and "<" not in h for h in hrefs)
    assert page.evaluate("document.querySelectorAll('img, #details script, #table script').length") == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() == "Norland <i>news</i>" and page.text_content("h1") == "Norland <i>news</i>"
    assert "/tmp" not in page.content().split('id="kg-data"')[0] and str(ROOT) not in page.content()
    assert page.problems == []


def hostile_graph() -> nx.MultiDiGraph:
    """Entity names and aliases that are markup, and a javascript: url."""
    graph = nx.MultiDiGraph()
    evil = '<img src=x onerror="window.__pwned=7">Evil'
    graph.add_node("a", label=evil, type="Person", aliases=["<script>window.__pwned=8</script>"])
    graph.add_node("b", label="Plain Name", type="Organization", aliases=[])
    graph.add_edge("a", "b", "endorses", relation="endorses", label="endorses", polarity="positive", symmetric=False,
                   evidence=[Statement("d<1>", 0, f"{evil} endorsed Plain Name.", "2030-01-01", 0.9, "positive",
                                      title="<b>t</b>", url="javascript:window.__pwned=9")])
    return graph


def test_hostile_names_stay_text(browser, tmp_path):
    path = tmp_path / "hostile.html"
    path.write_text(graph_page(hostile_graph()).html, encoding="utf-8")
    page = open_page(browser, path)
    page.fill("#query", "evil")
    assert page.locator("#matches button").text_content() == '<img src=x onerror="window.__pwned=7">Evil'
    page.locator("#matches button").click()
    assert "<script>window.__pwned=8</script>" in page.text_content("#details") and "<b>t</b>" in page.text_content("#details")
    page.get_by_role("button", name="Table of facts").click()
    assert page.evaluate("document.querySelectorAll('a, img').length") == 0
    assert page.evaluate("typeof window.__pwned") == "undefined" and page.problems == []
    page.close()


def big_graph(people: int = 130) -> nx.MultiDiGraph:
    """A graph past the page's "big" size: people endorse a few candidates and hold a few positions."""
    graph = nx.MultiDiGraph()
    ev = [Statement("d", 0, "s.", "2030-01-01", 0.9, "positive")]
    for i in range(6):
        graph.add_node(f"c{i}", label=f"Candidate {i}", type="Person", aliases=[])
        graph.add_node(f"p{i}", label=f"post {i}", type="Position", aliases=[])
    for i in range(people):
        graph.add_node(f"n{i}", label=f"Person {i}", type="Person", aliases=[])
        graph.add_edge(f"n{i}", f"c{i % 6}", "endorses", relation="endorses", label="endorses", polarity="positive",
                       symmetric=False, evidence=ev)
        graph.add_edge(f"n{i}", f"p{i % 6}", "holds_position", relation="holds_position", label="holds position",
                       polarity="positive", symmetric=False, evidence=ev)
    return graph


def test_a_big_graph_opens_readable_on_the_core_relations(browser, tmp_path):
    path = tmp_path / "big.html"
    path.write_text(graph_page(big_graph()).html, encoding="utf-8")
    page = open_page(browser, path)
    nodes, edges = shown(page)
    assert all(page.evaluate(f"kgData.edges.get({e}).relation") == "endorses" for e in edges) and len(edges) == 130
    assert not any(n.startswith("p") for n in nodes) and no_orphans(page)
    # the most connected are labelled at a readable size on screen, and in view
    sizes = page.evaluate("""['c0', 'c3'].map(id => kgData.nodes.get(id).font.size * kgNetwork.getScale())""")
    assert all(10.5 <= s <= 16.5 for s in sizes)
    box = page.locator("#graph").bounding_box()
    for node in ("c0", "c5"):
        x, y = page.evaluate(f"(() => {{ const d = kgNetwork.canvasToDOM(kgNetwork.getPositions(['{node}'])['{node}']); return [d.x, d.y]; }})()")
        assert 0 <= x <= box["width"] and 0 <= y <= box["height"]
    # positions are a line in the details, and a toggle brings them back as nodes
    click_node(page, "Person 7")
    assert "Positions: post 1" in page.text_content("#details")
    # a hub lists its first 20 facts of a relation, and the rest on demand
    page.fill("#query", "Candidate 0")
    page.press("#query", "Enter")
    assert page.locator("#details h3").first.text_content() == "endorses (22)"
    assert page.locator("#details .kg-fact").count() == 20
    page.get_by_role("button", name="show 2 more").click()
    assert page.locator("#details .kg-fact").count() == 22
    wait_until(page, "kgData.nodes.get('c0').font.size * kgNetwork.getScale() <= 16.5")  # zoomed in: labels shrink back
    page.get_by_label("only the 1 core relations", exact=False).uncheck()
    assert len(shown(page)[1]) == 260 and any(n.startswith("p") for n in shown(page)[0])
    assert page.problems == []
    page.close()
