"""Regenerate docs/graph.png: the example build in headless Chromium, an edge's evidence tooltip open.

    .venv/bin/python docs/screenshot.py        (needs Debian's chromium and playwright)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from kg.build import build

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(ROOT)  # document ids relative to the project, as `make demo` shows them
        build(["examples"], tmp)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 640})
            page.goto((Path(tmp) / "graph.html").as_uri())
            page.wait_for_selector("body[data-ready]")
            x, y = page.evaluate("""(() => {
                const e = kgData.edges.get().find(e => e.relation === 'endorses' && e.asserted);
                const d = kgNetwork.canvasToDOM(kgNetwork.body.edges[e.id].edgeType.getPoint(0.5)); return [d.x, d.y]; })()""")
            page.mouse.move(x - 30, y - 30)
            page.mouse.move(x, y, steps=5)
            page.wait_for_selector("div.vis-tooltip", state="visible")
            page.screenshot(path=str(ROOT / "docs" / "graph.png"))
            browser.close()


if __name__ == "__main__":
    main()
