"""Regenerate the README's screenshots from the invented articles in notebooks/articles.jsonl:
docs/graph.png (the opening view) and docs/panel.png (an entity's details open).

    .venv/bin/python docs/screenshot.py        (needs Debian's chromium and playwright)
"""

from __future__ import annotations

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
        build([ROOT / "notebooks" / "articles.jsonl"], tmp, title="Norland Senate race: six invented articles")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.goto((Path(tmp) / "graph.html").as_uri())
            page.wait_for_selector("body[data-ready]")
            page.screenshot(path=str(ROOT / "docs" / "graph.png"))
            page.fill("#query", "quint")
            page.press("#query", "Enter")
            page.wait_for_selector("#details h2")
            page.wait_for_timeout(600)  # the focus animation
            page.screenshot(path=str(ROOT / "docs" / "panel.png"))
            browser.close()


if __name__ == "__main__":
    main()
