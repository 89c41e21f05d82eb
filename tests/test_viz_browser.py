"""The interactive page in a real headless Chromium (Debian's), with the network blocked.

scripts/install-system-packages installs /usr/bin/chromium; Playwright for Python drives it
(``executable_path``; `playwright install` is never needed). Every request other than
file:// is aborted and recorded: the page must work offline and leave the machine alone.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lexgraph.graph.viz import to_network
from tests.test_viz import QUOTE_AB, XSS_SCRIPT, big_graph, xss_graph

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("browser: /usr/bin/chromium missing (run scripts/install-system-packages)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser: pip install playwright")
    with sync_api.sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


class Page:
    """One page plus what it did: console errors, dialogs, requests that tried to leave."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.external: list[str] = []
        self.page.on(
            "console", lambda m: m.type in ("error", "warning") and self.errors.append(m.text)
        )
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route("**/*", self._route)
        self.started = time.perf_counter()
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.lexgraph && window.lexgraph.ready", timeout=20_000)
        self.ready_after = time.perf_counter() - self.started

    def _route(self, route):
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def js(self, script: str, arg=None):
        return self.page.evaluate(script, arg)

    def screen_point(self, canvas_xy: dict) -> tuple[float, float]:
        dom = self.js("p => lexgraph.network.canvasToDOM(p)", canvas_xy)
        box = self.page.locator("#lexgraph-network").bounding_box()
        return box["x"] + dom["x"], box["y"] + dom["y"]

    def hover_tooltip(self, canvas_xy: dict) -> str:
        self.page.mouse.move(0, 0)
        x, y = self.screen_point(canvas_xy)
        self.page.mouse.move(x - 3, y)
        self.page.mouse.move(x, y)
        tooltip = self.page.locator("div.vis-tooltip")
        self.page.wait_for_function(
            "() => { const t = document.querySelector('div.vis-tooltip');"
            " return t && t.style.visibility !== 'hidden' && t.textContent.length > 0; }",
            timeout=5_000,
        )
        return tooltip.inner_text()


@pytest.fixture(scope="module")
def xss_page(browser, tmp_path_factory):
    path = tmp_path_factory.mktemp("viz") / "xss.html"
    to_network(xss_graph(), physics=False).write_html(path)
    page = Page(browser, path)
    yield page
    page.page.close()


def test_counts_and_offline(xss_page):
    assert xss_page.js("[lexgraph.nodeCount(), lexgraph.edgeCount()]") == [5, 4]
    assert xss_page.js("lexgraph.network.body.data.nodes.length") == 5
    assert xss_page.page.locator("#lexgraph-network canvas").count() == 1


def test_hover_shows_card_and_quote(xss_page):
    key = "120/KH-UBND@2022@hau-giang"
    pos = xss_page.js("k => lexgraph.network.getPositions([k])[k]", key)
    card = xss_page.hover_tooltip(pos)
    assert "Công tác dân vận" in card and XSS_SCRIPT in card and "UBND tỉnh Hậu Giang" in card
    edge = xss_page.js(
        "() => { const e = lexgraph.edges.get().find(e => e.card.some(r => r[1].includes('26/11/2021')));"
        " const p = lexgraph.network.getPositions([e.from, e.to]);"
        " return {x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2}; }"
    )
    tip = xss_page.hover_tooltip(edge)
    assert QUOTE_AB in tip and "implements" in tip and "I.1" in tip
    xss_page.page.mouse.move(0, 0)


def test_search_is_accent_insensitive(xss_page):
    assert xss_page.js("lexgraph.search('dan van')") == ["120/KH-UBND@2022@hau-giang"]
    box = xss_page.page.locator("#lexgraph-search")
    box.fill("33/ct-ttg")
    box.press("Enter")
    items = xss_page.page.locator("#lexgraph-results li.hit")
    assert items.first.get_attribute("data-id") == "33/CT-TTg@2021"
    assert xss_page.js("lexgraph.network.getSelectedNodes()") == ["33/CT-TTg@2021"]
    xss_page.js("lexgraph.resetHighlight()")


def test_click_highlights_lineage(xss_page):
    key = "35/KH-UBND@2022@hau-giang/vi-thanh"
    xss_page.js("lexgraph.network.fit({animation: false})")
    x, y = xss_page.screen_point(xss_page.js("k => lexgraph.network.getPositions([k])[k]", key))
    xss_page.page.mouse.click(x, y)
    lineage = set(xss_page.js("lexgraph.highlighted"))
    assert lineage == {key, "120/KH-UBND@2022@hau-giang", "33/CT-TTg@2021", "25-NQ/TW@2013"}
    faded = xss_page.js("lexgraph.nodes.get('64/KH-UBND@2022@son-la').color.background")
    assert faded == "#f2f3f4"
    xss_page.js("lexgraph.resetHighlight()")


def test_relation_toggle_hides_edges(xss_page):
    assert xss_page.js("lexgraph.visibleEdgeCount()") == 4
    xss_page.page.locator("input[data-relation=implements]").uncheck()
    assert xss_page.js("lexgraph.visibleEdgeCount()") == 2
    xss_page.page.locator("#lexgraph-only-implements").click()
    assert xss_page.js("lexgraph.visibleEdgeCount()") == 2  # implements back, the rest hidden
    xss_page.page.locator("#lexgraph-all-relations").click()
    assert xss_page.js("lexgraph.visibleEdgeCount()") == 4


def test_untrusted_text_executes_nothing(xss_page):
    xss_page.js("lexgraph.search('<img')")
    xss_page.page.locator("#lexgraph-search").fill("kế hoạch")
    assert xss_page.page.locator("#lexgraph-results li.hit").count() >= 2
    assert xss_page.js("window.__xss === undefined")
    assert xss_page.js("document.querySelectorAll('img').length") == 0
    assert xss_page.js("document.scripts.length") == 3
    assert xss_page.dialogs == []
    assert "<" in xss_page.page.locator("#lexgraph-results").inner_text()  # shown as text


def test_no_console_errors_no_requests_and_screenshot(xss_page):
    ARTIFACTS.mkdir(exist_ok=True)
    xss_page.page.screenshot(path=str(ARTIFACTS / "viz-small.png"))
    assert xss_page.errors == []
    assert xss_page.external == []


def test_2000_nodes_interactive_within_5s(browser, tmp_path):
    graph = big_graph(2000)
    path = tmp_path / "big.html"
    to_network(graph).write_html(path)
    page = Page(browser, path)
    try:
        counts = page.js("[lexgraph.nodeCount(), lexgraph.edgeCount()]")
        assert counts == [2000, graph.number_of_edges()]
        # Interactive: a search, a focus and a lineage highlight answer, all within 5 s of load.
        hits = page.js("lexgraph.search('cong tac dan van so 1999')")
        assert hits == ["1999"]
        page.js("lexgraph.focusNode('1999')")
        page.page.mouse.move(700, 450)
        elapsed = time.perf_counter() - page.started
        assert page.js("lexgraph.network.physics.options.enabled") is False
        assert elapsed < 5.0, f"interactive after {elapsed:.2f}s"
        assert page.errors == [] and page.external == []
        ARTIFACTS.mkdir(exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / "viz-2000.png"))
        print(f"2000 nodes: ready {page.ready_after:.2f}s, interactive {elapsed:.2f}s")
    finally:
        page.page.close()
